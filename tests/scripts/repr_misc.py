# repr/str/ascii/format of built-in values: quoting, escapes, recursion, nesting, special floats
print(repr("plain"), repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\tnl\ncr\rbs\\"), repr("\x00\x1f\x7f\x80\xa0\xad"))
print(repr("é ü ß 中文 😀"), ascii("é ü ß 中文 😀"), repr("\u200b\u2028\ufeff"), repr("\U0001f600\U000e0001"), repr("\ud800" if False else "ok"))
print(str("x"), str(b"x"), str(1.0), str(-0.0), str(1e100), str(1e-7), str(123456789.123), str(0.1 + 0.2), str(2.5e-5))
print(repr(1.0), repr(10.0 ** 16), repr(1e15), repr(123e-20), repr(float("inf")), repr(-float("inf")), repr(float("nan")))
print(repr([]), repr(()), repr((1,)), repr({}), repr(set()), repr(frozenset()), repr(frozenset({1})), repr([(), [], {}]))
print(repr(None), repr(True), repr(...), repr(NotImplemented), repr(type), repr(int), repr(ValueError), repr(object()).startswith("<object object at 0x"))
l = [1]
l.append(l)
d = {"k": l}
d["self"] = d
print(l, d)
t = (l, [l])
print(t)
s = []
s.append([s, s])
print(s)
print(repr(range(0)), repr(range(5)), repr(range(1, 5)), repr(range(1, 5, 2)), repr(range(5, 1, -1)), repr(slice(1)), repr(slice(1, 2, None)), repr(slice("a", [1])))
print(repr(ValueError("x")), repr(ValueError("x", 1)), repr(ValueError()), repr(KeyError("k")), str(KeyError("k")), str(KeyError()), str(KeyError(1, 2)))
print(repr(Exception("a\nb")), str(Exception("a\nb")), repr(OSError(2, "x")), str(OSError(2, "x")), str(OSError(2, "x", "f")), repr(StopIteration(3)))
class R:
    def __repr__(self): return "R()"
class S:
    def __str__(self): return "S-str"
class Both:
    def __repr__(self): return "Both-repr"
    def __str__(self): return "Both-str"
print(R(), str(R()), [R()], S(), [S()][0].__class__.__name__, Both(), [Both()], f"{Both()}", f"{Both()!r}", "%s %r" % (Both(), Both()))
print(format(Both()), format(Both(), ""), "{}".format(Both()), "{!r}".format(Both()), "{0!s:>12}".format(Both()))
class BadRepr:
    def __repr__(self): return 5
try:
    repr(BadRepr())
except TypeError as e:
    print(type(e).__name__, e)
class BadStr:
    def __str__(self): return None
try:
    str(BadStr())
except TypeError as e:
    print(type(e).__name__, e)
class StrSub(str):
    def __repr__(self): return "StrSub!"
print(repr(StrSub("v")), str(StrSub("v")), [StrSub("v")], StrSub("v") + "w", type(StrSub("v") + "w").__name__)
class IntSub(int):
    pass
class FloatSub(float):
    pass
class ListSub(list):
    pass
class DictSub(dict):
    pass
print(repr(IntSub(5)), repr(FloatSub(1.5)), repr(ListSub([1])), repr(DictSub(a=1)), str(IntSub(7)), f"{IntSub(8)}", f"{FloatSub(2.5):.2f}")
print(ascii([1, "é", b"\xff"]), ascii({"ключ": "значение"}), repr(b"\x80abc\n"), repr(bytearray(b"x")))
print("%r %a %s" % ("é", "é", "é"), "{!a}".format("é"), f"{'é'!a}")
print(repr("a" * 3 + "'" + '"'), repr("'"), repr('"'), repr("''\""), repr("\\'"))
print([1.5, 2.0, -0.0, 1e22, 1e-10], (0.1,), {1.0: 2.5}, {0.5})
print(str([1, "a"]), str(("a",)), str({"a": "b"}), str({"a"}), str([None, True]))
print(repr(print), repr(len), type(repr(min)))
