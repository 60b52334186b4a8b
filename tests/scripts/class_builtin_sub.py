# subclassing built-in types: int, float, str, list, dict, tuple, set, Exception
class MyInt(int):
    def __new__(cls, v, label="n"):
        inst = super().__new__(cls, v)
        inst.label = label
        return inst
    def double(self): return MyInt(self * 2, self.label + "2")
    def __repr__(self): return f"MyInt({int(self)}, {self.label!r})"
m = MyInt(21, "x")
print(m, m + 1, m * 2, m.double(), type(m + 1).__name__, isinstance(m, int), m == 21, hash(m) == hash(21), m.real, m.bit_length(), str(m), f"{m:05d}", -m, abs(MyInt(-3)))
print([0, 1, 2][MyInt(1)], range(MyInt(3)), {21: "found"}[m], int(m), float(m), MyInt("12") + MyInt("0x10", 0) if False else MyInt("12"), sorted([MyInt(3), 1, MyInt(2)]))
class Money(float):
    def __str__(self): return f"${self:.2f}"
mo = Money(3.5); print(mo, str(mo), repr(mo), mo + 1, type(mo * 2).__name__, round(mo), mo.is_integer(), f"{mo}", f"{mo:.1f}")
class Upper(str):
    def shout(self): return self.upper() + "!"
    def __len__(self): return 99
u = Upper("hello"); print(u, u.shout(), len(u), u + " there", type(u + "x").__name__, u[1:3], u.split("l"), "ell" in u, u == "hello", {u: 1}["hello"], u.startswith("he"), repr(u), str(u), "%s" % u, "-".join([u, u]), f"[{u:>8}]")
class Stack(list):
    def push(self, x): self.append(x)
    def peek(self): return self[-1]
st = Stack([1, 2]); st.push(3); print(st, st.peek(), len(st), st[0], st[::-1], type(st[::-1]).__name__, st + [4], sum(st), sorted(st, reverse=True), 2 in st, list(st), st == [1, 2, 3], isinstance(st, list))
st.sort(reverse=True); st.extend([0]); st[0] = 10; del st[1]; print(st, st.pop(), st.count(10), st.index(1), bool(Stack()), repr(st))
class Counter(dict):
    def __missing__(self, key): return 0
    def add(self, k): self[k] = self[k] + 1
c = Counter(); c.add("a"); c.add("a"); c.add("b"); print(c, c["zzz"], len(c), sorted(c.items()), "a" in c, c.get("q", "dflt"), dict(c), isinstance(c, dict), type(c).__name__, list(c.keys()))
class AttrDict(dict):
    def __getattr__(self, k):
        try:
            return self[k]
        except KeyError:
            raise AttributeError(k)
    def __setattr__(self, k, v): self[k] = v
ad = AttrDict(x=1); ad.y = 2; print(ad, ad.x, ad.y, hasattr(ad, "z"), {**ad}, ad.keys())
class LoggingDict(dict):
    def __setitem__(self, k, v):
        print("set", k, v)
        super().__setitem__(k, v)
    def __getitem__(self, k):
        v = super().__getitem__(k)
        print("get", k, v)
        return v
ld = LoggingDict(); ld["a"] = 1; print(ld["a"], ld.get("a"), ld)
class Pair(tuple):
    def __new__(cls, a, b): return super().__new__(cls, (a, b))
    @property
    def first(self): return self[0]
p = Pair(1, 2); print(p, p.first, len(p), p + (3,), type(p + (3,)).__name__, p == (1, 2), hash(p) == hash((1, 2)), a if (a := p[1]) else 0)
class FSet(frozenset): pass
class MSet(set):
    def add_all(self, *xs):
        for x in xs: self.add(x)
fs = FSet([1, 2]); ms = MSet([3]); ms.add_all(4, 5); print(fs, ms, fs | {3}, ms & {4, 9}, len(ms), 4 in ms, sorted(ms), type(fs | {3}).__name__)
class AppError(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
class NotFound(AppError): pass
try:
    raise NotFound("missing thing", 404)
except AppError as e:
    print(type(e).__name__, e, e.code, e.args, repr(e), isinstance(e, Exception))
class WithStr(Exception):
    def __str__(self): return "custom str"
print(WithStr("x"), repr(WithStr("x")), str(WithStr()), WithStr(1, 2).args)
class NoArgs(ValueError):
    def __init__(self): pass
e = NoArgs(); print(repr(e), e.args, str(e))
class KE(KeyError): pass
print(str(KE("k")), str(KeyError("a", "b")), repr(KeyError()), str(KeyError(1)))
class B(bytes): pass
print(B(b"ab"), B(b"ab").hex(), len(B(b"xyz")), B(b"q") + b"r", bytes(B(b"s")))
class Pos(int):
    def __add__(self, o): return Pos(int(self) + int(o) + 100)
print(Pos(1) + 1, 1 + Pos(1), Pos(1) + Pos(1), sum([Pos(1), 2]))
