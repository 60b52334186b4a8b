# float semantics: repr, arithmetic, rounding, conversion, special values
vals = [0.1, 0.2, 0.1 + 0.2, 1/3, 2/3, 1e16, 1e15, 123456789.123, 1.5e-5, 1e-4, 0.0001, 1e22, 1e-7, 5e-324, 1.7976931348623157e308, -0.0, 100.0, 1e100, 2.5, 3.14159, 1234567890123456789.0]
for v in vals:
    print(repr(v), str(v), v.is_integer(), hash(v) if v == v else "nan")
inf, nan = float("inf"), float("nan")
print(inf, -inf, nan, inf + 1, inf - inf, inf * 0, -inf < 0 < inf, nan == nan, nan != nan, nan < 1, inf == inf)
print(float("  1.5 "), float("-inf"), float("+Infinity"), float("nan"), float("1e3"), float("1_000.5"), float(".5"), float("5."), float(True), float(10**20))
for bad in ["", "abc", "1.5.5", "1__0", "_1", "infx", "1e", "--1"]:
    try:
        float(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    float(None)
except TypeError as e:
    print("TypeError", e)
try:
    float(10**400)
except OverflowError as e:
    print("OverflowError", e)
for a in [7.5, -7.5, 0.0, 1e300]:
    for b in [2.0, -2.0, 0.5, 3]:
        print(a, b, a / b, a // b, a % b, divmod(a, b), a ** 2 if abs(a) < 1e100 else "big")
for z in [lambda: 1.0 / 0, lambda: 1.0 // 0.0, lambda: 1.0 % 0.0, lambda: divmod(1.0, 0.0), lambda: 0.0 ** -1, lambda: 10.0 ** 400]:
    try:
        print(z())
    except (ZeroDivisionError, OverflowError) as e:
        print(type(e).__name__, e)
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5), round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2))
print(round(123.456, -1), round(123.456, -2), round(1e20, 2), round(-0.5), round(5.55, 1), round(0.1 + 0.2, 10), round(2.5, 0), round(1234.5678, 3))
print(round(inf, 2), round(nan, 1))
for bad in [inf, nan]:
    try:
        round(bad)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(int(2.9), int(-2.9), int(1e18), int(1.5e19), int(-1e25))
print((0.5).as_integer_ratio(), (0.1).as_integer_ratio(), (-2.75).as_integer_ratio(), (3.0).as_integer_ratio())
print((1.0).hex(), (0.1).hex(), (-2.5).hex(), (0.0).hex(), float.fromhex("0x1.8p1"), float.fromhex("-0x1p-2"), (5e-324).hex())
print(1.5.real, 1.5.imag, (2.5).conjugate(), abs(-2.5), -(-0.0), +1.5)
print(1.1 * 3, 0.1 * 3, 1 - 0.9, 2 ** 0.5, 10 ** -2, 9 ** 0.5, (-8) ** 2.0, 1e308 * 10, -1e308 * 10)
print(format(3.14159, ".2f"), format(3.14159, "e"), format(3.14159, ".3e"), format(1234.5, ","), format(1234.5, "_.1f"), format(0.5, "%"), format(0.125, ".1%"))
print(format(1e-7, "g"), format(123456789.0, "g"), format(1.0, "g"), format(1.5, "#g"), format(100.0, ".2g"), format(1e16, ""), format(12.0, ".0f"), format(2.5, ".0f"), format(3.5, ".0f"))
print(format(-1.5, "+.1f"), format(1.5, " .1f"), format(1.5, "010.3f"), format(-1.5, "010.3f"), format(1.5, "^10"), format(inf, "f"), format(nan, "E"), format(-inf, "10.2f"))
print(f"{1/3:.5}", f"{2.0:.3}", f"{1e100:.3}", f"{123.456:10.2f}|", f"{0.0001234:.2e}", f"{1234567.0:,.2f}")
print(str(1e16), str(1.0e-5), str(-1e-5), 1e16 == 10**16, 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
print(max(1.5, 2), min(-0.0, 0.0), sum([0.1] * 10), sorted([3.5, -1, 2, float("inf"), -inf]))
print(float.__add__(1.5, 2.5), (1.5).__radd__(1), (2.0).__rpow__(3), 7.0 // 2, -7.0 // 2, 7 % -3.0, -7 % 3.0)
