#!/usr/bin/env python3
"""How the front end's cost grows: `archc check` on synthetic designs of N,
8N and 64N resources (bench/gen_design.py), median of several runs each, and
the ratios between consecutive sizes. Linear growth shows as ratios near 8.
There is no peer tool that checks this language, so the figures are ratios
between sizes, never lone absolute times.

    python3 bench/front_end.py [ARCHC] [N]
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
archc = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "target", "release", "archc")
base = int(sys.argv[2]) if len(sys.argv) > 2 else 200
sizes = [base, base * 8, base * 64]
runs = 7

rows = []
with tempfile.TemporaryDirectory() as tmp:
    for n in sizes:
        path = os.path.join(tmp, f"design_{n}.arch")
        with open(path, "w") as f:
            subprocess.run([sys.executable, os.path.join(here, "gen_design.py"), str(n)], stdout=f, check=True)
        lines = sum(1 for _ in open(path))
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            p = subprocess.run([archc, "check", path], capture_output=True)
            times.append(time.perf_counter() - t0)
            if p.returncode != 0:
                sys.exit(f"archc check failed on {path}:\n{p.stderr.decode()}")
        rows.append((n, lines, statistics.median(times)))

print(f"{'resources':>10} {'lines':>8} {'ratio to previous size':>24}")
prev = None
for n, lines, t in rows:
    ratio = f"{t / prev:.1f}x for {n // prev_n}x the input" if prev else "-"
    print(f"{n:>10} {lines:>8} {ratio:>24}")
    prev, prev_n = t, n
