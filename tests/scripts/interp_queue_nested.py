from concurrent import interpreters

q = interpreters.create_queue()
v = 'leaf'
for i in range(100):
    v = (i, v)
q.put(v)
got = q.get()
depth = 0
while isinstance(got, tuple):
    got = got[1]
    depth += 1
print(depth, got)
lst = []
cur = lst
for i in range(50):
    nxt = []
    cur.append(nxt)
    cur = nxt
q.put(lst)
got = q.get()
depth = 0
while got:
    got = got[0]
    depth += 1
print(depth)
