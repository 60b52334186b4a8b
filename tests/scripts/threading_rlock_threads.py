# An RLock taken recursively by several threads protects a shared total.
import threading

lock = threading.RLock()
total = [0]
def add(n):
    with lock:
        total[0] += n
def add_twice(n):
    with lock:
        add(n)
        add(n)
def worker():
    for i in range(200):
        add_twice(1)
threads = [threading.Thread(target=worker) for _ in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(total[0], total[0] == 6 * 200 * 2)
print(lock._is_owned(), lock.acquire(False))
lock.release()
