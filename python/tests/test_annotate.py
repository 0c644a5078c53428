"""The binding against the documented contract: offsets, values, dates, errors."""

import datetime
import doctest
import json
import unicodedata

import chiso
import pytest
from conftest import SENTENCES


def spans_slice_exactly(doc):
    text = doc["text"]
    for key in ("entities", "tokens", "statistics"):
        for x in doc.get(key, []):
            assert text[x["start"] : x["end"]] == x["text"], (key, x)
    for s in doc["sentences"]:
        assert 0 <= s["start"] <= s["end"] <= len(text)


def entities(doc):
    return [(e["type"], e["text"]) for e in doc["entities"]]


def test_document_has_the_schema_keys(nlp):
    doc = nlp.annotate(SENTENCES[0])
    assert list(doc) == ["date", "text", "sentences", "tokens", "entities", "statistics"]
    assert doc["date"] == "2023-06-20"
    assert doc["text"] == SENTENCES[0]
    assert "tokens" not in nlp.annotate(SENTENCES[0], tokens=False)


def test_values(nlp):
    doc = nlp.annotate(SENTENCES[0])
    assert [(e["type"], e["text"], e["value"]) for e in doc["entities"]] == [
        ("date", "Năm 2023", "2023"),
        ("quantity", "1.234,5 nghìn tấn", 1234500),
        ("percent", "3,4%", 3.4),
    ]
    quantity = doc["entities"][1]
    assert quantity["unit"] == "tấn" and isinstance(quantity["value"], int)
    assert isinstance(doc["entities"][2]["value"], float)
    money = nlp.annotate(SENTENCES[1])["entities"][1]
    assert (money["type"], money["value"], money["unit"]) == ("money", 1234500000000, "VND")
    ranged = [e for e in nlp.annotate(SENTENCES[5])["entities"] if e["type"] == "percent"]
    assert [(e["text"], e["min"], e["max"]) for e in ranged] == [("từ 5 đến 7%", 5, 7)]


def test_official_with_nested_person_org_place(nlp):
    assert entities(nlp.annotate(SENTENCES[2]))[:4] == [
        ("official", "Nguyễn Văn Hòa, Chủ tịch UBND tỉnh Bến Tre"),
        ("person", "Nguyễn Văn Hòa"),
        ("org", "UBND tỉnh Bến Tre"),
        ("place", "tỉnh Bến Tre"),
    ]


@pytest.mark.parametrize("text", SENTENCES)
def test_offsets_slice_the_text_in_code_points(nlp, text):
    spans_slice_exactly(nlp.annotate(text))


def test_offsets_with_emoji_count_one_code_point_each(nlp):
    doc = nlp.annotate(SENTENCES[8])
    spans_slice_exactly(doc)
    percent = doc["entities"][-1]
    assert percent["text"] == "3,4%"
    assert percent["start"] == SENTENCES[8].index("3,4%")


def test_nfd_input_is_recognized_and_sliced(nlp):
    nfd = unicodedata.normalize("NFD", SENTENCES[2])
    assert nfd != SENTENCES[2]
    doc = nlp.annotate(nfd)
    spans_slice_exactly(doc)
    assert doc["text"] == nfd, "the text is never changed"
    nfc_types = [t for t, _ in entities(nlp.annotate(SENTENCES[2]))]
    assert [t for t, _ in entities(doc)] == nfc_types
    assert unicodedata.normalize("NFC", doc["entities"][1]["text"]) == "Nguyễn Văn Hòa"


def test_reference_date_and_per_text_date():
    text = "Hôm qua, giá xăng giảm 500 đồng mỗi lít. Ngày 16/6 giá tăng."
    undated = chiso.Annotator().annotate(text)
    assert "date" not in undated
    dated = chiso.Annotator(reference_date="2024-03-15").annotate(text)
    assert [e.get("value") for e in dated["entities"] if e["type"] == "date"] == ["2024-03-14", "2024-06-16"]
    for date in ("2024-03-15", datetime.date(2024, 3, 15), datetime.datetime(2024, 3, 15, 8, 30)):
        assert chiso.Annotator(reference_date=date).annotate(text) == dated
        # A text's own date wins over the annotator's.
        assert chiso.Annotator(reference_date="2000-01-01").annotate(text, date=date) == dated
    assert chiso.Annotator(reference_date=datetime.date(2024, 3, 15)).reference_date == "2024-03-15"
    assert chiso.Annotator().reference_date is None


CLI_MESSAGE = 'invalid date "2023-02-30": expected YYYY-MM-DD, a real calendar day'


def test_bad_dates_raise_value_error_with_the_cli_message(nlp):
    with pytest.raises(ValueError) as e:
        chiso.Annotator(reference_date="2023-02-30")
    assert str(e.value) == "reference_date: " + CLI_MESSAGE
    with pytest.raises(ValueError) as e:
        nlp.annotate("Ngày 16/6", date="2023-02-30")
    assert str(e.value) == "date: " + CLI_MESSAGE
    with pytest.raises(ValueError) as e:
        nlp.annotate_batch(["a", "b"], dates=[None, "2023-02-30"])
    assert str(e.value) == "dates[1]: " + CLI_MESSAGE
    for bad in ("16/6/2023", "2023-6-16", "", "2023-06-16T00:00"):
        with pytest.raises(ValueError, match="expected YYYY-MM-DD"):
            nlp.annotate("a", date=bad)


