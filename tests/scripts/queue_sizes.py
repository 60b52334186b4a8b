# qsize/empty/full as items come and go, for bounded and unbounded queues.
import queue

for maxsize in (0, -1, 2):
    q = queue.Queue(maxsize)
    states = [(q.qsize(), q.empty(), q.full())]
    for i in range(2):
        q.put(i)
        states.append((q.qsize(), q.empty(), q.full()))
    q.get()
    states.append((q.qsize(), q.empty(), q.full()))
    print(maxsize, states)
lq = queue.LifoQueue(1)
lq.put("x")
print(lq.full(), lq.qsize())
pq = queue.PriorityQueue(3)
for x in (3, 1, 2):
    pq.put(x)
print(pq.full(), pq.get(), pq.full())
