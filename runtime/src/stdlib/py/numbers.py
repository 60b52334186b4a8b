"""The numeric tower of PEP 3141 as ABCs: Number, Complex, Real, Rational,
Integral.  int is registered as Integral and float as Real."""

from abc import ABCMeta, abstractmethod

__all__ = ["Number", "Complex", "Real", "Rational", "Integral"]


def _required(name, arity):
    """An abstract stub for the operation `name`, taking `arity` operands."""
    if arity == 1:
        def stub(self):
            raise NotImplementedError
    else:
        def stub(self, other):
            raise NotImplementedError
    stub.__name__ = name
    return abstractmethod(stub)


def _tower_class(name, base, doc, unary=(), binary=(), attributes=(), **provided):
    """Create one level of the tower: abstract unary and binary operations,
    abstract read-only attributes, and the concrete members in `provided`."""
    namespace = {'__module__': __name__, '__doc__': doc, '__slots__': ()}
    for op in unary:
        namespace[op] = _required(op, 1)
    for op in binary:
        namespace[op] = _required(op, 2)
    for attr in attributes:
        namespace[attr] = property(_required(attr, 1))
    namespace.update(provided)
    return ABCMeta(name, base, namespace)


Number = _tower_class(
    'Number', (),
    "Base of every number; isinstance(x, Number) tells whether x is one.",
    __hash__=None)


def _nonzero(self):
    return self != 0


def _subtract(self, other):
    return self + -other


def _subtract_from(self, other):
    return -self + other


Complex = _tower_class(
    'Complex', (Number,),
    "Numbers with real and imaginary parts and the field operations.",
    unary=('__complex__', '__neg__', '__pos__', '__abs__', 'conjugate'),
    binary=('__add__', '__radd__', '__mul__', '__rmul__', '__truediv__',
            '__rtruediv__', '__pow__', '__rpow__', '__eq__'),
    attributes=('real', 'imag'),
    __bool__=_nonzero, __sub__=_subtract, __rsub__=_subtract_from)

try:
    Complex.register(complex)
except NameError:
    pass


def _round(self, ndigits=None):
    raise NotImplementedError


def _divmod(self, other):
    return (self // other, self % other)


def _rdivmod(self, other):
    return (other // self, other % self)


def _as_complex(self):
    return complex(float(self))


def _identity(self):
    return +self


Real = _tower_class(
    'Real', (Complex,),
    "Ordered numbers: Complex plus float(), rounding, //, %, divmod, <, <=.",
    unary=('__float__', '__trunc__', '__floor__', '__ceil__'),
    binary=('__floordiv__', '__rfloordiv__', '__mod__', '__rmod__',
            '__lt__', '__le__'),
    __round__=abstractmethod(_round),
    __divmod__=_divmod, __rdivmod__=_rdivmod, __complex__=_as_complex,
    real=property(_identity), imag=property(lambda self: 0),
    conjugate=_identity)
Real.register(float)


def _ratio_float(self):
    return int(self.numerator) / int(self.denominator)


Rational = _tower_class(
    'Rational', (Real,),
    "Exact fractions: a numerator and a denominator.",
    attributes=('numerator', 'denominator'),
    __float__=_ratio_float)


def _int_pow(self, exponent, modulus=None):
    raise NotImplementedError


def _int_float(self):
    return float(int(self))


def _int_index(self):
    return int(self)


Integral = _tower_class(
    'Integral', (Rational,),
    "Integers: Rational plus int(), index(), bit operations, 3-argument pow().",
    unary=('__int__', '__invert__'),
    binary=('__lshift__', '__rlshift__', '__rshift__', '__rrshift__',
            '__and__', '__rand__', '__xor__', '__rxor__', '__or__', '__ror__'),
    __pow__=abstractmethod(_int_pow), __index__=_int_index,
    __float__=_int_float, numerator=property(_identity),
    denominator=property(lambda self: 1))
Integral.register(int)

del _tower_class
