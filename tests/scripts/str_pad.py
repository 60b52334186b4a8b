# str padding, stripping, replacing, misc
for w in ["", "a", "ab", "abc", "abcd"]:
    for n in [0, 3, 4, 5, 6, 7]:
        print(repr(w.center(n)), repr(w.center(n, "*")), repr(w.ljust(n, "-")), repr(w.rjust(n, ".")))
for t in ["42", "-42", "+7", "", "abc", "-", "0042"]:
    print(t.zfill(5), t.zfill(1), t.zfill(-3))
try:
    "a".center(5, "ab")
except TypeError as e:
    print("TypeError", e)
try:
    "a".ljust(5, 1)
except TypeError as e:
    print("TypeError", e)
print(repr("  xx  ".strip()), repr("  xx  ".lstrip()), repr("  xx  ".rstrip()))
print(repr("xyxxhixyy".strip("xy")), repr("xyxxhixyy".lstrip("xy")), repr("xyxxhixyy".rstrip("yx")))
print(repr("\t\n\x0b\x0c\x1c hi \r".strip()), repr("abc".strip("")), repr("abc".strip(None)))
print("aaa".replace("a", "b"), "aaa".replace("a", "b", 2), "abc".replace("", "-"), "abc".replace("", "-", 2))
print("hello".replace("l", ""), "hello".replace("xyz", "q"), "".replace("", "x"), "aaa".replace("aa", "b"))
print("a\tb\tc".expandtabs(), "a\tb\tc".expandtabs(4), "ab\tcd\n\tx".expandtabs(3), "\t".expandtabs(0))
print("TestHook".removeprefix("Test"), "TestHook".removeprefix("Hook"), "BaseTestCase".removesuffix("Case"), "x".removesuffix(""))
t = str.maketrans("abc", "xyz", "d")
print(sorted(t.items()))
print("abcdabcd".translate(t), "hello".translate({ord("l"): None, ord("h"): "J"}), "abc".translate({97: 120}))
t2 = str.maketrans({"a": "1", "b": None, 99: "3"})
print(sorted(t2.items()), "abcabc".translate(t2))
try:
    str.maketrans("ab", "c")
except ValueError as e:
    print("ValueError", e)
print("abc" * 3, 3 * "ab", "x" * 0, "x" * -1, "" * 5)
print("%s is %d years and %.2f%%" % ("Bob", 30, 99.5), "%5s|%-5s|%05d" % ("a", "b", 42))
print("%(name)s=%(val)r" % {"name": "x", "val": "y"}, "%x %X %o %#x %#o" % (255, 255, 8, 255, 8))
print("%c%c" % (65, "B"), "%e" % 12345.678, "%g" % 0.00001234, "%+d % d" % (5, 5), "%.3s" % "abcdef")
print("%r %a" % ("é", "é"), "%10.3f|" % 3.14159, "%-10d|" % 42, "%*d" % (5, 3))
print(str(), str(123), str(1.5), str([1, "a"]), str(None), str(b"ab"), str(b"ab", "utf-8"))
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\there"), repr("\x00\x7f\x80\xff"), repr("é☕\U0001f600"))
print(ascii("é☕\U0001f600x"), ascii(["é"]))
print("a" < "b", "a" < "B", "abc" < "abd", "ab" < "abc", "" < "a", "Z" < "a", "é" > "z")
print(max("hello"), min("hello"), sorted("hello"), list(reversed("abc")))
print(ord("a"), ord("é"), ord("☕"), chr(97), chr(233), chr(0x1f600))
