# Calls of built-ins and bound methods in every call-site shape, their arity
# errors, `with` on managers whose __enter__ is a function, a built-in or
# something else, and the lock primitives' uncontended paths.
import _thread
import threading


def err(f, *a, **k):
    try:
        f(*a, **k)
    except Exception as e:
        print(type(e).__name__, e)


l = []
ap = l.append
ap(1)
ap(*[2])
m = l.insert
m(0, 0)
print(l)
err(ap)
err(ap, 1, 2)
err(l.append)
err(list.append, l)
err(len)
err(len, [], [])
err(len, obj=[])
err(l.pop, 1, 2)
print(sorted([3, 1, 2], key=None, reverse=True))


class C:
    def f(self, *args, **kw):
        return (len(args), sorted(kw))

    def __call__(self, a, b=2):
        return a + b


c = C()
bm = c.f
print(bm(), bm(1, 2, 3, 4, 5, 6, 7, 8), bm(1, x=2, y=3))
print(c(1), c(1, b=5), c(*(1, 1)))
print(list(map(bm, [1, 2])))
err(c)


class E1:
    def __enter__(self):
        print("enter E1")
        return self

    def __exit__(self, *a):
        print("exit E1", a[0])
        return True


class Callable:
    def __call__(self, *a):
        print("callable enter", len(a))
        return "x"


class E2:
    __enter__ = staticmethod(lambda: "static")
    __exit__ = lambda self, t, v, tb: None


class E3:
    __enter__ = Callable()
    __exit__ = lambda self, t, v, tb: None


with E1() as v:
    print(type(v).__name__)
    raise ValueError("x")
with E2() as v:
    print(v)
with E3() as v:
    print(v)

lock = threading.Lock()
with lock:
    print(lock.locked())
print(lock.locked(), lock.acquire(), lock.acquire(False), lock.acquire(timeout=0.01))
lock.release()
err(lock.release)
err(lock.acquire, 1, 2, 3)
err(lock.acquire, False, 1)
err(lock.acquire, timeout=-5)
err(lock.acquire, foo=1)
err(lock.release, 1)

r = threading.RLock()
with r:
    with r:
        print(r._is_owned(), r._recursion_count())
print(r._is_owned(), r._recursion_count())
err(r.release)
r.acquire()
state = r._release_save()
print(state[0], r._is_owned())
r._acquire_restore(state)
print(r._recursion_count())
r.release()

done = []
lk = _thread.allocate_lock()
lk.acquire()


def worker():
    with lk:
        done.append(1)


t = threading.Thread(target=worker)
t.start()
lk.release()
t.join()
print(done, lk.locked())
err(r.release, 1)
