# attribute access hooks, descriptors, properties, __slots__, __set_name__
class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        print("set_name", owner.__name__, name)
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be int")
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print("deleting", self.name)
        delattr(obj, self.name)
class NonData:
    def __get__(self, obj, objtype=None):
        return ("nondata", obj is None, objtype.__name__)
class Point:
    x = Typed()
    y = Typed()
    nd = NonData()
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Point(1, 2)
print(p.x, p.y, p._x, Point.x.__class__.__name__, p.nd, Point.nd)
p.nd = "shadow"; print(p.nd, vars(p))
try:
    p.x = "bad"
except TypeError as e:
    print("TypeError", e)
del p.x; print(p.x)
class Temp:
    def __init__(self): self._c = 0
    @property
    def celsius(self):
        "Temperature in C"
        return self._c
    @celsius.setter
    def celsius(self, v):
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("del celsius")
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temp(); t.celsius = 100; print(t.celsius, t.fahrenheit, Temp.celsius.__doc__, type(Temp.celsius).__name__)
del t.celsius
for bad in [lambda: setattr(t, "fahrenheit", 1), lambda: delattr(t, "fahrenheit")]:
    try:
        bad()
    except AttributeError as e:
        print("AttributeError", e)
print(Temp.celsius.fget(t), isinstance(Temp.celsius, property), Temp.fahrenheit.fset)
class Dyn:
    def __init__(self): self.real = 1
    def __getattr__(self, name):
        if name.startswith("z"):
            raise AttributeError(f"no {name}")
        return f"dyn:{name}"
d = Dyn(); print(d.real, d.anything, getattr(d, "foo"), hasattr(d, "zed"), getattr(d, "zoo", "default"))
class Logged:
    def __init__(self): object.__setattr__(self, "log", [])
    def __getattribute__(self, name):
        if name != "log":
            object.__getattribute__(self, "log").append(name)
        return object.__getattribute__(self, name)
    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2 if isinstance(value, int) else value)
    def __delattr__(self, name):
        print("delattr", name)
        object.__delattr__(self, name)
    def method(self): return "m"
lg = Logged(); lg.a = 5; print(lg.a, lg.method(), lg.log)
del lg.a
try:
    lg.a
except AttributeError as e:
    print("AttributeError", e)
class Slotted:
    __slots__ = ("a", "b")
    def __init__(self): self.a = 1
s = Slotted(); s.b = 2; print(s.a, s.b, Slotted.__slots__)
for bad in [lambda: setattr(s, "c", 3), lambda: s.__dict__]:
    try:
        bad()
    except AttributeError as e:
        print("AttributeError", e)
class SubSlot(Slotted):
    pass
ss = SubSlot(); ss.c = 3; print(ss.c, ss.__dict__)
class CountMeta(type):
    count = 0
class WithClassAttrs:
    counter = 0
    def __init__(self):
        WithClassAttrs.counter += 1
        self.id = WithClassAttrs.counter
w1, w2 = WithClassAttrs(), WithClassAttrs()
print(w1.id, w2.id, WithClassAttrs.counter, w1.counter, "counter" in vars(WithClassAttrs), "id" in vars(w1))
w1.counter = 99; print(w1.counter, w2.counter, WithClassAttrs.counter)
class Cm:
    @classmethod
    def make(cls, x): return cls, x
    @staticmethod
    def util(x): return x * 2
    def inst(self): return self
class Sub(Cm): pass
print(Cm.make(1)[0].__name__, Sub.make(2)[0].__name__, Sub().make(3)[0].__name__, Cm.util(4), Cm().util(5), Cm.inst(6))
print(type(Cm.__dict__["make"]).__name__, type(Cm.__dict__["util"]).__name__, Cm.__dict__["util"].__func__(7))
f = Cm().inst; print(f.__self__.__class__.__name__, f.__func__.__name__, f() is f.__self__)
setattr(Cm, "added", lambda self: "added!"); print(Cm().added(), hasattr(Cm, "added"))
delattr(Cm, "added"); print(hasattr(Cm, "added"))
print(getattr(Cm, "__name__"), Cm.__qualname__, Cm.__module__, Cm.__doc__, Sub.__bases__, Sub.__mro__)
class Doc:
    "A docstring."
    def m(self):
        "method doc"
print(Doc.__doc__, Doc.m.__doc__, Doc().m.__doc__, Doc.m.__name__, Doc.m.__qualname__)
class Outer:
    class Inner:
        def meth(self): pass
print(Outer.Inner.__qualname__, Outer.Inner.meth.__qualname__, Outer.Inner().__class__.__name__)
print(sorted(k for k in vars(Point) if not k.startswith("__")))
