import time
from concurrent import interpreters

q = interpreters.create_queue(1)
start = time.monotonic()
try:
    q.get(timeout=0.05)
except interpreters.QueueEmpty:
    print('get timed out', time.monotonic() - start >= 0.04)
q.put(1)
start = time.monotonic()
try:
    q.put(2, timeout=0.05)
except interpreters.QueueFull:
    print('put timed out', time.monotonic() - start >= 0.04)
print(q.get(timeout=1))
try:
    q.get(block=False)
except interpreters.QueueEmpty:
    print('nonblocking get')
q.put(3, block=False)
try:
    q.put(4, block=False)
except interpreters.QueueFull:
    print('nonblocking put')
print(q.get(True, None))
