"""The peer of interp_bench.py for CPython 3.13, on its low-level modules:
_interpreters (exec in a thread) and _interpqueues. 3.13's queue get/put do
not block, so the waits here spin (no sleep); small dicts are not shareable in
3.13, so they are pickled (as 3.14's queues do for them).

    /work/venv313/bin/python bench/interp_bench_cpython313.py
    /work/venv313/bin/python bench/interp_bench_cpython313.py memory N
"""

import pickle
import sys
import threading
import time

import _interpreters
import _interpqueues

ROUND_TRIPS = 20000
ITEMS = 200000
CREATES = 200
PRIMES_N = 150000
FMT, UNBOUND = 0, 3


def report(name, value, unit):
    print(f'{name:<40} {value:>14.2f} {unit}')


def qcreate(maxsize=0):
    return _interpqueues.create(maxsize, FMT, UNBOUND)


# helpers defined in every subinterpreter
HELPERS = '''
import _interpqueues, pickle
def qget(q):
    while True:
        try:
            return _interpqueues.get(q)[0]
        except _interpqueues.QueueError:
            pass
def qput(q, obj):
    while True:
        try:
            _interpqueues.put(q, obj, 0, 3)
            return
        except _interpqueues.QueueError:
            pass
'''


def qget(q):
    while True:
        try:
            return _interpqueues.get(q)[0]
        except _interpqueues.QueueError:
            pass


def qput(q, obj):
    while True:
        try:
            _interpqueues.put(q, obj, FMT, UNBOUND)
            return
        except _interpqueues.QueueError:
            pass


def in_thread(interp, code, shared):
    t = threading.Thread(target=_interpreters.exec, args=(interp, code, shared))
    t.start()
    return t


def round_trip():
    a, b = qcreate(), qcreate()
    sub = _interpreters.create()
    _interpreters.exec(sub, HELPERS)
    t = in_thread(sub, '''
while True:
    item = qget(a)
    qput(b, item)
    if item is None:
        break
''', {'a': a, 'b': b})
    for _ in range(100):
        qput(a, 1)
        qget(b)
    start = time.perf_counter()
    for i in range(ROUND_TRIPS):
        qput(a, i)
        qget(b)
    elapsed = time.perf_counter() - start
    qput(a, None)
    qget(b)
    t.join()
    _interpreters.destroy(sub)
    report('queue round trip', elapsed / ROUND_TRIPS * 1e6, 'us')


def throughput(name, code, decode):
    q = qcreate(1024)
    sub = _interpreters.create()
    _interpreters.exec(sub, HELPERS)
    start = time.perf_counter()
    t = in_thread(sub, code, {'q': q, 'n': ITEMS})
    for _ in range(ITEMS):
        item = qget(q)
        if decode:
            pickle.loads(item)
    elapsed = time.perf_counter() - start
    t.join()
    _interpreters.destroy(sub)
    report(f'items/s through one queue ({name})', ITEMS / elapsed, 'items/s')


def lifecycle():
    start = time.perf_counter()
    for _ in range(CREATES):
        interp = _interpreters.create()
        _interpreters.exec(interp, 'pass')
        _interpreters.destroy(interp)
    elapsed = time.perf_counter() - start
    report('create + exec("pass") + close', elapsed / CREATES * 1e6, 'us')


PRIMES = '''
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
count_primes(n)
'''


def cpu(workers):
    interps = [_interpreters.create() for _ in range(workers)]
    start = time.perf_counter()
    threads = [in_thread(i, PRIMES, {'n': PRIMES_N}) for i in interps]
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    for i in interps:
        _interpreters.destroy(i)
    return elapsed


def cpu_bound():
    one = min(cpu(1) for _ in range(3))
    two = min(cpu(2) for _ in range(3))
    report('CPU-bound: 1 interpreter, 1 job', one, 's')
    report('CPU-bound: 2 interpreters, 2 jobs', two, 's')
    report('CPU-bound: throughput 2 vs 1', 2 * one / two, 'x')


def memory(n):
    interps = [_interpreters.create() for _ in range(n)]
    for i in interps:
        _interpreters.exec(i, 'pass')
    print('READY', n, flush=True)
    time.sleep(3)


if len(sys.argv) > 2 and sys.argv[1] == 'memory':
    memory(int(sys.argv[2]))
else:
    round_trip()
    throughput('ints', 'for i in range(n):\n    qput(q, i)\n', False)
    throughput('small dicts',
               'for i in range(n):\n    qput(q, pickle.dumps({"id": i, "name": "x" * 16}))\n',
               True)
    lifecycle()
    cpu_bound()
