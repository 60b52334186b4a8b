# Timer fires after its interval; a cancelled timer never fires.
import threading
import time

fired = []
t = threading.Timer(0.01, fired.append, args=["first"])
print(t.name.startswith("Thread-"), t.interval, t.daemon)
t.start()
t.join()
print(fired)

t2 = threading.Timer(10, fired.append, args=["never"])
t2.start()
t2.cancel()
t2.join()
print(fired, t2.finished.is_set(), t2.is_alive())

t3 = threading.Timer(0.005, lambda **kw: fired.append(sorted(kw.items())), kwargs={"a": 1})
t3.start()
t3.join()
print(fired)
print(isinstance(t3, threading.Thread))
