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


def count_primes(n):
    count = 0
    i = 2
    while i < n:
        j = 2
        prime = True
        while j * j <= i:
            if i % j == 0:
                prime = False
                break
            j += 1
        if prime:
            count += 1
        i += 1
    return count


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
