from concurrent import interpreters

q = interpreters.create_queue(0)
for i in range(1000):
    q.put_nowait(i)
print(q.qsize(), q.full(), q.maxsize)
print(sum(q.get_nowait() for _ in range(1000)))
q2 = interpreters.create_queue(-5)
q2.put_nowait('x')
print(q2.full(), q2.get())
