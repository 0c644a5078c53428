"""Type stubs of the compiled module ``chiso._chiso`` (see ``help(chiso.Annotator)``)."""

import datetime
from typing import Any, Iterable, List, Optional, Union

DateLike = Union[str, datetime.date]
"""A date: a str "YYYY-MM-DD" or a datetime.date (a datetime gives its day)."""

Texts = Union[Iterable[Optional[str]], Any]
"""A list (or iterable) of str, or a pyarrow string Array / ChunkedArray."""

Document = dict[str, Any]
"""The document of docs/format.md: "date", "text", "sentences", "tokens",
"entities", "statistics"; offsets count code points."""

Record = dict[str, Any]
"""One statistics record: "indicator", "value" (or "min"/"max"), "unit",
"change", "base", "qualifier", "period", "place", "start", "end", "text"."""

__version__: str
# The columns of `chiso stats --format csv`, in order.
CSV_COLUMNS: List[str]

class Annotator:
    """The chiso annotator: build it once, share it between threads.

    >>> nlp = Annotator(reference_date="2023-06-20")
    >>> [e["text"] for e in nlp.annotate("Ngày 16/6, tỉnh đã giải ngân 1.234,5 tỷ đồng.")["entities"]]
    ['Ngày 16/6', '1.234,5 tỷ đồng']
    """

    def __init__(self, reference_date: Optional[DateLike] = None, *, jobs: Optional[int] = None) -> None:
        """reference_date: for texts without a date of their own (ValueError
        when not a calendar day, with the CLI's message); jobs: threads of a
        batch, 1 to 1024 (None: every core)."""
    @property
    def reference_date(self) -> Optional[str]:
        """The reference date as "YYYY-MM-DD", or None."""
    @property
    def jobs(self) -> Optional[int]:
        """Threads of a batch, or None for every core."""
    def annotate(self, text: str, date: Optional[DateLike] = None, *, tokens: bool = True) -> Document:
        """One text's document; ``date`` overrides the reference date.

        >>> Annotator().annotate("Tăng 3,4%.", tokens=False)["entities"][0]["value"]
        3.4
        """
    def annotate_json(self, text: str, date: Optional[DateLike] = None, *, tokens: bool = True) -> str:
        """One text's document as a JSON str (one line of ``chiso annotate``)."""
    def annotate_batch(
        self,
        texts: Texts,
        dates: Optional[Iterable[Optional[DateLike]]] = None,
        *,
        tokens: bool = True,
    ) -> List[Optional[Document]]:
        """Many texts on every core with the GIL released; None for a missing text.

        >>> [len(d["entities"]) for d in Annotator().annotate_batch(["Có 3 hộ.", "Không có gì."])]
        [1, 0]
        """
    def annotate_batch_json(
        self,
        texts: Texts,
        dates: Optional[Iterable[Optional[DateLike]]] = None,
        *,
        tokens: bool = True,
    ) -> List[Optional[str]]:
        """``annotate_json`` for many texts, on every core."""
    def statistics(
        self,
        text_or_texts: Union[str, Texts],
        date: Union[DateLike, Iterable[Optional[DateLike]], None] = None,
    ) -> List[Record]:
        """Statistics records of one text, or of many (each with "index")."""
