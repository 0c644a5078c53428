"""Throughput of the Python binding: one by one vs annotate_batch, 1 vs N threads.

    python python/scripts/bench.py [FILE] [--rounds 3]

FILE holds one document per line (default: the 10.9 MB news sample of
../shared/data/throughput/). Prints, for each way of calling chiso, MB/s
(UTF-8 bytes of text per second of wall time, best of the rounds) and MB per
CPU second (per core: the process's CPU time over all its threads, which
other programs on the machine do not inflate).
"""

import argparse
import os
import sys
import time

import chiso

DEFAULT = os.path.join(
    os.path.dirname(__file__), "..", "..", "..", "shared", "data", "throughput", "vi_news_dantri_2020.txt"
)


def best(fn, rounds):
    """(wall seconds, CPU seconds) of the fastest round."""
    times = []
    for _ in range(rounds):
        start, cpu = time.perf_counter(), time.process_time()
        fn()
        times.append((time.perf_counter() - start, time.process_time() - cpu))
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
        ("annotate_batch_json, jobs=1, tokens=False", lambda: one.annotate_batch_json(texts, tokens=False)),
        ("annotate_batch_json, every core, tokens=False", lambda: every.annotate_batch_json(texts, tokens=False)),
        ("statistics, every core", lambda: every.statistics(texts)),
    ]
    for name, fn in cases:
        seconds, cpu = best(fn, args.rounds)
        print(f"{name:45s} {mb / seconds:6.1f} MB/s {mb / cpu:6.1f} MB/CPU-s  ({seconds:.2f} s, {cpu:.2f} CPU-s)")


if __name__ == "__main__":
    main()
