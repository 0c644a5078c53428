"""Columns of texts (pandas, pyarrow) for distributed engines.

Dask's ``map_partitions``, Spark's ``mapInPandas``, Ray Data's
``map_batches`` and DataFusion UDFs all hand a worker one column of texts at
a time. These helpers annotate such a column with one :class:`chiso.Annotator`
per worker process (built on first use, then reused) and return a column of
the same length:

- :func:`annotate_arrow`: pyarrow strings → pyarrow strings, one JSON document
  each (the line ``chiso annotate`` writes), null for a null text.
- :func:`entities_arrow`: pyarrow strings → a list of entity structs per text
  (type, start, end, text, value as JSON), for SQL (``unnest``, ``GROUP BY``).
- :func:`annotate_pandas`: a pandas DataFrame → the same with a JSON column.
- :func:`statistics_pandas`: a pandas DataFrame → one row per statistics record.

Engines already run one worker per core, so the annotator here annotates on
one thread (``jobs=1``) unless told otherwise.

>>> import pandas as pd
>>> from chiso.columns import annotate_pandas
>>> df = pd.DataFrame({"id": [1, 2], "text": ["Năm 2023 tăng 3,4%.", "Trời mưa."]})
>>> import json
>>> [len(json.loads(d)["entities"]) for d in annotate_pandas(df)["chiso"]]
[2, 0]
"""

import functools
import json

from ._chiso import CSV_COLUMNS, Annotator

__all__ = [
    "annotator",
    "annotate_arrow",
    "entities_arrow",
    "annotate_pandas",
    "statistics_pandas",
    "ENTITY_STRUCT_FIELDS",
    "STATISTICS_COLUMNS",
]


@functools.lru_cache(maxsize=8)
def annotator(reference_date=None, jobs=1):
    """The annotator of this process for these arguments: built once, then reused.

    >>> annotator("2023-06-20") is annotator("2023-06-20")
    True
    """
    return Annotator(reference_date=reference_date, jobs=jobs)


def _as_list(column):
    if hasattr(column, "to_pylist"):
        return column.to_pylist()
    if hasattr(column, "tolist"):
        return column.tolist()
    return list(column)


def annotate_arrow(texts, dates=None, *, reference_date=None, jobs=1, tokens=False):
    """A pyarrow string array (or ChunkedArray) → a pyarrow string array of
    JSON documents (null for a null text). ``dates``: an array of dates
    (string "YYYY-MM-DD" or date32) or None.

    >>> import pyarrow as pa
    >>> out = annotate_arrow(pa.array(["Ngày 16/6 giá tăng 5%.", None]), reference_date="2023-06-20")
    >>> out.type, out.null_count
    (DataType(string), 1)
    >>> [e["value"] for e in json.loads(out[0].as_py())["entities"]]
    ['2023-06-16', 5]
    """
    import pyarrow as pa

    dates = None if dates is None else _as_list(dates)
    docs = annotator(reference_date, jobs).annotate_batch_json(texts, dates, tokens=tokens)
    return pa.array(docs, type=pa.string())


ENTITY_STRUCT_FIELDS = [
    ("type", "string"),
    ("start", "int64"),
    ("end", "int64"),
    ("text", "string"),
    ("value", "string"),
]
"""The fields of an entity in :func:`entities_arrow`; ``value`` is the JSON of
the entity's value (its "value", or "name" for names, or {"min", "max"})."""


def entities_type():
    """The pyarrow type of :func:`entities_arrow`'s result: list<struct<type, start, end, text, value>>."""
    import pyarrow as pa

    return pa.list_(pa.struct([(name, getattr(pa, kind)()) for name, kind in ENTITY_STRUCT_FIELDS]))


def _entity_value(e):
    if "value" in e:
        return json.dumps(e["value"], ensure_ascii=False)
    if "name" in e:
        return json.dumps(e["name"], ensure_ascii=False)
    if "min" in e or "max" in e:
        return json.dumps({"min": e.get("min"), "max": e.get("max")})
    return None


