# A downloader with bounded concurrency and retries, over simulated I/O.
#
#   atoll examples/scripts/downloader.py
#
# Each "download" sleeps (releasing the GIL, as real network I/O would) and some
# fail a fixed number of times before succeeding; a few never succeed. At most
# MAX_WORKERS downloads run at once; each failure is retried up to RETRIES times.
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed

MAX_WORKERS = 4
RETRIES = 3

# url -> how many attempts fail before one succeeds (99: never)
FLAKY = {"u3": 1, "u7": 2, "u11": 99, "u12": 3}
URLS = ["u%d" % i for i in range(16)]

attempts = {}
attempts_lock = threading.Lock()
active = [0]
peak = [0]


class DownloadError(Exception):
    pass


def fetch(url):
    with attempts_lock:
        attempts[url] = attempts.get(url, 0) + 1
        n = attempts[url]
        active[0] += 1
        peak[0] = max(peak[0], active[0])
    try:
        time.sleep(0.005 + 0.001 * (len(url) % 3))
        if n <= FLAKY.get(url, 0):
            raise DownloadError("%s: attempt %d failed" % (url, n))
        return "<%s: %d bytes>" % (url, 100 * len(url) + int(url[1:]))
    finally:
        with attempts_lock:
            active[0] -= 1


def download(url):
    last = None
    for attempt in range(1, RETRIES + 1):
        try:
            return url, attempt, fetch(url)
        except DownloadError as e:
            last = e
            time.sleep(0.001 * attempt)     # back off a little
    raise DownloadError("%s: giving up after %d attempts (%s)" % (url, RETRIES, last))


ok, failed = [], []
start = time.perf_counter()
with ThreadPoolExecutor(max_workers=MAX_WORKERS, thread_name_prefix="dl") as pool:
    futures = {pool.submit(download, url): url for url in URLS}
    for fut in as_completed(futures):
        try:
            ok.append(fut.result())
        except DownloadError as e:
            failed.append(str(e))
elapsed = time.perf_counter() - start

for url, attempt, body in sorted(ok, key=lambda r: int(r[0][1:])):
    note = "" if attempt == 1 else " (after %d attempts)" % attempt
    print(url, body + note)
for msg in sorted(failed):
    print("FAILED", msg)
print("downloaded %d of %d" % (len(ok), len(URLS)))
print("never more than %d at once:" % MAX_WORKERS, peak[0] <= MAX_WORKERS)
print("total attempts:", sum(attempts.values()))
