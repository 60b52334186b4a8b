# tuples: construction, indexing, methods, comparison, hashing, immutability
t = (3, 1, 4, 1, 5)
print(t, t[0], t[-1], t[1:3], t[::-1], t[::2], len(t), t.count(1), t.index(4), t.index(1, 2), 4 in t, 9 not in t)
print((), (1,), (1, 2) + (3,), (1,) * 3, 2 * (0,), tuple("ab"), tuple([1, 2]), tuple(range(3)), tuple({1: 2}), tuple(x for x in "xy"))
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9), (1, 2) == (1, 2), (1, (2, 3)) == (1, (2, 3)), () < (0,), (1, "a") < (1, "b"))
try:
    (1, "a") < ("a", 1)
except TypeError as e:
    print("TypeError", e)
try:
    t[0] = 9
except TypeError as e:
    print("TypeError", e)
try:
    t.append(1)
except AttributeError as e:
    print("AttributeError", e)
try:
    t[10]
except IndexError as e:
    print("IndexError", e)
try:
    t.index(99)
except ValueError as e:
    print("ValueError", e)
print(hash((1, 2)) == hash((1, 2)), hash(()), hash((1,)), hash((1, 2, 3)), hash(((1, 2), (3,))), hash((1.5, -1)), hash((True, None is None)))
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError", e)
nested = ([1], 2); nested[0].append(3); print(nested)
a, (b, c), *d = 1, (2, 3), 4, 5; print(a, b, c, d)
print(sorted([(2, "b"), (1, "a"), (2, "a")]), max((1, 2), (1, 3)), min([(0, 9), (0, 1)]), sum((1, 2, 3)))
print(type(()).__name__, tuple.__name__, isinstance((), tuple), (1, 2).__len__(), (1, 2).__getitem__(-1), (5,).__contains__(5))
print(repr((1,)), repr(()), str((1, "a", None)), ((1, 2),), (((),),))
x = 1, 2, 3; y = x; x += (4,); print(x, y, x is y)
print(list(zip(*((1, 2), (3, 4)))), dict([(1, 2), (3, 4)]), {(1, 2): "tuple key"}[1, 2])
def ret(): return 1, 2
print(ret(), type(ret()).__name__)
print(tuple(sorted((3, 1, 2))), tuple(reversed((1, 2, 3))), (1, 2, 3)[1:], (1, 2, 3)[5:], (1, 2, 3)[-5:2])
print(t.__class__ is tuple, () is (), (1, 2) is not [1, 2], len(((),) * 3))
