# Threads with deterministic output: workers write to slots, main prints after join.
import threading

results = [None] * 4
names = [None] * 4

def work(k, scale=1):
    total = 0
    i = 0
    while i < 1000 * (k + 1):
        total += i
        i += 1
    results[k] = total * scale
    names[k] = threading.current_thread().name

threads = []
for k in range(4):
    t = threading.Thread(target=work, args=(k,), kwargs={"scale": 2}, name="worker-" + str(k))
    threads.append(t)
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results)
print(names)
print([t.is_alive() for t in threads])
print(threading.current_thread().name, threading.active_count())
print(isinstance(threading.get_ident(), int), isinstance(threading.get_native_id(), int))

idents = {}
def record(slot):
    idents[slot] = threading.get_ident()
t = threading.Thread(target=record, args=("child",))
t.start()
t.join()
record("main")
print(idents["child"] != idents["main"])

d = threading.Thread(target=lambda: None, daemon=True)
print(d.daemon, threads[0].daemon, threads[0].name)
d.start()
d.join()

shared = []
def producer(tag, n):
    for i in range(n):
        shared.append((tag, i))
ps = [threading.Thread(target=producer, args=(tag, 50)) for tag in "abc"]
for p in ps:
    p.start()
for p in ps:
    p.join()
print(len(shared), sorted(shared)[:3], sorted(shared)[-1])
