#!/usr/bin/env bash
# Renders chiso's HTML views in headless Chromium and saves screenshots, for a
# person to look at (not part of CI). Installs Debian's chromium when missing.
#   bash tests/screenshot.sh [OUT_DIR]   (default: target/screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-target/screenshots}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
if ! command -v chromium >/dev/null; then
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
cargo build --release -q
./target/release/chiso annotate corpus/ --format html --output "$out/annotate.html"
./target/release/chiso eval --gold corpus/ --html "$out/eval.html" >/dev/null
for page in annotate eval; do
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d)" --window-size=1280,1600 \
    --screenshot="$out/$page.png" "file://$out/$page.html" 2>/dev/null
  echo "wrote $out/$page.png"
done
