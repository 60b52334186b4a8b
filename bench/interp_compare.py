"""Runs the interpreter benchmarks several times, interleaved, and prints the
median and the best of each figure for atoll, CPython 3.13 (_interpreters)
and multiprocessing (python3), plus the memory per idle interpreter.

    python3 bench/interp_compare.py [ROUNDS]   (from the repository root,
                                                after cargo build --release)

Set ATOLL, PY313 and PY to other interpreters if needed.
"""

import os
import statistics
import subprocess
import sys

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 5
IMPLS = [
    ('atoll', [os.environ.get('ATOLL', 'target/release/atoll'), 'bench/interp_bench.py'], 1000),
    ('cpython3.13', [os.environ.get('PY313', '/work/venv313/bin/python'),
                     'bench/interp_bench_cpython313.py'], 1000),
    ('multiprocessing', [os.environ.get('PY', 'python3'), 'bench/interp_bench_mp.py'], 100),
]
LOWER_IS_BETTER = ('us', 's', 'KiB')


def parse(out):
    rows = {}
    for line in out.splitlines():
        parts = line.rsplit(None, 2)
        if len(parts) == 3:
            name, value, unit = parts
            rows[name.strip()] = (float(value), unit)
    return rows


def main():
    results = {name: {} for name, _, _ in IMPLS}
    for _ in range(ROUNDS):
        for name, cmd, _ in IMPLS:
            out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
            for metric, (value, unit) in parse(out).items():
                metric = metric.replace('process', 'interpreter').replace('interpreteres', 'interpreters')
                results[name].setdefault(metric, (unit, []))[1].append(value)
    for name, cmd, n in IMPLS:
        out = subprocess.run([sys.executable, 'bench/interp_mem.py', str(n), '--'] + cmd,
                             capture_output=True, text=True, check=True).stdout
        value = float(out.split()[4])
        results[name]['memory per idle interpreter'] = ('KiB', [value])
    metrics = list(results['atoll'])
    print(f'{"":42}' + ''.join(f'{n:>26}' for n, _, _ in IMPLS))
    for metric in metrics:
        cells = []
        for name, _, _ in IMPLS:
            unit, values = results[name].get(metric, ('', []))
            if not values:
                cells.append(f'{"-":>26}')
                continue
            best = min(values) if unit in LOWER_IS_BETTER else max(values)
            cells.append(f'{statistics.median(values):>12.2f} ({best:>9.2f})'.rjust(26))
        unit = results['atoll'][metric][0]
        print(f'{metric + " [" + unit + "]":42}' + ''.join(cells))
    print(f'median of {ROUNDS} runs (best in parentheses); memory: one run')


main()
