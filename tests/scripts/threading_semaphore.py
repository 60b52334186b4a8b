# Semaphore limits how many threads are inside at once.
import threading
import time

sem = threading.Semaphore(3)
inside = [0]
peak = [0]
guard = threading.Lock()

def work():
    with sem:
        with guard:
            inside[0] += 1
            peak[0] = max(peak[0], inside[0])
        time.sleep(0.005)
        with guard:
            inside[0] -= 1

threads = [threading.Thread(target=work) for _ in range(10)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("peak <= 3:", peak[0] <= 3, "end:", inside[0])

s = threading.Semaphore(2)
print(s.acquire(), s.acquire(), s.acquire(False), s.acquire(timeout=0.01))
s.release()
print(s.acquire(blocking=False))
s.release(2)
print(s._value)
print(s.acquire(), s.acquire(), s.acquire(False))
s0 = threading.Semaphore(0)
def later():
    time.sleep(0.01)
    s0.release()
t = threading.Thread(target=later)
t.start()
print("waited for release:", s0.acquire(timeout=5))
t.join()
print(repr(threading.Semaphore(4)).startswith("<threading.Semaphore at 0x"), repr(threading.Semaphore(4)).endswith(": value=4>"))
