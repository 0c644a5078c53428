#!/usr/bin/env bash
# CLI throughput, core scaling and peak memory on ../shared/data/throughput/
# (skipped with a message when it is absent). Not part of CI. Usage:
#   benches/cli.sh            # the 10.9 MB news file, -j1 vs -j2, best of 3
#   benches/cli.sh --big      # also 1 GB of repeated input and a 100 MB single line
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/data/throughput
if [[ ! -d $data ]]; then
    echo "skipped: $data not found" >&2
    exit 0
fi
cargo build --release --quiet
chiso=target/release/chiso
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Wall seconds and peak RSS (MB) of one run: "seconds rss".
measure() {
    /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" >/dev/null
    awk '{ printf "%s %.0f", $1, $2 / 1024 }' "$tmp/time"
}

# The best wall time of three runs, with the RSS of that run.
best_of_3() {
    local best="" line
    for _ in 1 2 3; do
        line=$(measure "$@")
        if [[ -z $best ]] || awk -v a="${line% *}" -v b="${best% *}" 'BEGIN { exit !(a < b) }'; then
            best=$line
        fi
    done
    echo "$best"
}

report() { # label bytes "seconds rss"
    awk -v label="$1" -v bytes="$2" -v s="${3% *}" -v rss="${3#* }" \
        'BEGIN { printf "%-58s %8.2f s %8.1f MB/s %7d MB RSS\n", label, s, bytes / s / 1e6, rss }'
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
news=$data/vi_news_dantri_2020.txt
size=$(stat -c %s "$news")
# Read and split on whitespace, in the same run, as the floor.
report "baseline: wc -w (read and split on whitespace)" "$size" "$(best_of_3 wc -w "$news")"
# One core: the whole process pinned to CPU 0 (with -j1 alone its reader and
# writer threads would still use the second core).
report "chiso annotate --input lines --no-tokens, 1 core (taskset)" "$size" \
    "$(best_of_3 taskset -c 0 "$chiso" annotate --input lines --no-tokens -q -j1 "$news" -o "$tmp/out.jsonl")"
report "chiso annotate --input lines --no-tokens -j2 (news)" "$size" \
    "$(best_of_3 "$chiso" annotate --input lines --no-tokens -q -j2 "$news" -o "$tmp/out.jsonl")"
report "chiso annotate --input lines -j2 (with tokens)" "$size" \
    "$(best_of_3 "$chiso" annotate --input lines -q -j2 "$news" -o "$tmp/out.jsonl")"
legal=$data/vi_legal_vlc.txt
report "chiso annotate --input lines --no-tokens -j2 (legal)" "$(stat -c %s "$legal")" \
    "$(best_of_3 "$chiso" annotate --input lines --no-tokens -q -j2 "$legal" -o "$tmp/out.jsonl")"

if [[ ${1:-} == --big ]]; then
    for _ in $(seq 41); do cat "$news" "$legal"; done >"$tmp/big.txt"
    report "1 GB (the two files x41), --input lines --no-tokens -j2" "$(stat -c %s "$tmp/big.txt")" \
        "$(measure "$chiso" annotate --input lines --no-tokens -q -j2 "$tmp/big.txt" -o "$tmp/out.jsonl")"
    rm "$tmp/big.txt"
    tr '\n' '\t' <"$news" >"$tmp/line.txt"
    for _ in $(seq 10); do cat "$tmp/line.txt"; done >"$tmp/huge.txt"
    report "one 109 MB line (news, tab-separated), --no-tokens -j2" "$(stat -c %s "$tmp/huge.txt")" \
        "$(measure "$chiso" annotate --no-tokens -q -j2 "$tmp/huge.txt" -o "$tmp/out.jsonl")"
    report "the same line, 1 core (taskset)" "$(stat -c %s "$tmp/huge.txt")" \
        "$(measure taskset -c 0 "$chiso" annotate --no-tokens -q -j1 "$tmp/huge.txt" -o "$tmp/out.jsonl")"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
