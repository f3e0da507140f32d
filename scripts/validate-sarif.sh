#!/usr/bin/env bash
# Validates the SARIF that `archc check --format sarif` writes for every
# invalid fixture (and an example) with Microsoft's SARIF Multitool: the
# SARIF 2.1.0 schema, the SARIF rules, and GitHub code scanning's ingestion
# rules (rule kind "Gh"). Any error fails; warnings are printed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
archc=${1:-"${CARGO_TARGET_DIR:-$root/target}/release/archc"}
(cd scripts/sarif && npm ci --no-audit --no-fund --loglevel=error)
tool=scripts/sarif/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
chmod u+x "$tool"   # its postinstall does this, but npm may skip install scripts
out=$(mktemp -d)
fixtures=$(find compiler/core/tests/fixtures/invalid -name '*.arch' | sort)
# One document for all fixtures. They have errors (exit 1), and one of
# invalid/lib/ is not UTF-8 (E0127, exit 2); the document is written either
# way, and anything worse fails here.
status=0
"$archc" check --format sarif $fixtures examples/*.arch > "$out/archc.sarif" || status=$?
[ "$status" -le 2 ] || { echo "archc check exited $status" >&2; exit 1; }
DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 "$tool" validate "$out/archc.sarif" \
  --rule-kind "Gh;Sarif" -o "$out/report.sarif" --log ForceOverwrite > "$out/log.txt" 2>&1 || true
grep -E ': (error|warning) ' "$out/log.txt" || true
if grep -qE ': error ' "$out/log.txt"; then
  echo "SARIF validation failed" >&2
  exit 1
fi
results=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['runs'][0]['results']))" "$out/archc.sarif" 2>/dev/null || echo '?')
echo "ok: SARIF with $results results passes the 2.1.0 schema and GitHub's ingestion rules"
rm -rf "$out"
