#!/usr/bin/env bash
# The diagram is the same in the browser: every example laid out and drawn by
# archc built for wasm32 (scripts/wasm-hostile/, run under Node.js) must give
# the very bytes of SVG and layout JSON the native `archc render` gives.
# Usage: bash scripts/wasm-render.sh ARCHC_BINARY
set -euo pipefail
archc=$(realpath "$1")
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
mkdir -p "$out/wasm" "$out/native"
( cd scripts/wasm-hostile && cargo build --locked --release --target wasm32-unknown-unknown --target-dir "$PWD/target" )
node scripts/wasm-hostile/render.mjs scripts/wasm-hostile/target/wasm32-unknown-unknown/release/archc_wasm_hostile.wasm "$out/wasm" examples/*.arch
n=0
for f in examples/*.arch; do
  stem=$(basename "$f" .arch)
  "$archc" render "$f" -o "$out/native/$stem.svg" --format svg
  "$archc" render "$f" -o "$out/native/$stem.json" --format layout-json
  for ext in svg json; do
    cmp "$out/wasm/$stem.$ext" "$out/native/$stem.$ext" || { echo "wasm and native differ: $stem.$ext" >&2; exit 1; }
    n=$((n + 1))
  done
done
echo "wasm-render: $n outputs identical in the wasm32 and native builds"
