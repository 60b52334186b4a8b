# notify() wakes the longest-waiting thread first (waiters queue up in order).
import threading

cond = threading.Condition()
woken = []
ready = [0]
def waiter(i):
    with cond:
        ready[0] += 1
        cond.wait()
        woken.append(i)
threads = []
for i in range(5):
    t = threading.Thread(target=waiter, args=(i,))
    t.start()
    threads.append(t)
    while True:                 # wait until this one is queued before the next
        with cond:
            if len(cond._waiters) == i + 1:
                break
for n in range(5):
    with cond:
        cond.notify()
    while True:
        with cond:
            if len(woken) == n + 1:
                break
for t in threads:
    t.join()
print(woken)
