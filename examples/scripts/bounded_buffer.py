# A bounded buffer built from one Lock and two Conditions.
#
#   atoll examples/scripts/bounded_buffer.py
#
# put() waits while the buffer is full, get() while it is empty; each wakes
# the other side with notify(). This is how queue.Queue works inside.
import threading


class BoundedBuffer:
    def __init__(self, capacity):
        self.capacity = capacity
        self.items = []
        self.lock = threading.Lock()
        self.not_full = threading.Condition(self.lock)
        self.not_empty = threading.Condition(self.lock)
        self.max_seen = 0

    def put(self, item):
        with self.not_full:
            while len(self.items) >= self.capacity:
                self.not_full.wait()
            self.items.append(item)
            self.max_seen = max(self.max_seen, len(self.items))
            self.not_empty.notify()

    def get(self):
        with self.not_empty:
            while not self.items:
                self.not_empty.wait()
            item = self.items.pop(0)
            self.not_full.notify()
            return item


buf = BoundedBuffer(capacity=4)
PRODUCERS, CONSUMERS, N = 3, 3, 40
results = []
results_lock = threading.Lock()


def produce(p):
    for i in range(N):
        buf.put((p, i))


def consume():
    while True:
        item = buf.get()
        if item is None:
            return
        with results_lock:
            results.append(item)


producers = [threading.Thread(target=produce, args=(p,)) for p in range(PRODUCERS)]
consumers = [threading.Thread(target=consume) for _ in range(CONSUMERS)]
for t in producers + consumers:
    t.start()
for t in producers:
    t.join()
for _ in consumers:
    buf.put(None)
for t in consumers:
    t.join()

print("received:", len(results), "of", PRODUCERS * N)
print("every item exactly once:",
      all(sorted(i for q, i in results if q == p) == list(range(N)) for p in range(PRODUCERS)))
print("capacity respected:", buf.max_seen <= buf.capacity)
print("buffer empty:", buf.items == [])
