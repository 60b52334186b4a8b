from concurrent import interpreters

q = interpreters.create_queue(2)
print(q.maxsize)
q.put_nowait('a')
print(q.full())
q.put_nowait('b')
print(q.full(), q.qsize())
try:
    q.put_nowait('c')
except interpreters.QueueFull:
    print('QueueFull')
print(q.get_nowait(), q.full())
q.put_nowait('c')
print(q.get(), q.get())
try:
    q.get_nowait()
except interpreters.QueueEmpty:
    print('QueueEmpty')
print(q.qsize())
