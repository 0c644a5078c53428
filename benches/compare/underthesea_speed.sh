#!/usr/bin/env bash
# Side-by-side speed of chiso and underthesea (word_tokenize, ner) on the same
# text. Not part of CI: it downloads underthesea from PyPI into a virtual
# environment under target/. Usage:
#   benches/compare/underthesea_speed.sh [FILE] [SAMPLE_KB]
# FILE defaults to ../shared/data/throughput/vi_news_dantri_2020.txt (one
# article per line); the first SAMPLE_KB kilobytes of whole lines (default 200)
# are timed with each tool, one line at a time.
set -euo pipefail
cd "$(dirname "$0")/../.."
file=${1:-../shared/data/throughput/vi_news_dantri_2020.txt}
sample_kb=${2:-200}
if [[ ! -f $file ]]; then
    echo "skipped: $file not found (the throughput texts live in ../shared)" >&2
    exit 0
fi
venv=target/underthesea-venv
if [[ ! -x $venv/bin/python ]]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "underthesea==9.5.0"
fi
cargo build --release --quiet
exec "$venv/bin/python" benches/compare/speed.py "$file" "$sample_kb" target/release/chiso
