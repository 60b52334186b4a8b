"""Memory per idle interpreter: runs `CMD... memory 0` and `CMD... memory N`,
reads the RSS of the process tree once it prints READY, and prints
(RSS(N) - RSS(0)) / N.

    python3 bench/interp_mem.py 1000 -- target/release/atoll bench/interp_bench.py
    python3 bench/interp_mem.py 1000 -- /work/venv313/bin/python bench/interp_bench_cpython313.py
    python3 bench/interp_mem.py 100 -- python3 bench/interp_bench_mp.py
"""

import os
import subprocess
import sys


def rss_kib(pid):
    """RSS of pid and its children, in KiB."""
    total = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f'/proc/{p}/status') as f:
                for line in f:
                    if line.startswith('VmRSS:'):
                        total += int(line.split()[1])
            with open(f'/proc/{p}/task/{p}/children') as f:
                todo.extend(int(c) for c in f.read().split())
        except OSError:
            pass
    return total


def measure(cmd, n):
    p = subprocess.Popen(cmd + ['memory', str(n)], stdout=subprocess.PIPE, text=True)
    for line in p.stdout:
        if line.startswith('READY'):
            break
    rss = rss_kib(p.pid)
    p.wait()
    return rss


def main():
    n = int(sys.argv[1])
    cmd = sys.argv[sys.argv.index('--') + 1:]
    base = measure(cmd, 0)
    full = measure(cmd, n)
    print(f'{"memory per idle interpreter":<40} {(full - base) / n:>14.2f} KiB'
          f'   (RSS {base} KiB with 0, {full} KiB with {n})')


main()
