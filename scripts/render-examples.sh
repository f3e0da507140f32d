#!/usr/bin/env bash
# Checks every example, then renders each to docs/examples/NAME.png (and the dark theme of one),
# the pictures docs/diagrams.md and the README show. Run after a change to
# layout or drawing, look at each picture, and commit them.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --bin archc
archc="${CARGO_TARGET_DIR:-target}/release/archc"
"$archc" check examples/*.arch
mkdir -p docs/examples
for f in examples/*.arch; do
  "$archc" render "$f" -o docs/examples/ --format png --scale 1.5
done
"$archc" render examples/three_tier_shop.arch -o docs/examples/three_tier_shop.dark.png --theme dark --scale 1.5
ls -la docs/examples
