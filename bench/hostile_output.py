#!/usr/bin/env python3
"""Hostile inputs for reporting (issue 10): time and peak memory of
`archc check` at two sizes, N and 8N, and their ratios (8 = linear).

  near-miss  a reference to a name of N characters, one letter off a
             declared one ("did you mean" over the whole name)
  misspelt   N/10 flows to misspelt targets among N resources
  bad-lines  N lines with an unknown kind
  long-line  one line of N flow hops to undeclared names (N errors on it)

    python3 bench/hostile_output.py [ARCHC] [N]
"""
import os
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
archc = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "target", "release", "archc")
base = int(sys.argv[2]) if len(sys.argv) > 2 else 2500


def near_miss(n):
    name = "a" * (n * 8)
    return f'title "t"\nregion us-east-1 {{\n  lambda {name}\n}}\n{name}b -> {name}\n'


def misspelt(n):
    lines = ['title "t"', "region us-east-1 {"] + [f"  lambda fn_{i}" for i in range(n)] + ["}"]
    return "\n".join(lines + [f"fn_{i} -> fnn_{i}" for i in range(n // 10)]) + "\n"


def bad_lines(n):
    return "\n".join(['title "t"', "region us-east-1 {"] + [f"  qeue queue_{i}" for i in range(n)] + ["}"]) + "\n"


def long_line(n):
    return 'title "t"\n' + " -> ".join(f"m{i}" for i in range(n)) + "\n"


def measure(path):
    out = subprocess.run(
        ["/usr/bin/time", "-f", "%e %M", archc, "check", path],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    seconds, kb = out.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(kb) / 1024


print(f"{'input':>10} {'N':>7} {'s':>6} {'MB':>6} | {'8N':>7} {'s':>6} {'MB':>6} | time ratio")
with tempfile.TemporaryDirectory() as tmp:
    for name, make in [("near-miss", near_miss), ("misspelt", misspelt), ("bad-lines", bad_lines), ("long-line", long_line)]:
        row = []
        for n in (base, base * 8):
            path = os.path.join(tmp, f"{name}_{n}.arch")
            with open(path, "w") as f:
                f.write(make(n))
            row.append((n, *measure(path)))
        (n1, t1, m1), (n8, t8, m8) = row
        # Below the clock's resolution a ratio says nothing.
        ratio = f"{t8 / t1:.1f}x" if t1 >= 0.02 else "(under 20 ms)"
        print(f"{name:>10} {n1:>7} {t1:>6.2f} {m1:>6.0f} | {n8:>7} {t8:>6.2f} {m8:>6.0f} | {ratio}", flush=True)
