# LifoQueue and PriorityQueue between threads: each item exactly once.
import queue
import threading

for cls in (queue.LifoQueue, queue.PriorityQueue):
    q = cls()
    out = []
    lock = threading.Lock()
    def consumer():
        while True:
            item = q.get()
            if item == (999, None):
                return
            with lock:
                out.append(item)
    cs = [threading.Thread(target=consumer) for _ in range(3)]
    for c in cs:
        c.start()
    for i in range(90):
        q.put((i % 7, i))
    for c in cs:
        q.put((999, None))
    for c in cs:
        c.join()
    print(cls.__name__, len(out), sorted(out) == sorted((i % 7, i) for i in range(90)))
