#!/usr/bin/env bash
# Hostile inputs through the core built for the browser: wasm32-unknown-unknown
# (scripts/wasm-hostile/, a test-only cdylib outside the workspace) run under
# Node.js, where the stack is wasm's default 1 MiB and an overflow traps.
# Every class of deep input (blocks, lists, strings, `${`, a component's
# body, …, just under, at and past MAX_NESTING, and 50,000 deep) and a few of
# issue 10's other hostile inputs must come back as diagnostics, never a trap.
#
# It runs twice: with the default 1 MiB stack, then with half of it, so that
# the depth limit keeps a margin. Measured (release, MAX_NESTING = 128): the
# deepest input needs between 224 and 256 KiB, about 2 KiB a level, so 1 MiB
# holds some 500 levels.
#
# Needs the wasm32-unknown-unknown target (rustup) and node; installs nothing.
set -euo pipefail
cd "$(dirname "$0")/wasm-hostile"
# Its own target folder: a workspace of its own, built for another target.
wasm="$PWD/target/wasm32-unknown-unknown/release/archc_wasm_hostile.wasm"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for stack in "" 524288; do
  echo "wasm stack: ${stack:-default (1 MiB)}"
  if [ -n "$stack" ]; then
    ARCHC_WASM_STACK=$stack cargo build --locked --release --target wasm32-unknown-unknown --target-dir "$PWD/target"
  else
    env -u ARCHC_WASM_STACK cargo build --locked --release --target wasm32-unknown-unknown --target-dir "$PWD/target"
  fi
  if ! node run.mjs "$wasm" >"$log" 2>&1; then
    cat "$log"
    echo "wasm-hostile failed (stack ${stack:-1 MiB})" >&2
    exit 1
  fi
  tail -n 1 "$log"
done
