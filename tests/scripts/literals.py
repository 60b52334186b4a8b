# literals: numbers, strings, escapes, bytes, raw, implicit concatenation
print(0, -0, 0x1F, 0o17, 0b1010, 1_000_000, 0xdead_beef, 1e3, 1E-3, 1.5e+2, .5, 5., 0.0, 1_0.0_1, 123456789012345678901234567890)
print(3.14, 1e308, 1e309, -1e309, 2.2250738585072014e-308, 5e-324, 4.9e-324, 1e-325)
print("tab\there", "new\nline", "back\\slash", "quote\"s", 'single\'s', "bell\a|", "nul\0|", "\x41\x42", "\101\102", "\u00e9\u20ac", "\U0001F600", "\N{BULLET}" if False else "")
print(r"raw\n\t", R"RAW\x41", rb"raw\bytes", Rb"\x00", br"\d+")
print("implicit" " concat" ' mixed', b"by" b"tes", f"f{1}" "plain" f"{2}")
print("""triple
quoted""", '''single
triple''', """with "quotes" inside""")
print(len("\n"), len(r"\n"), len("\\n"), len(b"\xff"), len("\u00e9"), len("é"), ord("\t"), ord("\x7f"))
print(b"\x00\x7f\x80\xff", b"\n\r\t", b"\\", b"'", b'"', b"'\"")
print(repr("\x00\x01\x1f\x7f"), repr("\x80\x9f\xa0\xad\xff"), repr("\u2028\u200b\ufeff"), repr("\U0010ffff"), repr("\ud800" if False else "ok"))
print(repr("a'b"), repr('a"b'), repr("a'b\"c"), repr("\\"), repr("\r\n"))
print(True, False, None, ..., Ellipsis, NotImplemented, type(...).__name__, type(NotImplemented).__name__)
print(1 + 2 * 3 ** 2, (1 + 2) * 3, -2 ** 2, (-2) ** 2, 2 ** -1, 2 ** 3 ** 2, 10 - 3 - 2, 100 / 10 / 2, 7 // 2 * 2, 7 % 4 * 3)
print(not True or True, not (True or True), True or False and False, (True or False) and False, 1 < 2 == 2, 1 == 1 in [1], 3 & 5 | 2 ^ 7, ~3 + 1, -~3)
print(1 if 0 else 2 if 0 else 3, [1, 2][0] if [] else "empty", (lambda x: x * 2)(3) + 1, "a" "b" * 2)
print(5 .__add__(1), 5.0.__add__(1), (5).bit_length(), 1.5.is_integer(), "s".upper(), [].__class__.__name__)
print(0 == -0, 0.0 == -0.0, repr(-0.0), 1e0, 10e-1, 0x10 + 0o10 + 0b10, "skip complex")
x = 5
print(x if x > 3 else -x, x >> 1 << 1, x & 1 == 1, (x & 1) == 1, x | 2, x ^ x, -x % 3, -(x % 3))
print(int("0"), float("-0"), str(0.1 + 0.7), 0.1 + 0.7, round(0.1 + 0.7, 1), 1 / 3 * 3, 2 / 3, 10 / 3)
