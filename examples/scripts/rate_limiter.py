# A Semaphore as a concurrency limiter: at most LIMIT calls run at once.
#
#   atoll examples/scripts/rate_limiter.py
#
# Twelve threads call a slow service through the limiter; a counter records how
# many are inside at the same time. A BoundedSemaphore also catches a release
# without a matching acquire.
import threading
import time

LIMIT = 3
limiter = threading.BoundedSemaphore(LIMIT)
inside = 0
peak = 0
counter_lock = threading.Lock()
calls = []


def call_service(n):
    global inside, peak
    with limiter:
        with counter_lock:
            inside += 1
            peak = max(peak, inside)
        time.sleep(0.003)
        with counter_lock:
            inside -= 1
            calls.append(n)


threads = [threading.Thread(target=call_service, args=(n,)) for n in range(12)]
start = time.perf_counter()
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.perf_counter() - start

print("calls:", sorted(calls))
print("peak concurrency:", peak, "limit:", LIMIT, "respected:", peak <= LIMIT)
print("took at least 4 rounds:", elapsed >= 4 * 0.003)
try:
    limiter.release()
except ValueError as e:
    print("extra release refused:", e)
print("non-blocking acquire when free:", limiter.acquire(blocking=False))
limiter.release()
