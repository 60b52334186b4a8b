# A blocked get() wakes up when an item arrives; a timed get() too.
import queue
import threading
import time

q = queue.Queue()
got = []
def getter(timeout):
    got.append(q.get(timeout=timeout))
a = threading.Thread(target=getter, args=(None,))
b = threading.Thread(target=getter, args=(5,))
a.start()
b.start()
while len(q.not_empty._waiters) < 2:
    time.sleep(0.001)
q.put("first")
q.put("second")
a.join()
b.join()
print(sorted(got), q.empty())
s = queue.SimpleQueue()
res = []
t = threading.Thread(target=lambda: res.append(s.get(timeout=5)))
t.start()
time.sleep(0.01)
s.put("simple")
t.join()
print(res)
