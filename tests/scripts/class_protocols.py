# container/call/context/conversion protocols on user classes
class Box:
    def __init__(self, *items): self.items = list(items)
    def __len__(self): return len(self.items)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return Box(*self.items[i])
        return self.items[i]
    def __setitem__(self, i, v): self.items[i] = v
    def __delitem__(self, i): del self.items[i]
    def __contains__(self, v): return v in self.items
    def __iter__(self): return iter(self.items)
    def __reversed__(self): return reversed(self.items)
    def __repr__(self): return f"Box{tuple(self.items)}"
    def __bool__(self): return bool(self.items)
    def __call__(self, *a, **k): return ("called", a, k)
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, *a):
        print("exit", a[0])
        return False
    def __format__(self, spec): return f"Box[{spec}]"
    def __index__(self): return len(self.items)
    def __hash__(self): return 7
    def __eq__(self, o): return isinstance(o, Box) and self.items == o.items
    def __missing__(self, k): return "never used"
b = Box(1, 2, 3)
print(len(b), b[0], b[-1], b[1:], 2 in b, 5 in b, list(b), list(reversed(b)), bool(b), bool(Box()), b(1, k=2), f"{b:xyz}", format(b, ""), [10, 20, 30, 40][b])
b[0] = 9; del b[1]; print(b, sorted(b), sum(b), max(b), *b, dict.fromkeys(b))
with b as inner:
    print(inner is b)
print(hash(b), {b: 1}[Box(9, 3)], b == Box(9, 3), b != Box(), bin(b), hex(Box(1)))
class OldSeq:
    def __getitem__(self, i):
        if i < 4:
            return i * i
        raise IndexError(i)
print(list(OldSeq()), 9 in OldSeq(), 5 in OldSeq(), [x for x in OldSeq()], tuple(OldSeq()), list(enumerate(OldSeq())))
class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(list(Countdown(3)), [*Countdown(2)], next(Countdown(5)), sorted(Countdown(4)), dict(zip(Countdown(2), "ab")))
class BadIter:
    def __iter__(self): return 5
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError", e)
class Conv:
    def __int__(self): return 42
    def __float__(self): return 2.5
    def __str__(self): return "Conv-str"
    def __repr__(self): return "Conv-repr"
    def __bytes__(self): return b"conv"
    def __round__(self, n=None): return ("round", n)
    def __abs__(self): return "abs!"
    def __neg__(self): return "neg!"
    def __trunc__(self): return 7
c = Conv()
print(int(c), float(c), str(c), repr(c), bytes(c), round(c), round(c, 2), abs(c), -c, [c], (c,), {c: c} if False else "", f"{c}", f"{c!r}", "%s %r" % (c, c))
class Attrs:
    "Docstring here"
    class_var = 1
    def __init__(self): self.x = 1
a = Attrs()
print(a.__class__.__name__, a.__dict__, Attrs.__name__, Attrs.__qualname__, Attrs.__module__, Attrs.__doc__, Attrs.__mro__, Attrs.__bases__, type(a) is Attrs)
print(sorted(vars(a)), "class_var" in dir(a), "x" in dir(a), "__init__" in dir(Attrs), "mro" in dir(type))
a.__dict__["y"] = 5; print(a.y)
a.__dict__ = {"z": 9}; print(a.z, vars(a))
print(Attrs.__dict__["class_var"], type(Attrs.__dict__).__name__ in ("dict", "mappingproxy"), Attrs.__init__.__name__)
class Cmp:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"C{self.v}"
items = [Cmp(3), Cmp(1), Cmp(2)]
print(sorted(items), min(items), max(items), sorted(items, reverse=True))
try:
    Cmp(1) <= Cmp(2)
except TypeError as e:
    print("TypeError", e)
print(Cmp(2) > Cmp(1))
class Callable:
    def __init__(self): self.n = 0
    def __call__(self):
        self.n += 1
        return self.n
cal = Callable(); print(cal(), cal(), callable(cal), list(map(lambda _: cal(), range(3))))
class GetItemMap:
    def __getitem__(self, k): return k.upper() if isinstance(k, str) else k * 2
    def keys(self): return ["a", "b"]
g = GetItemMap(); print(g["x"], g[3], dict(g), {**g})
def takes_kw(**kw): return kw
print(takes_kw(**g))
