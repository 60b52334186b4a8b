# A thread-safe LRU cache guarded by an RLock, hammered by many threads.
#
#   atoll examples/scripts/lru_cache_rlock.py
#
# get_or_compute() holds the lock while it calls get() and put(), which take the
# same lock again: an RLock allows that, a plain Lock would deadlock. After the
# run the cache's internal invariants are checked and the statistics printed.
import threading


class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.lock = threading.RLock()
        self.data = {}          # key -> value, oldest first (dicts keep order)
        self.hits = 0
        self.misses = 0
        self.evictions = 0

    def get(self, key):
        with self.lock:
            if key not in self.data:
                self.misses += 1
                return None
            value = self.data.pop(key)
            self.data[key] = value          # most recently used goes last
            self.hits += 1
            return value

    def put(self, key, value):
        with self.lock:
            if key in self.data:
                self.data.pop(key)
            elif len(self.data) >= self.capacity:
                oldest = next(iter(self.data))
                del self.data[oldest]
                self.evictions += 1
            self.data[key] = value

    def get_or_compute(self, key, compute):
        with self.lock:
            value = self.get(key)
            if value is None:
                value = compute(key)
                self.put(key, value)
            return value


cache = LRUCache(capacity=16)
THREADS = 12
LOOKUPS = 300
wrong = []


def square(k):
    return k * k


def hammer(seed):
    x = seed
    for _ in range(LOOKUPS):
        x = (x * 1103515245 + 12345) % 2147483648
        key = x % 40
        if cache.get_or_compute(key, square) != key * key:
            wrong.append(key)


threads = [threading.Thread(target=hammer, args=(s,)) for s in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()

print("lookups:", cache.hits + cache.misses == THREADS * LOOKUPS)
print("wrong values:", wrong)
print("size within capacity:", len(cache.data) <= cache.capacity)
print("every miss stored a value:", cache.misses == cache.evictions + len(cache.data))
print("values consistent:", all(v == k * k for k, v in cache.data.items()))
print("lock free at the end:", cache.lock.acquire(blocking=False))
cache.lock.release()
