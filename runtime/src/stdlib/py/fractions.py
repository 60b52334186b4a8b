"""fractions for atoll: Fraction, exact rational numbers (CPython 3.11 behaviour).

A Fraction is kept normalized: the numerator and denominator are coprime and
the denominator is positive. Arithmetic with ints and Fractions is exact;
with floats it converts to float. hash(Fraction(n, d)) equals the hash of the
int or float of the same value.
"""

import math
import numbers
import sys

__all__ = ['Fraction']

# hash(x) of a rational x is x modulo this prime (infinity's hash when the
# denominator has no inverse modulo it), as for int and float
_HASH_PRIME = sys.hash_info.modulus
_HASH_OF_INF = sys.hash_info.inf

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
                numerator = int(decimal) + scale * numerator
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
    whole, left = divmod(na * db, da * nb)
    return whole, Fraction(left, da * db)


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
    """An exact rational number p/q, always in lowest terms with q > 0.

    Fraction(p, q) takes two Rationals (ints included): Fraction(10, -4) is
    Fraction(-5, 2). Fraction(x) takes a Rational, a float (converted
    exactly), or a string: an integer or decimal number with an optional
    exponent ('-1.25', '3e-2', '1_000'), or 'p/q' ('22/7'), with optional
    sign and surrounding whitespace. Fraction() is zero.
    """

    __slots__ = ('_numerator', '_denominator')

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        """Builds a Fraction; see the class docstring for the accepted
        arguments."""
        self = _object_new(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            if isinstance(numerator, numbers.Rational):
                self._numerator, self._denominator = (numerator.numerator,
                                                      numerator.denominator)
                return self
            if isinstance(numerator, float):
                # ValueError or OverflowError for nan and infinities
                ratio = numerator.as_integer_ratio()
                self._numerator, self._denominator = ratio
                return self
            if not isinstance(numerator, str):
                raise TypeError("argument should be a string or a Rational instance")
            parsed = _parse(numerator)
            if parsed is None:
                raise ValueError('Invalid literal for Fraction: %r' % numerator)
            top, bottom = parsed
        elif type(numerator) is int and type(denominator) is int:
            top, bottom = numerator, denominator
        elif (isinstance(numerator, numbers.Rational)
              and isinstance(denominator, numbers.Rational)):
            top = numerator.numerator * denominator.denominator
            bottom = denominator.numerator * numerator.denominator
        else:
            raise TypeError("both arguments should be Rational instances")
        if bottom == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % top)
        if _normalize:
            common = _gcd(top, bottom)
            if bottom < 0:
                common = -common
            top //= common
            bottom //= common
        self._numerator = top
        self._denominator = bottom
        return self

    @classmethod
    def from_float(cls, f):
        """The exact value of the float f (an int is accepted too), e.g.
        Fraction.from_float(0.5) == Fraction(1, 2); note that 0.1 is not
        exactly 1/10."""
        if not isinstance(f, float):
            if not isinstance(f, numbers.Integral):
                raise TypeError("%s.from_float() only takes floats, not %r (%s)"
                                % (cls.__name__, f, type(f).__name__))
            return cls(f)
        top, bottom = f.as_integer_ratio()
        return cls(top, bottom)

    @classmethod
    def from_decimal(cls, dec):
        """The exact value of a Decimal (this build has no decimal module,
        so only integers are accepted)."""
        if not isinstance(dec, numbers.Integral):
            raise TypeError("%s.from_decimal() only takes Decimals, not %r (%s)"
                            % (cls.__name__, dec, type(dec).__name__))
        return cls(int(dec))

    def as_integer_ratio(self):
        """(numerator, denominator), the denominator positive."""
        return self._numerator, self._denominator

    def limit_denominator(self, max_denominator=1000000):
        """The Fraction nearest to self whose denominator is at most
        max_denominator (self itself if its denominator is small enough).
        On a tie the continued-fraction convergent wins."""
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)
        # Expand self as a continued fraction, keeping the last two
        # convergents, until the next one's denominator exceeds the limit.
        # The answer is the last convergent or the largest semiconvergent
        # between the two that fits.
        x_num, x_den = self._numerator, self._denominator
        old_n, old_d = 0, 1
        cur_n, cur_d = 1, 0
        while True:
            term, left = divmod(x_num, x_den)
            next_d = old_d + term * cur_d
            if next_d > max_denominator:
                break
            old_n, old_d, cur_n, cur_d = cur_n, cur_d, old_n + term * cur_n, next_d
            x_num, x_den = x_den, left
        steps = (max_denominator - old_d) // cur_d
        semi = Fraction(old_n + steps * cur_n, old_d + steps * cur_d)
        conv = Fraction(cur_n, cur_d)
        if abs(conv - self) <= abs(semi - self):
            return conv
        return semi

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    def __repr__(self):
        return f"{type(self).__name__}({self._numerator}, {self._denominator})"

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return f"{self._numerator}/{self._denominator}"

    __add__, __radd__ = _binary(_add, lambda x, y: x + y, 'add')
    __sub__, __rsub__ = _binary(_sub, lambda x, y: x - y, 'sub')
    __mul__, __rmul__ = _binary(_mul, lambda x, y: x * y, 'mul')
    __truediv__, __rtruediv__ = _binary(_div, lambda x, y: x / y, 'truediv')
    __floordiv__, __rfloordiv__ = _binary(_floordiv, lambda x, y: x // y, 'floordiv')
    __divmod__, __rdivmod__ = _binary(_divmod, divmod, 'divmod')
    __mod__, __rmod__ = _binary(_mod, lambda x, y: x % y, 'mod')

    def __pow__(a, b):
        """a ** b: exact when b is an integer (or a Fraction equal to one),
        else computed on floats."""
        if type(b) is int or isinstance(b, numbers.Rational):
            if b.denominator != 1:
                return float(a) ** float(b)
            e = b.numerator
            n, d = a._numerator, a._denominator
            if e >= 0:
                return Fraction(n ** e, d ** e, _normalize=False)
            # a negative power flips the fraction; keep the sign on top
            if n < 0:
                n, d = -n, -d
            return Fraction(d ** -e, n ** -e, _normalize=False)
        return float(a) ** b

    def __rpow__(b, a):
        """a ** b, for a that is not a Fraction."""
        n, d = b._numerator, b._denominator
        if d == 1 and n >= 0:
            return a ** n
        if isinstance(a, numbers.Rational):
            return Fraction(a.numerator, a.denominator) ** b
        return a ** n if d == 1 else a ** float(b)

    def __pos__(a):
        """+a, a plain Fraction even for a subclass instance"""
        return _make(a._numerator, a._denominator)

    def __neg__(a):
        return _make(-a._numerator, a._denominator)

    def __abs__(a):
        return _make(abs(a._numerator), a._denominator)

    def __trunc__(a):
        """The integer part, rounded toward zero."""
        n = a._numerator
        whole = abs(n) // a._denominator
        return whole if n >= 0 else -whole

    __int__ = __trunc__

    def __floor__(a):
        """The largest int <= a."""
        return a.numerator // a.denominator

    def __ceil__(a):
        """The smallest int >= a."""
        whole, left = divmod(a.numerator, a.denominator)
        return whole + 1 if left else whole

    def __round__(self, ndigits=None):
        """round(self) is the nearest int (ties to the even one);
        round(self, k) is the nearest multiple of 10**-k, as a Fraction."""
        if ndigits is None:
            d = self.denominator
            whole, left = divmod(self.numerator, d)
            twice = 2 * left
            if twice > d or (twice == d and whole & 1):
                return whole + 1
            return whole
        scale = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * scale), scale)
        return Fraction(round(self / scale) * scale)

    def __hash__(self):
        """Equal to the hash of an int or float of the same value."""
        n = self._numerator
        try:
            inverse = pow(self._denominator, -1, _HASH_PRIME)
        except ValueError:
            # the denominator is a multiple of the prime
            h = _HASH_OF_INF
        else:
            h = hash(hash(abs(n)) * inverse)
        if n < 0:
            h = -h
        return -2 if h == -1 else h

    def __eq__(a, b):
        kind = type(b)
        if kind is Fraction:
            return a._numerator == b._numerator and a._denominator == b._denominator
        if kind is int:
            return a._denominator == 1 and a._numerator == b
        if isinstance(b, numbers.Rational):
            return (a._numerator, a._denominator) == (b.numerator, b.denominator)
        if isinstance(b, numbers.Complex) and not b.imag:
            b = b.real
        if not isinstance(b, float):
            return NotImplemented
        if not math.isfinite(b):
            # nan and the infinities equal no fraction
            return False
        return a == a.from_float(b)

    def _richcmp(self, other, op):
        """self `op` other for a Rational or a float other, else
        NotImplemented."""
        if type(other) is int or isinstance(other, numbers.Rational):
            return op(self._numerator * other.denominator,
                      self._denominator * other.numerator)
        if not isinstance(other, float):
            return NotImplemented
        if math.isfinite(other):
            return op(self, self.from_float(other))
        # an infinity compares like it does with zero; nan is never ordered
        return op(0.0, other)

    def __lt__(a, b):
        if type(b) is Fraction:
            return a._numerator * b._denominator < a._denominator * b._numerator
        return a._richcmp(b, _lt)

    def __gt__(a, b):
        if type(b) is Fraction:
            return a._numerator * b._denominator > a._denominator * b._numerator
        return a._richcmp(b, _gt)

    def __le__(a, b):
        if type(b) is Fraction:
            return a._numerator * b._denominator <= a._denominator * b._numerator
        return a._richcmp(b, _le)

    def __ge__(a, b):
        if type(b) is Fraction:
            return a._numerator * b._denominator >= a._denominator * b._numerator
        return a._richcmp(b, _ge)

    def __bool__(a):
        return a._numerator != 0

    # Fractions are immutable: copies of a plain Fraction are itself; a
    # subclass instance is rebuilt through its class.
    def __reduce__(self):
        return type(self), (self._numerator, self._denominator)

    def __copy__(self):
        kind = type(self)
        if kind is Fraction:
            return self
        return kind(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        kind = type(self)
        if kind is Fraction:
            return self
        return kind(self._numerator, self._denominator)


def _lt(x, y):
    return x < y


def _gt(x, y):
    return x > y


def _le(x, y):
    return x <= y


def _ge(x, y):
    return x >= y
