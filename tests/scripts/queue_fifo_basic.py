# queue.Queue: FIFO order, sizes, the non-blocking variants.
import queue

q = queue.Queue()
print(q.maxsize, q.qsize(), q.empty(), q.full())
for i in range(5):
    q.put(i)
q.put_nowait("x")
print(q.qsize(), q.empty(), q.full(), q.unfinished_tasks)
print([q.get() for _ in range(5)], q.get_nowait())
try:
    q.get_nowait()
except queue.Empty as e:
    print("Empty:", repr(e), type(e).__module__)
try:
    q.get(block=False)
except queue.Empty:
    print("Empty again")
try:
    q.get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")
q.put(1, block=False)
q.put(2, timeout=1)
q.put(3, True, None)
print(q.get(True, 1), q.get(timeout=0), q.get(False))
print(type(q.queue).__name__, len(q.queue), q.queue)
q.put([1, 2])
q.put(None)
print(q.queue)
