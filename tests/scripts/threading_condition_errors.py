# Condition misuse and its lock variants.
import threading

def show(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

c = threading.Condition()
show(lambda: c.wait())
show(lambda: c.wait(0.1))
show(lambda: c.notify())
show(lambda: c.notify_all())
show(lambda: c.wait_for(lambda: False, 0))
lk = threading.Lock()
c2 = threading.Condition(lk)
show(lambda: c2.notify())
with c2:
    show(lambda: c2.notify())
    show(lambda: c2.wait(0))
    print("lock still held:", lk.locked())
print("released:", lk.locked())
print(repr(c2).startswith("<Condition(<unlocked _thread.lock object at 0x"), repr(c2).endswith(", 0)>"))
print(repr(c).startswith("<Condition(<unlocked _thread.RLock object owner=0 count=0"))
print(c.acquire(), c._is_owned())
c.release()
print(c._is_owned(), c2._is_owned())

# an RLock held several times is fully released while waiting, then restored
r = threading.RLock()
cr = threading.Condition(r)
seen = []
def other():
    seen.append(r.acquire(timeout=1))
    with cr:
        cr.notify()
    r.release()
with cr:
    with cr:
        t = threading.Thread(target=other)
        t.start()
        print("notified:", cr.wait(2))
        print("count restored:", "count=2" in repr(r))
t.join()
print(seen, r._is_owned())

# any object with acquire/release works as the lock
class MyLock:
    def __init__(self):
        self.inner = threading.Lock()
        self.calls = 0
    def acquire(self, *args):
        self.calls += 1
        return self.inner.acquire(*args)
    def release(self):
        self.inner.release()
    def __enter__(self):
        return self.acquire()
    def __exit__(self, *a):
        self.release()
ml = MyLock()
cm = threading.Condition(ml)
with cm:
    print("custom lock wait:", cm.wait(0.01))
print("calls > 0:", ml.calls > 0, ml.inner.locked())
