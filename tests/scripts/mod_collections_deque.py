from collections import deque

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], bool(d), bool(deque()))
print(d.pop(), d.popleft(), d)
d.extend([5, 6])
d.extendleft([-1, -2])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.rotate(0)
print(list(d), list(reversed(d)), 3 in d, 99 in d)
print(d.count(1), d.index(5), d.index(2, 1))
d.insert(2, "x")
d.remove("x")
print(d)
d[0] = 100
del d[1]
print(d, d.copy())
d.reverse()
print(d)
m = deque(range(10), maxlen=3)
print(m, m.maxlen, deque().maxlen)
m.append(10)
m.appendleft(5)
print(m)
m.extend(range(3))
print(m)
z = deque(maxlen=0)
z.append(1)
print(z)
print(deque("abc") == deque("abc"), deque([1, 2]) < deque([1, 3]), deque([1]) == [1])
print(deque([1, 2]) + deque([3]), deque([1, 2]) * 2, 2 * deque([0]))
e = deque([1])
e += [2, 3]
e *= 2
print(e)
e.clear()
print(e, len(e))
r = deque([1])
r.append(r)
print(r)
for bad in [lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5],
            lambda: deque([1]).index(7), lambda: deque([1]).remove(7), lambda: deque(maxlen=-1),
            lambda: deque([1], maxlen=1).insert(0, 2), lambda: hash(deque()), lambda: deque([1])["a"],
            lambda: deque([1]) + [2]]:
    try:
        print(bad())
    except Exception as ex:
        print(type(ex).__name__, ex)
it = deque([1, 2, 3])
try:
    for x in it:
        it.append(x)
except RuntimeError as ex:
    print("RuntimeError", ex)
q = deque()
for i in range(10000):
    q.append(i)
    if len(q) > 100:
        q.popleft()
print(sum(q), q[0], isinstance(q, deque), type(q).__name__, deque)
print(deque([3, 1, 2], 5), deque(iterable=[1], maxlen=2))
