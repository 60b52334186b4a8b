# I/O-bound work overlaps on a pool: 100 tasks sleeping 50 ms on 20 workers
# take about 5 rounds, far less than the 5 s they'd take one after another.
import time
from concurrent.futures import ThreadPoolExecutor

def fetch(i):
    time.sleep(0.05)
    return i

start = time.perf_counter()
with ThreadPoolExecutor(max_workers=20) as ex:
    results = list(ex.map(fetch, range(100)))
elapsed = time.perf_counter() - start
print(results == list(range(100)))
print("not faster than 5 rounds:", elapsed >= 0.25)
print("overlapped (under half the serial time):", elapsed < 100 * 0.05 / 2)
