#!/usr/bin/env python3
"""How reporting cost grows with the number of errors: `archc check` on
designs with N and 8N independent errors, median of several runs each, and
the ratio between the two sizes. Linear growth shows as ratios near 8; the
figures are ratios, never lone absolute times.

One design per kind of error, so a super-linear kind shows by itself, then
all kinds mixed, rendered in each report format:

  E0100  a syntax error (with its "expected" list)
  E0104  an unknown kind
  E0106  a duplicate name (with a label on the first declaration)
  E0110  an unknown property (with its "did you mean")
  E0107  a reference to an undeclared name (with its "did you mean" over
         every declared name)

    python3 bench/errors.py [ARCHC] [N]
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
archc = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "target", "release", "archc")
base = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
runs = 5

# Each maker gives (lines inside the region, lines after it) for error i.
KINDS = {
    "E0100": lambda i: ([f"  alb web_{i} in = "], []),
    "E0104": lambda i: ([f"  qeue queue_{i}"], []),
    "E0106": lambda i: ([f"  sqs twice_{i}", f"  sns twice_{i}"], []),
    "E0110": lambda i: ([f"  s3 bucket_{i} {{ versionning: true }}"], []),
    "E0107": lambda i: ([f"  lambda fn_{i}"], [f"fn_{i} -> missing_{i}"]),
}


def design(kinds, errors):
    inside, after = [], []
    for i in range(errors):
        a, b = KINDS[kinds[i % len(kinds)]](i)
        inside += a
        after += b
    return "\n".join(['title "errors"', "region us-east-1 {", *inside, "}", *after]) + "\n"


def measure(path, fmt, errors):
    out = subprocess.run([archc, "check", "--format", "json", path], capture_output=True, text=True)
    got = out.stdout.count('"severity": "error"')
    if out.returncode != 1 or got != errors:
        sys.exit(f"{path}: expected {errors} errors and exit 1, archc reports {got} (exit {out.returncode})")
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([archc, "check", "--format", fmt, path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


cases = [(k, [k], "human") for k in KINDS] + [("all", list(KINDS), f) for f in ("human", "json", "sarif")]
print(f"{'errors':>6} {'format':>6} {'N':>6} -> {'8N':>6}   time ratio (8 = linear)")
with tempfile.TemporaryDirectory() as tmp:
    for name, kinds, fmt in cases:
        ts = []
        for n in (base, base * 8):
            path = os.path.join(tmp, f"{name}_{n}.arch")
            with open(path, "w") as f:
                f.write(design(kinds, n))
            ts.append(measure(path, fmt, n))
        print(f"{name:>6} {fmt:>6} {base:>6} -> {base * 8:>6}   {ts[1] / ts[0]:.1f}x", flush=True)
