# Lock: acquire/release, non-blocking and timed acquires, context manager.
import threading
import _thread

lock = threading.Lock()
print(type(lock).__name__, type(lock) is _thread.LockType)
print(lock.locked(), lock.acquire(), lock.locked())
print(lock.acquire(False), lock.acquire(blocking=False), lock.acquire(timeout=0.01))
print(lock.acquire(True, 0), lock.acquire(1, 0.001))
lock.release()
print(lock.locked())
with lock as got:
    print("inside", got, lock.locked())
print("after", lock.locked())

try:
    with lock:
        raise ValueError("inside with")
except ValueError as e:
    print("released after exception:", not lock.locked(), e)

print(lock.acquire_lock(), lock.locked_lock())
lock.release_lock()
print(lock.locked())
print(lock.acquire(blocking=True, timeout=-1))
lock.release()
print(lock.acquire(False, -1))
lock.release()
print(lock.__enter__(), lock.__exit__(None, None, None), lock.locked())
print(repr(lock).startswith("<unlocked _thread.lock object at 0x"))
lock.acquire()
print(repr(lock).startswith("<locked _thread.lock object at 0x"))

# a lock held by one thread may be released by another
done = []
def releaser():
    lock.release()
    done.append(True)
t = threading.Thread(target=releaser)
t.start()
t.join()
print(done, lock.locked())
print(threading.Lock is _thread.allocate_lock)
