# assignment forms: unpacking, starred, walrus, chained, augmented, annotated
a, b = 1, 2; a, b = b, a; print(a, b)
(c, d), e = (3, 4), 5; print(c, d, e)
first, *rest = [1, 2, 3, 4]; print(first, rest)
*init, last = "abcd"; print(init, last)
h, *mid, t = range(6); print(h, mid, t)
p, *q = [1]; print(p, q)
x = y = z = [0]; y.append(1); print(x, z, x is z)
[m, n] = "ab"; print(m, n)
for i, (j, k) in enumerate([(1, 2), (3, 4)]):
    print(i, j, k)
for (u, *v) in [(1, 2, 3)]:
    print(u, v)
try:
    a, b = [1, 2, 3]
except ValueError as err:
    print("ValueError", err)
try:
    a, b, c = [1]
except ValueError as err:
    print("ValueError", err)
try:
    a, *b, c = [1]
except ValueError as err:
    print("ValueError", err)
try:
    a, b = 5
except TypeError as err:
    print("TypeError", err)
print([*range(3), *"ab", *{"k": 1}], (*[1], 2), {*[1, 2], 3}, {**{"a": 1}, "b": 2, **{"a": 3}})
def f(*args, **kwargs): return args, kwargs
print(f(*[1, 2], 3, *(4,), k=1, **{"z": 2}, **{"y": 3}))
try:
    f(**{"a": 1}, **{"a": 2})
except TypeError as err:
    print("TypeError", err)
data = [1, 2, 3, 4, 5, 6]
if (n := len(data)) > 5:
    print("long", n)
print([y2 for x2 in data if (y2 := x2 * 2) > 6], y2)
while (chunk := data[:2]):
    data = data[2:]
    print(chunk)
print((w := 5), w + 1)
v = 10
v += 5; v -= 3; v *= 2; v //= 5; v **= 3; v %= 7; v <<= 3; v >>= 1; v |= 1; v &= 13; v ^= 6; print(v)
s = "ab"; s += "cd"; s *= 2; print(s)
l = [1]; l2 = l; l += [2]; print(l, l2, l is l2)
t = (1,); t2 = t; t += (2,); print(t, t2, t is t2)
obj = type("Obj", (), {})(); obj.val = 1; obj.val += 5; print(obj.val)
dd = {"k": [1]}; dd["k"] += [2]; dd["n"] = dd.get("n", 0) + 1; print(dd)
arr = [1, 2, 3]; arr[1] *= 10; arr[-1] -= 1; print(arr)
count: int = 0
name: str
print(count, "name" in dir(), __annotations__)
class Annot:
    x: int = 1
    y: "str"
print(Annot.x, Annot.__annotations__)
def annotated(a: int, b: "B" = 2, *c: str, d: float = 1.0, **e: bool) -> None: pass
print(annotated.__annotations__)
i = 0
i, arr[i] = 1, 99; print(i, arr)
xs = [0, 0]; j = 0
j = xs[j] = 1; print(j, xs)
big, small = max(3, 9), min(3, 9); print(big, small)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 == 2, 1 == 1.0 != 2, "a" < "b" < "c" < "b", 0 < 1 <= 1 < 2)
def noisy(v):
    print("eval", v)
    return v
print(noisy(1) < noisy(2) < noisy(0) < noisy(5))
print(1 if True else 2, (lambda: "lam")(), (lambda x, y=2: x + y)(1), not None, None is None, 1 is not None)
print(True and "yes", 0 or "fallback", "" or 0 or None, 1 and 2 and 3, [] and crash)
