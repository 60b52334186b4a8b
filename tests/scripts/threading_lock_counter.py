# Many threads incrementing one counter under a Lock end with the exact total.
import threading

counter = {"n": 0}
lock = threading.Lock()
def work():
    for _ in range(500):
        with lock:
            counter["n"] += 1
threads = [threading.Thread(target=work) for _ in range(10)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter["n"])
print(lock.locked())
