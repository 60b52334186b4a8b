# str searching: find/rfind/index/rindex/count/startswith/endswith with start/end
s = "hello world, hello python"
for sub in ["hello", "o", "", "xyz", "python", "h"]:
    print(repr(sub), s.find(sub), s.rfind(sub), s.count(sub))
    print(s.find(sub, 3), s.find(sub, 3, 10), s.rfind(sub, 0, 12), s.count(sub, 5, 20))
    print(s.find(sub, -5), s.rfind(sub, -10, -2), s.count(sub, -100, 100))
print(s.index("world"), s.rindex("o"), s.rindex("hello"))
for bad in [("zzz",), ("hello", 20), ("o", 0, 4)]:
    try:
        print(s.index(*bad))
    except ValueError as e:
        print("ValueError", e)
    try:
        print(s.rindex(*bad))
    except ValueError as e:
        print("ValueError", e)
print("".find(""), "".find("", 1), "abc".find("", 3), "abc".find("", 4))
print("".count(""), "abc".count(""), "abc".count("", 1), "abc".count("", 5))
print("aaaa".count("aa"), "aaaaa".count("aa"), "abababa".count("aba"))
print(s.startswith("hello"), s.startswith("world", 6), s.startswith("world", 6, 8))
print(s.endswith("python"), s.endswith("hello", 0, 18), s.endswith(("x", "on")))
print(s.startswith(("a", "b", "h")), s.startswith(()), "".startswith(""), "".startswith("", 1))
print("abc".startswith("", 3), "abc".startswith("", 4), "abc".endswith("", -1))
try:
    s.startswith(1)
except TypeError as e:
    print("TypeError", e)
try:
    s.endswith(("a", 1))
except TypeError as e:
    print("TypeError", e)
try:
    s.find(1)
except TypeError as e:
    print("TypeError", e)
u = "naïve café ☕ naïve"
print(u.find("café"), u.rfind("naïve"), u.index("☕"), u.count("ï"), len(u))
print(u[6:10], u[-5:], u[::2], u[::-1])
print("x" in u, "☕" in u, "é c" in u)
print(s.find("o", None, None), s.find("o", 5, None))
