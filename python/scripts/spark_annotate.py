"""Annotate a text file (one document per line) with Apache Spark's mapInPandas.

Opt-in (not run by CI): needs `pip install pyspark pandas pyarrow` and Java 17.

    python python/scripts/spark_annotate.py [FILE] [--master local[2]] [--out DIR]

Runs a self-check (the Spark result equals local annotation on a sample),
then annotates the whole FILE into Parquet (columns id, chiso: one JSON
document per line of FILE) and prints the throughput. Without FILE it uses
../shared/data/throughput/vi_news_dantri_2020.txt when present, else a
generated file of the test sentences.

On a cluster, read from shared storage (`spark.read.text("s3://…/*.txt")`)
and write Parquet there; each Python worker builds its chiso.Annotator once
(chiso.columns caches it per process).
"""

import argparse
import os
import sys
import tempfile
import time

REFERENCE_DATE = "2023-06-20"


def annotate_frames(frames):
    """mapInPandas: pandas frames (id, text) in, (id, chiso) out."""
    from chiso.columns import annotate_pandas

    for df in frames:
        yield annotate_pandas(df, reference_date=REFERENCE_DATE)[["id", "chiso"]]


def copy_frames(frames):
    """The same job without chiso: what Spark itself costs."""
    for df in frames:
        yield df[["id"]].assign(chiso=df["text"])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", nargs="?")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--out", help="Parquet output folder (default: a temporary one)")
    args = parser.parse_args()

    # The workers run this very interpreter (the one with chiso installed).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    import chiso
    from _sample import input_file
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    tmp = tempfile.mkdtemp(prefix="chiso-spark-")
    path = input_file(args.file, tmp)
    out = args.out or os.path.join(tmp, "out.parquet")
    spark = (
        SparkSession.builder.master(args.master)
        .appName("chiso")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    cores = spark.sparkContext.defaultParallelism
    texts = (
        spark.read.text(path)
        .withColumnRenamed("value", "text")
        .where(F.length("text") > 0)
        .withColumn("id", F.monotonically_increasing_id())
        .repartition(args.partitions)
    )
    schema = "id long, chiso string"

    # Self-check on a sample: Spark's documents are those of local annotation.
    sample = texts.orderBy("id").limit(200).toPandas()
    ids = [int(i) for i in sample["id"]]
    rows = texts.where(F.col("id").isin(ids)).mapInPandas(annotate_frames, schema).collect()
    got = {r.id: r.chiso for r in rows}
    local = chiso.Annotator(reference_date=REFERENCE_DATE).annotate_batch_json(list(sample["text"]), tokens=False)
    assert [got[i] for i in sample["id"]] == local, "Spark and local annotation differ"
    print(f"self-check: {len(local)} documents equal to local annotation")

    size = os.path.getsize(path) / 1e6
    # Spark's own cost (read, Arrow to the Python workers and back, Parquet)
    # measured by the same job with the texts copied instead of annotated.
    texts = texts.cache()
    texts.count()
    timings = {}
    # The first job starts the Python workers: not timed.
    for name, fn in (("warm-up", copy_frames), ("copy", copy_frames), ("chiso", annotate_frames)):
        start = time.perf_counter()
        texts.mapInPandas(fn, schema).write.mode("overwrite").parquet(out)
        timings[name] = time.perf_counter() - start
    rows = spark.read.parquet(out).count()
    seconds = timings["chiso"]
    print(
        f"spark {args.master}: {rows} documents, {size:.1f} MB in {seconds:.1f} s: "
        f"{size / seconds:.1f} MB/s, {size / seconds / cores:.1f} MB/s per core ({cores} cores); "
        f"the same job copying the texts instead: {timings['copy']:.1f} s -> {out}"
    )
    spark.stop()


if __name__ == "__main__":
    main()
