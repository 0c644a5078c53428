"""Annotate a text file (one document per line) on a local Dask cluster.

    python python/scripts/dask_annotate.py [FILE] [--workers 2] [--out DIR]

Needs `pip install "dask[distributed]" pandas pyarrow` (the CI's venv has
them; python/tests/test_dask.py is the tested version of this). Worker
processes with one thread each read the file in blocks, annotate each
partition with chiso.columns.annotate_pandas (one Annotator per worker
process) and write Parquet (columns text, chiso). Prints a self-check and
the throughput, next to the same job copying the texts instead. Without FILE
it uses ../shared/data/throughput/vi_news_dantri_2020.txt when present, else
a generated file of a few sentences.

On a cluster, point `Client` at the scheduler and read from / write to shared
storage (`db.read_text("s3://…/*.txt")`, `to_parquet("s3://…/")`).
"""

import argparse
import os
import tempfile
import time

REFERENCE_DATE = "2023-06-20"


def copy_text(df):
    return df.assign(chiso=df["text"].astype("string"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", nargs="?")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--blocksize", default="1MB")
    parser.add_argument("--out", help="Parquet output folder (default: a temporary one)")
    args = parser.parse_args()

    import chiso
    import dask.bag as db
    import distributed
    import pandas as pd
    from _sample import input_file
    from chiso.columns import annotate_pandas

    tmp = tempfile.mkdtemp(prefix="chiso-dask-")
    path = input_file(args.file, tmp)
    out = args.out or os.path.join(tmp, "out")
    cluster = distributed.LocalCluster(
        n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    )
    with cluster, distributed.Client(cluster):
        lines = db.read_text(path, blocksize=args.blocksize).map(str.rstrip).filter(bool)
        texts = lines.to_dataframe(meta=pd.DataFrame({"text": pd.Series([], dtype="string")})).persist()
        distributed.wait(texts)
        meta = annotate_pandas(texts._meta, reference_date=REFERENCE_DATE)

        # Self-check on the first partition.
        first = texts.partitions[0].map_partitions(annotate_pandas, reference_date=REFERENCE_DATE, meta=meta).compute()
        local = chiso.Annotator(reference_date=REFERENCE_DATE).annotate_batch_json(first["text"].tolist(), tokens=False)
        assert first["chiso"].tolist() == local, "Dask and local annotation differ"
        print(f"self-check: {len(local)} documents equal to local annotation")

        size = os.path.getsize(path) / 1e6
        timings = {}
        for name, fn, kwargs in (
            ("copy", copy_text, {}),
            ("chiso", annotate_pandas, {"reference_date": REFERENCE_DATE}),
        ):
            start = time.perf_counter()
            annotated = texts.map_partitions(fn, meta=meta, **kwargs)
            annotated.to_parquet(os.path.join(out, name), write_index=False)
            timings[name] = time.perf_counter() - start
        rows = len(pd.read_parquet(os.path.join(out, "chiso")))
        seconds = timings["chiso"]
        print(
            f"dask {args.workers} workers: {rows} documents, {size:.1f} MB in {seconds:.1f} s: "
            f"{size / seconds:.1f} MB/s, {size / seconds / args.workers:.1f} MB/s per core; "
            f"the same job copying the texts instead: {timings['copy']:.1f} s -> {out}/chiso"
        )


if __name__ == "__main__":
    main()