def entities_arrow(texts, dates=None, *, reference_date=None, jobs=1):
    """A pyarrow string array → per text, the list of its entities as structs
    (see :data:`ENTITY_STRUCT_FIELDS`); null for a null text.

    >>> import pyarrow as pa
    >>> out = entities_arrow(pa.array(["Có 3.120 hộ."]))
    >>> out.to_pylist()
    [[{'type': 'quantity', 'start': 3, 'end': 11, 'text': '3.120 hộ', 'value': '3120'}]]
    """
    import pyarrow as pa

    dates = None if dates is None else _as_list(dates)
    docs = annotator(reference_date, jobs).annotate_batch(texts, dates, tokens=False)
    rows = [
        None
        if doc is None
        else [
            {"type": e["type"], "start": e["start"], "end": e["end"], "text": e["text"], "value": _entity_value(e)}
            for e in doc["entities"]
        ]
        for doc in docs
    ]
    return pa.array(rows, type=entities_type())


def annotate_pandas(df, text="text", date=None, *, column="chiso", reference_date=None, jobs=1, tokens=False):
    """A copy of ``df`` with a column ``column`` of JSON documents (pandas
    "string" dtype, so it maps to an Arrow string column; <NA> for a missing
    text) annotating its column ``text``; ``date``: the name of a column of
    dates, if any."""
    import pandas as pd

    out = df.copy()
    dates = None if date is None else _as_list(df[date])
    docs = annotator(reference_date, jobs).annotate_batch_json(_as_list(df[text]), dates, tokens=tokens)
    out[column] = pd.array(docs, dtype="string")
    return out


STATISTICS_COLUMNS = [c for c in CSV_COLUMNS if c not in ("id", "sentence")]
"""The columns of a record in :func:`statistics_pandas` (after the kept columns):
those of ``chiso stats --format csv`` but "id" and "sentence"; "value", "min"
and "max" are floats."""


def statistics_pandas(df, text="text", date=None, *, keep=("id",), reference_date=None, jobs=1):
    """One row per statistics record of the texts of ``df[text]``: the
    columns ``keep`` of its row (those present), then :data:`STATISTICS_COLUMNS`.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"id": ["a"], "text": ["Quý III/2023, doanh thu đạt 2,1 tỷ USD."]})
    >>> statistics_pandas(df)[["id", "indicator", "value", "unit", "period"]].values.tolist()
    [['a', 'doanh thu', 2100000000.0, 'USD', '2023-Q3']]
    """
    import pandas as pd

    keep = [k for k in keep if k in df.columns]
    dates = None if date is None else _as_list(df[date])
    records = annotator(reference_date, jobs).statistics(_as_list(df[text]), dates)
    rows = []
    for r in records:
        row = {k: df[k].iloc[r["index"]] for k in keep}
        row.update(_record_row(r))
        rows.append(row)
    frame = pd.DataFrame(rows, columns=keep + STATISTICS_COLUMNS)
    for c in ("value", "min", "max"):
        frame[c] = frame[c].astype("float64")
    for c in ("start", "end"):
        frame[c] = frame[c].astype("int64")
    return frame


def _record_row(r):
    """The :data:`STATISTICS_COLUMNS` of one record, in order."""
    period = r.get("period") or {}
    return dict(
        indicator=r["indicator"],
        value=_float(r.get("value")),
        min=_float(r.get("min")),
        max=_float(r.get("max")),
        approx=r.get("approx"),
        unit=r["unit"],
        change=r["change"],
        base=r["base"],
        qualifier=r["qualifier"],
        period=period.get("value"),
        period_from=period.get("from"),
        period_to=period.get("to"),
        place=r["place"],
        start=r["start"],
        end=r["end"],
        clause=r["text"],
    )


def _float(v):
    return None if v is None else float(v)
