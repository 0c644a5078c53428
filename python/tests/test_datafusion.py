"""chiso as DataFusion scalar UDFs, queried with SQL (runs in CI)."""

import json

import chiso
import pytest
from chiso.columns import annotate_arrow, entities_arrow, entities_type
from conftest import SENTENCES, news_lines

pa = pytest.importorskip("pyarrow")
datafusion = pytest.importorskip("datafusion")


def context(texts, dates):
    ctx = datafusion.SessionContext()
    batch = pa.RecordBatch.from_pydict(
        {
            "id": pa.array(range(len(texts)), type=pa.int64()),
            "text": pa.array(texts, type=pa.string()),
            "date": pa.array(dates, type=pa.string()).cast(pa.date32()),
        }
    )
    # Two partitions: DataFusion calls the UDF once per batch.
    half = len(texts) // 2
    ctx.register_record_batches("docs", [[batch.slice(0, half)], [batch.slice(half)]])
    ctx.register_udf(
        datafusion.udf(
            lambda text, date: annotate_arrow(text, date, reference_date="2023-06-20"),
            [pa.string(), pa.date32()],
            pa.string(),
            "stable",
            name="chiso_annotate",
        )
    )
    ctx.register_udf(datafusion.udf(entities_arrow, [pa.string()], entities_type(), "stable", name="chiso_entities"))
    return ctx


def test_sql_annotates_every_row():
    texts = SENTENCES + [None]
    dates = [None, "2024-01-05"] * (len(texts) // 2) + [None] * (len(texts) % 2)
    ctx = context(texts, dates)
    rows = ctx.sql("SELECT id, chiso_annotate(text, date) AS doc FROM docs ORDER BY id").to_pydict()
    assert rows["id"] == list(range(len(texts)))
    nlp = chiso.Annotator(reference_date="2023-06-20")
    expected = nlp.annotate_batch_json(texts, dates, tokens=False)
    assert rows["doc"] == expected
    assert rows["doc"][-1] is None
    assert json.loads(rows["doc"][1])["date"] == "2024-01-05"


def test_sql_counts_entities_by_type():
    ctx = context(SENTENCES, [None] * len(SENTENCES))
    counts = ctx.sql(
        "SELECT e['type'] AS type, count(*) AS n FROM (SELECT unnest(chiso_entities(text)) AS e FROM docs) "
        "GROUP BY e['type'] ORDER BY type"
    ).to_pydict()
    expected = {}
    for doc in chiso.Annotator().annotate_batch(SENTENCES):
        for e in doc["entities"]:
            expected[e["type"]] = expected.get(e["type"], 0) + 1
    assert dict(zip(counts["type"], counts["n"])) == expected
    money = ctx.sql(
        "SELECT e['text'] AS text, e['value'] AS value FROM (SELECT unnest(chiso_entities(text)) AS e FROM docs) "
        "WHERE e['type'] = 'money' ORDER BY text"
    ).to_pydict()
    assert ("1.234,5 tỷ đồng", "1234500000000") in list(zip(money["text"], money["value"]))


def test_sql_over_the_news_sample():
    lines = news_lines(limit=300)
    ctx = context(lines, [None] * len(lines))
    n = ctx.sql("SELECT count(*) AS n FROM (SELECT unnest(chiso_entities(text)) AS e FROM docs)").to_pydict()["n"][0]
    assert n == sum(len(d["entities"]) for d in chiso.Annotator().annotate_batch(lines, tokens=False))
