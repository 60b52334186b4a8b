# unpacking in assignments, loops, calls, literals and returns
a, b, c = "xyz"; print(a, b, c)
(a, b), (c, d) = [1, 2], (3, 4); print(a, b, c, d)
a, *b = range(4); *c, d = "abcd"; e, *f, g = [1, 2]; print(a, b, c, d, e, f, g)
[a, [b, [c]]] = [1, [2, [3]]]; print(a, b, c)
for x, *ys in [(1, 2, 3), (4,), "ab"]:
    print(x, ys)
for i, (k, v) in enumerate({"p": 1, "q": 2}.items()):
    print(i, k, v)
def f(*args, **kwargs): return args, kwargs
print(f(*(1, 2), *[3], *range(4, 6), **{"a": 1}, b=2, **dict(c=3)))
print([*"ab", *range(2), *{"k": 1}], (*[1], *(2,)), {*"aa", *"b"} == {"a", "b"}, {**{"a": 1}, **{"b": 2}})
def g(): return 1, [2, 3], {"k": 4}
x, [y, z], w = g(); print(x, y, z, w)
first, *_, last = range(100); print(first, last, len(_))
head, *tail = [1]; print(head, tail)
a = b = c = 0; a += 1; print(a, b, c)
t = 1, ; print(t, type(t).__name__)
nested = [(1, ("a", True)), (2, ("b", False))]
print([(n, s) for n, (s, flag) in nested if flag])
swap = [1, 2, 3]; swap[0], swap[2] = swap[2], swap[0]; print(swap)
i = 0; lst = [10, 20]; i, lst[i] = 1, 99; print(i, lst)
x, y = y, x = 1, 2; print(x, y)
m = {"a": 1}; m["b"], m["c"] = 2, 3; print(m)
class O: pass
o = O(); o.p, o.q = "p", "q"; print(o.p, o.q)
for bad in ["a, b = 1, 2, 3", "a, b, c = 1, 2", "a, = []", "(a, b), c = [1, 2], 3, 4", "*a, b, c = [1]"]:
    try:
        exec(bad)
    except ValueError as err:
        print("ValueError", err)
try:
    a, b = None
except TypeError as err:
    print("TypeError", err)
def kw_only(*, x, y): return x - y
print(kw_only(**{"y": 1, "x": 10}), print(*[], sep="-"), max(*[3, 7, 5]), min(*"bca"))
