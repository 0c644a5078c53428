"""Annotate a text file (one document per line) with Ray Data's map_batches.

Opt-in (not run by CI): needs `pip install "ray[data]" pandas pyarrow`.

    python python/scripts/ray_annotate.py [FILE] [--cpus 2] [--out DIR]

A callable class does the work, so each Ray actor builds its
chiso.Annotator once and annotates every batch it is given. The script runs
a self-check (Ray's documents equal local annotation on a sample), then
annotates the whole FILE into Parquet (columns text, chiso) and prints the
throughput. Without FILE it uses ../shared/data/throughput/vi_news_dantri_2020.txt
when present, else a generated file of a few sentences.

On a cluster: `ray.init(address="auto")`, read from shared storage
(`ray.data.read_text("s3://…/")`) and write Parquet there; raise
`concurrency` to the number of cores.
"""

import argparse
import os
import tempfile
import time

REFERENCE_DATE = "2023-06-20"


class ChisoAnnotate:
    """map_batches: a pandas batch with "text" in, the same with "chiso" (JSON documents) out."""

    def __init__(self, reference_date=REFERENCE_DATE):
        import chiso

        # One annotator per actor, one thread each: Ray runs one actor per core.
        self.nlp = chiso.Annotator(reference_date=reference_date, jobs=1)

    def __call__(self, batch):
        batch["chiso"] = self.nlp.annotate_batch_json(batch["text"].tolist(), tokens=False)
        return batch


class CopyText:
    """The same job without chiso (what Ray itself costs): "chiso" is a copy of "text"."""

    def __call__(self, batch):
        batch["chiso"] = batch["text"]
        return batch


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", nargs="?")
    parser.add_argument("--cpus", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--out", help="Parquet output folder (default: a temporary one)")
    args = parser.parse_args()

    import chiso
    import ray
    from _sample import input_file

    tmp = tempfile.mkdtemp(prefix="chiso-ray-")
    path = input_file(args.file, tmp)
    out = args.out or os.path.join(tmp, "out")
    ray.init(num_cpus=args.cpus, include_dashboard=False, log_to_driver=False)
    ray.data.DataContext.get_current().enable_progress_bars = False

    def annotate(ds, cls=ChisoAnnotate):
        return ds.map_batches(cls, batch_format="pandas", batch_size=args.batch_size, concurrency=args.cpus)

    texts = ray.data.read_text(path).filter(lambda row: len(row["text"]) > 0).materialize()

    # Self-check on a sample: Ray's documents are those of local annotation.
    sample = annotate(texts.limit(200)).to_pandas()
    local = chiso.Annotator(reference_date=REFERENCE_DATE).annotate_batch_json(sample["text"].tolist(), tokens=False)
    assert sample["chiso"].tolist() == local, "Ray and local annotation differ"
    print(f"self-check: {len(local)} documents equal to local annotation")

    size = os.path.getsize(path) / 1e6
    timings = {}
    for name, cls in (("copy", CopyText), ("chiso", ChisoAnnotate)):
        start = time.perf_counter()
        annotate(texts, cls).write_parquet(os.path.join(out, name))
        timings[name] = time.perf_counter() - start
    rows = ray.data.read_parquet(os.path.join(out, "chiso")).count()
    seconds = timings["chiso"]
    print(
        f"ray {args.cpus} cpus: {rows} documents, {size:.1f} MB in {seconds:.1f} s: "
        f"{size / seconds:.1f} MB/s, {size / seconds / args.cpus:.1f} MB/s per core; "
        f"the same job copying the texts instead: {timings['copy']:.1f} s -> {out}/chiso"
    )
    ray.shutdown()


if __name__ == "__main__":
    main()
