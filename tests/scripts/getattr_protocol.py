# attribute protocol: __getattribute__/__getattr__/__setattr__/__delattr__, descriptors, properties, slots
def err(f, *a):
    try:
        print("ok", f(*a))
    except Exception as e:
        print(type(e).__name__, e)

class Tracing:
    cls_attr = "class"
    def __init__(self):
        self.real = 1
    def __getattribute__(self, name):
        if name.startswith("trace_"):
            return "traced " + name
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        if name == "virtual":
            return "from __getattr__"
        raise AttributeError(f"{type(self).__name__!r} has nothing called {name!r}")
t = Tracing()
print(t.real, t.cls_attr, t.trace_x, t.virtual, getattr(t, "nope", "default"), hasattr(t, "nope"))
err(getattr, t, "nope")

class Prop:
    def __init__(self):
        self._x = 0
    @property
    def x(self):
        "the x"
        return self._x
    @x.setter
    def x(self, v):
        if v < 0:
            raise ValueError("negative")
        self._x = v
    @x.deleter
    def x(self):
        print("deleting x")
        self._x = None
    @property
    def ro(self):
        return "read-only"
    @property
    def broken(self):
        raise AttributeError("inner problem")
    def __getattr__(self, name):
        return f"fallback for {name}"
p = Prop()
p.x = 5
print(p.x, Prop.x.__doc__, type(Prop.x).__name__, Prop.x.fget.__name__)
err(setattr, p, "x", -1)
del p.x
print(p.x)
err(setattr, p, "ro", 1)
err(delattr, p, "ro")
print(p.broken)
print(p.anything)

class Desc:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        print("set_name", owner.__name__, name)
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, value):
        setattr(obj, self.name, value * 10)
    def __delete__(self, obj):
        print("delete via descriptor")
class NonData:
    def __get__(self, obj, objtype=None):
        return "non-data value"
class Host:
    d = Desc()
    n = NonData()
h = Host()
print(h.d, type(Host.d).__name__)
h.d = 4
print(h.d, h._d, vars(h))
del h.d
print(h.n)
h.n = "instance wins"
print(h.n, vars(h))
h.__dict__["d"] = "shadow attempt"
print(h.d)

class Guard:
    __slots__ = ()
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name}")
    def __delattr__(self, name):
        raise AttributeError(f"cannot delete {name}")
g = Guard()
err(setattr, g, "a", 1)
err(delattr, g, "a")

class Logged:
    def __setattr__(self, name, value):
        print("setattr", name, value)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print("delattr", name)
        object.__delattr__(self, name)
lg = Logged()
lg.a = 1
lg.a += 1
print(lg.a)
del lg.a
err(delattr, lg, "a")

class Slotted:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
s = Slotted()
print(s.a, hasattr(s, "b"), hasattr(s, "__dict__"), Slotted.__slots__, type(Slotted.a).__name__)
err(getattr, s, "b")
err(setattr, s, "c", 3)
s.b = 2
del s.a
err(getattr, s, "a")
class SlotChild(Slotted):
    pass
sc = SlotChild()
sc.c = 3
print(sc.c, sc.__dict__)

# attribute errors on builtins
err(getattr, 1, "foo")
err(setattr, 1, "foo", 2)
err(setattr, "s", "upper", 2)
err(setattr, [], "append", 2)
err(delattr, [], "append")
err(getattr, None, "x")
err(setattr, object(), "x", 1)
err(getattr, int, "nope")
err(setattr, int, "nope", 1)
err(setattr, list, "append", 1)
err(getattr, getattr, "x")
err(getattr, t, 5)
err(setattr, t, 5, 1)
err(hasattr, t, 5)
print(getattr(t, "real"), getattr(int, "__name__"), getattr(str, "upper")("x"), getattr([1], "__len__")())

# class-level attribute lookup order and mro
class Base:
    x = "base"
    def who(self): return "Base.who"
class Mid(Base):
    pass
class Leaf(Mid):
    x = "leaf"
lf = Leaf()
print(lf.x, lf.who(), Leaf.__mro__ == (Leaf, Mid, Base, object))
Base.who = lambda self: "patched"
print(lf.who())
lf.who = lambda: "instance attr"
print(lf.who(), Leaf.who(lf))
del Leaf.x
print(lf.x)
err(delattr, Leaf, "x")
# __dict__ manipulation
class Plain:
    pass
pl = Plain()
pl.__dict__.update(a=1, b=2)
print(pl.a, pl.b, vars(pl))
pl.__dict__ = {"z": 26}
print(pl.z, hasattr(pl, "a"))
err(setattr, pl, "__dict__", 5)
print(pl.__class__.__name__)
class Other:
    pass
