#!/usr/bin/env bash
# The whole test suite, on a fresh machine: installs what it needs, then
# runs formatting, lints, every test, the purity guard of the core, the
# examples, and a short fuzzing run. `.ci/run` calls exactly this.
#
#   ARCHC_FUZZ_SECONDS  how long the fuzzer runs (default 120; 0 skips it)
#
# It installs what it needs: the wasm32 target (rustup), cargo-fuzz
# (crates.io) and the SARIF validator (npm ci in scripts/sarif).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
step() { printf '\n==> %s\n' "$*"; }

step "toolchain"
cargo --version
rustc --version
for tool in clippy fmt; do
  if ! cargo "$tool" --version >/dev/null 2>&1; then
    rustup component add "$( [ "$tool" = fmt ] && echo rustfmt || echo clippy )"
  fi
done

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

step "the core builds for the browser (wasm32-unknown-unknown)"
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
cargo build --locked -p archc-syntax -p archc-core --target wasm32-unknown-unknown

step "examples: check and fmt --check"
cargo build --release --locked --bin archc
archc="${CARGO_TARGET_DIR:-target}/release/archc"
"$archc" check examples/*.arch
"$archc" fmt --check examples/*.arch stdlib/*.arch

step "SARIF against the 2.1.0 schema and GitHub code scanning's rules"
bash scripts/validate-sarif.sh "$archc"

fuzz_seconds=${ARCHC_FUZZ_SECONDS:-120}
if [ "$fuzz_seconds" -gt 0 ]; then
  step "fuzz: front end for ${fuzz_seconds}s"
  bash scripts/fuzz.sh "$fuzz_seconds"
fi

printf '\ntests: %s passed, %s failed\n' "${passed:-0}" "${failed:-0}"
