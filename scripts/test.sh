#!/usr/bin/env bash
# The whole test suite, on a fresh machine: installs what it needs, then
# runs formatting, lints, every test, the purity guard of the core, the
# examples, the SARIF validator and a short fuzzing run. `.ci/run` calls
# exactly this.
#
#   bash scripts/test.sh           everything (warm, on 2 cores: about 25 s
#                                  plus the fuzzing time; cold: minutes)
#   bash scripts/test.sh --quick   rustfmt, clippy, the tests and the purity
#                                  guard: needs nothing but Rust
#   ARCHC_FUZZ_SECONDS             how long the fuzzer runs (default 120; 0 skips it)
#
# It installs what it needs: rustfmt and clippy (rustup), Node.js and npm
# for the SARIF validator and DejaVu fonts for PNG output (Debian's
# `nodejs`, `npm` and `fonts-dejavu-core` packages, with
# apt-get, when `node` or `npm` is missing: as root, as CI runs, or through
# password-less sudo), the wasm32 target (rustup), the validator itself
# (npm ci in scripts/sarif) and cargo-fuzz (crates.io).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
step() { printf '\n==> %s\n' "$*"; }

quick=false
case "${1:-}" in
  --quick) quick=true ;;
  "") ;;
  *) echo "usage: bash scripts/test.sh [--quick]" >&2; exit 2 ;;
esac

step "toolchain"
cargo --version
rustc --version
for tool in clippy fmt; do
  if ! cargo "$tool" --version >/dev/null 2>&1; then
    rustup component add "$( [ "$tool" = fmt ] && echo rustfmt || echo clippy )"
  fi
done
if ! $quick && ! { command -v node && command -v npm && [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; } >/dev/null 2>&1; then
  step "Node.js and npm for the SARIF validator, DejaVu fonts for PNGs (apt-get install nodejs npm fonts-dejavu-core)"
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
  else
    echo "Node.js and npm are needed for the SARIF validator; install them" >&2
    echo "(Debian/Ubuntu: sudo apt-get install nodejs npm), or run with --quick." >&2
    exit 1
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "no apt-get here: install Node.js and npm, or run with --quick." >&2
    exit 1
  fi
  "${as_root[@]}" apt-get update
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm fonts-dejavu-core
fi
$quick || { node --version; npm --version; }

step "rustfmt"
cargo fmt --all --check

step "clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "tests"
log=$(mktemp)
cargo test --workspace --locked --no-fail-fast 2>&1 | tee "$log"
test_status=${PIPESTATUS[0]}
passed=$(awk '/^test result:/ { for (i = 1; i <= NF; i++) if ($(i+1) ~ /^passed/) s += $i } END { print s + 0 }' "$log")
failed=$(awk '/^test result:/ { for (i = 1; i <= NF; i++) if ($(i+1) ~ /^failed/) s += $i } END { print s + 0 }' "$log")
rm -f "$log"
[ "$test_status" -eq 0 ] || { echo "tests failed"; exit "$test_status"; }

step "the core does no I/O"
bash scripts/check-core-is-pure.sh

if $quick; then
  printf '\ntests: %s passed, %s failed (quick: no wasm build, examples, SARIF validation or fuzzing)\n' \
    "${passed:-0}" "${failed:-0}"
  exit 0
fi

step "the core, layout and SVG writer build for the browser (wasm32-unknown-unknown)"
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
cargo build --locked -p archc-syntax -p archc-core -p archc-layout -p archc-svg --target wasm32-unknown-unknown

step "hostile inputs through the core built for wasm32, under node (1 MiB stack)"
bash scripts/wasm-hostile.sh

step "examples: check and fmt --check"
cargo build --release --locked --bin archc
archc="${CARGO_TARGET_DIR:-target}/release/archc"
"$archc" check examples/*.arch
"$archc" fmt --check examples/*.arch stdlib/*.arch

step "examples: render every one (SVG, layout JSON, PNG)"
out=$(mktemp -d)
for f in examples/*.arch; do
  "$archc" render "$f" -o "$out" --format svg
  "$archc" render "$f" -o "$out" --format layout-json
done
"$archc" render examples/three_tier_shop.arch -o "$out/three_tier_shop.png"
head -c 8 "$out/three_tier_shop.png" | od -An -tx1 | grep -q '89 50 4e 47 0d 0a 1a 0a' || { echo "not a PNG"; exit 1; }
echo "rendered $(ls "$out"/*.svg | wc -l) examples"
rm -rf "$out"

step "the diagram is the same in the browser: wasm32 and native render every example to the same bytes"
bash scripts/wasm-render.sh "$archc"

step "SARIF against the 2.1.0 schema and GitHub code scanning's rules"
bash scripts/validate-sarif.sh "$archc"

fuzz_seconds=${ARCHC_FUZZ_SECONDS:-120}
if [ "$fuzz_seconds" -gt 0 ]; then
  step "fuzz: front end for ${fuzz_seconds}s"
  bash scripts/fuzz.sh "$fuzz_seconds"
fi

printf '\ntests: %s passed, %s failed\n' "${passed:-0}" "${failed:-0}"
