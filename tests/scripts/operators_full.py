# every operator dunder on a user class: binary, reflected, in-place, unary, comparisons, conversions
class Vec:
    def __init__(self, *c): self.c = tuple(c)
    def __repr__(self): return f"Vec{self.c}"
    def _zip(self, o, f):
        if isinstance(o, Vec):
            return Vec(*(f(a, b) for a, b in zip(self.c, o.c)))
        if isinstance(o, (int, float)):
            return Vec(*(f(a, o) for a in self.c))
        return NotImplemented
    def __add__(self, o): return self._zip(o, lambda a, b: a + b)
    def __sub__(self, o): return self._zip(o, lambda a, b: a - b)
    def __mul__(self, o): return self._zip(o, lambda a, b: a * b)
    def __matmul__(self, o): return sum(a * b for a, b in zip(self.c, o.c)) if isinstance(o, Vec) else NotImplemented
    def __truediv__(self, o): return self._zip(o, lambda a, b: a / b)
    def __floordiv__(self, o): return self._zip(o, lambda a, b: a // b)
    def __mod__(self, o): return self._zip(o, lambda a, b: a % b)
    def __divmod__(self, o): return (self // o, self % o)
    def __pow__(self, o, m=None): return self._zip(o, lambda a, b: pow(a, b, m) if m else a ** b)
    def __lshift__(self, o): return self._zip(o, lambda a, b: a << b)
    def __rshift__(self, o): return self._zip(o, lambda a, b: a >> b)
    def __and__(self, o): return self._zip(o, lambda a, b: a & b)
    def __or__(self, o): return self._zip(o, lambda a, b: a | b)
    def __xor__(self, o): return self._zip(o, lambda a, b: a ^ b)
    def __radd__(self, o): return self + o
    def __rsub__(self, o): return Vec(*(o - a for a in self.c))
    def __rmul__(self, o): return self * o
    def __rtruediv__(self, o): return Vec(*(o / a for a in self.c))
    def __rfloordiv__(self, o): return Vec(*(o // a for a in self.c))
    def __rmod__(self, o): return Vec(*(o % a for a in self.c))
    def __rdivmod__(self, o): return ("rdivmod", o)
    def __rpow__(self, o): return Vec(*(o ** a for a in self.c))
    def __rlshift__(self, o): return ("rlshift", o)
    def __rrshift__(self, o): return ("rrshift", o)
    def __rand__(self, o): return ("rand", o)
    def __ror__(self, o): return ("ror", o)
    def __rxor__(self, o): return ("rxor", o)
    def __rmatmul__(self, o): return ("rmatmul", o)
    def __neg__(self): return Vec(*(-a for a in self.c))
    def __pos__(self): return Vec(*(+a for a in self.c))
    def __abs__(self): return sum(a * a for a in self.c) ** 0.5
    def __invert__(self): return Vec(*(~a for a in self.c))
    def __bool__(self): return any(self.c)
    def __len__(self): return len(self.c)
    def __getitem__(self, i): return self.c[i]
    def __contains__(self, x): return x in self.c
    def __iter__(self): return iter(self.c)
    def __reversed__(self): return Vec(*reversed(self.c))
    def __eq__(self, o): return isinstance(o, Vec) and self.c == o.c
    def __hash__(self): return hash(self.c)
    def __lt__(self, o): return abs(self) < abs(o)
    def __le__(self, o): return abs(self) <= abs(o)
    def __int__(self): return int(abs(self))
    def __float__(self): return float(abs(self))
    def __index__(self): return len(self.c)
    def __round__(self, n=None): return Vec(*(round(a, n) for a in self.c))
    def __trunc__(self): return "trunc"
    def __floor__(self): return "floor"
    def __ceil__(self): return "ceil"
    def __format__(self, spec): return "<" + ",".join(format(a, spec) for a in self.c) + ">"
    def __call__(self, k): return self.c[k]

v, w = Vec(1, 2, 3), Vec(4, 5, 6)
print(v + w, v - w, v * w, v @ w, v / 2, w // 2, w % 4, divmod(w, 4), v ** 2, pow(v, 2, 5), v << 1, w >> 1, v & 1, v | 8, v ^ 3)
print(1 + v, 10 - v, 2 * v, 12 / v, 12 // v, 12 % v, divmod(7, v), 2 ** v, 1 << v, 1 >> v, 1 & v, 1 | v, 1 ^ v, 1 @ v)
print(-v, +v, abs(Vec(3, 4)), ~v, bool(v), bool(Vec(0, 0)), len(v), v[1], v[-1], v[:2], 2 in v, 9 in v, list(v), list(reversed(v)))
print(v == Vec(1, 2, 3), v != w, v < w, v <= v, v > w, w >= v, {v: "hashable"}[Vec(1, 2, 3)], sorted([w, v]))
print(int(v), float(Vec(3, 4)), [10, 20, 30, 40][v], hex(v), bin(v), oct(v), round(Vec(1.26, 2.5)), round(Vec(1.26), 1))

print(f"{v:.1f}", format(w, "03d"), v(0), "x" * Vec(1, 2), range(10)[Vec(1, 1)])
acc = Vec(1, 1)
acc += 1
acc *= Vec(2, 3)
acc -= 1
acc **= 2
acc //= 3
acc %= 5
acc <<= 1
acc >>= 1
acc &= 7
acc |= 8
acc ^= 1
acc /= 2
print(acc)
for bad in [lambda: v + "s", lambda: "s" - v, lambda: v @ 5, lambda: v < 5, lambda: [] * v if False else v * [1]]:
    try:
        print(bad())
    except TypeError as e:
        print(type(e).__name__, e)
print(sum([v, w], Vec(0, 0, 0)), max([v, w]), min(v, w), any([Vec(0), v]), all([v, Vec(0)]))
