from concurrent import interpreters

q = interpreters.create_queue()
print(type(q).__name__)
print(q.maxsize, q.empty(), q.qsize())
for item in [1, 'two', (3,), None, b'five']:
    q.put(item)
print(q.qsize(), q.empty())
print([q.get() for _ in range(5)])
print(q.qsize(), q.empty())
q.put_nowait(42)
print(q.get_nowait())
print(repr(q) == f'Queue({q.id})')
print(hash(q) == hash(q.id))
