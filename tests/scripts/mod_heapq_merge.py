import heapq
print(list(heapq.merge([1, 4, 7], [2, 4, 8], [], [0, 9])))
print(list(heapq.merge([7, 4, 1], [8, 4, 2], reverse=True)))
print(list(heapq.merge(['b1', 'a22'], ['a1', 'c333', 'bb4444'], key=len)))
print(list(heapq.merge([(1, 'x'), (2, 'x')], [(1, 'y'), (2, 'y')], key=lambda t: t[0])))
print(list(heapq.merge()), list(heapq.merge([], [])), list(heapq.merge(iter([3, 5]))))
m = heapq.merge([1, 3], [2])
print(next(m), next(m), list(m))
data = [5, 1, 8, 3, 3, 9, 0, 7]
for n in (-1, 0, 1, 2, 3, 8, 20):
    print(n, heapq.nsmallest(n, data), heapq.nlargest(n, data), heapq.nsmallest(n, iter(data), key=lambda v: -v))
pairs = [(1, 'a'), (0, 'b'), (1, 'c'), (0, 'd')]
print(heapq.nsmallest(3, pairs, key=lambda p: p[0]), heapq.nlargest(3, pairs, key=lambda p: p[0]))
print(heapq.nsmallest(1, []), heapq.nlargest(1, [], key=abs))
try:
    heapq.nsmallest(0, 5)
except TypeError as e:
    print(e)
h = []
for v in [5, 3, 8, 1]:
    heapq.heappush(h, v)
print([heapq.heappop(h) for _ in range(4)], heapq.__all__)
