# operator special methods: binary, reflected, in-place, unary, comparisons
class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"V({self.x}, {self.y})"
    def __add__(self, o):
        if isinstance(o, V):
            return V(self.x + o.x, self.y + o.y)
        if isinstance(o, (int, float)):
            return V(self.x + o, self.y + o)
        return NotImplemented
    __radd__ = __add__
    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y) if isinstance(o, V) else NotImplemented
    def __rsub__(self, o):
        return V(o - self.x, o - self.y)
    def __mul__(self, k):
        return V(self.x * k, self.y * k) if isinstance(k, (int, float)) else NotImplemented
    def __rmul__(self, k):
        return self * k
    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y
    def __truediv__(self, k): return V(self.x / k, self.y / k)
    def __floordiv__(self, k): return V(self.x // k, self.y // k)
    def __mod__(self, k): return V(self.x % k, self.y % k)
    def __pow__(self, k, m=None): return V(pow(self.x, k, m), pow(self.y, k, m))
    def __rpow__(self, b): return f"rpow {b}"
    def __lshift__(self, k): return V(self.x << k, self.y << k)
    def __rshift__(self, k): return V(self.x >> k, self.y >> k)
    def __and__(self, o): return "and"
    def __or__(self, o): return "or"
    def __xor__(self, o): return "xor"
    def __rand__(self, o): return "rand"
    def __ror__(self, o): return "ror"
    def __rxor__(self, o): return "rxor"
    def __neg__(self): return V(-self.x, -self.y)
    def __pos__(self): return V(+self.x, +self.y)
    def __abs__(self): return (self.x ** 2 + self.y ** 2) ** 0.5
    def __invert__(self): return V(self.y, self.x)
    def __eq__(self, o): return isinstance(o, V) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self): return hash((self.x, self.y))
    def __lt__(self, o): return abs(self) < abs(o)
    def __le__(self, o): return abs(self) <= abs(o)
    def __bool__(self): return bool(self.x or self.y)
    def __divmod__(self, k): return ("divmod", k)
    def __rdivmod__(self, k): return ("rdivmod", k)
    def __round__(self, n=None): return V(round(self.x, n), round(self.y, n))
    def __int__(self): return int(self.x)
    def __float__(self): return float(self.y)
    def __index__(self): return 7
    def __complex__(self): return 0
a, b = V(1, 2), V(3, 4)
print(a + b, a + 1, 1 + a, 2.5 + a, a - b, 10 - a, a * 3, 3 * a, a @ b, b / 2, b // 2, b % 2, a ** 2, pow(b, 2, 5), 2 ** a)
print(a << 2, b >> 1, a & 1, 1 & a, a | 1, 1 | a, a ^ 1, 1 ^ a, -a, +a, abs(b), ~a, divmod(a, 2), divmod(2, a), round(V(1.26, 2.5)), round(V(1.26, 2.5), 1))
print(a == V(1, 2), a != V(1, 2), a == 5, a != 5, a < b, a <= b, a > b, a >= b, b > a, bool(a), bool(V(0, 0)), int(V(3.7, 0)), float(a))
print([10, 20, 30, 40, 50, 60, 70, 80][a], hex(a), bin(a), range(10)[a], "ab" * V(1, 0).__index__())
print({a: "a", b: "b"}[V(1, 2)], V(1, 2) in {a}, len({a, V(1, 2), b}), sorted([b, a, V(0, 1)]), max(a, b), min([b, a]))
c = V(1, 1)
c += V(1, 1); print(c)
c -= V(0, 1); print(c)
c *= 2; print(c)
class Acc:
    def __init__(self): self.items = []
    def __iadd__(self, x):
        self.items.append(x)
        return self
    def __isub__(self, x):
        return "replaced"
    def __imul__(self, x):
        return NotImplemented
    def __mul__(self, x):
        return "fallback mul"
acc = Acc(); orig = acc
acc += 1; acc += 2; print(acc.items, acc is orig)
acc *= 3; print(acc)
acc = orig; acc -= 1; print(acc)
class OnlyEq:
    def __eq__(self, o): return "custom"
print(OnlyEq() == 1, OnlyEq() != 1, 1 == OnlyEq())
try:
    hash(OnlyEq())
except TypeError as e:
    print("TypeError", e)
class P: pass
for op in [lambda: P() + 1, lambda: 1 + P(), lambda: P() < P(), lambda: P() >= 1, lambda: -P(), lambda: ~P(), lambda: abs(P()), lambda: P() @ P(), lambda: P() ** 2, lambda: len(P()), lambda: P()[0], lambda: iter(P()), lambda: P()(), lambda: int(P()), lambda: float(P()), lambda: [][P()], lambda: round(P())]:
    try:
        op()
    except TypeError as e:
        print("TypeError", e)
class Base:
    def __add__(self, o): return "Base.add"
    def __radd__(self, o): return "Base.radd"
    def __lt__(self, o): return "Base.lt"
    def __gt__(self, o): return "Base.gt"
class Derived(Base):
    def __radd__(self, o): return "Derived.radd"
    def __gt__(self, o): return "Derived.gt"
print(Base() + Derived(), Derived() + Base(), Base() < Derived(), Derived() < Base(), Base() > Derived())
class R:
    def __eq__(self, o):
        print("R.eq")
        return NotImplemented
print(R() == R(), R() != R(), R() == 3)
class Num:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == (o.v if isinstance(o, Num) else o)
    def __hash__(self): return hash(self.v)
    def __repr__(self): return f"Num({self.v})"
d = {Num(1): "one", 2: "two"}
print(d[1], d[Num(1)], d[Num(2)], Num(2) in d, 3 in d, {Num(1), 1, 1.0}, {1: "x", Num(1): "y"})
s = {Num(3), Num(3), Num(4)}; print(len(s), Num(4) in s, 4 in s)
