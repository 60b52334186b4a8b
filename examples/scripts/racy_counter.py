# A shared counter incremented by many threads, without and with a Lock.
#
#   atoll examples/scripts/racy_counter.py
#
# `counter += 1` is a read, an add and a write: a thread switch in between loses
# an update. Here the race is made likely on purpose (a `time.sleep(0)` between
# the read and the write gives other threads the GIL), so the unlocked total is
# usually short. With the Lock around the read-modify-write the total is exact.
# Only the locked result is printed exactly: the racy one varies from run to run.
import threading
import time

THREADS = 8
INCREMENTS = 200


class Counter:
    def __init__(self):
        self.value = 0


def racy(counter):
    for _ in range(INCREMENTS):
        v = counter.value
        time.sleep(0)          # let another thread run between read and write
        counter.value = v + 1


def locked(counter, lock):
    for _ in range(INCREMENTS):
        with lock:
            v = counter.value
            time.sleep(0)
            counter.value = v + 1


def run(target, *args):
    threads = [threading.Thread(target=target, args=args) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


expected = THREADS * INCREMENTS
racy_counter = Counter()
run(racy, racy_counter)
safe_counter = Counter()
run(locked, safe_counter, threading.Lock())

print("expected total:", expected)
print("racy counter never exceeds it:", racy_counter.value <= expected)
print("locked counter is exact:", safe_counter.value == expected)
