# Condition.wait_for with a predicate, with and without timeout; wait timeouts.
import threading
import time

cond = threading.Condition(threading.Lock())
state = {"n": 0}

def bump():
    for _ in range(5):
        time.sleep(0.002)
        with cond:
            state["n"] += 1
            cond.notify_all()

t = threading.Thread(target=bump)
t.start()
with cond:
    r = cond.wait_for(lambda: state["n"] >= 5)
    print("wait_for returned", r, state["n"])
t.join()

with cond:
    start = time.monotonic()
    r = cond.wait_for(lambda: state["n"] > 100, timeout=0.03)
    print("timed out:", r, time.monotonic() - start >= 0.03)
    print("already true:", cond.wait_for(lambda: "yes"))
    print("wait(0):", cond.wait(0), "wait(-1):", cond.wait(-1))
    start = time.monotonic()
    print("wait(0.02):", cond.wait(0.02), time.monotonic() - start >= 0.02)
    print("waiters left:", len(cond._waiters))
