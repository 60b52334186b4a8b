# fractions.Fraction corners: limit_denominator ties, rounding ties, ceil/floor
# of negatives, pow/rpow forms, equality with complex and floats, copies of
# subclass instances, hash of large denominators. (No complex: atoll has none.)
import copy
import math
from fractions import Fraction as F


class Sub(F):
    pass


def show(label, fn):
    try:
        r = fn()
        print(label, type(r).__name__, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)


for x, m in [(F(1, 4), 2), (F(3, 4), 2), (F(5, 12), 5), (F(-5, 12), 5), (F(7, 10), 3),
             (F(355, 113), 100), (F(-355, 113), 7), (F(1, 1000), 1), (F(999, 1000), 1),
             (F(123456789, 1000000007), 1000)]:
    print("limit", x, m, x.limit_denominator(m))
show("limit sub", lambda: Sub(3, 7).limit_denominator(10))
show("limit -1", lambda: F(1, 3).limit_denominator(-1))
for x in [F(1, 2), F(3, 2), F(5, 2), F(-1, 2), F(-3, 2), F(-5, 2), F(7, 3), F(-7, 3), F(0), F(-4)]:
    print("round", x, round(x), math.floor(x), math.ceil(x), int(x), math.trunc(x))
for x, nd in [(F(1, 8), 2), (F(-1, 8), 2), (F(15, 1), -1), (F(25, 1), -1), (F(35, 1), -1),
              (F(1, 3), 0), (F(-2, 3), 0), (F(12345, 1), -2)]:
    show("round %s %d" % (x, nd), lambda: round(x, nd))
for a, b in [(F(2, 3), 3), (F(-2, 3), -3), (F(-2, 3), -2), (F(0), 0), (F(5), F(-1)),
             (F(4, 9), F(1, 2)), (F(8), F(1, 3)), (F(2), 2.0)]:
    show("%r ** %r" % (a, b), lambda: a ** b)
for a, b in [(2, F(3)), (2, F(-3)), (-2, F(-3)), (2.0, F(-3)), (4, F(1, 2)), (2.5, F(2)),
             (True, F(-1)), (F(3), Sub(2))]:
    show("%r ** %r" % (a, b), lambda: a ** b)
print(F(3) == True, F(1, 2) == 0.5, F(1, 3) == 1 / 3)
print(F(1, 2) == float("-inf"), F(1, 2) != float("nan"), F(0) == -0.0)
print(F(1, 3) < 0.34, F(1, 3) > float("-inf"), F(-1) >= float("-inf"), F(1, 3) <= float("nan"))
for x in [Sub(3, 4), F(3, 4)]:
    c, d = copy.copy(x), copy.deepcopy(x)
    print(type(c).__name__, c, c is x, type(d).__name__, d is x, x.__reduce__())
print(repr(Sub(6, 8)), str(Sub(6, 8)), repr(+Sub(6, 8)), repr(-Sub(1)), repr(abs(Sub(-1, 2))))
for den in [2 ** 61 - 1, 3 * (2 ** 61 - 1), 2 ** 64, 10 ** 30]:
    print("hash", hash(F(1, den)), hash(F(-7, den)), hash(F(den, 3)))
print(hash(F(-1)), hash(F(-2)), hash(F(1, 2)) == hash(0.5), hash(F(-1, 2)) == hash(-0.5))
show("F(F(1,2), F(3,4))", lambda: F(F(1, 2), F(3, 4)))
show("F(Sub(1,2))", lambda: F(Sub(1, 2)))
show("F(3, -6)", lambda: F(3, -6))
show("F(-0.0)", lambda: F(-0.0))
show("F('  -12.5e-1 ')", lambda: F("  -12.5e-1 "))
show("F('1/-2')", lambda: F("1/-2"))
show("F(1.5, 1)", lambda: F(1.5, 1))
show("from_float(True)", lambda: F.from_float(True))
show("from_float(str)", lambda: F.from_float("1.5"))
show("Sub.from_float(0.25)", lambda: Sub.from_float(0.25))
show("from_decimal(2.5)", lambda: F.from_decimal(2.5))
show("F(7, 3) divmod -2", lambda: divmod(F(7, 3), -2))
show("-5 // F(2, 3)", lambda: -5 // F(2, 3))
print(F(5, 3).as_integer_ratio(), bool(F(0, 5)), bool(F(-1, 5)), F(3, 6) + Sub(1, 2))
