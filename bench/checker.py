#!/usr/bin/env python3
"""The checker's cost: deriving the network plan and proving every flow both
ways (total_ms; and check_ms, the whole checker, which proves the flows
again and runs every rule), in-process, on
synthetic AWS-like designs of N and 10N resources (bench/gen_design.py
--checker: NACLs, peering chains, NATs, endpoints, Lambda in VPCs, many
flows). Prints the median figures per size and the ratio between the sizes.

Aim (issue 11): the 500-resource design in under 20 ms in-process, and the
larger design costing less than its size ratio in time (8x the design under
10x the time; here 10x the design, so the ratio should stay near 10).

    python3 bench/checker.py [N] [ITERATIONS]

It builds the example with `cargo build --release` (CARGO_TARGET_DIR is
honoured) and runs it on the two generated files.
"""
import os
import re
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.join(here, "..")
base = int(sys.argv[1]) if len(sys.argv) > 1 else 500
iterations = sys.argv[2] if len(sys.argv) > 2 else "30"
sizes = [base, base * 10]

subprocess.run(
    ["cargo", "build", "--release", "-q", "-p", "archc-core", "--example", "checker_bench"],
    cwd=root,
    check=True,
)
target = os.environ.get("CARGO_TARGET_DIR", os.path.join(root, "target"))
exe = os.path.join(target, "release", "examples", "checker_bench")

rows = []
with tempfile.TemporaryDirectory() as tmp:
    paths = []
    for n in sizes:
        path = os.path.join(tmp, f"design_{n}.arch")
        with open(path, "w") as f:
            subprocess.run([sys.executable, os.path.join(here, "gen_design.py"), str(n), "--checker"], stdout=f, check=True)
        paths.append(path)
    out = subprocess.run([exe, iterations, *paths], capture_output=True, text=True, check=True).stdout
    for n, line in zip(sizes, out.strip().splitlines()):
        fields = dict(re.findall(r"(\w+)=([\d.]+)", line))
        rows.append((n, fields))

cols = ["nodes", "flows", "blocked", "derive_ms", "prove_ms", "total_ms", "check_ms"]
print(f"{'resources':>10} " + " ".join(f"{c:>10}" for c in cols))
for n, f in rows:
    print(f"{n:>10} " + " ".join(f"{f.get(c, '?'):>10}" for c in cols))
(n0, a), (n1, b) = rows
for c in ["derive_ms", "prove_ms", "total_ms", "check_ms"]:
    x, y = float(a[c]), float(b[c])
    ratio = f"{y / x:.1f}x" if x > 0 else "-"
    print(f"{c}: {ratio} the time for {n1 // n0}x the design ({int(b['flows']) / int(a['flows']):.1f}x the flows)")
total = float(a["total_ms"])
verdict = "meets" if total < 20 else "misses"
print(f"{n0} resources: plan + every flow both ways in {total:.2f} ms in-process ({verdict} the 20 ms aim)")
ratio = float(b["total_ms"]) / total if total > 0 else 0
print(f"{n1} resources: {ratio:.1f}x the time for {n1 // n0}x the design (aim: under {n1 // n0 * 10 // 8}x)")
