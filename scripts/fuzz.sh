#!/usr/bin/env bash
# Fuzzes the whole front end (fuzz/fuzz_targets/front_end.rs) for N seconds
# (default 600), seeded with the examples, the stdlib, the test fixtures and
# fuzz/corpus-seed (deep and repeated shapes: deep braces and lists, strings
# with `${` and many braces, long flow chains, many components), with the
# language's dictionary (fuzz/archc.dict) and inputs up to 64 KiB, so that it
# reaches depth and size (issue 10: 45 minutes at 4 KiB without one never
# met `title "$` and 4,000 `{`).
# cargo-fuzz comes from crates.io; it needs nightly flags, which the stable
# toolchain accepts under RUSTC_BOOTSTRAP=1 (only for this build).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --version 0.13.2 --locked
fi
corpus=fuzz/corpus/front_end
mkdir -p "$corpus"
cp examples/*.arch stdlib/*.arch fuzz/corpus-seed/*.arch "$corpus"/ 2>/dev/null || true
find compiler -path '*/tests/fixtures/*.arch' -exec cp {} "$corpus"/ \; 2>/dev/null || true
cd fuzz
RUSTC_BOOTSTRAP=1 cargo fuzz run front_end -O "corpus/front_end" -- \
  -max_total_time="$seconds" -max_len=65536 -dict=archc.dict \
  -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
