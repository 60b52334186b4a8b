# Event-driven graceful shutdown of a pool of workers.
#
#   atoll examples/scripts/graceful_shutdown.py
#
# Workers take jobs until the stop Event is set; a worker that has started a
# job always finishes it. The main thread lets them work, then sets the event
# and joins them: nothing is left half done and nothing runs after the join.
import queue
import threading
import time

stop = threading.Event()
jobs = queue.Queue()
finished = []
started = []
lock = threading.Lock()


def worker(wid):
    while not stop.is_set():
        try:
            job = jobs.get(timeout=0.005)
        except queue.Empty:
            continue
        with lock:
            started.append(job)
        time.sleep(0.002)                 # the work, uninterruptible
        with lock:
            finished.append(job)
        jobs.task_done()


workers = [threading.Thread(target=worker, args=(i,), name="worker-%d" % i) for i in range(4)]
for w in workers:
    w.start()
for j in range(1000):
    jobs.put(j)

time.sleep(0.05)
stop.set()                                 # ask everybody to stop
for w in workers:
    w.join(timeout=5)

print("all workers stopped:", not any(w.is_alive() for w in workers))
print("some work was done:", len(finished) > 0)
print("every started job finished:", sorted(started) == sorted(finished))
print("no job done twice:", len(set(finished)) == len(finished))
print("jobs left for later:", jobs.qsize() == 1000 - len(started))
print("stop flag:", stop.is_set(), stop.wait(0))
