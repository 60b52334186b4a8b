# struct: sizes and alignment per byte order, packing ranges with CPython's
# messages per table, floats (e/f/d), s/p/x/?/c, unpack_from/pack_into offsets, iter_unpack, Struct.
import struct
def t(label, f):
    try: r = f(); print(label, "->", repr(r))
    except Exception as e: print(label, type(e).__name__, "|", e)
t("types", lambda: (struct.Struct, struct.error, struct.error.__mro__, struct.pack))
for fmt in ["b","B","h","H","i","I","l","L","q","Q","n","N","e","f","d","?","c","x","s","p","P"]:
    for bo in "@=<>!":
        t("calcsize %s%s" % (bo, fmt), lambda: struct.calcsize(bo+fmt))
t("align", lambda: [struct.calcsize(f) for f in ["bi", "ib", "bq", "bhi", "=bi", "b0i", "3s2h", "c d", "@bxq"]])
for fmt, v in [("b", 128), ("b", -129), ("B", -1), ("B", 256), ("h", 40000), ("H", -1), ("i", 2**31), ("I", -1), ("l", 2**63), ("L", -1), ("q", 2**63), ("Q", -1), ("n", 2**63), ("N", -1),
               ("<b", 128), ("<h", 2**15), ("<H", 2**16), ("<i", 2**31), ("<I", 2**32), ("<l", 2**31), ("<L", 2**32), ("<q", 2**63), ("<Q", 2**64), ("<Q", -1), ("b", 1.5), ("b", "x"), ("f", "x"), ("f", 1e300), ("e", 1e10), ("d", 10**400), ("c", b"ab"), ("c", "a"), ("s", "a"), ("?", []), ("i", True), ("e", 65504.0), ("e", 65520.0)]:
    t("pack %s %r" % (fmt, v), lambda: struct.pack(fmt, v))
t("pack count", lambda: struct.pack("ii", 1))
t("pack count2", lambda: struct.pack("i", 1, 2))
t("bad char", lambda: struct.calcsize("z"))
t("bad rep", lambda: struct.calcsize("3"))
t("bad rep2", lambda: struct.calcsize("<3"))
t("nat only", lambda: struct.calcsize("<n"))
t("unpack", lambda: struct.unpack("<i", b"abc"))
t("unpack ok", lambda: struct.unpack("<hHiIqQ?cd", struct.pack("<hHiIqQ?cd", -2, 3, -4, 5, -6, 7, True, b"z", 1.5)))
t("unpack_from", lambda: struct.unpack_from("<i", b"ab", 0))
t("unpack_from off", lambda: struct.unpack_from("<h", b"abcdef", 3))
t("unpack_from off2", lambda: struct.unpack_from("<i", b"abcdef", 3))
t("unpack_from neg", lambda: struct.unpack_from("<h", b"abcdef", -2))
t("unpack_from neg2", lambda: struct.unpack_from("<h", b"abcdef", -7))
t("unpack_from kw", lambda: struct.unpack_from("<h", buffer=b"abcdef", offset=2))
ba = bytearray(8)
t("pack_into", lambda: (struct.pack_into("<hh", ba, 2, 1, -1), ba))
t("pack_into small", lambda: struct.pack_into("<q", bytearray(4), 0, 1))
t("pack_into off", lambda: struct.pack_into("<i", bytearray(6), 4, 1))
t("pack_into neg", lambda: (struct.pack_into("<h", ba, -2, 5), ba))
t("pack_into neg2", lambda: struct.pack_into("<h", ba, -9, 5))
t("pack_into bytes", lambda: struct.pack_into("<h", b"abcd", 0, 5))
t("iter_unpack", lambda: list(struct.iter_unpack("<h", b"abcdef")))
t("iter_unpack bad", lambda: struct.iter_unpack("<h", b"abc"))
t("iter_unpack zero", lambda: struct.iter_unpack("", b""))
it = struct.iter_unpack("<h", b"abcd")
t("iter type", lambda: (type(it), it.__length_hint__()))
S = struct.Struct("<2h?")
t("Struct", lambda: (S.format, S.size, S.pack(1, 2, 0), S.unpack(b"\x01\x00\x02\x00\x01")))
t("Struct bytes fmt", lambda: struct.Struct(b"<i").format)
t("Struct bad", lambda: struct.Struct(5))
t("s", lambda: (struct.pack("3s", b"ab"), struct.pack("3s", b"abcd"), struct.pack("0s", b"x"), struct.unpack("3s", b"abc")))
t("p", lambda: (struct.pack("4p", b"ab"), struct.pack("4p", b"abcdef"), struct.unpack("4p", b"\x02abc"), struct.pack("p", b"x"), struct.pack("300p", b"a"*300)[:2]))
t("x", lambda: (struct.pack("2x"), struct.pack("bxb", 1, 2), struct.unpack("bxb", b"\x01\x00\x02")))
t("floats", lambda: (struct.pack("<f", 1.1), struct.unpack("<f", struct.pack("<f", 1.1)), struct.pack(">d", -0.0), struct.pack("<e", 1.5), struct.unpack("<e", b"\x00\x7c"), struct.unpack("<e", b"\x01\x00")))
t("nan", lambda: (struct.pack("<e", float("nan")), struct.pack("<f", float("inf")), struct.pack("<d", float("nan"))))
t("bool", lambda: (struct.pack("?", 5), struct.unpack("?", b"\x05"), struct.pack("3?", 0, 1, "")))
t("index", lambda: struct.pack("i", type("I", (), {"__index__": lambda s: 7})()))
t("big", lambda: struct.pack(">QQ", 2**64-1, 0))
t("ws", lambda: struct.calcsize(" < i  h "))
t("unpack str", lambda: struct.unpack("<h", "ab"))
t("unpack ba", lambda: struct.unpack("<h", bytearray(b"ab")))
t("cache", lambda: struct._clearcache())
t("pack no args", lambda: struct.pack())
t("pack kw", lambda: struct.pack("i", x=1))
t("calcsize int", lambda: struct.calcsize(5))
t("unpack args", lambda: struct.unpack("i"))
t("e range", lambda: [struct.unpack("<e", struct.pack("<e", x))[0] for x in (0.1, 1/3, 65504, 6e-8, -2.5)])
vals = [-2**64-1, -2**63-1, -2**63, -2**32, -2**31-1, -2**31, -1, 2**31, 2**32, 2**63, 2**64, 2**65]
for bo in "@<>":
    for c in "bBhHiIlLqQnNP":
        if bo != "@" and c in "nNP": continue
        row = []
        for v in vals:
            try:
                struct.pack(bo + c, v); row.append("ok")
            except Exception as e:
                row.append(str(e))
        print(bo + c, row)
t("f std", lambda: struct.pack("<f", 1e300))
t("f std inf", lambda: struct.pack("<f", float("inf")))
t("f std -big", lambda: struct.pack(">f", -3.5e38))
t("f std edge", lambda: struct.pack("<f", 3.4028235e38))
t("f nat", lambda: struct.pack("f", -1e300))
t("d big int", lambda: struct.pack("d", 2**1024))
t("d int", lambda: struct.pack("<d", 3))
t("f index obj", lambda: struct.pack("<d", type("F", (), {"__float__": lambda s: 2.5})()))
t("i float obj", lambda: struct.pack("<i", type("F", (), {"__float__": lambda s: 2.5})()))
t("i int obj", lambda: struct.pack("<i", type("F", (), {"__int__": lambda s: 2})()))
t("? err", lambda: struct.pack("?", type("B", (), {"__bool__": lambda s: 1/0})()))
