"""Threading micro-benchmarks; plain Python, runs on atoll and on CPython.

    atoll bench/threads_bench.py        python3 bench/threads_bench.py

Each line is one figure (higher is better): thread start+join, uncontended and
contended (2 threads) Lock acquire/release, Queue put/get between two threads,
ThreadPoolExecutor submit->result round trips. Then two pool checks: I/O-bound
tasks overlap, CPU-bound tasks get no speedup from a thread pool (the GIL).
An optional argument scales the work (default 1.0).
"""

import sys
import threading
import queue
import time
from concurrent.futures import ThreadPoolExecutor

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0


def n(count):
    return max(1, int(count * SCALE))


def report(name, ops, seconds, unit="ops/s"):
    print("%-40s %12.0f %s" % (name, ops / seconds, unit))


def noop():
    pass


def bench_start_join():
    count = n(3000)
    t0 = time.perf_counter()
    for _ in range(count):
        t = threading.Thread(target=noop)
        t.start()
        t.join()
    report("thread start+join", count, time.perf_counter() - t0, "threads/s")


def bench_uncontended():
    count = n(1000000)
    lock = threading.Lock()
    t0 = time.perf_counter()
    for _ in range(count):
        lock.acquire()
        lock.release()
    report("Lock acquire/release (uncontended)", count, time.perf_counter() - t0)
    t0 = time.perf_counter()
    for _ in range(count):
        with lock:
            pass
    report("with Lock (uncontended)", count, time.perf_counter() - t0)
    rlock = threading.RLock()
    t0 = time.perf_counter()
    for _ in range(count):
        with rlock:
            pass
    report("with RLock (uncontended)", count, time.perf_counter() - t0)


def bench_contended():
    count = n(300000)
    lock = threading.Lock()
    shared = [0]

    def worker():
        for _ in range(count):
            lock.acquire()
            shared[0] += 1
            lock.release()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    assert shared[0] == 2 * count
    report("Lock acquire/release (2 threads)", 2 * count, elapsed)


def bench_queue():
    count = n(200000)
    q = queue.Queue()

    def consumer():
        get = q.get
        for _ in range(count):
            get()

    t = threading.Thread(target=consumer)
    t0 = time.perf_counter()
    t.start()
    put = q.put
    for i in range(count):
        put(i)
    t.join()
    report("Queue put/get (2 threads)", count, time.perf_counter() - t0, "msgs/s")

    q2 = queue.Queue(maxsize=100)

    def consumer2():
        for _ in range(count):
            q2.get()

    t = threading.Thread(target=consumer2)
    t0 = time.perf_counter()
    t.start()
    for i in range(count):
        q2.put(i)
    t.join()
    report("Queue(maxsize=100) put/get (2 threads)", count,
           time.perf_counter() - t0, "msgs/s")


def bench_pool():
    count = n(20000)
    with ThreadPoolExecutor(max_workers=4) as ex:
        ex.submit(noop).result()
        t0 = time.perf_counter()
        for i in range(count):
            ex.submit(abs, i).result()
        report("ThreadPoolExecutor submit->result", count,
               time.perf_counter() - t0, "round trips/s")
        t0 = time.perf_counter()
        fs = [ex.submit(abs, i) for i in range(count)]
        for f in fs:
            f.result()
        report("ThreadPoolExecutor submit all, then results", count,
               time.perf_counter() - t0, "tasks/s")


def sleeper(i):
    time.sleep(0.05)
    return i


def burn(k):
    total = 0
    for i in range(k):
        total += i * i
    return total


def bench_io_and_cpu():
    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=20) as ex:
        results = list(ex.map(sleeper, range(100)))
    elapsed = time.perf_counter() - t0
    assert results == list(range(100))
    print("%-40s %12.2f s (serial would take 5.00 s)" %
          ("100 x sleep(0.05) on 20 threads", elapsed))

    work = [n(200000)] * 8
    t0 = time.perf_counter()
    for k in work:
        burn(k)
    serial = time.perf_counter() - t0
    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=4) as ex:
        list(ex.map(burn, work))
    pooled = time.perf_counter() - t0
    print("%-40s %12.2f x (serial %.2f s, pool of 4 %.2f s)" %
          ("CPU-bound speedup from a thread pool", serial / pooled, serial, pooled))


def main():
    impl = getattr(sys, "implementation_name", None) or sys.implementation.name
    print("threads_bench on", impl, sys.version.split()[0])
    bench_start_join()
    bench_uncontended()
    bench_contended()
    bench_queue()
    bench_pool()
    bench_io_and_cpu()


main()
