# A three-stage pipeline, download -> parse -> save, with queues between the
# stages and several workers per stage.
#
#   atoll examples/scripts/pipeline3.py
#
# Shutdown propagates with sentinels: when the last worker of a stage sees its
# sentinel, it sends one sentinel per worker of the next stage. No item is lost
# and every thread ends.
import queue
import threading
import time

STAGES = [("download", 3), ("parse", 2), ("save", 2)]
SENTINEL = None
URLS = ["page%02d" % i for i in range(24)]

queues = [queue.Queue(maxsize=8) for _ in range(len(STAGES) + 1)]
saved = {}
saved_lock = threading.Lock()
stats = {name: 0 for name, _ in STAGES}
stats_lock = threading.Lock()


def download(url):
    time.sleep(0.002)                      # network
    return url, "<html>%s</html>" % url.upper()


def parse(item):
    url, html = item
    return url, html[len("<html>"):-len("</html>")].lower()


def save(item):
    url, text = item
    time.sleep(0.001)                      # disk
    with saved_lock:
        saved[url] = text
    return url


def stage_worker(index, func, remaining):
    inbox, outbox = queues[index], queues[index + 1]
    name = STAGES[index][0]
    while True:
        item = inbox.get()
        if item is SENTINEL:
            with remaining[1]:
                remaining[0] -= 1
                last = remaining[0] == 0
            if last and index + 1 < len(STAGES):
                for _ in range(STAGES[index + 1][1]):
                    outbox.put(SENTINEL)
            return
        result = func(item)
        with stats_lock:
            stats[name] += 1
        if index + 1 < len(STAGES):
            outbox.put(result)


funcs = [download, parse, save]
threads = []
for index, (name, workers) in enumerate(STAGES):
    remaining = [workers, threading.Lock()]
    for w in range(workers):
        t = threading.Thread(target=stage_worker, args=(index, funcs[index], remaining),
                             name="%s-%d" % (name, w))
        t.start()
        threads.append(t)

for url in URLS:
    queues[0].put(url)
for _ in range(STAGES[0][1]):
    queues[0].put(SENTINEL)
for t in threads:
    t.join()

print("per stage:", [(name, stats[name]) for name, _ in STAGES])
print("saved:", len(saved), "first:", sorted(saved.items())[0])
print("all saved correctly:", all(saved[u] == u for u in URLS))
print("threads left:", [t.name for t in threads if t.is_alive()])
print("queues drained:", [q.qsize() for q in queues])
