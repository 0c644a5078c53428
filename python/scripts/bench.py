"""Throughput of the Python binding: one by one vs annotate_batch, 1 vs N threads.

    python python/scripts/bench.py [FILE] [--rounds 3]

FILE holds one document per line (default: the 10.9 MB news sample of
../shared/data/throughput/). Prints MB/s (UTF-8 bytes of text per second,
best of the rounds) for each way of calling chiso.
"""

import argparse
import os
import sys
import time

import chiso

DEFAULT = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "data", "throughput", "vi_news_dantri_2020.txt")


def best(fn, rounds):
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", nargs="?", default=DEFAULT)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not os.path.exists(args.file):
        sys.exit(f"no such file: {args.file}")
    with open(args.file, encoding="utf-8") as f:
        texts = [line.rstrip("\n") for line in f if line.strip()]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"{len(texts)} documents, {mb:.1f} MB, {os.cpu_count()} cores")
    one = chiso.Annotator(jobs=1)
    every = chiso.Annotator()
    cases = [
        ("annotate, one by one (1 thread)", lambda: [one.annotate(t) for t in texts]),
        ("annotate, one by one, tokens=False", lambda: [one.annotate(t, tokens=False) for t in texts]),
        ("annotate_batch, jobs=1", lambda: one.annotate_batch(texts)),
        ("annotate_batch, every core", lambda: every.annotate_batch(texts)),
        ("annotate_batch, every core, tokens=False", lambda: every.annotate_batch(texts, tokens=False)),
        ("annotate_batch_json, jobs=1", lambda: one.annotate_batch_json(texts)),
        ("annotate_batch_json, every core", lambda: every.annotate_batch_json(texts)),
        ("statistics, every core", lambda: every.statistics(texts)),
    ]
    if os.environ.get("CHISO_BENCH_DIRECT"):
        cases.append(("annotate_batch via dicts built in Rust, jobs=1", lambda: one._annotate_batch_direct(texts)))
        cases.append(("annotate_batch via dicts built in Rust, every core", lambda: every._annotate_batch_direct(texts)))
    for name, fn in cases:
        seconds = best(fn, args.rounds)
        print(f"{name:55s} {mb / seconds:7.1f} MB/s  ({seconds:.2f} s)")


if __name__ == "__main__":
    main()
