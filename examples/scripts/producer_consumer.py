# Three producers, five consumers and a bounded queue.
#
#   atoll examples/scripts/producer_consumer.py
#
# Producers put numbered items; each consumer takes items until it gets a
# sentinel (None). q.join() returns once every item put was marked done with
# task_done(). The output is sorted, so it doesn't depend on scheduling.
import queue
import threading

PRODUCERS = 3
CONSUMERS = 5
ITEMS_EACH = 20

q = queue.Queue(maxsize=10)
consumed = []
consumed_lock = threading.Lock()
per_consumer = {}


def producer(pid):
    for i in range(ITEMS_EACH):
        q.put((pid, i))


def consumer(cid):
    count = 0
    while True:
        item = q.get()
        try:
            if item is None:
                break
            pid, i = item
            with consumed_lock:
                consumed.append((pid, i, pid * 100 + i))
            count += 1
        finally:
            q.task_done()
    per_consumer[cid] = count


producers = [threading.Thread(target=producer, args=(p,), name="producer-%d" % p)
             for p in range(PRODUCERS)]
consumers = [threading.Thread(target=consumer, args=(c,), name="consumer-%d" % c)
             for c in range(CONSUMERS)]
for t in consumers + producers:
    t.start()
for t in producers:
    t.join()
q.join()                       # every produced item was processed
print("all items processed:", len(consumed) == PRODUCERS * ITEMS_EACH)
for _ in consumers:
    q.put(None)                # one sentinel per consumer
for t in consumers:
    t.join()

print("items consumed:", len(consumed))
print("first items:", sorted(consumed)[:3])
print("checksum:", sum(v for _, _, v in consumed))
print("every consumer finished:", sorted(per_consumer) == list(range(CONSUMERS)))
print("counts add up:", sum(per_consumer.values()) == PRODUCERS * ITEMS_EACH)
print("queue empty:", q.empty(), "unfinished tasks:", q.unfinished_tasks)
