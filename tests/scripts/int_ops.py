# int semantics: floor division/modulo signs, pow, divmod, bit operations, big ints
vals = [7, -7, 0, 1, -1, 3, -3, 2**62, -(2**62), 2**64 + 5, -(2**70) - 3]
for a in vals:
    for b in [3, -3, 2, -2, 7, 2**65 + 1, -(2**65)]:
        print(a, b, a // b, a % b, divmod(a, b), a + b, a - b, a * b)
for a in [5, -5, 0, 2**80]:
    for b in [0, 1, 2, 3, 10, 63, 64, 100]:
        print(a, b, a ** b if b < 70 else len(str(a ** b)), a << b, a >> b)
print(2 ** -1, 2 ** -3, (-2) ** -1, 10 ** 20, (-3) ** 3, 0 ** 0, (-1) ** 1001)
for a, b, m in [(2, 10, 1000), (3, 200, 13), (-2, 5, 7), (2, -1, 7), (5, 3, -7), (0, 0, 5), (2**100, 2**50, 10**9 + 7), (4, -2, 9)]:
    print(a, b, m, pow(a, b, m))
for bad in [(2, -1, 4), (2, 3, 0), (2.0, 3, 4)]:
    try:
        print(pow(*bad))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(~5, ~-1, ~0, ~(2**70), -~5, 6 & 3, 6 | 3, 6 ^ 3, -6 & 3, -6 | 3, -6 ^ 3, (2**70) & -1, -(2**70) | 5)
print((2**70) ^ (2**69), -(2**70) >> 3, -(2**70) >> 100, -1 >> 5, 1 << 100, -5 >> 1, -5 // 2)
for z in [lambda: 1 // 0, lambda: 1 % 0, lambda: divmod(1, 0), lambda: 1 / 0, lambda: 0 ** -1, lambda: 1 << -1, lambda: 1 >> -1, lambda: (2**70) // 0, lambda: (2**70) % 0]:
    try:
        z()
    except (ZeroDivisionError, ValueError) as e:
        print(type(e).__name__, e)
print(7 / 2, -7 / 2, 1 / 3, 10 ** 30 / 10 ** 10, (2 ** 70 + 1) / 2, 2**1000 // 3**500)
try:
    print(2 ** 2000 / 1)
except OverflowError as e:
    print("OverflowError", e)
print((10**40 + 1) / 10**20, 123456789012345678901234567890 / 3, -(2**64) / 7)
print(abs(-5), abs(-(2**70)), abs(True), int(True) + True, True + 1.5, True * 3, -True)
print((5).bit_length(), (-5).bit_length(), (0).bit_length(), (2**100).bit_length(), (255).bit_count(), (-255).bit_count())
print((10).to_bytes(2, "big"), (10).to_bytes(2, "little"), (-1).to_bytes(2, "big", signed=True), (1000).to_bytes(4, byteorder="big"))
print(int.from_bytes(b"\x00\x10", "big"), int.from_bytes(b"\x00\x10", "little"), int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes([1, 2], "big"))
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError", e)
try:
    (-1).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError", e)
print((7).as_integer_ratio(), (-3).conjugate(), (5).real, (5).imag, (5).numerator, (5).denominator)
print(10 == 10.0, 10 == 10.5, 2**53 + 1 == float(2**53 + 1), 2**53 < 2**53 + 1.0, 1 < 1.5 < 2, -0 == 0)
print(hash(1), hash(-1), hash(-2), hash(2**61 - 1), hash(2**61), hash(2**100), hash(-(2**100)), hash(1.0), hash(0.5), hash(True))
print(round(5), round(15, -1), round(25, -1), round(-25, -1), round(12345, -2), round(150, -2), round(250, -2), round(7, 2))
print(int("42"), int("-17"), int("  12  "), int("1_000"), int("ff", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0), int("z", 36), int("10", 2))
for bad in ["", "abc", "1__0", "_1", "1_", "0x", "1.5", "١٢٣", "0b2"]:
    try:
        print(int(bad))
    except ValueError as e:
        print("ValueError", e)
try:
    int("12", 1)
except ValueError as e:
    print("ValueError", e)
print(int(3.9), int(-3.9), int(1e20), int("٣"), int(b"12"), int(bytearray(b"34")))
print(bin(10), oct(10), hex(255), bin(-10), hex(-255), hex(2**70), oct(0), bin(0))
print(format(255, "x"), format(255, "#X"), format(1234567, ","), format(1234567, "_"), format(255, "b"), format(-42, "+d"), format(42, " d"), format(42, "08d"), format(42, "^8"), format(42, "*<6"))
print(format(10**20, ","), format(0b1111_0000, "_b"), format(5, "c"), f"{3:=+6}", f"{255:#010x}")
print(int.__add__(3, 4), (3).__add__(4.5), (3).__radd__(4), int.__neg__(5), (5).__mul__(2))
print(isinstance(True, int), issubclass(bool, int), type(True + True), True & False, True | False, True ^ True, ~True)
print(sum(range(101)), sum([2**64, 2**64]), max(3, 2**70, -5), min([5, 2, 8]))
print(1_000_000, 0x_ff, 0o_17, 0b_1010, 1000000000000000000000 * 1000000000000000000000)
