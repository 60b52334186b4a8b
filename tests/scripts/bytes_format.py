# bytes and bytearray: %-formatting, methods, mutation, conversions and errors
def err(f, *a, **k):
    try:
        print("ok", repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

print(b"%d-%s-%r-%x-%c-%c" % (5, b"bytes", b"r", 255, 65, b"B"))
print(b"%5d|%-5d|%05.1f|%e|%g" % (42, 42, 3.14159, 1234.5, 0.00001))
print(b"%(a)s and %(b)d" % {b"a": b"A", b"b": 2})
print(b"%s" % bytearray(b"ba"), b"%a" % "é", b"%%", b"%b" % b"alias", b"%i" % 3)
err(lambda: b"%s" % "str")
err(lambda: b"%d" % "x")
err(lambda: b"%s %s" % (b"1",))
err(lambda: b"%s" % (b"1", b"2"))
err(lambda: b"%c" % 300)
err(lambda: b"%c" % b"ab")
err(lambda: b"%y" % 1)
class HasBytes:
    def __bytes__(self): return b"custom"
print(b"%s" % HasBytes(), bytes(HasBytes()))
ba = bytearray(b"%d")
print(ba % 7, type(ba % 7).__name__)

# construction
print(bytes(3), bytes([65, 66]), bytes(b"x"), bytes("héllo", "utf-8"), bytes("abc", encoding="ascii"), bytes())
err(bytes, "str")
err(bytes, [256])
err(bytes, [-1])
err(bytes, -1)
err(bytes, 1.5)
err(bytes, "x", "no-such-codec")
print(bytearray(2), bytearray([1, 2]), bytearray("ab", "ascii"), bytearray(b"xyz"), bytearray(range(3)))
print(bytes.fromhex("de ad BE EF"), bytearray.fromhex("00ff"), b"\x00\xffab".hex(), b"abc".hex(":"), b"abcdef".hex("-", 2), b"".hex())
err(bytes.fromhex, "abc")
err(bytes.fromhex, "zz")

# indexing and slicing give ints and bytes
b = b"hello world"
print(b[0], b[-1], b[1:4], b[::-1], b[::2], list(b[:3]), b[100:], 104 in b, b"wor" in b, b"" in b)
err(lambda: b[20])
err(lambda: "h" in b)
err(lambda: 300 in b)

# methods
print(b.upper(), b.title(), b.capitalize(), b.swapcase(), b.split(), b.split(b"o"), b.rsplit(b" ", 1), b.partition(b" "), b.rpartition(b"o"))
print(b.find(b"o"), b.rfind(b"o"), b.index(b"w"), b.count(b"l"), b.count(108), b.find(111), b.startswith((b"x", b"he")), b.endswith(b"ld"))
print(b.replace(b"l", b"L", 2), b.strip(b"hd"), b"  x  ".strip(), b"xxaxx".lstrip(b"x"), b.center(15, b"*"), b.ljust(13, b"."), b.zfill(13))
print(b"a,b,,c".split(b","), b"line1\nline2\r\n".splitlines(), b"line1\nline2\r\n".splitlines(True), b"-".join([b"a", bytearray(b"b")]))
print(b"abc".isalpha(), b"123".isdigit(), b"a1".isalnum(), b" \t".isspace(), b"ABC".isupper(), b"abc".islower(), b"Ab Cd".istitle(), b"".isalpha())
print(b"tab\there".expandtabs(4), b"abc".removeprefix(b"a"), b"abc".removesuffix(b"c"), b"abc".translate(None, b"b"))
print(b"hello".translate(bytes.maketrans(b"el", b"ip")), bytes.maketrans(b"a", b"b")[97])
err(b"a".join, [b"x", "y"])
err(b.split, "o")
err(b.replace, "l", "L")
err(b.index, b"zz")
err(b.center, 20, b"ab")
# decode/encode
print(b"caf\xc3\xa9".decode(), b"caf\xc3\xa9".decode("utf-8"), b"abc".decode("ascii"), b"\xe9".decode("latin-1"), "é".encode("latin-1"), "€".encode())
err(b"\xff".decode)
err(b"\xff".decode, "ascii")
print(b"\xff".decode("utf-8", "replace"), b"a\xffb".decode("ascii", "ignore"), "é".encode("ascii", "replace"), "é".encode("ascii", "ignore"), "é".encode("ascii", "xmlcharrefreplace"), "é\x00".encode("ascii", "backslashreplace"))
err("é".encode, "ascii")


# bytearray mutation
a = bytearray(b"abc")
a[0] = 65
a[1:2] = b"XYZ"
a += b"!"
a.append(33)
a.extend([63, 63])
a.insert(0, 62)
print(a, len(a), a.pop(), a.pop(0), a)
a.remove(33)
del a[0]
del a[::2]
print(a, a * 2, 2 * a, a.reverse() or a, a.copy(), a == bytearray(a), a is not a.copy())
a.clear()
print(a, bool(a))
err(a.pop)
err(a.remove, 1)
err(a.append, 256)
err(a.append, "a")
a = bytearray(b"abcdef")
a[::2] = b"XYZ"
print(a)
err(a.__setitem__, slice(None, None, 2), b"12")
err(a.__setitem__, 0, b"x")
err(lambda: b"abc" + "d")
err(lambda: b"abc"[0].__setitem__)
try:
    b"abc"[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
print(b"ab" * 3, 3 * b"ab", b"ab" * 0, b"a" < b"b", b"a" + bytearray(b"b"), bytearray(b"a") + b"b", type(bytearray(b"a") + b"b").__name__)
print(hash(b"abc") == hash(b"abc"), {b"k": 1}[b"k"])
err(hash, bytearray(b"a"))
print(repr(b"\x00\x7f\x80'\"\\"), repr(bytearray(b"it's")), str(b"x"), ascii(b"y"))
print(list(memoryview(b"ab")) if False else "", int.from_bytes(b"\x01\x00", "little"), b"%s" % memoryview(b"mv") if False else "")
