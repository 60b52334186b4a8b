# concurrent.futures corners: wait()/as_completed() edge cases, map() cancelling
# on timeout and close, Future reprs, pool thread names and errors.
import threading
import time
from concurrent.futures import (ThreadPoolExecutor, Future, wait, as_completed,
                                FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED,
                                CancelledError, TimeoutError, InvalidStateError)
from concurrent.futures.thread import BrokenThreadPool


def state(f):
    r = repr(f)
    return r[:r.index(" at ")] + r[r.index(" state="):]


def done_with(value=None, exc=None):
    f = Future()
    if exc is not None:
        f.set_exception(exc)
    else:
        f.set_result(value)
    return f


# wait(): empty input, everything done already, bad return_when
print(wait([]))
a, b = done_with(1), done_with(exc=KeyError("k"))
r = wait([a, b], return_when="bogus")
print(len(r.done), len(r.not_done), r == (r.done, r.not_done), r[0] is r.done)
try:
    wait([a, Future()], timeout=0, return_when="bogus")
except ValueError as e:
    print("ValueError", e)
p = Future()
r = wait([a, p], timeout=0, return_when=FIRST_EXCEPTION)
print(sorted(map(state, r.done)), sorted(map(state, r.not_done)))
r = wait([b, p], return_when=FIRST_EXCEPTION)
print(sorted(map(state, r.done)), len(r.not_done))
r = wait([p, a], return_when=FIRST_COMPLETED)
print(len(r.done), len(r.not_done))
r = wait([p], timeout=0.01)
print(len(r.done), len(r.not_done), p._waiters)
c = Future()
c.cancel()
r = wait([c], timeout=0.5)
print("cancelled, not notified:", len(r.done), len(r.not_done))
c.set_running_or_notify_cancel()
print(len(wait([c], timeout=0.5).done), c._waiters)

# as_completed(): duplicates, timeout message, waiters removed afterwards
x = done_with(5)
print([f.result() for f in as_completed([x, x, x])], x._waiters)
try:
    for f in as_completed([x, Future(), Future()], timeout=0.01):
        print("got", f.result())
except TimeoutError as e:
    print("TimeoutError", e)
later = Future()
def finish():
    time.sleep(0.02)
    later.set_result("late")
threading.Thread(target=finish).start()
print([f.result() for f in as_completed([later], timeout=5)], later._waiters)
g = as_completed([done_with(1), Future()])
next(g)
g.close()

# reprs in every state
f = Future()
print(state(f))
f.set_running_or_notify_cancel()
print(state(f), f.running(), f.cancel())
f.set_result([1])
print(state(f))
f = Future()
f.set_exception(OSError("x"))
print(state(f))
f = Future()
f.cancel()
print(state(f), f.cancelled(), f.done())
try:
    f.set_result(1)
except InvalidStateError as e:
    print("InvalidStateError", str(e).split(":")[0])

# map(): results in order; a timeout cancels what is left
with ThreadPoolExecutor(max_workers=1) as ex:
    print(list(ex.map(pow, [2, 3, 4], [5, 6, 7])))
    gate = threading.Event()
    it = ex.map(lambda n: gate.wait(5) and n, range(4), timeout=0.05)
    try:
        list(it)
    except TimeoutError:
        print("map timed out")
    gate.set()

with ThreadPoolExecutor(1) as ex:
    print(list(ex.map(str, [])), list(ex.map(abs, [-1], [])))
    it = ex.map(lambda v: 10 // v, [1, 0, 2])
    print(next(it))
    try:
        next(it)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)

# thread names, max_workers, errors
ex = ThreadPoolExecutor(max_workers=3, thread_name_prefix="job")
names = set()
futs = [ex.submit(lambda: (time.sleep(0.01), threading.current_thread().name)[1]) for _ in range(6)]
print(sorted({f.result() for f in futs}) <= ["job_0", "job_1", "job_2"], len(ex._threads) <= 3)
ex.shutdown()
try:
    ex.submit(print)
except RuntimeError as e:
    print("RuntimeError", e)
for bad in [0, -1]:
    try:
        ThreadPoolExecutor(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    ThreadPoolExecutor(2, initializer=5)
except TypeError as e:
    print("TypeError", e)
ex = ThreadPoolExecutor(1, initializer=lambda: 1 / 0)
f = ex.submit(print, "never")
try:
    f.result(timeout=5)
except BrokenThreadPool as e:
    print("BrokenThreadPool", e)
try:
    ex.submit(print, "never")
except BrokenThreadPool as e:
    print("BrokenThreadPool", e)
ex.shutdown()

# shutdown(cancel_futures=True) cancels what has not started
ex = ThreadPoolExecutor(1)
gate = threading.Event()
first = ex.submit(gate.wait, 5)
rest = [ex.submit(print, "never") for _ in range(3)]
time.sleep(0.02)
ex.shutdown(wait=False, cancel_futures=True)
gate.set()
print(first.result(), [f.cancelled() for f in rest])
ex.shutdown()

# callbacks: run at once when done; errors are logged, not raised
f = Future()
f.add_done_callback(lambda fut: print("callback", state(fut)))
f.set_result(3)
f.add_done_callback(lambda fut: print("late callback", fut.result()))
try:
    Future().result(timeout=0)
except TimeoutError as e:
    print("TimeoutError", repr(e))
f = Future()
f.cancel()
try:
    f.result()
except CancelledError as e:
    print("CancelledError", repr(e))
print(Future[int] is not None)
