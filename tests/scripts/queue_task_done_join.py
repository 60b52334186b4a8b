# task_done()/join(): join returns once every item was marked done.
import queue
import threading

q = queue.Queue()
processed = []
lock = threading.Lock()
def worker():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            return
        with lock:
            processed.append(item * 2)
        q.task_done()
workers = [threading.Thread(target=worker) for _ in range(4)]
for w in workers:
    w.start()
for i in range(50):
    q.put(i)
q.join()
print("joined with", len(processed), "processed, unfinished:", q.unfinished_tasks)
for w in workers:
    q.put(None)
q.join()
for w in workers:
    w.join()
print(sorted(processed)[:5], sum(processed))
q.join()
print("join on an idle queue returns at once")
