from concurrent import interpreters

q = interpreters.create_queue()
print(interpreters.Queue(q.id) is q)
try:
    interpreters.Queue('not an id')
except TypeError:
    print('TypeError')
q.put('via id')
print(interpreters.Queue(q.id).get())
