# A timed acquire of a lock held by another thread gives up after the timeout
# (and never returns early); it succeeds once the holder lets go.
import threading
import time

lock = threading.Lock()
holding = threading.Event()
release = threading.Event()

def holder():
    with lock:
        holding.set()
        release.wait()

t = threading.Thread(target=holder)
t.start()
holding.wait()
start = time.monotonic()
got = lock.acquire(timeout=0.05)
waited = time.monotonic() - start
print("got while held:", got, "waited enough:", waited >= 0.05)
print("non-blocking:", lock.acquire(False))
release.set()
print("blocking acquire:", lock.acquire(timeout=5))
lock.release()
t.join()

# a waiter wakes up when the lock is released
order = []
lock.acquire()
def waiter():
    lock.acquire()
    order.append("waiter got it")
    lock.release()
w = threading.Thread(target=waiter)
w.start()
time.sleep(0.02)
order.append("main releases")
lock.release()
w.join()
print(order)
