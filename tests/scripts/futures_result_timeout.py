# result(timeout) gives up with TimeoutError while the call runs; later it works.
import threading
from concurrent.futures import ThreadPoolExecutor, TimeoutError, wait

gate = threading.Event()
with ThreadPoolExecutor(1) as ex:
    f = ex.submit(lambda: gate.wait() and "late")
    for t in (0, 0.01):
        try:
            f.result(timeout=t)
        except TimeoutError as e:
            print("TimeoutError", type(e).__name__, isinstance(e, OSError))
    try:
        f.exception(timeout=0.01)
    except TimeoutError:
        print("exception() TimeoutError")
    done, not_done = wait([f], timeout=0.01)
    print(len(done), len(not_done))
    gate.set()
    print(f.result(timeout=5))
