import numbers
from numbers import Number, Complex, Real, Rational, Integral
from fractions import Fraction
for v in (1, True, 1.5, Fraction(1, 3), "x", None):
    print(repr(v), [isinstance(v, k) for k in (Number, Complex, Real, Rational, Integral)])
for k in (Number, Complex, Real, Rational, Integral):
    print(k.__name__, k.__module__, sorted(k.__abstractmethods__), k.__mro__[1].__name__)
print(Number.__hash__, issubclass(int, Real), issubclass(float, Integral))
class Mine(Integral):
    def __init__(self, v): self.v = v
    def __int__(self): return self.v
    def __invert__(self): return Mine(~self.v)
    def __abs__(self): return Mine(abs(self.v))
    def __neg__(self): return Mine(-self.v)
    def __pos__(self): return self
    def __trunc__(self): return self.v
    def __floor__(self): return self.v
    def __ceil__(self): return self.v
    def __round__(self, nd=None): return self.v
    def __repr__(self): return 'Mine(%d)' % self.v
for name in ('__add__', '__radd__', '__mul__', '__rmul__', '__truediv__', '__rtruediv__',
             '__pow__', '__rpow__', '__eq__', '__floordiv__', '__rfloordiv__', '__mod__',
             '__rmod__', '__lt__', '__le__', '__lshift__', '__rlshift__', '__rshift__',
             '__rrshift__', '__and__', '__rand__', '__xor__', '__rxor__', '__or__', '__ror__'):
    op = name
    setattr(Mine, name, (lambda op: lambda self, other, *r: Mine(getattr(int(self), op)(int(other))))(op))
Mine.__eq__ = lambda self, other: int(self) == int(other)
Mine.__abstractmethods__ = frozenset()
m = Mine(7)
print(m.numerator, m.denominator, m.real, m.imag, m.conjugate(), float(m), m.__index__())
print(m - Mine(2), divmod(m, Mine(2)), Mine(2).__rsub__(m))
try:
    Real()
except TypeError as e:
    print(e)
