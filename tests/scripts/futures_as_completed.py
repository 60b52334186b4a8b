# as_completed yields futures as they finish; timeouts raise TimeoutError.
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed, TimeoutError

def work(x):
    time.sleep(0.002 * x)
    return x

with ThreadPoolExecutor(5) as ex:
    fs = [ex.submit(work, x) for x in (5, 1, 4, 2, 3)]
    print(sorted(f.result() for f in as_completed(fs)))
    # already finished futures are yielded too, and duplicates only once
    print(sorted(f.result() for f in as_completed(fs + fs)))
    gate = threading.Event()
    slow = ex.submit(gate.wait)
    fast = ex.submit(work, 0)
    it = as_completed([slow, fast], timeout=0.05)
    first = next(it)
    print("first is fast:", first is fast)
    try:
        next(it)
    except TimeoutError as e:
        print("TimeoutError:", e)
    gate.set()
    print(list(as_completed([]))) 
    print(slow.result())
