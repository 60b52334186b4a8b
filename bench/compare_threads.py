"""Runs bench/threads_bench.py on atoll and on CPython, alternately, several
times, and prints the best figure of each (the least disturbed run: on a shared
machine the other runs mostly measure the neighbours' load).

    python3 bench/compare_threads.py [ATOLL_BINARY] [ROUNDS] [SCALE]

ATOLL_BINARY defaults to target/release/atoll.
"""

import os
import re
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
atoll = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "target", "release", "atoll")
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
scale = sys.argv[3] if len(sys.argv) > 3 else "1.0"
bench = os.path.join(here, "threads_bench.py")
line_re = re.compile(r"^(.*?)\s{2,}([0-9.]+) (\S.*)$")


def run(cmd):
    out = subprocess.run(cmd + [bench, scale], capture_output=True, text=True, check=True)
    figures = {}
    for line in out.stdout.splitlines():
        m = line_re.match(line)
        if m and "/s" in m.group(3):
            figures[m.group(1).strip()] = (float(m.group(2)), m.group(3))
    return figures


best = {"atoll": {}, "cpython": {}}
order = []
for _ in range(rounds):
    for impl, cmd in (("atoll", [atoll]), ("cpython", [sys.executable])):
        for name, (value, unit) in run(cmd).items():
            if name not in order:
                order.append(name)
            prev = best[impl].get(name)
            if prev is None or value > prev[0]:
                best[impl][name] = (value, unit)

print("best of %d runs (higher is better)" % rounds)
print("%-44s %14s %14s %8s" % ("", "atoll", "CPython 3.11", "ratio"))
for name in order:
    a = best["atoll"].get(name)
    c = best["cpython"].get(name)
    if a and c:
        print("%-44s %14.0f %14.0f %7.2fx  %s" % (name, a[0], c[0], a[0] / c[0], a[1]))
