# ThreadPoolExecutor arguments: max_workers (default min(32, cpu_count + 4)),
# thread_name_prefix, and bad values.
import os
import threading
from concurrent.futures import ThreadPoolExecutor

ex = ThreadPoolExecutor()
print(ex._max_workers == min(32, (os.cpu_count() or 1) + 4))
ex.shutdown()
for bad in (0, -1):
    try:
        ThreadPoolExecutor(bad)
    except ValueError as e:
        print("ValueError:", e)
with ThreadPoolExecutor(3, thread_name_prefix="dl") as ex:
    barrier = threading.Barrier(3)
    def name():
        barrier.wait()
        return threading.current_thread().name
    print(sorted(ex.map(lambda _: name(), range(3))))
with ThreadPoolExecutor(2) as ex:
    n = ex.submit(lambda: threading.current_thread().name).result()
    print(n.startswith("ThreadPoolExecutor-"), n.endswith("_0"))
# idle workers are reused instead of starting new threads
with ThreadPoolExecutor(8) as ex:
    for i in range(20):
        ex.submit(abs, i).result()
    print("threads started:", len(ex._threads))
