"""Fraction, infinite-precision rational numbers (CPython 3.11 behaviour).

A Fraction is kept normalized: the numerator and denominator are coprime and
the denominator is positive. Arithmetic with ints and Fractions is exact;
with floats it converts to float. hash(Fraction(n, d)) equals the hash of the
int or float of the same value.
"""

import math
import numbers
import sys

__all__ = ['Fraction']

_PyHASH_MODULUS = sys.hash_info.modulus
_PyHASH_INF = sys.hash_info.inf

_gcd = math.gcd


def _is_digit(c):
    return '0' <= c <= '9' or c.isdecimal()


def _digits(s, i):
    """The end of the digit run `\\d+(_\\d+)*` starting at s[i] (i if none)."""
    n = len(s)
    j = i
    while j < n and _is_digit(s[j]):
        j += 1
    if j == i:
        return i
    while j + 1 < n and s[j] == '_' and _is_digit(s[j + 1]):
        j += 2
        while j < n and _is_digit(s[j]):
            j += 1
    return j


def _parse(text):
    """(numerator, denominator) of a Fraction literal, or None if invalid."""
    s = text.strip()
    n = len(s)
    i = 0
    negative = False
    if i < n and s[i] in '+-':
        negative = s[i] == '-'
        i += 1
    if not (i < n and (_is_digit(s[i])
                       or (s[i] == '.' and i + 1 < n and _is_digit(s[i + 1])))):
        return None
    j = _digits(s, i)
    numerator = int(s[i:j]) if j > i else 0
    i = j
    denominator = 1
    if i < n and s[i] == '/':
        j = _digits(s, i + 1)
        if j == i + 1 or j != n:
            return None
        denominator = int(s[i + 1:j])
        i = j
    else:
        if i < n and s[i] == '.':
            i += 1
            if i < n and s[i] in 'dD':
                j = i
                while j < n and s[j] in 'dD':
                    j += 1
            else:
                j = _digits(s, i)
            decimal = s[i:j].replace('_', '')
            i = j
            if decimal:
                scale = 10 ** len(decimal)
                numerator = numerator * scale + int(decimal)
                denominator *= scale
        if i < n and s[i] in 'eE':
            k = i + 1
            if k < n and s[k] in '+-':
                k += 1
            j = _digits(s, k)
            if j == k:
                return None
            exp = int(s[i + 1:j])
            i = j
            if exp >= 0:
                numerator *= 10 ** exp
            else:
                denominator *= 10 ** -exp
        if i != n:
            return None
    if negative:
        numerator = -numerator
    return numerator, denominator


def _make(n, d):
    """A Fraction from an already normalized pair (no checks)."""
    f = _object_new(Fraction)
    f._numerator = n
    f._denominator = d
    return f


_object_new = object.__new__


# The exact operations, on (numerator, denominator) pairs.

