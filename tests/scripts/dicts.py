# Dicts keep insertion order.
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0))
print("a" in d, "z" in d, list(d), list(d.keys()), list(d.values()))
for k, v in d.items():
    print(k, v)
d["b"] = 20
print(d)
del d["a"]
print(d, d.pop("c"), d)
d.update({"x": 1, "b": 7})
print(d)
print(d.setdefault("y", []), d)
counts = {}
for w in "a b a c b a".split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
nested = {1: {"k": [1, 2]}, (1, 2): "tuple key", 2.5: None}
print(nested, nested[(1, 2)], nested[1]["k"][1])
print({} == {}, {"a": 1} == {"a": 1}, dict([("p", 1), ("q", 2)]))
e = dict(d)
e["new"] = True
print(len(d), len(e))
print(sorted({"z": 1, "m": 2, "a": 3}))
print(1 in {1.0: "x"}, {True: "t"}[1])
try:
    d["missing"]
except KeyError as err:
    print("KeyError", repr(err))
