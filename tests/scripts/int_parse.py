# int construction and conversion: bases, underscores, whitespace, limits, to/from bytes
def err(f, *a, **k):
    try:
        print("ok", repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

for s in ["0", "-0", "+7", "  42  ", "\t-13\n", "1_000_000", "0_0", "00", "007", "١٢٣", "1__0", "_1", "1_", "",
          " ", "1.5", "1e3", "0x10", "12a", "--1", "+-1", "٣"]:
    err(int, s)
for s, b in [("ff", 16), ("FF", 16), ("0xff", 16), ("0xff", 0), ("0o17", 0), ("0b101", 0), ("017", 0), ("0", 0),
             ("00", 0), ("z", 36), ("Z", 36), ("10", 2), ("12", 2), ("0b_1", 0), ("0x_f", 16), ("1_0", 0),
             ("-0x10", 0), ("  0X1F ", 0), ("9", 8), ("", 10), ("10", 1), ("10", 37), ("10", -1), ("0B11", 2),
             ("0o8", 0)]:
    err(int, s, b)
err(int, 10, 2)
err(int, b"12")
err(int, bytearray(b"-5"))
err(int, b"0x10", 16)
err(int, None)
err(int, [1])
err(int, 3.99)
err(int, -3.99)
err(int, float("inf"))
err(int, float("nan"))
err(int, 1e20)
err(int, True)
err(int, "12", base=10)
err(int, x=1)
print(int(), int(0.0), int(-0.0), int(2**100), int("1" * 30))

class WithInt:
    def __int__(self): return 7
class WithIndex:
    def __index__(self): return 8
class WithTrunc:
    def __trunc__(self): return 9
class BadInt:
    def __int__(self): return "x"
err(int, WithInt())
err(int, WithIndex())
err(int, WithTrunc())
err(int, BadInt())
err(int, "10", WithIndex())

# str(int) and repr for big numbers
big = 3 ** 200
print(len(str(big)), str(big)[:20], str(-big)[-10:])
print(int(str(big)) == big, int("-" + str(big)) == -big)
err(lambda: str(10 ** 5000))
err(lambda: int("1" * 5000))
print(len(hex(10 ** 5000)), int("f" * 5000, 16) > 0)

# conversions
print(hex(255), hex(-255), oct(8), oct(-8), bin(5), bin(-5), hex(0), bin(0), oct(2**70))
err(hex, 1.5)
err(bin, "1")
print(hex(WithIndex()), bin(True))
print(format(255, "x"), format(255, "#X"), format(-255, "#o"), format(10, "b"), format(10, "08b"), format(10 ** 10, ","), format(10 ** 10, "_"), format(255, "_x"))
print(format(1234567, ",d"), format(-1234, "+,"), format(5, "c"), format(65, "c"), format(1, " d"), format(42, "=+8"))

# bit-level methods
for n in [0, 1, -1, 255, -256, 2**64, -(2**64) + 1]:
    print(n, n.bit_length(), n.bit_count(), n.as_integer_ratio(), n.is_integer() if hasattr(n, "is_integer") else "-",
          n.conjugate(), n.real, n.imag, n.numerator, n.denominator)

# to_bytes / from_bytes
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (-1).to_bytes(2, "big", signed=True))
print((255).to_bytes(1, "big"), (0).to_bytes(0, "big"), (2**64).to_bytes(9, byteorder="little"))
err((256).to_bytes, 1, "big")
err((-1).to_bytes, 1, "big")
err((128).to_bytes, 1, "big", signed=True)
err((1).to_bytes, 1, "middle")
err((1).to_bytes, -1, "big")
print((5).to_bytes(), (65).to_bytes(2))
print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\x04\x00", "little"), int.from_bytes(b"\xff\xff", "big", signed=True))
print(int.from_bytes([1, 2, 3], "big"), int.from_bytes(b"", "big"), int.from_bytes(bytearray(b"\x80"), "big", signed=True))
print(int.from_bytes(b"\x01\x00"), int.from_bytes((255).to_bytes(4, "little"), "little"))
err(int.from_bytes, "abc", "big")
err(int.from_bytes, b"a", "sideways")
class MyInt(int):
    pass
m = MyInt.from_bytes(b"\x01", "big")
print(type(m).__name__, m)

# round trip of many values
import sys
vals = [0, 1, -1, 2**31, -(2**31), 2**63 - 1, -(2**63), 2**100 + 12345, sys.maxsize]
for v in vals:
    n = (v.bit_length() + 8) // 8
    assert int.from_bytes(v.to_bytes(n, "big", signed=True), "big", signed=True) == v
    assert int(hex(v), 16) == v and int(bin(v), 0) == v and int(oct(v), 8) == v
print("round trips ok")
print(int.__name__, type(5).__mro__, isinstance(True, int), int.__base__)
print(sys.get_int_max_str_digits(), sys.int_info.default_max_str_digits, sys.int_info.str_digits_check_threshold)
err(sys.set_int_max_str_digits, 100)
sys.set_int_max_str_digits(0)
print(len(str(10 ** 5000)), len(f"{10 ** 5000}"), len("%d" % 10 ** 5000))
sys.set_int_max_str_digits(700)
err(lambda: str(10 ** 700))
print(len(str(10 ** 699)))
err(lambda: "%d" % 10 ** 800)
err(lambda: format(10 ** 800, "d"))
err(int, "9" * 701)
print(int("f" * 800, 16) > 0, len(hex(10 ** 800)))
sys.set_int_max_str_digits(4300)
print(sys.get_int_max_str_digits())
