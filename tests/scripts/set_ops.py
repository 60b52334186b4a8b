# set and frozenset: operations, methods, iteration order for ints and strings
s = {5, 3, 1, 9, 7}
print(s, {100, 1, 50, 8, 33, 64, 0}, {-1, -5, 2}, set(range(20, 0, -3)), {2**40, 3, 2**33})
print({"apple", "banana", "cherry"}, set("mississippi"), set("hello world"), {"a", "b", "c", "d", "e", "f", "g", "h", "i"})
t = {1, 2, 3, 4}
print(s | t, s & t, s - t, t - s, s ^ t, s <= t, {1, 2} < t, t >= {4}, t > t, s == {1, 3, 5, 7, 9}, s != t)
print(s.union(t, [100]), s.intersection(t, {1, 9}), s.difference(t, [9]), s.symmetric_difference([1, 2]), s.isdisjoint({2, 4}), s.issubset(range(10)), t.issuperset([1, 2]))
u = set(); u.add(3); u.add(1); u.add(3); u.update([7, 5], {2}); print(u, len(u))
u.discard(7); u.discard(100); u.remove(1); print(u)
try:
    u.remove(100)
except KeyError as e:
    print("KeyError", e)
print(u.pop(), u.pop(), u, set().copy(), u.copy() == u)
try:
    set().pop()
except KeyError as e:
    print("KeyError", e)
v = {1, 2, 3, 4, 5}
v.difference_update({1, 2}); print(v); v.intersection_update([3, 4, 10]); print(v); v.symmetric_difference_update({4, 6}); print(v)
v |= {10, 11}; v &= {3, 6, 10, 99}; v -= {10}; v ^= {1, 3}; print(v)
f = frozenset([3, 1, 2]); g = frozenset("ab")
print(f, g, frozenset(), f | {4}, {4} | f, f & {1, 2}, type(f | {4}).__name__, type({4} | f).__name__, hash(f) == hash(frozenset([1, 2, 3])))
print({f: "frozen"}[frozenset([1, 2, 3])], f in {f}, {1, 2} in {frozenset([1, 2])}, frozenset([1, 2]) == {1, 2})
big = set(range(100)); print(len(big), sum(big), min(big), max(big), 50 in big, -1 in big)
ev = {i for i in range(30) if i % 4 == 0}; print(ev, sorted(ev, reverse=True))
for bad in [lambda: {[1]}, lambda: set([[]]), lambda: {1} + {2}, lambda: f.add(1), lambda: {1} < [1], lambda: set(5)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
x = {1, 2, 3}
try:
    for i in x:
        x.add(i + 10)
except RuntimeError as e:
    print("RuntimeError", e)
print({1, 1.0, True}, {0, False, 0.0}, {1.5, 2.5, 0.5}, {(1, 2), (0, 1)})
print(set([3, 2, 1]), list({30, 20, 10}), sorted({3, 1, 2}), {1, 2} | set(), set() | {1, 2})
m = set()
for i in [64, 32, 16, 8, 0]:
    m.add(i)
print(m)
m.discard(32); m.add(48); print(m)
print(set("abcdefghijklmnopqrstuvwxyz"), frozenset({"x", "y"}), {-2, -1, 0, 1, 2}, {10**20, 10**19})
print(repr(set()), repr(frozenset()), str({1}), {1, 2}.__len__(), {1}.__contains__(1), set.union({1}, {2}), frozenset.intersection(frozenset([1, 2]), [2]))
