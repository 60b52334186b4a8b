# fractions.Fraction: construction, arithmetic, comparisons, hashing, rounding.
from fractions import Fraction as F
import math
import numbers


def show(label, fn):
    try:
        r = fn()
        print(label, type(r).__name__, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)


# construction
for args in [(), (7,), (6, 4), (-6, 4), (6, -4), (0, -5), (F(1, 7), 5), (F(1, 7), F(2, 3)),
             (True, 2), (3, True), (2.5,), (-0.1,), (1e300,), (5e-324,)]:
    show("F%r" % (args,), lambda: F(*args))
for s in ["314", "-35/4", "3.1415", "-47e-2", "1E3", "  1/2\n", "+.5", "5.", "1_000", "1_0.2_5",
          "1e+2", "2.5e-3", "007/0014", "0/9", "1/0", "", " ", "1/", "/2", "1.2.3", "1e",
          "1 /2", "1_", "_1", "1__0", "0x10", "inf", "nan", "1.5/2", ".", "-", "1.d", "12e1_0"]:
    show("F(%r)" % s, lambda: F(s))
for bad in [(1.5, 2), ("1", 2), (None,), ([1],), (1, 0), (F(1, 2), 0), (float("nan"),),
            (float("inf"),)]:
    show("F%r" % (bad,), lambda: F(*bad))
show("from_float 0.3", lambda: F.from_float(0.3))
show("from_float 3", lambda: F.from_float(3))
show("from_float str", lambda: F.from_float("1"))
show("from_decimal int", lambda: F.from_decimal(4))
print(F(3, 4).numerator, F(3, 4).denominator, F(-3, 4).as_integer_ratio())
print(str(F(3, 1)), str(F(-3, 4)), repr(F(-3, 4)), F(5), format(F(1, 3)), "%s" % F(2, 6))

