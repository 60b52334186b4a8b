# shutdown(): wait, cancel_futures, and submit after shutdown.
import threading
import time
from concurrent.futures import ThreadPoolExecutor

ex = ThreadPoolExecutor(max_workers=1)
gate = threading.Event()
started = threading.Event()
def blocker():
    started.set()
    return gate.wait()
first = ex.submit(blocker)
started.wait()
rest = [ex.submit(abs, -i) for i in range(4)]
threading.Timer(0.02, gate.set).start()
ex.shutdown(wait=True, cancel_futures=True)
print(first.done(), first.result(), [f.cancelled() for f in rest])
try:
    ex.submit(abs, 1)
except RuntimeError as e:
    print("RuntimeError:", e)
ex.shutdown()
print("shutdown twice is fine")

ex2 = ThreadPoolExecutor(2)
fs = [ex2.submit(time.sleep, 0.01) for _ in range(4)]
ex2.shutdown(wait=False)
print("returned at once; all done later:", all(f.result() is None for f in fs))
with ThreadPoolExecutor(2) as ex3:
    f = ex3.submit(time.sleep, 0.01)
print("with-block waited:", f.done())
try:
    with ThreadPoolExecutor(2) as ex4:
        raise KeyError("body failed")
except KeyError as e:
    print("KeyError propagates:", e)

# an executor never shut down doesn't keep the program alive
leak = ThreadPoolExecutor(2)
print(leak.submit(abs, -7).result())