def _add(na, da, nb, db):
    g = _gcd(da, db)
    if g == 1:
        return _make(na * db + da * nb, da * db)
    s = da // g
    t = na * (db // g) + nb * s
    g2 = _gcd(t, g)
    if g2 == 1:
        return _make(t, s * db)
    return _make(t // g2, s * (db // g2))


def _sub(na, da, nb, db):
    g = _gcd(da, db)
    if g == 1:
        return _make(na * db - da * nb, da * db)
    s = da // g
    t = na * (db // g) - nb * s
    g2 = _gcd(t, g)
    if g2 == 1:
        return _make(t, s * db)
    return _make(t // g2, s * (db // g2))


def _mul(na, da, nb, db):
    g1 = _gcd(na, db)
    if g1 > 1:
        na //= g1
        db //= g1
    g2 = _gcd(nb, da)
    if g2 > 1:
        nb //= g2
        da //= g2
    return _make(na * nb, db * da)


def _div(na, da, nb, db):
    g1 = _gcd(na, nb)
    if g1 > 1:
        na //= g1
        nb //= g1
    g2 = _gcd(db, da)
    if g2 > 1:
        da //= g2
        db //= g2
    n, d = na * db, nb * da
    if d < 0:
        n, d = -n, -d
    if d == 0:
        raise ZeroDivisionError('Fraction(%s, 0)' % n)
    return _make(n, d)


def _floordiv(na, da, nb, db):
    return (na * db) // (da * nb)


def _divmod(na, da, nb, db):
    div, n_mod = divmod(na * db, da * nb)
    return div, Fraction(n_mod, da * db)


def _mod(na, da, nb, db):
    return Fraction((na * db) % (nb * da), da * db)


def _pair(x):
    """(numerator, denominator) of a Fraction or another Rational."""
    if type(x) is Fraction:
        return x._numerator, x._denominator
    return x.numerator, x.denominator


def _binary(mono, fallback, name):
    """The forward and reflected special methods of a binary operator: exact
    for ints and Fractions (and other Rationals, reflected), through float for
    floats, through complex for complex numbers."""

    def forward(a, b):
        tb = type(b)
        if tb is Fraction or tb is int or isinstance(b, (int, Fraction)):
            na, da = _pair(a)
            nb, db = _pair(b)
            return mono(na, da, nb, db)
        if isinstance(b, float):
            return fallback(float(a), b)
        if _complex is not None and isinstance(b, _complex):
            return fallback(_complex(a), b)
        return NotImplemented

    def reverse(b, a):
        if type(a) is int or isinstance(a, numbers.Rational):
            na, da = _pair(a)
            nb, db = _pair(b)
            return mono(na, da, nb, db)
        if isinstance(a, numbers.Real):
            return fallback(float(a), float(b))
        if _complex is not None and isinstance(a, numbers.Complex):
            return fallback(_complex(a), _complex(b))
        return NotImplemented

    forward.__name__ = forward.__qualname__ = '__%s__' % name
    reverse.__name__ = reverse.__qualname__ = '__r%s__' % name
    return forward, reverse


try:
    _complex = complex
except NameError:
    _complex = None


class Fraction(numbers.Rational):
    """This class implements rational numbers.

    In the two-argument form of the constructor, Fraction(8, 6) will
    produce a rational number equivalent to 4/3. Both arguments must
    be Rational. The numerator defaults to 0 and the denominator
    defaults to 1 so that Fraction(3) == 3 and Fraction() == 0.

    Fractions can also be constructed from:

      - numeric strings similar to those accepted by the
        float constructor (for example, '-2.3' or '1e10')

      - strings of the form '123/456'

      - float instances

      - other Rational instances (including integers)
    """

    __slots__ = ('_numerator', '_denominator')

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        """Constructs a Rational: from a string like '3/2' or '1.5', another
        Rational, a numerator/denominator pair, or a float."""
        self = _object_new(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            if isinstance(numerator, numbers.Rational):
                self._numerator = numerator.numerator
                self._denominator = numerator.denominator
                return self
            if isinstance(numerator, float):
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self
            if isinstance(numerator, str):
                parsed = _parse(numerator)
                if parsed is None:
                    raise ValueError('Invalid literal for Fraction: %r' % numerator)
                numerator, denominator = parsed
            else:
                raise TypeError("argument should be a string or a Rational instance")
        elif type(numerator) is int is type(denominator):
            pass
        elif (isinstance(numerator, numbers.Rational)
              and isinstance(denominator, numbers.Rational)):
            numerator, denominator = (numerator.numerator * denominator.denominator,
                                      denominator.numerator * numerator.denominator)
        else:
            raise TypeError("both arguments should be Rational instances")
        if denominator == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % numerator)
        if _normalize:
            g = _gcd(numerator, denominator)
            if denominator < 0:
                g = -g
            numerator //= g
            denominator //= g
        self._numerator = numerator
        self._denominator = denominator
        return self

    @classmethod
    def from_float(cls, f):
        """Converts a finite float to a rational number, exactly.

        Beware that Fraction.from_float(0.3) != Fraction(3, 10).
        """
        if isinstance(f, numbers.Integral):
            return cls(f)
        elif not isinstance(f, float):
            raise TypeError("%s.from_float() only takes floats, not %r (%s)"
                            % (cls.__name__, f, type(f).__name__))
        return cls(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        """Converts a finite Decimal instance to a rational number, exactly."""
        if isinstance(dec, numbers.Integral):
            return cls(int(dec))
        raise TypeError("%s.from_decimal() only takes Decimals, not %r (%s)"
                        % (cls.__name__, dec, type(dec).__name__))

    def as_integer_ratio(self):
        """Return the integer ratio as a tuple: a pair of integers whose ratio
        is equal to the Fraction, with a positive denominator."""
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """Closest Fraction to self with denominator at most max_denominator.

        >>> Fraction('3.141592653589793').limit_denominator(10)
        Fraction(22, 7)
        """
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)
        # Walk the continued fraction expansion of self until the next
        # convergent's denominator would be too large; the answer is then
        # that convergent or the best semiconvergent below the bound.
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        bound1 = Fraction(p0 + k * p1, q0 + k * q1)
        bound2 = Fraction(p1, q1)
        if abs(bound2 - self) <= abs(bound1 - self):
            return bound2
        return bound1

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    def __repr__(self):
        """repr(self)"""
        return '%s(%s, %s)' % (self.__class__.__name__, self._numerator, self._denominator)

    def __str__(self):
        """str(self)"""
        if self._denominator == 1:
            return str(self._numerator)
        return '%s/%s' % (self._numerator, self._denominator)

    __add__, __radd__ = _binary(_add, lambda x, y: x + y, 'add')
    __sub__, __rsub__ = _binary(_sub, lambda x, y: x - y, 'sub')
    __mul__, __rmul__ = _binary(_mul, lambda x, y: x * y, 'mul')
    __truediv__, __rtruediv__ = _binary(_div, lambda x, y: x / y, 'truediv')
    __floordiv__, __rfloordiv__ = _binary(_floordiv, lambda x, y: x // y, 'floordiv')
    __divmod__, __rdivmod__ = _binary(_divmod, divmod, 'divmod')
    __mod__, __rmod__ = _binary(_mod, lambda x, y: x % y, 'mod')

    def __pow__(a, b):
        """a ** b: rational if b is an integer, otherwise a float (or complex)."""
        if type(b) is int or isinstance(b, numbers.Rational):
            if b.denominator == 1:
                power = b.numerator
                if power >= 0:
                    return Fraction(a._numerator ** power, a._denominator ** power,
                                    _normalize=False)
                elif a._numerator >= 0:
                    return Fraction(a._denominator ** -power, a._numerator ** -power,
                                    _normalize=False)
                else:
                    return Fraction((-a._denominator) ** -power, (-a._numerator) ** -power,
                                    _normalize=False)
            return float(a) ** float(b)
        return float(a) ** b

    def __rpow__(b, a):
        """a ** b"""
        if b._denominator == 1 and b._numerator >= 0:
            return a ** b._numerator
        if isinstance(a, numbers.Rational):
            return Fraction(a.numerator, a.denominator) ** b
        if b._denominator == 1:
            return a ** b._numerator
        return a ** float(b)

    def __pos__(a):
        """+a: Coerces a subclass instance to Fraction"""
        return _make(a._numerator, a._denominator)

    def __neg__(a):
        """-a"""
        return _make(-a._numerator, a._denominator)

    def __abs__(a):
        """abs(a)"""
        return _make(abs(a._numerator), a._denominator)

    def __int__(a):
        """int(a)"""
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    def __trunc__(a):
        """math.trunc(a)"""
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    def __floor__(a):
        """math.floor(a)"""
        return a.numerator // a.denominator

    def __ceil__(a):
        """math.ceil(a)"""
        return -(-a.numerator // a.denominator)

    def __round__(self, ndigits=None):
        """round(self, ndigits): rounds half toward even."""
        if ndigits is None:
            floor, remainder = divmod(self.numerator, self.denominator)
            if remainder * 2 < self.denominator:
                return floor
            elif remainder * 2 > self.denominator:
                return floor + 1
            elif floor % 2 == 0:
                return floor
            return floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __hash__(self):
        """hash(self): equal to the hash of an equal int or float."""
        # The hash is numerator * denominator**-1 modulo the hash prime, as
        # for ints and floats; a denominator divisible by the prime hashes as
        # infinity.
        try:
            dinv = pow(self._denominator, -1, _PyHASH_MODULUS)
        except ValueError:
            hash_ = _PyHASH_INF
        else:
            hash_ = hash(hash(abs(self._numerator)) * dinv)
        result = hash_ if self._numerator >= 0 else -hash_
        return -2 if result == -1 else result

    def __eq__(a, b):
        """a == b"""
        tb = type(b)
        if tb is int:
            return a._numerator == b and a._denominator == 1
        if tb is Fraction:
            return a._numerator == b._numerator and a._denominator == b._denominator
        if isinstance(b, numbers.Rational):
            return a._numerator == b.numerator and a._denominator == b.denominator
        if isinstance(b, numbers.Complex) and b.imag == 0:
            b = b.real
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                return 0.0 == b
            return a == a.from_float(b)
        return NotImplemented

    def _richcmp(self, other, op):
        """Compare with a Rational or a float by `op`, else NotImplemented."""
        if type(other) is Fraction or type(other) is int or isinstance(other, numbers.Rational):
            return op(self._numerator * other.denominator, self._denominator * other.numerator)
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return op(0.0, other)
            return op(self, self.from_float(other))
        return NotImplemented

    def __lt__(a, b):
        """a < b"""
        if type(b) is Fraction:
            return a._numerator * b._denominator < a._denominator * b._numerator
        return a._richcmp(b, _lt)

    def __gt__(a, b):
        """a > b"""
        if type(b) is Fraction:
            return a._numerator * b._denominator > a._denominator * b._numerator
        return a._richcmp(b, _gt)

    def __le__(a, b):
        """a <= b"""
        if type(b) is Fraction:
            return a._numerator * b._denominator <= a._denominator * b._numerator
        return a._richcmp(b, _le)

    def __ge__(a, b):
        """a >= b"""
        if type(b) is Fraction:
            return a._numerator * b._denominator >= a._denominator * b._numerator
        return a._richcmp(b, _ge)

    def __bool__(a):
        """a != 0"""
        return bool(a._numerator)

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)


def _lt(x, y):
    return x < y


def _gt(x, y):
    return x > y


def _le(x, y):
    return x <= y


def _ge(x, y):
    return x >= y
