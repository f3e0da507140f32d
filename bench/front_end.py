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
        times, peaks = [], []
        for _ in range(runs):
            t0 = time.perf_counter()
            proc = subprocess.Popen([archc, "check", path], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            _, status, usage = os.wait4(proc.pid, 0)
            times.append(time.perf_counter() - t0)
            peaks.append(usage.ru_maxrss)  # KiB on Linux
            if os.waitstatus_to_exitcode(status) != 0:
                sys.exit(f"archc check failed on {path}:\n{proc.stderr.read().decode()}")
        rows.append((n, lines, statistics.median(times), max(peaks)))

print(f"{'resources':>10} {'lines':>8} {'time vs previous size':>22} {'peak memory vs previous':>24}")
prev = None
for n, lines, t, mem in rows:
    if prev:
        pt, pm, pn = prev
        print(f"{n:>10} {lines:>8} {f'{t / pt:.1f}x for {n // pn}x':>22} {f'{mem / pm:.1f}x for {n // pn}x':>24}")
    else:
        print(f"{n:>10} {lines:>8} {'-':>22} {'-':>24}")
    prev = (t, mem, n)
