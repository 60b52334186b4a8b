# Barrier abort, reset and timeout.
import threading
import time

b = threading.Barrier(3)
out = []
def party():
    try:
        b.wait()
        out.append("passed")
    except threading.BrokenBarrierError as e:
        out.append(type(e).__name__)
ts = [threading.Thread(target=party) for _ in range(2)]
for t in ts:
    t.start()
while b.n_waiting < 2:
    time.sleep(0.001)
b.abort()
for t in ts:
    t.join()
print(out, b.broken, b.n_waiting)
try:
    b.wait()
except threading.BrokenBarrierError:
    print("still broken")
b.reset()
print("after reset:", b.broken)
print(issubclass(threading.BrokenBarrierError, RuntimeError))

# timeout breaks the barrier
b2 = threading.Barrier(2, timeout=0.02)
try:
    b2.wait()
except threading.BrokenBarrierError:
    print("timed out, broken:", b2.broken)
b3 = threading.Barrier(2)
try:
    b3.wait(timeout=0.01)
except threading.BrokenBarrierError:
    print("explicit timeout, broken:", b3.broken)

# reset while a party waits: it gets BrokenBarrierError, then the barrier works
b4 = threading.Barrier(2)
res = []
def w4():
    try:
        b4.wait()
        res.append("ok")
    except threading.BrokenBarrierError:
        res.append("broken by reset")
t = threading.Thread(target=w4)
t.start()
while b4.n_waiting < 1:
    time.sleep(0.001)
b4.reset()
t.join()
t = threading.Thread(target=w4)
t.start()
b4.wait()
t.join()
print(res, b4.broken)
