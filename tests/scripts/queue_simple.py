# queue.SimpleQueue: unbounded FIFO, no task tracking.
import queue
import threading

q = queue.SimpleQueue()
print(type(q).__name__, type(q).__module__, q.empty(), q.qsize())
for i in range(3):
    q.put(i)
q.put_nowait("n")
q.put(5, block=False, timeout=3)
print(q.qsize(), [q.get() for _ in range(4)], q.get_nowait(), q.empty())
try:
    q.get_nowait()
except queue.Empty:
    print("Empty")
try:
    q.get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")
try:
    q.get(timeout=-1)
except ValueError as e:
    print("ValueError:", e)
try:
    q.get(False, -1)
except queue.Empty:
    print("non-blocking ignores timeout")
print(hasattr(q, "task_done"), hasattr(q, "join"))
out = []
def consumer():
    while True:
        x = q.get()
        if x is None:
            break
        out.append(x)
ts = [threading.Thread(target=consumer) for _ in range(3)]
for t in ts:
    t.start()
for i in range(300):
    q.put(i)
for t in ts:
    q.put(None)
for t in ts:
    t.join()
print(len(out), sorted(out) == list(range(300)))
try:
    queue.SimpleQueue(1)
except TypeError as e:
    print("TypeError")
