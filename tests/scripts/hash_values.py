# hash values match CPython (strings hashed as with PYTHONHASHSEED=0)
for v in [0, 1, -1, -2, 2**61 - 2, 2**61 - 1, 2**61, 2**64, -(2**64), 10**30, 0.0, -0.0, 0.5, 1.5, -2.25, 1e100, float("inf"), float("-inf"), True, False]:
    print(repr(v), hash(v))
for v in [(), (1,), (1, 2), (1, (2, 3)), ("a", 1), (None,) if False else (0.5, -1), frozenset(), frozenset([1, 2, 3]), frozenset(["a"])]:
    print(repr(v), hash(v))
for s in ["", "a", "abc", "hello world", "héllo", "日本語", "😀", "a" * 100]:
    print(repr(s), hash(s))
for b in [b"", b"a", b"abc", bytes(range(10))]:
    print(repr(b), hash(b))
print(hash(1) == hash(1.0) == hash(True), hash(2**61) == hash(1), hash(-1) == hash(-2), hash(0.1))
class H:
    def __hash__(self): return 2**65
print(hash(H()))
class H2:
    def __hash__(self): return -1
print(hash(H2()))
class H3:
    def __hash__(self): return "no"
try:
    hash(H3())
except TypeError as e:
    print("TypeError", e)
print(sorted({"banana", "apple", "cherry", "date", "elderberry", "fig", "grape"}), {"banana", "apple", "cherry"})
print({"x", "y", "z", "w"}, set("abcdefg"), {"key1", "key2", "key10"}, {1.5, 2.5, "s"} == {"s", 1.5, 2.5})
d = {}
for w in "the quick brown fox jumps over the lazy dog".split():
    d[w] = d.get(w, 0) + 1
print(d, set(d))
