# Condition: a consumer waits until a producer has put something and notified.
import threading

cond = threading.Condition()
items = []
log = []

def consumer(name):
    with cond:
        while not items:
            cond.wait()
        log.append((name, items.pop(0)))

threads = [threading.Thread(target=consumer, args=("c%d" % i,)) for i in range(3)]
for t in threads:
    t.start()
for i in range(3):
    with cond:
        items.append(i)
        cond.notify()
for t in threads:
    t.join()
print(sorted(x[1] for x in log), len(log))

# notify(n) wakes at most n waiters; notify_all the rest
woken = []
flag = [0]
def waiter(i):
    with cond:
        while flag[0] == 0:
            cond.wait()
        woken.append(i)
waiters = [threading.Thread(target=waiter, args=(i,)) for i in range(4)]
for t in waiters:
    t.start()
while True:
    with cond:
        if len(cond._waiters) == 4:
            break
with cond:
    print("waiting:", len(cond._waiters))
    flag[0] = 1
    cond.notify(2)
    print("after notify(2):", len(cond._waiters))
    cond.notify_all()
    print("after notify_all:", len(cond._waiters))
for t in waiters:
    t.join()
print(sorted(woken))
