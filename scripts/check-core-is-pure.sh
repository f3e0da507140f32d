#!/usr/bin/env bash
# The core does no I/O (ARCHITECTURE.md): prove it on every run.
# 1. None of archc-syntax, archc-core, archc-layout, archc-svg depends, even transitively, on a
#    command-line, watching, file-walking or async-runtime crate.
# 2. Their sources name no file system, environment, process, network,
#    thread or clock API.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
forbidden='^(clap|clap_builder|notify|notify-types|walkdir|ignore|globwalk|glob|globset|tokio|async-std|mio|crossbeam-channel|rayon|dirs|home|tempfile)$'
for crate in archc-syntax archc-core archc-layout archc-svg; do
  deps=$(cargo tree --locked -p "$crate" -e normal --prefix none --format '{p}' | awk '{print $1}' | sort -u)
  bad=$(grep -E "$forbidden" <<<"$deps" || true)
  if [ -n "$bad" ]; then
    echo "error: $crate depends on: $bad" >&2
    status=1
  else
    echo "ok: $crate depends on $(wc -l <<<"$deps") crates, none of them for I/O, CLI or threads"
  fi
done
apis='std::(fs|env|process|net|thread|time)\b|\bFile::(open|create)|\bSystemTime\b|\bInstant::now|println!|eprintln!|print!|eprint!'
hits=$(grep -rnE "$apis" compiler/syntax/src compiler/core/src compiler/layout/src compiler/svg/src || true)
if [ -n "$hits" ]; then
  echo "error: I/O in the core's sources:" >&2
  echo "$hits" >&2
  status=1
else
  echo "ok: no file system, environment, process, network, thread, clock or terminal API in compiler/syntax, compiler/core, compiler/layout or compiler/svg"
fi
exit $status
