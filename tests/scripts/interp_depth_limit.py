# expected: hand-written
# atoll caps the nesting depth of a value that crosses at 1000 levels (CPython
# pickles instead and has no such limit); written from atoll's docs.
from concurrent import interpreters

q = interpreters.create_queue()
v = 0
for _ in range(999):
    v = (v,)
q.put(v)
print('999 levels ok', q.qsize())
got = q.get()
n = 0
while isinstance(got, tuple):
    got = got[0]
    n += 1
print(n)
for _ in range(1100):
    v = [v]
try:
    q.put(v)
except interpreters.NotShareableError as exc:
    print(type(exc).__name__, exc)
print('qsize', q.qsize())
print(interpreters.is_shareable(v))
