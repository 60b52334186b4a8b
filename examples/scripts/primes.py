# Count primes below N with plain trial division, in one or more threads.
#
#   atoll examples/scripts/primes.py [N] [THREADS]
#
# With THREADS > 1 the threads share this interpreter's GIL, so the total time
# grows with the thread count: compare with examples/parallel.rs, which runs the
# same function in separate interpreters.
import sys
import threading
import time

from count_primes import count_primes

n = 50000
threads = 1
if len(sys.argv) > 1:
    n = int(sys.argv[1])
if len(sys.argv) > 2:
    threads = int(sys.argv[2])

results = [None] * threads


def worker(k):
    results[k] = count_primes(n)


start = time.perf_counter()
workers = [threading.Thread(target=worker, args=(k,)) for k in range(threads)]
for t in workers:
    t.start()
for t in workers:
    t.join()
elapsed = time.perf_counter() - start
print("primes below", n, "=", results[0])
print(threads, "thread(s):", round(elapsed, 3), "s")
