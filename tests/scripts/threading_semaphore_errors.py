# Semaphore and BoundedSemaphore errors.
import threading

def show(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

show(lambda: threading.Semaphore(-1))
show(lambda: threading.BoundedSemaphore(-1))
s = threading.Semaphore(1)
show(lambda: s.acquire(False, 1))
show(lambda: s.release(0))
show(lambda: s.release(-3))
show(lambda: s.acquire(timeout=0))
show(lambda: s.acquire(timeout=-1))
b = threading.BoundedSemaphore(2)
show(lambda: b.release())
show(lambda: b.acquire())
show(lambda: b.release())
show(lambda: b.release())
show(lambda: b.acquire() and b.acquire())
show(lambda: b.release(3))
show(lambda: b.release(2))
show(lambda: b._value)
show(lambda: repr(b).endswith(": value=2/2>"))
with b:
    show(lambda: b._value)
show(lambda: b._value)
show(lambda: issubclass(threading.BoundedSemaphore, threading.Semaphore))
