# Tuples and unpacking.
t = (1, "two", 3.0)
print(t, len(t), t[1], t[-1], t[0:2])
print((), (1,), (1, 2) + (3,), (0,) * 3)
a, b, c = t
print(a, b, c)
x, y = 1, 2
x, y = y, x
print(x, y)
(p, q), r = (1, 2), 3
print(p, q, r)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
print((1, 2) < (1, 3), (1, 2) == (1, 2), (2,) > (1, 9))
print(t.index("two"), (1, 1, 2).count(1))
pts = {(0, 0): "origin", (1, 0): "east"}
print(pts[(1, 0)])
def minmax(xs):
    return min(xs), max(xs)
lo, hi = minmax([5, 3, 8])
print(lo, hi, minmax([1]))
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)
print(tuple([1, 2]), tuple("hi"))
