# LifoQueue and PriorityQueue orders (heap order as heapq's).
import queue

lq = queue.LifoQueue()
for x in "abcde":
    lq.put(x)
print(lq.queue, lq.qsize(), [lq.get() for _ in range(5)])

pq = queue.PriorityQueue()
for x in [5, 1, 4, 1, 3, 9, 2, 6]:
    pq.put(x)
print(pq.queue)
print([pq.get() for _ in range(8)])
for p, name in [(2, "b"), (1, "a"), (3, "c"), (1, "aa"), (2, "bb")]:
    pq.put((p, name))
print(pq.queue)
print([pq.get() for _ in range(5)])

class Task:
    def __init__(self, prio, name):
        self.prio = prio
        self.name = name
    def __lt__(self, other):
        return self.prio < other.prio
for p, n in [(3, "low"), (1, "high"), (2, "mid")]:
    pq.put(Task(p, n))
print([pq.get().name for _ in range(3)])
pq.put(1)
try:
    pq.put("x")
except TypeError as e:
    print("TypeError:", e)
print(pq.qsize())
bounded = queue.LifoQueue(maxsize=2)
bounded.put(1); bounded.put(2)
try:
    bounded.put_nowait(3)
except queue.Full:
    print("Full", bounded.full())
