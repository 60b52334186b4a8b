"""Benchmarks of concurrent.interpreters (atoll; the same script runs under
CPython 3.14). Peers: interp_bench_cpython313.py (CPython 3.13's
_interpreters/_interpqueues) and interp_bench_mp.py (multiprocessing).

    atoll bench/interp_bench.py            # every measurement
    atoll bench/interp_bench.py memory N   # N idle interpreters, then wait
                                           # (bench/interp_mem.py reads the RSS)

Prints one line per measurement: name, value, unit.
"""

import sys
import time
from concurrent import interpreters

ROUND_TRIPS = 20000
ITEMS = 200000
CREATES = 200
PRIMES_N = 150000


def report(name, value, unit):
    print(f'{name:<40} {value:>14.2f} {unit}')


def echo(inq, outq):
    while True:
        item = inq.get()
        outq.put(item)
        if item is None:
            break


def round_trip():
    a = interpreters.create_queue()
    b = interpreters.create_queue()
    sub = interpreters.create()
    t = sub.call_in_thread(echo, a, b)
    for _ in range(100):
        a.put(1)
        b.get()
    start = time.perf_counter()
    for i in range(ROUND_TRIPS):
        a.put(i)
        b.get()
    elapsed = time.perf_counter() - start
    a.put(None)
    b.get()
    t.join()
    sub.close()
    report('queue round trip', elapsed / ROUND_TRIPS * 1e6, 'us')


def produce_ints(q, n):
    for i in range(n):
        q.put(i)


def produce_dicts(q, n):
    for i in range(n):
        q.put({"id": i, "name": "x" * 16})


def throughput(name, producer):
    q = interpreters.create_queue(1024)
    sub = interpreters.create()
    start = time.perf_counter()
    t = sub.call_in_thread(producer, q, ITEMS)
    for _ in range(ITEMS):
        q.get()
    elapsed = time.perf_counter() - start
    t.join()
    sub.close()
    report(f'items/s through one queue ({name})', ITEMS / elapsed, 'items/s')


def lifecycle():
    start = time.perf_counter()
    for _ in range(CREATES):
        interp = interpreters.create()
        interp.exec('pass')
        interp.close()
    elapsed = time.perf_counter() - start
    report('create + exec("pass") + close', elapsed / CREATES * 1e6, 'us')


def count_primes(lo, hi, results):
    count = 0
    for i in range(max(lo, 2), hi):
        j = 2
        while j * j <= i:
            if i % j == 0:
                break
            j += 1
        else:
            count += 1
    results.put(count)


def cpu(workers):
    interps = [interpreters.create() for _ in range(workers)]
    results = interpreters.create_queue()
    start = time.perf_counter()
    threads = [interp.call_in_thread(count_primes, 0, PRIMES_N, results) for interp in interps]
    for t in threads:
        t.join()
    counts = [results.get() for _ in interps]
    elapsed = time.perf_counter() - start
    assert len(set(counts)) == 1
    for interp in interps:
        interp.close()
    return elapsed


def cpu_bound():
    one = min(cpu(1) for _ in range(3))
    two = min(cpu(2) for _ in range(3))
    report('CPU-bound: 1 interpreter, 1 job', one, 's')
    report('CPU-bound: 2 interpreters, 2 jobs', two, 's')
    report('CPU-bound: throughput 2 vs 1', 2 * one / two, 'x')


def memory(n):
    interps = [interpreters.create() for _ in range(n)]
    for interp in interps:
        interp.exec('pass')
    print('READY', n, flush=True)
    time.sleep(3)


if len(sys.argv) > 2 and sys.argv[1] == 'memory':
    memory(int(sys.argv[2]))
else:
    round_trip()
    throughput('ints', produce_ints)
    throughput('small dicts', produce_dicts)
    lifecycle()
    cpu_bound()
