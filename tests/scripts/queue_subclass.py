# Subclasses override the _init/_qsize/_put/_get hooks, as in CPython.
import queue

class Dedup(queue.Queue):
    def _init(self, maxsize):
        self.queue = []
        self.seen = set()
    def _qsize(self):
        return len(self.queue)
    def _put(self, item):
        if item not in self.seen:
            self.seen.add(item)
            self.queue.append(item)
    def _get(self):
        return self.queue.pop(0)

d = Dedup()
for x in [1, 2, 1, 3, 2]:
    d.put(x)
print(d.qsize(), d.unfinished_tasks, [d.get() for _ in range(d.qsize())])

class Logged(queue.LifoQueue):
    def put(self, item, block=True, timeout=None):
        print("put", item)
        super().put(item, block, timeout)
l = Logged()
l.put(1)
l.put_nowait(2)
print(l.get(), l.get_nowait())

# the documented way to clear a queue: hold its mutex
q = queue.Queue()
for i in range(5):
    q.put(i)
with q.mutex:
    q.queue.clear()
    q.unfinished_tasks = 0
    q.all_tasks_done.notify_all()
print(q.empty(), q.qsize())
print(type(q.mutex).__name__, type(q.not_empty).__name__, q.not_empty._lock is q.mutex)
