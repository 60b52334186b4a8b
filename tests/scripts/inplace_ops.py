# augmented assignment: in-place dunders, fallbacks, aliasing, targets evaluated once
def err(f, *a):
    try:
        print("ok", f(*a))
    except Exception as e:
        print(type(e).__name__, e)

a = [1]
b = a
a += [2]
print(a, b, a is b)
t = (1,)
u = t
t += (2,)
print(t, u, t is u)
s = {1}
s2 = s
s |= {2}
s &= {2, 3}
s -= {3}
s ^= {4}
print(s, s is s2)
d = {"a": 1}
d2 = d
d |= {"b": 2}
print(d, d is d2)
x = 10
x -= 3; x *= 2; x //= 3; x **= 2; x %= 7; x <<= 3; x >>= 1; x &= 0xff; x |= 1; x ^= 3
print(x)
f = 7.0
f /= 2; f -= 0.5; f **= 0.5
print(f)
st = "ab"
st *= 3
st += "!"
print(st)

log = []
class V:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"V({self.v})"
    def __add__(self, o):
        log.append("add")
        return V(self.v + (o.v if isinstance(o, V) else o))
    def __radd__(self, o):
        log.append("radd")
        return V(o + self.v)
    def __iadd__(self, o):
        log.append("iadd")
        self.v += o if not isinstance(o, V) else o.v
        return self
    def __imul__(self, o):
        log.append("imul->NotImplemented")
        return NotImplemented
    def __mul__(self, o):
        log.append("mul")
        return V(self.v * o)
    def __isub__(self, o):
        log.append("isub returns other")
        return "replaced"
v = V(1)
w = v
v += 2
print(v, w, v is w, log); log.clear()
v *= 3
print(v, w, v is w, log); log.clear()
n = 5
n += V(1)
print(n, log); log.clear()
v -= 1
print(v, log); log.clear()
class NoOps:
    pass
o = NoOps()
def aug_add():
    global o
    o += 1
err(aug_add)
def aug_pow():
    q = NoOps()
    q **= 2
err(aug_pow)
def aug_matmul():
    q = 1
    q @= 2
err(aug_matmul)
def aug_str_int():
    q = "a"
    q += 1
err(aug_str_int)
def aug_list_tuple():
    q = [1]
    q += (2, 3)
    q += "ab"
    q += range(2)
    return q
err(aug_list_tuple)
def aug_tuple_list():
    q = (1,)
    q += [2]
err(aug_tuple_list)

# targets are evaluated once
calls = []
class Box:
    def __init__(self): self.items = {"k": 1}; self.attr = 10
    def __getitem__(self, k):
        calls.append(("get", k)); return self.items[k]
    def __setitem__(self, k, val):
        calls.append(("set", k, val)); self.items[k] = val
box = Box()
def key():
    calls.append("key()")
    return "k"
def target():
    calls.append("target()")
    return box
target()[key()] += 5
print(calls, box.items); calls.clear()
target().attr *= 3
print(calls, box.attr); calls.clear()
lst = [[1, 2], [3, 4]]
i = 0
lst[i][i + 1] += 100
print(lst)
# tuple item augmented: error after the in-place op happened
tp = ([1],)
try:
    tp[0] += [2]
except TypeError as e:
    print(type(e).__name__, e, tp)
# augmented assignment to names in different scopes
counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print(counter)
def outer():
    c = 0
    def inner():
        nonlocal c
        c += 10
    inner(); inner()
    return c
print(outer())
def unbound():
    zz += 1
    zz = 0
err(unbound)
class ClsAug:
    n = 1
    n += 1
    items = []
    items += [n]
print(ClsAug.n, ClsAug.items)
def aug_int_str():
    q = 1
    q += "a"
err(aug_int_str)
def aug_float_list():
    q = 1.5
    q *= [1]
err(aug_float_list)
def aug_int_list():
    q = 2
    q *= [1]
    return q
err(aug_int_list)
