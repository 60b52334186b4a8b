# range and slice objects
for r in [range(5), range(2, 8), range(10, 0, -3), range(0), range(5, 2), range(-3, 3, 2), range(0, 10, 4)]:
    print(r, list(r), len(r), bool(r), r.start, r.stop, r.step, 3 in r, -1 in r, list(reversed(r)), r[::-1], r[1:] if len(r) else r)
r = range(0, 100, 7)
print(r[3], r[-1], r[2:5], r[::3], r[-3:], r[5:2:-1], r.index(21), r.count(21), r.count(22), 98 in r, 99 in r, 3.0 in range(5), 2.5 in range(5))
print(range(3) == range(3), range(0) == range(5, 5), range(0, 3, 2) == range(0, 4, 2), range(1) != range(2), hash(range(5)) == hash(range(0, 5)))
for bad in [lambda: range(1, 2, 0), lambda: range(1.5), lambda: range("a"), lambda: range(), lambda: range(1, 2, 3, 4), lambda: range(5)[10], lambda: range(5).index(7)]:
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
print(sum(range(1, 101)), max(range(7)), min(range(3, 9)), sorted(range(5, 0, -1)), list(range(10))[range(2, 4)[0]], list(enumerate(range(2))))
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None), slice(1, None), repr(slice("a", "b")), s == slice(1, 10, 2), s != slice(1, 10))
print(s.indices(5), s.indices(20), slice(None, None, -1).indices(5), slice(-3, None).indices(5), slice(-100, 100, 3).indices(10), slice(5, 1, -2).indices(6))
data = list(range(10))
print(data[s], data[slice(None, None, -2)], data[slice(-3, None)], "hello"[slice(1, 4)], (1, 2, 3)[slice(2)])
for idx in [slice(0, 0), slice(2, 1), slice(-1, -5, -1), slice(None, None, 3), slice(8, None, -3), slice(100, 200), slice(-200, -100)]:
    print(idx, data[idx], "abcdefghij"[idx])
try:
    data[::0]
except ValueError as e:
    print("ValueError", e)
try:
    slice(1, 2, 0).indices(5)
except ValueError as e:
    print("ValueError", e)
class Idx:
    def __index__(self): return 2
print(data[Idx()], data[Idx():], data[:Idx()], range(10)[Idx()], "abc"[Idx()], data[slice(Idx(), None, Idx())])
try:
    data["a":]
except TypeError as e:
    print("TypeError", e)
big = range(10**18)
print(len(big), big[-1], big[10**17], 10**17 in big, big[::10**17])
