# RLock: recursion, ownership, and what another thread sees.
import threading

r = threading.RLock()
print(type(r).__name__, r._is_owned())
print(r.acquire(), r.acquire(), r._is_owned())
r.release()
print(r._is_owned())
r.release()
print(r._is_owned())

with r:
    with r:
        with r:
            print("nested", r._is_owned())
print("after", r._is_owned())

r.acquire()
seen = {}
def other():
    seen["owned"] = r._is_owned()
    seen["try"] = r.acquire(False)
    seen["timeout"] = r.acquire(timeout=0.01)
    try:
        r.release()
    except RuntimeError as e:
        seen["release"] = str(e)
t = threading.Thread(target=other)
t.start()
t.join()
print(sorted(seen.items()))
r.release()

# once free, another thread can take it
def take():
    with r:
        seen["later"] = r._is_owned()
t = threading.Thread(target=take)
t.start()
t.join()
print(seen["later"], r._is_owned())
print(repr(r).startswith("<unlocked _thread.RLock object owner=0 count=0 at 0x"))
r.acquire(); r.acquire()
print("count=2" in repr(r), repr(r).startswith("<locked _thread.RLock"))
r.release(); r.release()
state = None
r.acquire(); r.acquire()
count, owner = r._release_save()
print(count, owner == threading.get_ident(), r._is_owned())
r._acquire_restore((count, owner))
print(r._is_owned())
r.release(); r.release()
print(r._is_owned())
