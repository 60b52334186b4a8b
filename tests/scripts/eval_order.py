# evaluation order: operands, arguments, subscripts, assignments, augmented targets, dict displays
log = []
def t(tag, val=None):
    log.append(tag)
    return tag if val is None else val
def show(label):
    print(label, log)
    log.clear()
t("a", 1) + t("b", 2) * t("c", 3); show("binop")
t("f", lambda *a, **k: None)(t("x"), t("y"), k=t("z")); show("call")
{t("k1"): t("v1"), t("k2"): t("v2")}; show("dict")
[t("l1"), t("l2"), *[t("l3")]]; show("list")
d = {}
d[t("key")] = t("value"); show("subscript assign")
lst = [0, 0]
lst[t("i", 0)] += t("inc", 5); show("aug subscript")
class O: pass
o = O(); o.attr = 1
t("obj", o).attr += t("amount", 2); show("aug attr")
a = b = t("chained"); show("chained assign")
x, y = t("rhs1"), t("rhs2"); show("tuple assign")
t("cond1", False) and t("never"); t("cond2", True) or t("never2"); show("short circuit")
t("c1", 1) < t("c2", 2) < t("c3", 0) < t("c4", 5); show("chained compare")
t("t", True) if t("test", True) else t("f"); show("conditional")
[t(f"comp{i}") for i in range(2) if t(f"if{i}", True)]; show("comprehension")
def defaults(x=t("default evaluated at def")): pass
show("def")
t("lhs", [0])[t("idx", 0)] = t("val", 1); show("store subscript order")
print(f"{t('f1')}-{t('f2')}"); show("fstring")
def kw(**kw): return list(kw)
print(kw(z=1, a=2, m=3), kw(**{"b": 1, "a": 2}))
s = "start"
def mutate():
    global s
    s = "mutated"
    return "!"
r = s + mutate(); print(r, s)
items = [1, 2, 3]
i = 0
items[i], i = 10, 1; print(items, i)
def gen():
    log.append("gen body start")
    yield t("yielded")
g = gen(); show("gen created"); next(g); show("gen advanced")
class Lazy:
    print("class body runs at definition")
    attr = t("class attr")
show("class")
