# Attribute reads and writes on a local read in one instruction (LoadFastAttr,
# StoreFastAttr), `x is None` tests jumping at once, and `not` on simple values:
# each corner must behave as the unfused instructions do.


class P:
    def __init__(self, x):
        self.x = x

    @property
    def double(self):
        return self.x * 2


class Slotted:
    __slots__ = ("a", "b")


class Guarded:
    def __setattr__(self, name, value):
        print("setattr", name, value)
        object.__setattr__(self, name, value)


class Fallback:
    def __getattr__(self, name):
        return "missing " + name


def reads(p, q):
    out = []
    for i in range(3):
        out.append(p.x)
        out.append(q.x)
        out.append(p.double)
        p.x = p.x + 1
    return out


print(reads(P(1), P(10)))


def jump_target(c, a, b):
    # the receiver comes from a conditional expression: a jump lands between
    # the local read and the attribute read
    return (a if c else b).x


print(jump_target(True, P("a"), P("b")), jump_target(False, P("a"), P("b")))


def unbound_read():
    try:
        print(obj.x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    obj = P(1)
    return obj.x


print(unbound_read())


def unbound_store():
    try:
        obj.x = 5
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    obj = P(0)
    obj.x = 6
    return obj.x


print(unbound_store())


def stores(o, n):
    for i in range(n):
        o.x = i
    return o.x


p = P(0)
print(stores(p, 5), p.__dict__)
s = Slotted()
s.a = 1
print(stores(P(0), 3))
g = Guarded()
print(stores(g, 2))
try:
    stores(s, 1)
except AttributeError as e:
    print("AttributeError:", e)


def deleted_between(o):
    o.x = 1
    o.y = 2
    del o.x
    o.x = 3
    return o.x, o.y, list(o.__dict__)


print(deleted_between(P(0)))


def class_attr_change():
    o = P(0)
    del o.x
    out = []
    for v in (1, 2):
        P.x = v
        out.append(o.x)
    o.x = 9
    out.append(o.x)
    del P.x
    return out


print(class_attr_change())


def getattr_fallback():
    f = Fallback()
    out = [f.y]
    f.y = 1
    out.append(f.y)
    return out


print(getattr_fallback())


def equal_names():
    o = P(0)
    setattr(o, "".join(["x", "y"]), 4)
    o.xy = o.xy + 1
    return o.xy


print(equal_names())


def none_tests(values):
    out = []
    for v in values:
        if v is None:
            out.append("none")
        elif v is not None and not v:
            out.append("falsy")
        else:
            out.append("other")
        while v is not None:
            v = None
        out.append(not v)
    return out


print(none_tests([None, 0, "", [], 1, "a", P(0)]))


def is_jumps(a, b):
    r = []
    if a is b:
        r.append("same")
    if not (a is b):
        r.append("different")
    r.append(a is b)
    r.append(a is not b)
    return r


x = [1]
print(is_jumps(x, x), is_jumps(x, [1]))


class B:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        print("bool", self.v)
        return self.v


print(not B(True), not B(False), B(True) and 1, B(False) or 2)


# Method calls on a local (LoadFastMethod): bound methods, callables stored on
# the instance, built-in receivers, and an unbound local.
class M:
    def __init__(self):
        self.items = []

    def add(self, v):
        self.items.append(v)
        return self


def method_calls():
    m = M()
    m.add(1).add(2)
    m.add = lambda v: "instance attribute " + str(v)
    out = [m.add(3), M.add(m, 4).items]
    s = "a,b"
    out.append(s.split(","))
    try:
        n.bit_length()
    except UnboundLocalError as e:
        out.append(str(e))
    n = 5
    out.append(n.bit_length())
    return out


print(method_calls())
