"""CPU-bound work in parallel on several interpreters, each driven by a
thread of the main interpreter (call_in_thread), results gathered by a queue.
Compare the time with one interpreter and with two.

    atoll examples/scripts/interp_parallel.py [N]
"""

import sys
import time
from concurrent import interpreters


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


def run(workers, n):
    interps = [interpreters.create() for _ in range(workers)]
    results = interpreters.create_queue()
    step = n // workers
    start = time.perf_counter()
    threads = [interp.call_in_thread(count_primes, k * step, n if k == workers - 1 else (k + 1) * step, results)
               for k, interp in enumerate(interps)]
    for t in threads:
        t.join()
    total = sum(results.get() for _ in interps)
    elapsed = time.perf_counter() - start
    for interp in interps:
        interp.close()
    return total, elapsed


n = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
count1, t1 = run(1, n)
count2, t2 = run(2, n)
assert count1 == count2
print(f'{count1} primes below {n}')
print(f'1 interpreter : {t1:.3f} s')
print(f'2 interpreters: {t2:.3f} s  (speedup {t1 / t2:.2f}x)')
