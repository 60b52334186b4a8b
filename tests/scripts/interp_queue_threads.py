import threading
from concurrent import interpreters

q = interpreters.create_queue(4)
N = 4
PER = 50


def producer(k):
    for i in range(PER):
        q.put((k, i))


threads = [threading.Thread(target=producer, args=(k,)) for k in range(N)]
for t in threads:
    t.start()
seen = {}
for _ in range(N * PER):
    k, i = q.get()
    assert seen.get(k, -1) == i - 1, (k, i)
    seen[k] = i
for t in threads:
    t.join()
print(sorted(seen.items()))
print(q.empty())
