# ThreadPoolExecutor.submit and the Future it returns.
import threading
from concurrent.futures import ThreadPoolExecutor, Future

def square(x):
    return x * x

with ThreadPoolExecutor(max_workers=2) as ex:
    f = ex.submit(square, 7)
    print(f.result(), f.done(), f.running(), f.cancelled(), f.exception())
    print(isinstance(f, Future))
    f2 = ex.submit(pow, 2, exp=10) if False else ex.submit(lambda *a, **k: (a, sorted(k.items())), 1, 2, k=3)
    print(f2.result())
    release = threading.Event()
    started = threading.Event()
    def slow():
        started.set()
        release.wait()
        return "slow done"
    f3 = ex.submit(slow)
    started.wait()
    print("running:", f3.running(), "done:", f3.done())
    print(repr(f3).startswith("<Future at 0x"), repr(f3).endswith("state=running>"))
    release.set()
    print(f3.result(timeout=5))
    print(repr(f3).endswith("state=finished returned str>"))
    names = ex.submit(lambda: threading.current_thread().name).result()
    print(names.startswith("ThreadPoolExecutor-"), names[-2:] in ("_0", "_1"))
print("pool closed")
