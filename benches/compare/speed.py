"""Times chiso and underthesea on the same lines; see underthesea_speed.sh."""

import os
import subprocess
import sys
import tempfile
import time


def sample_lines(path, kilobytes):
    lines, size = [], 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            lines.append(line)
            size += len(line.encode("utf-8")) + 1
            if size >= kilobytes * 1000:
                break
    return lines, size


def timed(label, size, run):
    start = time.perf_counter()
    run()
    seconds = time.perf_counter() - start
    print(f"{label:<44} {seconds:9.3f} s {size / seconds / 1e3:12.1f} KB/s", flush=True)
    return seconds


def main():
    path, kilobytes, chiso = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    lines, size = sample_lines(path, kilobytes)
    print(f"sample: {len(lines)} lines, {size / 1e3:.0f} KB of {path}")
    print(f"machine: {os.cpu_count()} cores; underthesea on one core, one line at a time\n")

    # chiso gets the sample repeated REPEAT times, so that process start-up
    # does not count; its time is divided back to one sample.
    repeat = 50
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write(("\n".join(lines) + "\n") * repeat)
        sample = f.name
    try:
        def chiso_run(jobs):
            cmd = [chiso, "annotate", "--input", "lines", "--no-tokens", "-q", f"-j{jobs}", sample]
            start = time.perf_counter()
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
            return (time.perf_counter() - start) / repeat

        best = {}
        for jobs in (1, 2):
            best[jobs] = min(chiso_run(jobs) for _ in range(3))
            label = f"chiso annotate, {jobs} core{'s' if jobs > 1 else ''} (best of 3)"
            print(f"{label:<44} {best[jobs]:9.3f} s {size / best[jobs] / 1e3:12.1f} KB/s", flush=True)
        best = best[1]
        print()

        from underthesea import ner, word_tokenize

        word_tokenize(lines[0])  # load the models before timing
        ner(lines[0])
        ut_tok = timed("underthesea word_tokenize", size, lambda: [word_tokenize(l) for l in lines])
        ut_ner = timed("underthesea ner", size, lambda: [ner(l) for l in lines])
        print(f"\nOn one core, chiso annotates {ut_tok / best:,.0f}x faster than underthesea word_tokenize and {ut_ner / best:,.0f}x faster than ner")
    finally:
        os.unlink(sample)


if __name__ == "__main__":
    main()
