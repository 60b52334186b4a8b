# Semaphore.release(n) lets n waiting threads through at once.
import threading
import time

sem = threading.Semaphore(0)
passed = []
lock = threading.Lock()
def waiter(i):
    if sem.acquire(timeout=5):
        with lock:
            passed.append(i)
threads = [threading.Thread(target=waiter, args=(i,)) for i in range(5)]
for t in threads:
    t.start()
while len(sem._cond._waiters) < 5:
    time.sleep(0.001)
sem.release(3)
while len(passed) < 3:
    time.sleep(0.001)
time.sleep(0.01)
print("after release(3):", len(passed))
sem.release(2)
for t in threads:
    t.join()
print(sorted(passed), sem._value)
