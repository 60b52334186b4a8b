# float construction, parsing, conversions and special values
def err(f, *a, **k):
    try:
        print("ok", repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

for s in ["1", "1.5", " -2.5e3 ", "+.5", "5.", ".5e-3", "1_000.000_1", "inf", "-Inf", "INFINITY", "nan", "-nan", "NaN",
          "1e500", "-1e500", "1e-500", "0x10", "1__0", "_1", "1_", "", " ", "abc", "1e", "e5", "1.2.3", "١٫٥", "١.٥",
          "infinit", "nanx", "+-1", "1e+5", "1E-5", "\t3.25\n", "0.1", "2.5e-324", "1.7976931348623157e308"]:
    err(float, s)
err(float, b"1.5")
err(float, bytearray(b"2"))
err(float, None)
err(float, [1])
err(float, 2**1024)
err(float, 10**400)
print(float(2**1023), float(-(2**53) - 1), float(True), float(), float(3))
class F:
    def __float__(self): return 2.5
class I:
    def __index__(self): return 7
class BadF:
    def __float__(self): return 1
err(float, F())
err(float, I())
err(float, BadF())
class MyF(float):
    pass
print(type(float(MyF(1.5))).__name__, float(MyF(1.5)), repr(MyF(2.0)))

# special values arithmetic and comparisons
inf, nan = float("inf"), float("nan")
print(inf + 1, inf - inf, inf * 0, -inf, inf > 1e308, nan == nan, nan != nan, nan < 1, inf == inf)
print(1 / inf, -1 / inf, inf / inf, 0.0 == -0.0, repr(-0.0), str(-0.0))
print(min(1.0, nan), max(nan, 1.0), sorted([3.0, 1.0, 2.0]))
err(lambda: 1.0 / 0)
err(lambda: 1.0 // 0)
err(lambda: 1.0 % 0)
err(lambda: divmod(1.0, 0))
err(lambda: 10.0 ** 400)
err(lambda: 2.0 ** 10000)

err(lambda: 0.0 ** -1)
print(inf ** 0, nan ** 0, 1.0 ** nan, (-1.0) ** inf, 0.5 ** inf, 2.0 ** -inf)
err(int, inf)
err(int, nan)
err(round, inf)
err(round, nan)
print(round(inf, 2), round(nan, 1), inf.is_integer(), (2.0).is_integer(), (2.5).is_integer())
err(inf.as_integer_ratio)
err(nan.as_integer_ratio)
print((0.5).as_integer_ratio(), (0.1).as_integer_ratio(), (-2.0).as_integer_ratio(), (1e300).as_integer_ratio()[1])

# hex round trips
for v in [0.0, -0.0, 1.0, 0.1, -2.5, 1e-310, 1.7976931348623157e308, 5e-324, inf, -inf, nan]:
    h = v.hex()
    back = float.fromhex(h)
    print(h, back == v or (back != back and v != v))
for s in ["0x1p0", "0x1.8p1", "-0X.8P-1", "0x1p-1074", "0x1p-1075", "0x1.fffffffffffffp1023", "inf", "-nan", " 0x10 ",
          "0x1.0000000000000801p0"]:
    err(float.fromhex, s)
err(float.fromhex, "0x1p1024")
err(float.fromhex, "xyz")

# float <-> int comparisons are exact
print(2**53 + 1 == float(2**53 + 1), 2**53 + 1 > float(2**53), float(2**53) == 2**53, 10**400 > inf, -10**400 < -inf)
print(1 == 1.0, hash(1) == hash(1.0), hash(0.5), hash(-1.0), hash(inf), hash(-inf), hash(2.0**100) == hash(2**100))
print(0.1 + 0.2, 0.1 + 0.2 == 0.3, 1e16 + 1, 3 * 0.1, 1 - 0.9, 100 * 1.1, 2 ** 0.5, 7 / 2, -7 / 2, 7 // -2.0, -7 % 2.0)
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7.5, -2), 5.0 % -3, -5.0 % 3, 1e308 * 10, -1e308 * 10)
print(float.__name__, (1.5).real, (1.5).imag, (1.5).conjugate(), float.fromhex("0x1p3"))
print(int(1e15), int(-1e15), int(1.9999999999999998), int(2.5e-5), int(123456789.99))
print(repr(1e22), repr(1e21), repr(1e-5), repr(1e-4), repr(123456789012345678.0), repr(0.000123), repr(1.0e16))
