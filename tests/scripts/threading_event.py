# Event: set wakes every waiter, clear resets, wait timeouts.
import threading
import time

e = threading.Event()
print(e.is_set(), e.wait(0), e.wait(0.01), e.wait(-1))
woke = []
def waiter(i):
    woke.append((i, e.wait()))
threads = [threading.Thread(target=waiter, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
time.sleep(0.01)
print("none woke yet:", woke)
e.set()
for t in threads:
    t.join()
print(sorted(woke))
print(e.is_set(), e.wait(), e.wait(0))
e.clear()
print(e.is_set(), e.isSet())
start = time.monotonic()
print(e.wait(timeout=0.02), time.monotonic() - start >= 0.02)
print(repr(e).startswith("<threading.Event at 0x"), repr(e).endswith(": unset>"))
e.set()
print(repr(e).endswith(": set>"))

# set from another thread while waiting with a timeout
e2 = threading.Event()
threading.Timer(0.01, e2.set).start()
print("set by timer:", e2.wait(5))
