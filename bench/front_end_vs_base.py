#!/usr/bin/env python3
"""The front end now against the commit before the speed work (5f19a19), in
one run on the same machine: `archc check` on generated designs of N and 8N
resources (bench/gen_design.py), and the parser alone (the parse_time
example). Prints old/new ratios and throughput in lines per second, and the
growth from N to 8N; never a lone absolute time as the headline.

    python3 bench/front_end_vs_base.py [N]      # default N = 5000

The base is built once in a temporary git worktree with its own target
directory, cached under target/bench-base.
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BASE = "5f19a19"
here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, ".."))
n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
runs = 7
cache = os.path.join(root, "target", "bench-base")


def build(tree, target):
    subprocess.run(["cargo", "build", "--release", "-q", "--bin", "archc", "-p", "archc",
                    "--target-dir", target], cwd=tree, check=True)
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "archc-syntax", "--example", "parse_time",
                    "--target-dir", target], cwd=tree, check=True)
    return os.path.join(target, "release", "archc"), os.path.join(target, "release", "examples", "parse_time")


def base_binaries():
    archc = os.path.join(cache, "release", "archc")
    parse_time = os.path.join(cache, "release", "examples", "parse_time")
    if os.path.exists(archc) and os.path.exists(parse_time):
        return archc, parse_time
    tree = tempfile.mkdtemp(prefix="archc-base-")
    os.rmdir(tree)
    subprocess.run(["git", "worktree", "add", "--detach", tree, BASE], cwd=root, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        # The base has no parse_time example: give it this one.
        shutil.copy(os.path.join(root, "compiler", "syntax", "examples", "parse_time.rs"),
                    os.path.join(tree, "compiler", "syntax", "examples", "parse_time.rs"))
        return build(tree, cache)
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", tree], cwd=root, check=True)


def check_time(archc, path):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run([archc, "check", path], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - t0)
        if proc.returncode != 0:
            sys.exit(f"{archc} check failed on {path}:\n{proc.stderr.decode()}")
    return statistics.median(times)


def parse_time(binary, path):
    out = subprocess.run([binary, path, str(runs * 3)], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


old = base_binaries()
new = build(root, os.path.join(root, "target"))
rows = []
with tempfile.TemporaryDirectory() as tmp:
    for size in (n, 8 * n):
        path = os.path.join(tmp, f"design_{size}.arch")
        with open(path, "w") as f:
            subprocess.run([sys.executable, os.path.join(here, "gen_design.py"), str(size)], stdout=f, check=True)
        lines = sum(1 for _ in open(path))
        for what, i, measure in (("archc check", 0, check_time), ("parse only", 1, parse_time)):
            t_old, t_new = measure(old[i], path), measure(new[i], path)
            rows.append((what, size, lines, t_old, t_new))

print(f"base {BASE} vs working tree; median of {runs} runs (check), best of {runs * 3} (parse)")
print(f"{'stage':<12} {'resources':>9} {'lines':>7} {'old/new':>8} {'old lines/s':>12} {'new lines/s':>12}")
for what, size, lines, t_old, t_new in rows:
    print(f"{what:<12} {size:>9} {lines:>7} {t_old / t_new:>7.1f}x {lines / t_old:>12,.0f} {lines / t_new:>12,.0f}")
print("growth from N to 8N (8.0 is linear):")
for what in ("archc check", "parse only"):
    (_, _, _, o1, n1), (_, _, _, o8, n8) = [r for r in rows if r[0] == what]
    print(f"  {what:<12} old {o8 / o1:.1f}x, new {n8 / n1:.1f}x")
