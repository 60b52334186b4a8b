# Daemon threads still running or blocked at exit don't keep the program alive.
import threading
import time

lock = threading.Lock()
lock.acquire()
cond = threading.Condition()
def blocked_on_lock():
    lock.acquire()
def blocked_on_condition():
    with cond:
        cond.wait()
def sleeping():
    while True:
        time.sleep(0.01)
def spinning():
    n = 0
    while True:
        n += 1
for f in (blocked_on_lock, blocked_on_condition, sleeping, spinning):
    threading.Thread(target=f, daemon=True).start()
time.sleep(0.02)
print("daemons running:", sum(t.daemon for t in threading.enumerate()))
print("main exits")
