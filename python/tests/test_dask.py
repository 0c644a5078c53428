"""chiso on a Dask cluster of two worker processes (runs in CI)."""

import json

import chiso
import pytest
from chiso.columns import STATISTICS_COLUMNS, annotate_pandas, annotator, statistics_pandas
from conftest import SENTENCES

pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    )
    with cluster, distributed.Client(cluster) as client:
        yield client


def frame():
    texts = SENTENCES * 6
    return pd.DataFrame(
        {
            "id": range(len(texts)),
            "text": texts,
            "date": ["2024-01-05" if i % 3 == 0 else None for i in range(len(texts))],
        }
    )


def test_map_partitions_equals_local_annotation(client):
    df = frame()
    ddf = dd.from_pandas(df, npartitions=6)
    meta = annotate_pandas(df.head(0), date="date", reference_date="2023-06-20")
    out = ddf.map_partitions(annotate_pandas, date="date", reference_date="2023-06-20", meta=meta).compute()
    out = out.sort_values("id")
    local = chiso.Annotator(reference_date="2023-06-20").annotate_batch_json(
        list(df["text"]), list(df["date"]), tokens=False
    )
    assert list(out["chiso"]) == local
    assert json.loads(out["chiso"].iloc[3])["date"] == "2024-01-05"
    # Each worker that did some of the work built its annotator once, however many partitions it got.
    infos = client.run(lambda: annotator.cache_info()._asdict())
    assert len(infos) == 2
    used = [i for i in infos.values() if i["hits"] + i["misses"] > 0]
    assert used and all(i["misses"] == 1 for i in used), infos
    assert sum(i["hits"] + i["misses"] for i in used) >= 6, infos


def test_statistics_on_the_cluster(client):
    df = frame()
    ddf = dd.from_pandas(df, npartitions=4)
    meta = statistics_pandas(df.head(0))
    out = ddf.map_partitions(statistics_pandas, meta=meta).compute()
    assert list(out.columns) == ["id"] + STATISTICS_COLUMNS
    local = statistics_pandas(df)
    key = ["id", "start", "indicator", "unit"]
    pd.testing.assert_frame_equal(
        out.sort_values(key).reset_index(drop=True), local.sort_values(key).reset_index(drop=True), check_dtype=False
    )
    assert len(local) > 20
