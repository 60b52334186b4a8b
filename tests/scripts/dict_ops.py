# dict methods, views, ordering, merging
d = {"b": 2, "a": 1, "c": 3}
print(d, d["a"], d.get("z"), d.get("z", 0), list(d), list(d.keys()), list(d.values()), list(d.items()), len(d))
d["d"] = 4; d["a"] = 10; del d["b"]; print(d)
print(d.pop("c"), d.pop("zz", None), d.setdefault("e", 5), d.setdefault("a", 99), d)
print(d.popitem(), d)
d.update({"x": 1}, y=2); d.update([("z", 3)]); d.update(w=0); print(d)
ks = d.keys(); vs = d.values(); its = d.items()
d["new"] = 1
print(ks, vs, its, len(ks), "new" in ks, 1 in vs, ("new", 1) in its, ("new", 2) in its)
print(ks & {"a", "x", "q"}, ks | {"q"}, ks - {"a"}, ks ^ {"a", "q"}, its & {("x", 1)}, ks == {"a", "d", "e", "x", "y", "z", "w", "new"}, ks.isdisjoint({"zz"}))
print(list(reversed(d)), list(reversed(d.items())), list(reversed(d.values())))
e = dict(a=1, b=2); f = dict([("c", 3)], d=4); g = dict(e, z=0); print(e, f, g, dict(), dict({}))
print(e | f, f | e, {**e, **f, "a": 100}, e == {"b": 2, "a": 1}, e != f)
e |= {"c": 9}; print(e)
print(dict.fromkeys("abc"), dict.fromkeys(["x", "y"], 0), {k: v for k, v in zip("ab", range(2))}, {i: i * i for i in range(4)})
c = d.copy(); c.clear(); print(c, d is not c, len(d))
for bad in [lambda: {}["x"], lambda: {}.pop("x"), lambda: {}.popitem(), lambda: {[1]: 2}, lambda: {}.get([]), lambda: dict([1, 2]), lambda: dict([(1,)]), lambda: {} < {}, lambda: {"a": 1}.keys()[0]]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
m = {1: "int", 1.0: "float", True: "bool"}; print(m, len(m))
m2 = {(1, 2): "t", frozenset([1]): "fs", None: "n", "": "e", -1: "m"}; print(m2[(1, 2)], m2[frozenset({1})], m2[None], m2[""], m2[-1])
it = iter(d)
try:
    for k in d:
        d["boom"] = 1
except RuntimeError as e:
    print("RuntimeError", e)
print({1: 2}.__getitem__(1), dict.__len__({1: 2, 3: 4}), "a" in {"a": 1}, {"a": 1}.__contains__("b"))
print(sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]), max({"x": 1, "y": 3}, key=lambda k: {"x": 1, "y": 3}[k]))
nested = {"outer": {"inner": [1, 2]}}; print(nested, nested["outer"]["inner"][1])
r = {}; r["self"] = r; print(r)
print(repr({}), str({"a": "b"}), {1: {2: {3: 4}}}, type({}).__name__)
