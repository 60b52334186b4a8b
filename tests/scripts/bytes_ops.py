# bytes and bytearray: construction, indexing, methods, encode/decode
b = b"hello world"
print(b, b[0], b[-1], b[1:4], b[::-1], b[::2], len(b), b + b"!", b * 2, 3 * b"ab", b"" * 5)
print(list(b"abc"), b"a" in b, 104 in b, b"lo w" in b, b"xyz" in b, bytes(3), bytes([65, 66, 67]), bytes(b"x"), bytes("é", "utf-8"), bytes(range(3)))
print(b.upper(), b.lower(), b.title(), b.capitalize(), b.swapcase(), b.split(), b.split(b"o"), b.rsplit(b" ", 1), b.replace(b"l", b"L"), b.replace(b"l", b"", 1))
print(b.find(b"o"), b.rfind(b"o"), b.find(111), b.index(b"w"), b.count(b"l"), b.count(b"l", 0, 4), b.startswith(b"he"), b.endswith((b"x", b"ld")))
print(b.strip(b"hd"), b"  x  ".strip(), b"  x  ".lstrip(), b"  x  ".rstrip(), b"xxhixx".strip(b"x"), b.partition(b" "), b.rpartition(b"o"))
print(b"-".join([b"a", b"b", bytearray(b"c")]), b.center(15, b"*"), b.ljust(13), b.rjust(13, b"."), b"42".zfill(5), b"a\tb".expandtabs(4))
print(b"abc".isalpha(), b"123".isdigit(), b"a1".isalnum(), b" \t".isspace(), b"ABC".isupper(), b"abc".islower(), b"Ab Cd".istitle(), b"\x80".isascii())
print(b.hex(), b"\x00\xff".hex(), b"\x01\x02\x03".hex(":"), b"\x01\x02\x03\x04\x05".hex("-", 2), bytes.fromhex("48 65 6c"), bytes.fromhex("ff00"))
print(b"a\nb\r\nc".splitlines(), b"a\nb".splitlines(True), b"abc".removeprefix(b"a"), b"abc".removesuffix(b"c"))
print(b"abc".translate(None, b"b"), b"abc".translate(bytes.maketrans(b"abc", b"xyz")))
print(b == b"hello world", b < b"help", b"a" < b"ab", b"b" > b"abc", bytes() == b"", b"a" == bytearray(b"a"))
print(repr(b"'"), repr(b'"'), repr(b"'\""), repr(b"\x00\n\t\\"), repr(bytes(range(0x7c, 0x84))))
print(hash(b"abc") == hash(b"abc"), {b"a": 1}[b"a"], b"%s-%d-%x" % (b"ab", 5, 255), b"%c%c" % (65, b"B"), b"%5s|%-4b|" % (b"x", b"y"))
ba = bytearray(b"abc")
ba.append(100); ba.extend(b"ef"); ba.extend([103, 104]); ba.insert(0, 95); print(ba, len(ba))
ba[0] = 65; ba[1:3] = b"XY"; del ba[-1]; print(ba, ba.pop(), ba.pop(0), ba)
ba.remove(ord("c")); ba.reverse(); print(ba, ba.copy(), ba * 2, ba + b"!", bytearray(b"x") + b"y")
ba += b"++"; ba *= 2; print(ba, ba.find(b"+"), ba.upper(), type(ba.upper()).__name__)
ba.clear(); print(ba, bytearray(3), bytearray([1, 2]), bytearray("hé", "utf-8"), bytearray(b"abc")[1], bytearray(b"abc")[1:])
for bad in [lambda: b"a"[5], lambda: bytes(-1), lambda: bytes([256]), lambda: bytes("a"), lambda: b"a" + "b", lambda: bytearray(b"a").append(300), lambda: b"abc".index(b"z"), lambda: bytes.fromhex("zz"), lambda: b"a"[0:1].decode("nope")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
s = "héllo wörld ☕ \U0001f600"
for enc in ["utf-8", "latin-1", "ascii"]:
    for err in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
        try:
            print(enc, err, s.encode(enc, err))
        except UnicodeEncodeError as e:
            print("UnicodeEncodeError", e, e.start, e.end, e.reason)
data = s.encode()
print(data.decode(), data.decode("utf-8"), data.decode("latin-1"), len(data))
for bad in [b"\xff", b"abc\xe4\xb8", b"a\xe4\x00b", b"\xc3\x28", b"\xf0\x9f\x98"]:
    for err in ["strict", "ignore", "replace", "backslashreplace"]:
        try:
            print(repr(bad.decode("utf-8", err)))
        except UnicodeDecodeError as e:
            print("UnicodeDecodeError", e, e.start, e.end, e.reason)
try:
    b"\x80".decode("ascii")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
print(str(b"\xff", "latin-1"), str(b"abc", encoding="ascii"), bytes("abc", encoding="ascii"), "x".encode("UTF8"), "x".encode(encoding="latin1"))
