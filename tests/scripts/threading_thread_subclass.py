# Subclassing Thread and overriding run(); args/kwargs; return values via attributes.
import threading

class Worker(threading.Thread):
    def __init__(self, n):
        super().__init__(name="worker-%d" % n)
        self.n = n
        self.result = None
    def run(self):
        self.result = sum(range(self.n))

ws = [Worker(n) for n in (10, 100, 1000)]
for w in ws:
    w.start()
for w in ws:
    w.join()
print([(w.name, w.result, w.is_alive()) for w in ws])

class Greeter(threading.Thread):
    def run(self):
        print("run() of", type(self).__name__, "with", self._args, self._kwargs)
g = Greeter(args=(1, 2), kwargs={"k": 3})
g.start()
g.join()

out = []
def target(a, b, *, c):
    out.append((a, b, c, threading.current_thread().name))
t = threading.Thread(target=target, args=[1, 2], kwargs={"c": 3}, name="tgt")
t.start()
t.join()
print(out)

# run() called directly runs in the calling thread
t2 = threading.Thread(target=lambda: out.append(threading.current_thread().name))
t2.run()
print(out[-1])
