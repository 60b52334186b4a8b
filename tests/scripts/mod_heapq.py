import heapq
import random

random.seed(1)
data = [random.randrange(100) for _ in range(30)]
h = []
for x in data:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(len(h))])
h = data[:]
heapq.heapify(h)
print(h)
print(heapq.heapreplace(h, 50), heapq.heappushpop(h, 1), heapq.heappushpop(h, 99), h[:5])
h2 = [(p, str(p)) for p in data[:10]]
heapq.heapify(h2)
print([heapq.heappop(h2) for _ in range(3)])
print(heapq.nlargest(5, data), heapq.nsmallest(5, data))
print(heapq.nlargest(3, ["aa", "b", "cccc", "dd"], key=len), heapq.nsmallest(2, ["aa", "b", "cccc", "dd"], key=len))
print(heapq.nsmallest(1, [3, 1, 2]), heapq.nlargest(1, []), heapq.nsmallest(10, [3, 1, 2]), heapq.nlargest(0, [1]))
print(heapq.nlargest(2, [(1, 'a'), (1, 'b'), (0, 'c')], key=lambda t: t[0]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])))
print(list(heapq.merge([1, 3], [], [2], [0, 10])))
print(list(heapq.merge(["c", "bb"], ["a", "dddd"], key=len)))
print(list(heapq.merge([7, 4, 1], [8, 5, 2], reverse=True)))
print(list(heapq.merge()))
for bad in [lambda: heapq.heappop([]), lambda: heapq.heapreplace([], 1), lambda: heapq.heappush((), 1),
            lambda: heapq.heapify(None), lambda: heapq.heappush([1, "a"], 2)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
class Task:
    def __init__(self, pri, name):
        self.pri, self.name = pri, name
    def __lt__(self, other):
        return self.pri < other.pri
    def __repr__(self):
        return f"Task({self.pri}, {self.name!r})"
q = []
for i, p in enumerate([5, 1, 4, 1, 3, 9, 2]):
    heapq.heappush(q, Task(p, "t%d" % i))
print([heapq.heappop(q) for _ in range(len(q))])
# a heap sort of 2000 items
big = [random.random() for _ in range(2000)]
hb = []
for x in big:
    heapq.heappush(hb, x)
out = [heapq.heappop(hb) for _ in range(len(hb))]
print(out == sorted(big))
