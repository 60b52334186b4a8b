import threading
from concurrent import interpreters


def work(q, n):
    total = sum(i * i for i in range(n))
    q.put((n, total))


q = interpreters.create_queue()
interps = [interpreters.create() for _ in range(3)]
threads = [interp.call_in_thread(work, q, (i + 1) * 1000) for i, interp in enumerate(interps)]
print(all(isinstance(t, threading.Thread) for t in threads))
for t in threads:
    t.join()
results = sorted(q.get() for _ in threads)
for r in results:
    print(r)
print(q.empty())
for interp in interps:
    interp.close()
