# dict views (keys/values/items): live updates, set operations, comparisons, errors
def err(f, *a, **k):
    try:
        print("ok", repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), len(v), len(it))
d["d"] = 4
del d["a"]
print(list(k), list(v), list(it))
print("b" in k, 2 in v, ("b", 2) in it, ("b", 3) in it, "zz" in k, ["unhashable"] in v)
err(lambda: [1] in k)
print(("x", [1]) in it)
print(k & {"b", "x"}, k | {"x"}, k - {"b"}, k ^ {"b", "y"}, {"b", "q"} & k, ["c", "z"] - k if False else None)
print(sorted(k | ["z", "y"]), sorted(it & {("b", 2), ("c", 0)}), sorted(it - {("b", 2)}), sorted(it | {("a", 0)}))
print(k == {"b", "c", "d"}, k != {"b"}, k < {"b", "c", "d", "e"}, k <= {"b", "c", "d"}, k > {"b"}, it == {("b", 2), ("c", 3), ("d", 4)})
print(k.isdisjoint({"x"}), k.isdisjoint(["b"]), it.isdisjoint([("b", 2)]))
print(v == v, d.values() == d.values(), list(reversed(k)), list(reversed(v)), list(reversed(it)))
print(type(k).__name__, type(v).__name__, type(it).__name__, type(iter(k)).__name__, type(iter(v)).__name__, type(iter(it)).__name__)
err(lambda: k[0])
err(lambda: v | {1})
err(lambda: k + {1})
err(hash, k)
m = k.mapping
print(type(m).__name__, m["b"], dict(m) == d)
# mutation during iteration
d2 = {1: 1, 2: 2}
try:
    for key in d2:
        d2[key + 10] = 0
except RuntimeError as e:
    print(type(e).__name__, e)
d3 = {1: 1, 2: 2}
try:
    for key in d3.keys():
        del d3[key]
except RuntimeError as e:
    print(type(e).__name__, e)
d4 = {1: 1, 2: 2}
for key in d4:
    d4[key] = "changed"
print(d4)
d5 = {1: 1}
try:
    for key in d5.items():
        d5.clear()
        d5[2] = 2
except RuntimeError as e:
    print(type(e).__name__, e)
# dict methods
d = dict.fromkeys("abc", 0)
print(d, dict.fromkeys([1, 2]), dict.fromkeys("", 5))
print(d.setdefault("a", 9), d.setdefault("z", 9), d.setdefault("n"), d)
print(d.pop("z"), d.pop("missing", "dflt"), d.get("a"), d.get("q"), d.get("q", 1))
err(d.pop, "missing")
err({}.popitem)
d = {1: "a", 2: "b", 3: "c"}
print(d.popitem(), d.popitem(), d)
d.update({4: "d"}, five=5)
d.update([(6, "f")])
d.update(seven=7)
print(d)
err(d.update, [1, 2])
err(d.update, [(1, 2, 3)])
err(d.update, 5)
err(d.update, {}, {})
print(d | {1: "A"}, {1: "A"} | d)
d |= [(8, "h")]
print(d)
err(lambda: d | [(1, 2)])
c = d.copy()
c[1] = "changed"
print(d[1], c[1], c == d, len(c))
d.clear()
print(d, bool(d))
# dict() constructor forms
print(dict(a=1, b=2), dict([("a", 1)], b=2), dict({"a": 1}, a=2), dict(zip("ab", [1, 2])), dict(), dict([]))
err(dict, [("a",)])
err(dict, ["ab", "cde"])
print(dict(["ab", "cd"]))
err(dict, 1)
# comparisons
print({1: 2} == {1: 2.0}, {1: 2} == {1: 3}, {1: 2, 3: 4} == {3: 4, 1: 2}, {} == {}, {1: 2} != {1: 2})
err(lambda: {1: 2} < {1: 2})
# keys with equal hashes: 1, 1.0, True collapse
e = {1: "int"}
e[1.0] = "float"
e[True] = "bool"
print(e, {1: 0, True: 1, 1.0: 2})
print({0: "a", False: "b", 0.0: "c", -0.0: "d"})
# nested and recursive reprs
r = {}
r["self"] = r
print(r)
print({(1, 2): [3, {4: 5}], None: None, "s": 's"q', b"b": 1.5})
# len/bool/in/del
d = {"x": 1}
del d["x"]
err(d.__delitem__, "x")
print(len(d), "x" in d, d.__contains__("x"))
err(lambda: d["nope"])
err(lambda: d[[1]])
err(lambda: {[1]: 2})
err(d.__setitem__, {}, 1)
class Missing(dict):
    def __missing__(self, key):
        return key * 2
md = Missing(a=1)
print(md["a"], md["bb"], md.get("bb"), "bb" in md, md)
class A:
    x = 1
    def f(self): pass
p = A.__dict__
print(type(p).__name__, p["x"], "f" in p, len(p) > 2, sorted(k for k in p if not k.startswith("__")))
try:
    p["y"] = 2
except TypeError as e:
    print(e)
try:
    del p["x"]
except TypeError as e:
    print(e)
print(type(vars(A)).__name__, p.get("x"), p.get("zz", 5), repr(p)[:14], A.__dict__ == dict(A.__dict__))
import sys
print(type(sys.__dict__).__name__, type(int.__dict__).__name__, "real" in int.__dict__)
try:
    p.x = 1
except AttributeError as e:
    print(e)
print(p | {"n": 1} == {**dict(p), "n": 1})
# ranges are hashable by value; bytearrays are not
print(hash(range(3)) == hash(range(0, 3)), hash(range(0, 10, 2)) == hash(range(0, 9, 2)), hash(range(1, 2, 5)) == hash(range(1, 2)))
d = {range(3): "a", range(0): "empty"}
print(d[range(0, 3)], d[range(5, 1)], range(0, 3, 1) == range(3), range(1, 2, 5) == range(1, 2, 7), len({range(1, 2, 5), range(1, 2, 7)}))
try:
    {bytearray(b"k"): 1}
except TypeError as e:
    print(type(e).__name__, e)
