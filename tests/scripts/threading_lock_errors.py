# Lock argument checking and misuse: the exception types and messages of CPython.
import threading

def show(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

lock = threading.Lock()
show(lambda: lock.release())
show(lambda: lock.acquire(timeout=-2))
show(lambda: lock.acquire(timeout=-0.5))
show(lambda: lock.acquire(False, 1))
show(lambda: lock.acquire(blocking=False, timeout=0))
show(lambda: lock.acquire(timeout="1"))
show(lambda: lock.acquire(timeout=None))
show(lambda: lock.acquire(timeout=1e20))
show(lambda: lock.acquire(timeout=float("nan")))
show(lambda: lock.acquire(1, 2, 3))
show(lambda: lock.acquire(foo=1))
show(lambda: lock.locked())
show(lambda: lock.release())
r = threading.RLock()
show(lambda: r.release())
show(lambda: r.acquire(timeout=-2))
show(lambda: r.acquire(False, 1))
show(lambda: r.__exit__(None, None, None))
show(lambda: r._release_save())
show(lambda: threading.Lock().__exit__(None, None, None))
show(lambda: threading.TIMEOUT_MAX)
show(lambda: issubclass(threading.ThreadError, RuntimeError))
show(lambda: threading.ThreadError is RuntimeError)
