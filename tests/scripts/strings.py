# String operations.
s = "Hello, World"
print(s)
print(len(s), s[0], s[-1], s[7:], s[:5], s[::2], s[::-1], s[-5:-1])
print(s.upper(), s.lower())
print(s.replace("World", "atoll"), s.find("o"), s.find("z"), s.count("l"))
print(s.startswith("Hell"), s.endswith("d"), "World" in s, "x" not in s)
print("  pad  ".strip() + "|", "xxhixx".strip("x"), "  a".lstrip(), "b  ".rstrip() + "|")
print("a,b,,c".split(","), "one two  three".split(), "-".join(["x", "y", "z"]))
print("ab" * 3, "a" + "b" + "c", "" * 5 == "")
print(repr("it's"), repr('say "hi"'), repr("tab\there"), repr("new\nline"))
print("abc" < "abd", "B" < "a", "abc" == "abc", "a" != "b")
print(str(42), str(-1.5), str(True), str(None), str([1, "a"]))
print(ord("A"), chr(97), "x".isalpha(), "12".isdigit(), " ".isspace())
print("Title case".title(), "hello".capitalize(), "MiXeD".swapcase())
print("abc".index("c"), "a-b-c".rsplit("-", 1), "a-b-c".split("-", 1))
print("x=%d y=%s z=%.2f" % (3, "q", 2.5))
print("{} and {}".format("a", "b"), "{1}{0}".format("x", "y"))
print("{:>5}|{:<5}|{:^5}|".format("r", "l", "c"))
for ch in "hey":
    print(ch, end=".")
print()
words = []
for w in "the quick brown fox".split():
    words.append(w[0].upper() + w[1:])
print(" ".join(words))
print("é".upper(), len("日本"), "zß"[1])
