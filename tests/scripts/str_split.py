# str split/rsplit/splitlines/partition/join
tests = ["a b  c", "  leading and trailing  ", "", "   ", "one", "a\tb\nc\x0bd\x0ce\x1cf", "a,b,,c,", ",a,"]
for t in tests:
    print(repr(t), t.split(), t.rsplit(), t.split(None, 1), t.rsplit(None, 1))
    print(t.split(","), t.rsplit(","), t.split(",", 1), t.rsplit(",", 1), t.split(",", 0))
print("a-b-c-d".split("-", 2), "a-b-c-d".rsplit("-", 2), "a--b".split("-"))
print("abcabc".split("bc"), "abcabc".rsplit("bc", 1), "xxx".split("xx"), "xxx".rsplit("xx"))
print("a b c".split(maxsplit=1), "a b c".rsplit(maxsplit=1), "a,b,c".split(sep=","))
try:
    "a".split("")
except ValueError as e:
    print("ValueError", e)
try:
    "a".split(1)
except TypeError as e:
    print("TypeError", e)
lines = "one\ntwo\r\nthree\rfour\x0bfive\x0csix\x1cseven\x85eight\u2028nine\n\nend"
print(lines.splitlines())
print(lines.splitlines(True))
print("".splitlines(), "\n".splitlines(), "a\n".splitlines(True), "\r\n\r\n".splitlines(keepends=True))
for t in ["key=value=x", "novalue", "=start", "end="]:
    print(t.partition("="), t.rpartition("="))
print("abc".partition("abc"), "abc".rpartition("c"))
try:
    "a".partition("")
except ValueError as e:
    print("ValueError", e)
print("-".join(["a", "b", "c"]), "".join([]), ", ".join("xyz"), "|".join(("1",)))
print(" ".join(str(i) for i in range(5)))
try:
    "-".join(["a", 1, "b"])
except TypeError as e:
    print("TypeError", e)
try:
    "-".join(5)
except TypeError as e:
    print("TypeError", e)
print("a b".split(" ", -1), "a  b".split(" "), " a ".split(" "))
