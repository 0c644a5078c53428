"""Annotate a text file (one document per line) with a DataFusion SQL UDF.

    python python/scripts/datafusion_annotate.py [FILE] [--partitions 2] [--out DIR]

Needs `pip install datafusion pyarrow` (the CI's venv has them;
python/tests/test_datafusion.py is the tested version of this). The lines
become an Arrow table in PARTITIONS partitions of 1 MB record batches; the
UDF chiso_annotate(text) (chiso.columns.annotate_arrow: the GIL is released
while a batch is annotated, so partitions run in parallel) is queried with
SQL and the result written as Parquet. Prints a self-check and the
throughput, next to the same query without the UDF. Without FILE it uses
../shared/data/throughput/vi_news_dantri_2020.txt when present, else a
generated file of a few sentences.
"""

import argparse
import os
import tempfile
import time

REFERENCE_DATE = "2023-06-20"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", nargs="?")
    parser.add_argument("--partitions", type=int, default=2)
    parser.add_argument("--batch-bytes", type=int, default=1 << 20)
    parser.add_argument("--out", help="Parquet output folder (default: a temporary one)")
    args = parser.parse_args()

    import chiso
    import datafusion
    import pyarrow as pa
    from _sample import input_file
    from chiso.columns import annotate_arrow

    tmp = tempfile.mkdtemp(prefix="chiso-datafusion-")
    path = input_file(args.file, tmp)
    out = args.out or os.path.join(tmp, "out")
    with open(path, encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f if line.strip()]

    # Record batches of about batch-bytes of text, dealt round-robin to the partitions.
    batches, start, size = [], 0, 0
    for i, line in enumerate(lines):
        size += len(line.encode("utf-8"))
        if size >= args.batch_bytes or i + 1 == len(lines):
            ids, texts = pa.array(range(start, i + 1), pa.int64()), pa.array(lines[start : i + 1], pa.string())
            batches.append(pa.RecordBatch.from_pydict({"id": ids, "text": texts}))
            start, size = i + 1, 0
    partitions = [batches[p :: args.partitions] for p in range(args.partitions)]

    ctx = datafusion.SessionContext(datafusion.SessionConfig().with_target_partitions(args.partitions))
    ctx.register_record_batches("docs", partitions)
    annotate = lambda texts: annotate_arrow(texts, reference_date=REFERENCE_DATE)  # noqa: E731
    ctx.register_udf(datafusion.udf(annotate, [pa.string()], pa.string(), "stable", name="chiso_annotate"))

    # Self-check on 200 documents.
    sample = ctx.sql("SELECT id, text, chiso_annotate(text) AS chiso FROM docs WHERE id < 200 ORDER BY id").to_pydict()
    local = chiso.Annotator(reference_date=REFERENCE_DATE).annotate_batch_json(sample["text"], tokens=False)
    assert sample["chiso"] == local, "DataFusion and local annotation differ"
    print(f"self-check: {len(local)} documents equal to local annotation")

    mb = sum(len(t.encode("utf-8")) for t in lines) / 1e6
    timings = {}
    queries = {
        "copy": "SELECT id, text AS chiso FROM docs",
        "chiso": "SELECT id, chiso_annotate(text) AS chiso FROM docs",
    }
    for name, query in queries.items():
        begin = time.perf_counter()
        ctx.sql(query).write_parquet(os.path.join(out, name))
        timings[name] = time.perf_counter() - begin
    rows = ctx.read_parquet(os.path.join(out, "chiso")).count()
    seconds = timings["chiso"]
    print(
        f"datafusion {args.partitions} partitions: {rows} documents, {mb:.1f} MB in {seconds:.1f} s: "
        f"{mb / seconds:.1f} MB/s, {mb / seconds / args.partitions:.1f} MB/s per core; "
        f"the same query without chiso: {timings['copy']:.1f} s -> {out}/chiso"
    )


if __name__ == "__main__":
    main()
