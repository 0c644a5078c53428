"""chiso — chỉ số: rule-based Vietnamese NLP.

Numbers, percentages, money, quantities, ordinals, dates, times, periods,
durations, persons, officials, places and organizations, with exact offsets
(Unicode code points, so ``text[e["start"]:e["end"]] == e["text"]``) and the
statistics records read from them.

>>> import chiso
>>> nlp = chiso.Annotator(reference_date="2023-06-20")
>>> doc = nlp.annotate("Năm 2023, sản lượng lúa đạt 1.234,5 nghìn tấn, tăng 3,4%.")
>>> [(e["type"], e["text"]) for e in doc["entities"]]
[('date', 'Năm 2023'), ('quantity', '1.234,5 nghìn tấn'), ('percent', '3,4%')]

The document is the one of ``chiso annotate`` (docs/format.md in the
repository); :class:`Annotator` is safe to share between threads, and
:meth:`Annotator.annotate_batch` annotates on every core with the GIL
released.
"""

from . import columns
from ._chiso import Annotator, __version__

__all__ = ["Annotator", "__version__", "columns"]
