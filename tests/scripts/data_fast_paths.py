# Fast paths for data operations must keep CPython's semantics.
from collections import defaultdict, Counter


class D(dict):
    def __missing__(self, key):
        return ("missing", key)


d = D(a=1)
print(d["a"], d["b"], len(d))


class G(dict):
    def __getitem__(self, key):
        return "override " + str(key)

    def __setitem__(self, key, value):
        dict.__setitem__(self, key, value * 2)


g = G()
g["x"] = 5
print(g["x"], dict.__getitem__(g, "x"))

try:
    D.__missing__ = None
    del D.__missing__
    d["zz"]
except KeyError as e:
    print("KeyError", e)

dd = defaultdict(list)
dd["a"].append(1)
dd["a"].append(2)
print(dict(dd))
di = defaultdict(int)
for w in "abracadabra":
    di[w] += 1
print(sorted(di.items()))
dn = defaultdict(None)
try:
    dn["q"]
except KeyError as e:
    print("KeyError", e)
calls = []
dl = defaultdict(lambda: calls.append(1) or len(calls))
print(dl["a"], dl["b"], dl["a"], calls)


class DD(defaultdict):
    def __missing__(self, key):
        return key * 2


x = DD(int)
print(x[21], len(x))


class SetOnce(defaultdict):
    def __setitem__(self, key, value):
        print("set", key, value)
        defaultdict.__setitem__(self, key, value)


s1 = SetOnce(int)
s1["k"] += 3
print(dict(s1))
dd.default_factory = dict
print(dd["new"], dd.default_factory)

c = Counter("hello")
print(c["l"], c["z"], "z" in c)
c["z"] += 2
print(sorted(c.items()))

# tuple comparisons and sorting
print((1, "a") < (1, "b"), (1, 2) < (1, 2, 0), (True, 1) == (1, True), (2.5,) > (2,))
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    sorted([(1, "a"), (1, 2)])
except TypeError as e:
    print("TypeError", e)
nan = float("nan")
t = (nan, 1)
print(t == t, t < t, (nan,) < (nan,), [t] == [t])
print(sorted([(3, "c"), (1, "z"), (3, "a"), (1, "b")], key=lambda kv: (-kv[0], kv[1])))
print(sorted([(2, (1, "b")), (2, (1, "a")), (1, (9, "z"))], reverse=True))
print(max([(1, "a"), (3, "b"), (3, "a")]), min([("b", 1), ("a", 2)]))


class K:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v > other.v

    def __repr__(self):
        return "K(%d)" % self.v


print(sorted([(1, K(1)), (1, K(3)), (0, K(2))]))

# hashing of tuples (set order follows the hashes)
print(list({(1, 2), (3, 4), (0, 0), ("a", 1), (None, 2.5)}) == list({(1, 2), (3, 4), (0, 0), ("a", 1), (None, 2.5)}))
print(hash((1, 2)), hash((1, (2, 3))), hash(("x",)) == hash(("x",)), hash((True, 1.0)) == hash((1, 1)))
print(sorted({(i % 7, i % 3) for i in range(30)}))

# str indexing and slicing
s = "héllo wörld"
print(s[1], s[-1], s[1:4], s[6:], s[::2], s[2:3], "abc"[1] == "b")
try:
    "abc"[5]
except IndexError as e:
    print("IndexError", e)
print([ch for ch in "añb"], "añb"[1:2], len("añb"[1:]))
