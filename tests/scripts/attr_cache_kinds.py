# Attribute caches on every kind of receiver: slots, properties, classmethods,
# staticmethods, modules, classes, built-in values, polymorphic call sites.
import math


def read_x(o):
    return o.x


def call_m(o, *a):
    return o.m(*a)


def store_x(o, v):
    o.x = v


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x


class SlottedSub(Slotted):
    __slots__ = ("z",)


s1 = Slotted(1)
s2 = SlottedSub(2)
for _ in range(3):
    print(read_x(s1), read_x(s2))
del s1.x
try:
    read_x(s1)
except AttributeError as e:
    print("AttributeError", e)
store_x(s1, 10)
print(read_x(s1))
try:
    s1.w = 1
except AttributeError as e:
    print("AttributeError", e)


class Prop:
    def __init__(self):
        self._x = 0

    @property
    def x(self):
        return self._x * 2

    @x.setter
    def x(self, v):
        self._x = v


pr = Prop()
for i in range(3):
    store_x(pr, i)
    print(read_x(pr), pr.__dict__)


class PropErr:
    @property
    def x(self):
        raise AttributeError("inner")

    def __getattr__(self, n):
        return "fallback " + n


for _ in range(2):
    print(read_x(PropErr()))


class CM:
    count = 0

    @classmethod
    def m(cls, a=1):
        return (cls.__name__, a)

    @staticmethod
    def st(a):
        return a * 3


class CM2(CM):
    pass


for c in (CM, CM2, CM, CM(), CM2()):
    print(call_m(c, 5), c.st(2), c.m)
f = CM.m
print(f(), f.__self__ is CM)

# class attributes read from the class, changed in between
for i in range(3):
    CM.count += 1
    print(CM.count, CM2.count)
CM2.count = 100
print(CM.count, CM2.count)
CM.st = staticmethod(lambda a: a - 1)
print(CM.st(10), CM2.st(10), CM().st(10))

# modules
for _ in range(3):
    print(math.sqrt(16.0), math.pi)
saved = math.sqrt
math.sqrt = lambda v: "patched"
print(math.sqrt(16.0))
del math.sqrt
try:
    math.sqrt(4.0)
except AttributeError as e:
    print("AttributeError", e)
math.sqrt = saved
print(math.sqrt(9.0))

# built-in receivers at one polymorphic call site
def app(o, v):
    o.append(v)
    return o


class MyList(list):
    def append(self, v):
        list.append(self, v * 10)


for o in ([], MyList(), [], MyList()):
    print(app(o, 1))


def get(o, k):
    return o.get(k)


class MyDict(dict):
    pass


md = MyDict(a=2)
for o in ({"a": 1}, md, {"b": 2}):
    print(get(o, "a"))
md.get = lambda k: "shadowed " + k
print(get(md, "a"))
MyDict.get = lambda self, k: "class " + k
print(get(MyDict(), "a"), get({"a": 9}, "a"))


def join(sep, parts):
    return sep.join(parts)


print(join(",", ["a", "b"]), join(b"-", [b"x", b"y"]))

# polymorphic instance sites
class T1:
    def __init__(self):
        self.x = 1

    def m(self):
        return "T1"


class T2:
    x = 2

    def m(self):
        return "T2"


class T3(T1):
    def m(self):
        return "T3"


objs = [T1(), T2(), T3(), T1(), T2(), T3()]
print([read_x(o) for o in objs], [call_m(o) for o in objs])
T1.m = lambda self: "T1 new"
print([call_m(o) for o in objs])


# descriptor instances as plain class attributes
class NoGet:
    pass


class HasPlain:
    x = NoGet()
    y = [1, 2]


hp = HasPlain()
print(type(read_x(hp)).__name__, hp.y)
NoGet.__get__ = lambda self, obj, typ: "now a descriptor"
print(read_x(hp), HasPlain.x)


# methods found through __getattr__ and attribute errors
class Dyn:
    def __getattr__(self, n):
        if n == "m":
            return lambda: "dyn m"
        raise AttributeError(n)


d = Dyn()
print(call_m(d))
d.m = lambda: "inst m"
print(call_m(d))
try:
    call_m(object())
except AttributeError as e:
    print("AttributeError", e)
try:
    read_x(3)
except AttributeError as e:
    print("AttributeError", e)


# object.__init__/__new__ reassigned in a class count as inherited from object
class ObjInit:
    __init__ = object.__init__


for args in ((), (1,)):
    try:
        print(type(ObjInit(*args)).__name__)
    except TypeError as e:
        print("TypeError", e)


# __init__/__new__ added to and removed from a class or a base after instances exist
class Base0:
    pass


class Sub0(Base0):
    pass


def make(cls, *a):
    try:
        return type(cls(*a)).__name__
    except TypeError as e:
        return "TypeError " + str(e)


print(make(Sub0), make(Sub0, 1))
Base0.__init__ = lambda self, x=0: None
print(make(Sub0), make(Sub0, 1), make(Base0, 2))
del Base0.__init__
print(make(Sub0, 1))
Sub0.__new__ = lambda cls, *a: object.__new__(cls)
print(make(Sub0, 1))
del Sub0.__new__
print(make(Sub0))
