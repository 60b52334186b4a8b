# Several threads may wait in join(); all return once the work is done.
import queue
import threading

q = queue.Queue()
for i in range(10):
    q.put(i)
joined = []
def joiner(name):
    q.join()
    joined.append(name)
js = [threading.Thread(target=joiner, args=("j%d" % i,)) for i in range(3)]
for j in js:
    j.start()
def worker():
    while True:
        try:
            q.get_nowait()
        except queue.Empty:
            return
        q.task_done()
w = threading.Thread(target=worker)
w.start()
w.join()
for j in js:
    j.join()
print(sorted(joined), q.unfinished_tasks)
