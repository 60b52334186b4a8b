"""The peer of interp_bench.py with processes (multiprocessing, fork), for
python3:

    python3 bench/interp_bench_mp.py
    python3 bench/interp_bench_mp.py memory N   # N idle processes, then wait
"""

import multiprocessing as mp
import sys
import time

ROUND_TRIPS = 20000
ITEMS = 200000
CREATES = 200
PRIMES_N = 150000


def report(name, value, unit):
    print(f'{name:<40} {value:>14.2f} {unit}')


def echo(a, b):
    while True:
        item = a.get()
        b.put(item)
        if item is None:
            break


def round_trip():
    a, b = mp.Queue(), mp.Queue()
    p = mp.Process(target=echo, args=(a, b))
    p.start()
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
    p.join()
    report('queue round trip', elapsed / ROUND_TRIPS * 1e6, 'us')


def produce(q, n, dicts):
    for i in range(n):
        q.put({"id": i, "name": "x" * 16} if dicts else i)


def throughput(name, dicts):
    q = mp.Queue(1024)
    start = time.perf_counter()
    p = mp.Process(target=produce, args=(q, ITEMS, dicts))
    p.start()
    for _ in range(ITEMS):
        q.get()
    elapsed = time.perf_counter() - start
    p.join()
    report(f'items/s through one queue ({name})', ITEMS / elapsed, 'items/s')


def nothing():
    pass


def lifecycle():
    start = time.perf_counter()
    for _ in range(CREATES):
        p = mp.Process(target=nothing)
        p.start()
        p.join()
    elapsed = time.perf_counter() - start
    report('create + exec("pass") + close', elapsed / CREATES * 1e6, 'us')


def count_primes(n):
    count = 0
    for i in range(2, n):
        j = 2
        while j * j <= i:
            if i % j == 0:
                break
            j += 1
        else:
            count += 1
    return count


def cpu(workers):
    start = time.perf_counter()
    ps = [mp.Process(target=count_primes, args=(PRIMES_N,)) for _ in range(workers)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    return time.perf_counter() - start


def cpu_bound():
    one = min(cpu(1) for _ in range(3))
    two = min(cpu(2) for _ in range(3))
    report('CPU-bound: 1 process, 1 job', one, 's')
    report('CPU-bound: 2 processes, 2 jobs', two, 's')
    report('CPU-bound: throughput 2 vs 1', 2 * one / two, 'x')


def idle(ev):
    ev.wait()


def memory(n):
    ev = mp.Event()
    ps = [mp.Process(target=idle, args=(ev,)) for _ in range(n)]
    for p in ps:
        p.start()
    print('READY', n, flush=True)
    time.sleep(3)
    ev.set()
    for p in ps:
        p.join()


if __name__ == '__main__':
    mp.set_start_method('fork')
    if len(sys.argv) > 2 and sys.argv[1] == 'memory':
        memory(int(sys.argv[2]))
    else:
        round_trip()
        throughput('ints', False)
        throughput('small dicts', True)
        lifecycle()
        cpu_bound()
