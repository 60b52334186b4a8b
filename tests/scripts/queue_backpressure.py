# A bounded queue blocks producers: its size never exceeds maxsize.
import queue
import threading

q = queue.Queue(maxsize=3)
peak = [0]
def producer():
    for i in range(40):
        q.put(i)
        peak[0] = max(peak[0], q.qsize())
    q.put(None)
got = []
def consumer():
    while True:
        x = q.get()
        if x is None:
            break
        got.append(x)
p = threading.Thread(target=producer)
c = threading.Thread(target=consumer)
p.start()
c.start()
p.join()
c.join()
print(got == list(range(40)), "peak <= 3:", peak[0] <= 3, q.empty())

# a full queue: put with a timeout gives up, a get makes room
q2 = queue.Queue(1)
q2.put("a")
try:
    q2.put("b", timeout=0.01)
except queue.Full:
    print("Full after timeout")
def take():
    q2.get()
t = threading.Timer(0.01, take)
t.start()
q2.put("c", timeout=5)
t.join()
print(q2.get(), q2.qsize())
