# dict ordering: insertion order, re-insertion after delete, popitem LIFO, update order, views
d = {}
for k in ["z", "a", "m", 3, 1, 2, (0,), None]:
    d[k] = len(d)
print(d, list(d))
d["a"] = "updated"; print(list(d.items())[:3])
del d["z"]; d["z"] = "back"; print(list(d))
print(d.popitem(), d.popitem(), list(d))
d.update({"new": 1, "a": 2}); d.update(q=0); print(list(d))
d2 = dict.fromkeys("bca", 0); d2.pop("c"); d2["c"] = 1; print(d2)
big = {i: i * i for i in range(20)}
for i in range(0, 20, 3):
    del big[i]
for i in range(0, 20, 6):
    big[i] = -i
print(list(big), len(big))
keys = big.keys(); vals = big.values(); items = big.items()
big[100] = 0; del big[1]
print(len(keys), list(keys)[-3:], list(vals)[-3:], list(items)[-2:], 100 in keys, 1 in keys)
merged = {"a": 1, "b": 2} | {"b": 3, "c": 4}; print(merged)
merged |= [("d", 5), ("a", 0)]; print(merged)
print({**{"x": 1}, "y": 2, **{"x": 3}}, dict(a=1, **{"b": 2}), dict([("a", 1), ("a", 2)]))
print({1: "a", 1.0: "b", True: "c"}, {0: "x", False: "y", 0.0: "z"}, {(): 1, frozenset(): 2, "": 3})
print(list(reversed({"a": 1, "b": 2, "c": 3})), list(reversed({"a": 1}.items())), list(reversed({}.keys())))
nested = {"level1": {"level2": {"level3": [1, 2]}}}
nested["level1"]["level2"]["new"] = True; print(nested)
cp = dict(nested); cp["level1"]["shared"] = 1; print("shared" in nested["level1"])
counts = {}
for ch in "abracadabra":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: -kv[1]), {v: k for k, v in counts.items()})
eq1 = {"a": 1, "b": 2}; eq2 = {"b": 2, "a": 1}; print(eq1 == eq2, list(eq1) == list(eq2), eq1.keys() == eq2.keys(), eq1.items() == eq2.items())
print(len({}), bool({}), bool({0: 0}), {}.get(1), {1: None}.get(1, "d"), {}.setdefault("k", []), dict.fromkeys([]))
