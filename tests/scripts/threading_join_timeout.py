# join(timeout) returns after the timeout while the thread still runs.
import threading
import time

stop = threading.Event()
t = threading.Thread(target=stop.wait)
t.start()
start = time.monotonic()
t.join(0.03)
print("still alive:", t.is_alive(), "waited:", time.monotonic() - start >= 0.03)
t.join(timeout=0)
print(t.is_alive())
stop.set()
t.join(5)
print("alive after set:", t.is_alive())
t.join()
t.join(-1)
print("joins again fine")
