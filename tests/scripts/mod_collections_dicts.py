from collections import defaultdict, OrderedDict, ChainMap

dd = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dd[k].append(v)
print(dd, dd["a"], len(dd), "c" in dd, dd.default_factory)
dd["c"]
print(sorted(dd.items()), dd.get("zz"), "zz" in dd)
di = defaultdict(int)
for ch in "hello world":
    di[ch] += 1
print(di)
dn = defaultdict()
try:
    dn["x"]
except KeyError as e:
    print("KeyError", e)
print(dn, defaultdict(None, {"a": 1}), defaultdict(lambda: 5)["q"])
d2 = dd.copy()
d2["new"].append(9)
print(type(d2).__name__, "new" in dd, d2.default_factory is list)
try:
    defaultdict(3)
except TypeError as e:
    print(e)
nested = defaultdict(lambda: defaultdict(int))
nested["x"]["y"] += 2
print(nested["x"]["y"], dict(nested["x"]))

od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
print(od, list(od), list(od.keys()))
od.move_to_end("b")
print(od)
od.move_to_end("c", last=False)
print(od)
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict([("x", 1), ("y", 2)]) == OrderedDict([("y", 2), ("x", 1)]))
print(OrderedDict([("x", 1), ("y", 2)]) == {"y": 2, "x": 1}, OrderedDict())
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError", e)
try:
    od.move_to_end("zz")
except KeyError as e:
    print("KeyError", e)
o2 = OrderedDict.fromkeys("abc", 0)
print(o2, list(reversed(o2)), o2.copy())

base = {"a": 1, "b": 2}
over = {"b": 20, "c": 30}
cm = ChainMap(over, base)
print(cm["a"], cm["b"], cm["c"], len(cm), sorted(cm), "a" in cm, cm.get("z", 0))
print(cm)
child = cm.new_child()
child["a"] = 100
print(child["a"], cm["a"], child.maps[0], child.parents)
cm["d"] = 4
del cm["d"]
try:
    del cm["a"]
except KeyError as e:
    print("KeyError", e)
print(list(cm), dict(cm.items()) == {"a": 1, "b": 20, "c": 30})
