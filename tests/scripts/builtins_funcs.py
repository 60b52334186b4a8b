# builtin functions: iteration helpers, conversions, introspection
print(list(zip("abc", [1, 2, 3], (True, False, None))), list(zip()), list(zip("ab", "xyz")))
try:
    list(zip("ab", "xyz", strict=True))
except ValueError as e:
    print("ValueError", e)
try:
    list(zip("abc", "xy", "z", strict=True))
except ValueError as e:
    print("ValueError", e)
print(list(zip([1], [2], strict=True)), list(enumerate("abc")), list(enumerate("ab", 10)), list(enumerate([], start=5)))
print(list(map(str, [1, 2])), list(map(pow, [2, 3], [3, 2])), list(filter(lambda v: v > 1, [0, 1, 2, 3])), list(filter(None, [0, "", "x", [], [0]])))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(5))), list(reversed(range(1, 10, 3))), list(reversed({"a": 1, "b": 2})), list(reversed((1, 2))))
class Rev:
    def __reversed__(self): return iter("custom")
class Seq:
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(reversed(Rev())), list(reversed(Seq())), list(Seq()), 10 in Seq(), list(iter(Seq())))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError", e)
it = iter([1, 2, 3]); print(next(it), next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration:
    print("StopIteration raised")
calls = [0]
def tick():
    calls[0] += 1
    return calls[0]
print(list(iter(tick, 4)))
try:
    next([1])
except TypeError as e:
    print("TypeError", e)
print(sorted([3, 1, 2]), sorted("bca"), sorted({"b": 1, "a": 2}), sorted([(2, "b"), (1, "z"), (2, "a")]), sorted([-3, 1, 2], key=abs))
print(min(3, 1, 2), max([1, 5, 3]), min("hello"), max([], default="empty"), min([2, -5], key=abs), max((1, "b"), (1, "a")), max(1, 2.5, True))
for bad in [lambda: min(), lambda: max([]), lambda: min(1), lambda: max(1, 2, default=0)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(sum([1, 2, 3]), sum([1, 2], 10), sum([[1], [2]], []), sum([0.1, 0.2]), sum(range(5), start=100), sum([True, True]))
print(abs(-3), abs(3.5), abs(-0.0), all([]), any([]), all([1, 0]), any([0, 0, 1]), all("abc"), any(x > 2 for x in [1, 2, 3]))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(-1, -3), pow(2, 10), pow(2, 0.5), pow(-8, 1/3) if False else "skip")
print(round(3.14159, 2), round(2.5), round(-1.5), round(17, -1), round(1.23456e-5, 7))
print(chr(65), chr(0x263a), ord("Z"), ord("€"), hex(3735928559), oct(511), bin(37), hex(-1), format(7, "b"))
print(bool(), bool(0), bool([0]), int(), float(), str(), list(), tuple(), dict(), set(), frozenset(), complex if False else "")
print(type(1), type("s"), type([]), type(None), type(type), type(len), type(lambda: 0), type(print), type(iter([])).__name__, type(range(1)).__name__)
print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, float)), isinstance([], object), issubclass(bool, int), issubclass(int, (str, object)))
print(callable(len), callable(int), callable(1), callable(lambda: 0), callable(type), callable("s".upper))
print(hasattr("s", "upper"), hasattr(1, "nope"), getattr(1, "real"), getattr([], "nope", "dflt"))
class Obj:
    cls_attr = 1
    def __init__(self): self.inst_attr = 2
o = Obj(); setattr(o, "dyn", 3); print(vars(o), o.dyn); delattr(o, "dyn"); print(vars(o), "cls_attr" in vars(Obj))
print([n for n in dir(o) if not n.startswith("__")], "append" in dir([]), "upper" in dir(str))
print(id(o) == id(o), id(1) == id(1), hash("x") == hash("x"), hash(1) == hash(1.0), hash((1, 2)) == hash((1, 2)))
print(repr(None), repr(...), repr(NotImplemented), ascii("naïve"), repr(1.0), str(1.0), repr("q'"), format(3.14159, ".2f"), format("x", ">5"), format(12), format(None))
print(len("héllo"), len([1, 2]), len({}), len(range(10, 0, -2)), len(b"ab"), len(frozenset([1])))
print(slice(1, 5, 2), slice(3), slice(1, 5).indices(3), slice(None, None, -1).indices(4), slice(-10, 10).indices(5), [0, 1, 2, 3, 4][slice(1, None, 2)])
r = range(2, 20, 3)
print(r, r[2], r[-1], r[1:3], r[::-1], len(r), 5 in r, 6 in r, r.index(11), r.count(8), list(r[::2]), range(5) == range(0, 5, 1), range(0) == range(2, 2))
try:
    r.index(6)
except ValueError as e:
    print("ValueError", e)
print(range(-5, 5)[3], range(10)[-1], list(range(0, -10, -3)), range(3).start, range(3).stop, range(3).step, bool(range(0)), hash(range(3)) == hash(range(0, 3)))
print(globals()["__name__"], sorted(k for k in locals() if k in ("r", "o")))
print(list(map(lambda *a: sum(a), [1, 2], [3, 4], [5, 6])), list(zip(*[[1, 2], [3, 4]])), dict(zip("ab", range(2))))
print(int.__name__, len.__name__, print.__qualname__, [].append.__name__, "x".upper.__self__, type(len).__name__)
print(eval("sum([1, 2, 3])"), eval("len(x)", {"x": "abc"}), exec("y = 5") or "exec returns None")
print(isinstance(print, type(len)), type(abs) is type(len), repr(len), repr(dict.fromkeys).startswith("<built-in method fromkeys of type object"))
