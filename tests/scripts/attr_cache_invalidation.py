# Attribute caches of LoadAttr/StoreAttr/LoadMethod must follow every change of
# classes and instances: each function below runs the same instruction on
# receivers before and after a change.


def read_x(o):
    return o.x


def call_m(o):
    return o.m()


def store_x(o, v):
    o.x = v


def get_m(o):
    return o.m


class A:
    x = "class-x"

    def m(self):
        return "A.m"


class B(A):
    pass


a = A()
b = B()
# class attribute, then shadowed by an instance attribute
for _ in range(3):
    print(read_x(a), read_x(b))
a.x = "inst-x"
print(read_x(a), read_x(b))
del a.x
print(read_x(a))

# class attribute changed on the class, then on a base
A.x = "class-x2"
print(read_x(a), read_x(b))
B.x = "B-x"
print(read_x(a), read_x(b))
del B.x
print(read_x(b))

# methods: replaced on the class, shadowed per instance, added on a subclass
for _ in range(3):
    print(call_m(a), call_m(b))
A.m = lambda self: "A.m2"
print(call_m(a), call_m(b))
B.m = lambda self: "B.m"
print(call_m(a), call_m(b))
b.m = lambda: "b.m instance"
print(call_m(b), get_m(b)())
del b.m
print(call_m(b), get_m(b).__name__ if hasattr(get_m(b), "__name__") else "?")
del B.m
print(call_m(b))

# bound method identity and __self__
bm = get_m(a)
print(bm.__self__ is a, bm() == "A.m2")


# a property added later takes precedence over the instance dict
class P:
    pass


p = P()
p.x = 1
for _ in range(3):
    print(read_x(p))
P.x = property(lambda self: "prop")
print(read_x(p))
try:
    store_x(p, 5)
except AttributeError:
    print("AttributeError: no setter")
P.x = property(lambda self: "prop", lambda self, v: print("setter", v))
store_x(p, 6)
del P.x
print(read_x(p))
store_x(p, 7)
print(read_x(p))


# a data descriptor class added later, and one whose __set__ is added later
class D:
    def __get__(self, obj, typ=None):
        return "D.get"


class Q:
    pass


q = Q()
q.x = "inst"
for _ in range(3):
    print(read_x(q))
Q.x = D()
print(read_x(q))  # non-data descriptor: the instance dict wins
D.__set__ = lambda self, obj, v: print("D.set", v)
print(read_x(q))  # now a data descriptor
store_x(q, 3)
print(q.__dict__)
del D.__set__
store_x(q, 4)
print(read_x(q), q.__dict__)


# __getattr__ added later is used for missing attributes only
class G:
    pass


g = G()
g.x = 1
print(read_x(g))
del g.x
try:
    read_x(g)
except AttributeError as e:
    print("AttributeError", e)
G.__getattr__ = lambda self, n: "getattr:" + n
print(read_x(g))
g.x = 2
print(read_x(g))
del G.__getattr__


# __getattribute__ added later overrides everything
class H:
    pass


h = H()
h.x = 1
for _ in range(3):
    print(read_x(h))
H.__getattribute__ = lambda self, n: "getattribute:" + n
print(read_x(h))
del H.__getattribute__
print(read_x(h))


# __setattr__ added on a base later
class S0:
    pass


class S(S0):
    pass


s = S()
for i in range(3):
    store_x(s, i)
print(s.x)
S0.__setattr__ = lambda self, n, v: object.__setattr__(self, n, v * 100)
store_x(s, 5)
print(s.x)
del S0.__setattr__
store_x(s, 6)
print(s.x)

# instance dict replaced
o = A()
for i in range(3):
    store_x(o, i)
    print(read_x(o))
o.__dict__ = {"y": 1, "x": "replaced"}
print(read_x(o))
store_x(o, "after")
print(o.__dict__)
o.__dict__.clear()
print(read_x(o))
vars(o)["x"] = "via vars"
print(read_x(o))


# many attributes: positions move when the dict compacts
class Many:
    pass


mm = Many()
for i in range(40):
    setattr(mm, "a%d" % i, i)
store_x(mm, "x0")
for i in range(30):
    delattr(mm, "a%d" % i)
print(read_x(mm))
store_x(mm, "x1")
print(read_x(mm), len(vars(mm)))
