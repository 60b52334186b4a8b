# string and bytes literals: escapes, raw strings, named characters, concatenation, numeric literals
print("\a\b\f\v" == "\x07\x08\x0c\x0b", "\0" == "\x00", "\101\102" == "AB", "\u00e9" == "é", "\U0001F600" == "😀")
print("\N{LATIN SMALL LETTER E WITH ACUTE}", "\N{GREEK SMALL LETTER ALPHA}\N{EM DASH}\N{SNOWMAN}", len("\N{GRINNING FACE}"))
print(r"\n\t\\", len(r"\n"), rb"\x00", br"\d", R"raw", Rb"x", "a" "b" 'c' """d""", "con" f"{1+1}" "cat")
print(b"\x41\102\n\\", b"\u00e9", len(b"\u00e9"), "\q" if False else "unknown escape kept")
print("""multi
line""", '''single
quotes''', "line\
continuation")
print(0x1F, 0o17, 0b101, 1_000_000, 0x_ff, 1e3, 1E-3, 1_0.5_0, .5, 5., 0e0, 00, 0_0)
print(10 ** 30, -2 ** 2, (-2) ** 2, 2 ** -1, 2 ** 3 ** 2, 7 // 2, -7 // 2, 7 % -3, 1_000.000_1)
print("complex skipped", 0xdeadbeef, 0O777, 0B1111)
for src in ['"\\N{NOT A REAL NAME}"', '"\\x4"', '"\\u12"', 'b"é"', '"\\U0011ffff"', "0777", "1__0", "0b2", "0o8", "0x", "1e", "1_", '"abc', "'''abc", "f'{}'", "f'{!r}'", "f'{a!x}'", "f'}'", "f'{'", "u'x'", "ub'x'", "rf'{1}'", "bf'x'"]:
    try:
        v = eval(src)
        print(repr(src), "->", repr(v))
    except SyntaxError as e:
        print(repr(src), "SyntaxError", e.msg)
print(u"unicode prefix", rf"{1 + 1}\n", fr"\t{'x'}", f"{'nested'!r:>10}", f"{3.14159:{'.'}{3}}", f"{{literal}}", f"{'a' 'b'}")
x = 42
print(f"{x=}", f"{x = }", f"{x=:>5}", f"{x=!r}", f"{x * 2 = }", f"{'s'=}")
print(f"{x:#x}", f"{x:08.3f}", f"{-x:+}", f"{x:^9}|", f"{x:*<6}", f"{x:,}", f"{1234567.891:,.2f}", f"{0.5:%}", f"{0.5:.0%}")
print(f"{'multi' + chr(10) + 'line'!r}", f"""{
    x
    + 1
}""", f"{x!s:.1}", f"{[1, 2][0]}", f"{ {'k': 'v'}['k'] }", f"{(lambda: 'lam')()}")
width, prec = 10, 3
print(f"{3.14159265:{width}.{prec}f}|", f"{'left':<{width}}|", f"{x:{'>'}{width}}")
print("%s %d %5.2f %-4s| %04d %x %o %e %%" % ("s", 42, 3.14159, "ab", 7, 255, 8, 1234.5))
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30}, "%c%c" % (72, "i"), "%r" % "q", "%.3s" % "abcdef", "%*d|" % (5, 42))
print("{} {} {}".format(1, "a", None), "{0}{1}{0}".format("x", "y"), "{name}-{0}".format(5, name="n"), "{:>6}".format("r"), "{0[1]} {1.real}".format([1, 2], 3))
print("{!r:^10}".format("c"), "{:{}}".format("nest", 6) + "|", "{{}}".format(), "{0:{1}.{2}f}".format(2.71828, 8, 2))
for src in ["f'{:x}'", "f'{=}'", "f'{ }'", "f'{!}'", "f'{a!}'", "f'{a!r'", "f'{a:{'", "f'{a:}}'", "'\\N'", "'\\Nabc'", "'\\N{'", "'\\U1234'", "'\\x'", "b'\\x4'", "'é\\x4'", "'ab' '\\x4'", "0x1g", "0b12", "0o19", "1.5e+", "1.5j_", "0_7", "00_7", "0xg", "1a", "1.2.3"]:
    try:
        eval(src)
        print(repr(src), "ok")
    except SyntaxError as e:
        print(repr(src), "SyntaxError", e.msg)
