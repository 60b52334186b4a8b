# threading corners: wait_for's predicate calls, Barrier phases, Thread names
# and reprs, Event/Semaphore reprs, Timer, _register_atexit order.
import functools
import threading
import time


class Counting:
    def __init__(self, answers):
        self.answers = list(answers)
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return self.answers.pop(0) if self.answers else 0


cond = threading.Condition()
with cond:
    for timeout in [0, -1, 0.01]:
        p = Counting([])
        print("wait_for", timeout, repr(cond.wait_for(p, timeout)), p.calls)

state = {"n": 0}
def bump():
    for _ in range(3):
        time.sleep(0.01)
        with cond:
            state["n"] += 1
            cond.notify()
bumper = threading.Thread(target=bump)
with cond:
    bumper.start()
    print(cond.wait_for(lambda: state["n"] >= 3 and "reached", 5))
bumper.join()

# Barrier
b = threading.Barrier(3, timeout=5)
print(b.parties, b.n_waiting, b.broken, repr(b).split(": ")[1])
order = []
def party(i):
    order.append(b.wait())
threads = [threading.Thread(target=party, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(order), b.n_waiting, b.broken)
# a waiting thread gets BrokenBarrierError when another thread resets
out = []
def waiter():
    try:
        b.wait()
        out.append("passed")
    except threading.BrokenBarrierError:
        out.append("broken")
t = threading.Thread(target=waiter)
t.start()
while b.n_waiting == 0:
    time.sleep(0.001)
print("waiting", b.n_waiting, repr(b).split(": ")[1])
b.reset()
t.join()
print(out, b.broken, b.n_waiting)
b.abort()
print(b.broken, repr(b).split(": ")[1], b.n_waiting)
try:
    b.wait()
except threading.BrokenBarrierError as e:
    print("BrokenBarrierError", repr(e))
b.reset()
print(b.broken)
# a timeout breaks the barrier
try:
    threading.Barrier(2).wait(timeout=0.01)
except threading.BrokenBarrierError:
    print("timed out -> broken")
# a failing action breaks it too, and the error reaches the last arrival
def bad_action():
    raise KeyError("action")
b2 = threading.Barrier(1, action=bad_action)
try:
    b2.wait()
except KeyError as e:
    print("KeyError", e, b2.broken)
print(threading.Barrier(1, action=lambda: print("action ran")).wait())

# Thread names, reprs, errors
class Callable:
    def __call__(self):
        pass
base = threading.Thread()
n0 = int(base.name.split("-")[1])
def rel(name):
    head, _, tail = name.partition("-")
    num, _, rest = tail.partition(" ")
    return f"{head}-{int(num) - n0}" + (" " + rest if rest else "")
for target in [None, print, functools.partial(print, 1), Callable(), len]:
    print(rel(threading.Thread(target=target).name))
print(threading.Thread(name=12).name, threading.Thread(name="").name.startswith("Thread-"))
t = threading.Thread(target=time.sleep, args=(0.01,), daemon=True)
print(repr(t).replace(t.name, "NAME"))
t.start()
print(repr(t).replace(t.name, "NAME").replace(str(t.ident), "ID"))
t.join()
print(repr(t).replace(t.name, "NAME").replace(str(t.ident), "ID"), t.is_alive())
try:
    t.daemon = False
except RuntimeError as e:
    print("RuntimeError", e)
try:
    threading.Thread(group=1)
except AssertionError as e:
    print("AssertionError", e)
class NoInit(threading.Thread):
    def __init__(self):
        pass
for action in [lambda th: th.start(), lambda th: th.join(), lambda th: setattr(th, "daemon", True)]:
    try:
        action(NoInit())
    except RuntimeError as e:
        print("RuntimeError", e)
for action in [repr, lambda th: th.name, lambda th: th.is_alive()]:
    try:
        action(NoInit())
    except AssertionError as e:
        print("AssertionError", e)
t = threading.Thread(target=lambda: None)
print(t.isDaemon(), t.getName() == t.name)
t.setName("renamed")
t.setDaemon(True)
print(t.name, t.daemon)
t.start()
t.join()
print(hasattr(t, "_target"), hasattr(t, "_args"))

# Event / Semaphore / Condition reprs
e = threading.Event()
print(repr(e).split(": ")[1], e.is_set(), e.isSet(), e.wait(0))
e.set()
print(repr(e).split(": ")[1], e.wait(), e.wait(0))
e.clear()
print(e.is_set())
s = threading.BoundedSemaphore(2)
s.acquire()
print(repr(s).split(": ")[1], repr(threading.Semaphore(4)).split(": ")[1])
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError", e)
print(repr(threading.Condition(threading.Lock())).startswith("<Condition(<unlocked _thread.lock object"))

# Timer
fired = []
tm = threading.Timer(0.01, fired.append, args=["x"])
print(rel(tm.name), tm.interval, tm.args, tm.kwargs)
tm.start()
tm.join()
tm2 = threading.Timer(5, fired.append, kwargs={"object": "y"})
tm2.start()
tm2.cancel()
tm2.join()
print(fired, tm2.finished.is_set())

# atexit hooks run last-registered first, before the threads are joined
threading._register_atexit(print, "atexit", 1)
threading._register_atexit(print, "atexit", 2, sep="-")
print("end of script")