# arithmetic
a, b = F(1, 3), F(3, 4)
for name, fn in [("a+b", lambda: a + b), ("a-b", lambda: a - b), ("a*b", lambda: a * b),
                 ("a/b", lambda: a / b), ("a//b", lambda: a // b), ("a%b", lambda: a % b),
                 ("divmod", lambda: divmod(b, a)), ("a+1", lambda: a + 1), ("1+a", lambda: 1 + a),
                 ("2-a", lambda: 2 - a), ("a-2", lambda: a - 2), ("3*a", lambda: 3 * a),
                 ("1/a", lambda: 1 / a), ("7//a", lambda: 7 // a), ("7%b", lambda: 7 % b),
                 ("a+True", lambda: a + True), ("a+0.5", lambda: a + 0.5), ("0.5+a", lambda: 0.5 + a),
                 ("a*2.0", lambda: a * 2.0), ("a/0", lambda: a / 0), ("a//0", lambda: a // 0),
                 ("a%0", lambda: a % 0), ("a/F(0)", lambda: a / F(0)), ("0/a", lambda: 0 / a),
                 ("a+'x'", lambda: a + "x"), ("'x'*a", lambda: "x" * a), ("a+None", lambda: a + None),
                 ("-a", lambda: -a), ("+a", lambda: +a), ("abs", lambda: abs(F(-5, 3))),
                 ("a**2", lambda: a ** 2), ("a**-2", lambda: a ** -2), ("(-a)**-3", lambda: (-a) ** -3),
                 ("a**0", lambda: a ** 0), ("a**F(2)", lambda: a ** F(2)), ("a**0.5", lambda: F(1, 4) ** 0.5),
                 ("a**F(1,2)", lambda: F(1, 4) ** F(1, 2)), ("2**F(3)", lambda: 2 ** F(3)),
                 ("4**F(1,2)", lambda: 4 ** F(1, 2)), ("F(1,2)**F(-2)", lambda: F(1, 2) ** F(-2)),
                 ("2**F(-2)", lambda: 2 ** F(-2)), ("2.0**F(1,2)", lambda: 2.0 ** F(1, 2)),
                 ("F(0)**-1", lambda: F(0) ** -1), ("divmod(F(-7,2), 2)", lambda: divmod(F(-7, 2), 2)),
                 ("divmod 1.5", lambda: divmod(F(7, 2), 1.5)), ("-7 % F(2,3)", lambda: -7 % F(2, 3))]:
    show(name, fn)

# comparisons and hashing
print(F(1, 2) == 0.5, F(1, 2) == F(2, 4), F(2) == 2, 2 == F(2), F(1, 3) == 1 / 3, F(1, 2) != 0.5)
print(F(1, 2) < F(2, 3), F(1, 2) <= 0.5, F(1, 2) > 0, 1 > F(1, 2), 0.4 < F(1, 2), F(1, 2) >= True)
print(F(1, 2) < float("inf"), F(1, 2) > float("-inf"), F(1, 2) < float("nan"),
      F(1, 2) == float("nan"), F(1, 2) == float("inf"))
show("F < str", lambda: F(1, 2) < "a")
print(F(1, 2) == "a", F(1, 2) == None)
for x in [F(1, 2), F(-1, 2), F(1, 3), F(-7, 3), F(5), F(-1), F(0), F(10 ** 30, 7), F(1, 2 ** 61 - 1)]:
    print(repr(x), hash(x))
print(hash(F(1, 2)) == hash(0.5), hash(F(5)) == hash(5), hash(F(-1)) == hash(-1),
      hash(F(3, 8)) == hash(0.375), hash(F(10 ** 20)) == hash(10 ** 20))
d = {F(1, 2): "half", 2: "two"}
print(d[0.5], d[F(2)], F(1, 2) in {0.5}, len({F(1, 2), 0.5, F(2, 4)}))
print(bool(F(0)), bool(F(1, 9)), sorted([F(1, 2), 0.25, 1, F(-1, 3)]))

# conversions and rounding
for x in [F(7, 2), F(-7, 2), F(5, 2), F(-5, 2), F(1, 3), F(-1, 3), F(0)]:
    print(repr(x), int(x), math.trunc(x), math.floor(x), math.ceil(x), round(x), float(x))
print(round(F(22, 7), 2), round(F(1234, 1), -2), round(F(-1, 3), 1), round(F(25, 1000), 2))
print(F(10 ** 40 + 1, 3 * 10 ** 39), float(F(10 ** 400, 3 * 10 ** 399)), float(F(-1, 7 ** 50)))

# limit_denominator
pi = F("3.141592653589793")
for m in [1, 2, 10, 100, 1000, 10 ** 6]:
    print(m, pi.limit_denominator(m))
print(F(4321, 8765).limit_denominator(10000), F(-15, 7).limit_denominator(2), F(1, 3).limit_denominator())
show("limit 0", lambda: pi.limit_denominator(0))

# the numeric tower
print(isinstance(F(1, 2), numbers.Rational), isinstance(F(1, 2), numbers.Number),
      isinstance(F(1, 2), numbers.Integral), issubclass(F, numbers.Real))
print(isinstance(5, numbers.Rational), isinstance(True, numbers.Integral), isinstance(1.5, numbers.Real),
      isinstance(1.5, numbers.Rational), isinstance("1", numbers.Number))


# subclasses
class MyF(F):
    def double(self):
        return self * 2


m = MyF(3, 4)
print(type(m).__name__, repr(m), m.double(), type(m.double()).__name__, type(+m).__name__,
      type(m + 1).__name__, MyF.from_float(0.5), type(MyF.from_float(0.5)).__name__)

# copying
import copy
x = F(2, 3)
print(copy.copy(x) is x, copy.deepcopy(x) is x, copy.copy(m) is m, copy.copy(m) == m,
      x.__reduce__())
show("F.attr", lambda: setattr(x, "foo", 1))

# a sum of many fractions stays exact
s = sum(F(1, n * (n + 1)) for n in range(1, 200))
print(s, s == 1 - F(1, 200))