def test_wrong_types_raise_type_error(nlp):
    with pytest.raises(TypeError, match="text must be str, not bytes"):
        nlp.annotate("Tăng 3%".encode())
    with pytest.raises(TypeError, match="date: expected a str 'YYYY-MM-DD', a datetime.date or None, not int"):
        nlp.annotate("a", date=20230616)
    with pytest.raises(TypeError, match="not a single str"):
        nlp.annotate_batch("Tăng 3%")
    with pytest.raises(TypeError, match=r"texts\[1\] is int, not str"):
        nlp.annotate_batch(["a", 3])
    with pytest.raises(TypeError, match="not a single str"):
        nlp.annotate_batch(["a"], dates="2023-06-20")
    with pytest.raises(TypeError):
        nlp.annotate_batch(42)
    with pytest.raises(ValueError, match="dates has 1 elements but texts has 2"):
        nlp.annotate_batch(["a", "b"], dates=["2023-06-20"])
    with pytest.raises(ValueError, match="jobs must be at least 1"):
        chiso.Annotator(jobs=0)
    with pytest.raises(ValueError, match="jobs must be at most 1024, not 100000"):
        chiso.Annotator(jobs=100000)


def test_batch_equals_one_by_one(nlp):
    dates = [None, "2024-01-05", datetime.date(2022, 12, 31)] * 4
    texts = SENTENCES + SENTENCES[:2]
    batch = nlp.annotate_batch(texts, dates=dates)
    assert batch == [nlp.annotate(t, date=d) for t, d in zip(texts, dates)]
    assert chiso.Annotator(reference_date="2023-06-20", jobs=1).annotate_batch(texts, dates) == batch
    assert chiso.Annotator(reference_date="2023-06-20", jobs=3).annotate_batch(texts, dates) == batch
    assert nlp.annotate_batch(iter(texts), tuple(dates)) == batch
    assert nlp.annotate_batch([]) == []


def test_missing_texts_give_none(nlp):
    assert nlp.annotate_batch([None, "Tăng 3%.", float("nan")])[0::2] == [None, None]
    assert nlp.annotate_batch_json([None, "Tăng 3%."])[0] is None


def test_json_variants_equal_the_dicts(nlp):
    for text in SENTENCES:
        line = nlp.annotate_json(text)
        assert "\n" not in line
        assert json.loads(line) == nlp.annotate(text)
    lines = nlp.annotate_batch_json(SENTENCES, tokens=False)
    assert [json.loads(x) for x in lines] == nlp.annotate_batch(SENTENCES, tokens=False)


def test_statistics(nlp):
    records = nlp.statistics(SENTENCES[3])
    assert [(r["indicator"], r["value"], r["unit"], r["change"], r["base"]) for r in records] == [
        ("xuất khẩu thủy sản", 2100000000, "USD", "level", None),
        ("xuất khẩu thủy sản", 5, "%", "decrease", "same_period"),
    ]
    assert records[0]["period"] == {"value": "2023-Q3", "from": "2023-07-01", "to": "2023-09-30"}
    assert SENTENCES[3][records[0]["start"] : records[0]["end"]] == records[0]["text"]
    assert nlp.statistics(SENTENCES[3]) == nlp.annotate(SENTENCES[3])["statistics"]
    many = nlp.statistics(SENTENCES)
    expected = [dict(r, index=i) for i, t in enumerate(SENTENCES) for r in nlp.annotate(t)["statistics"]]
    assert many == expected
    assert {r["index"] for r in many} >= {0, 1, 3}
    # One date for all, or one per text.
    assert nlp.statistics(SENTENCES, date="2024-01-01") == nlp.statistics(
        SENTENCES, [datetime.date(2024, 1, 1)] * len(SENTENCES)
    )


def test_long_batches_keep_their_order(nlp):
    # More than one chunk of the pipeline (512 KB): the documents come back in order.
    texts = [f"Năm {2000 + i % 30}, tỉnh có {i}.{i % 1000:03d} hộ, tăng {i % 97},5%." * 20 for i in range(1500)]
    docs = nlp.annotate_batch(texts, tokens=False)
    assert len(docs) == len(texts)
    for i in (0, 1, 777, 1499):
        assert docs[i] == nlp.annotate(texts[i], tokens=False)
    assert [d["text"] for d in docs] == texts


def test_docstring_examples_run():
    finder, runner = doctest.DocTestFinder(), doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    objects = [chiso, chiso.Annotator] + [
        getattr(chiso.Annotator, m) for m in ("annotate", "annotate_json", "annotate_batch", "statistics")
    ]
    tried = 0
    for obj in objects:
        for test in finder.find(obj, name=getattr(obj, "__name__", "chiso"), globs={"chiso": chiso}):
            result = runner.run(test)
            tried += result.attempted
            assert result.failed == 0, test.name
    assert tried >= 10


def test_columns_docstring_examples_run():
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    result = doctest.testmod(chiso.columns)
    assert result.failed == 0 and result.attempted >= 10


def test_statistics_rows_fill_the_csv_columns(nlp):
    # chiso.columns takes its columns from `chiso stats --format csv`; the row
    # it builds for a record must fill each of them, in that order.
    from chiso.columns import STATISTICS_COLUMNS, _record_row

    assert STATISTICS_COLUMNS == chiso._chiso.CSV_COLUMNS[1:-1]
    records = nlp.statistics(SENTENCES)
    assert records
    for record in records:
        assert list(_record_row(record)) == STATISTICS_COLUMNS


def test_repr_and_version():
    assert (
        repr(chiso.Annotator(reference_date="2023-06-20", jobs=2))
        == "chiso.Annotator(reference_date='2023-06-20', jobs=2)"
    )
    assert chiso.__version__
    assert chiso.Annotator.__module__ == "chiso"
