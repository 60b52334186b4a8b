# class creation machinery: metaclasses, __init_subclass__, __class_getitem__, __prepare__, type()
def err(f, *a, **k):
    try:
        print("ok", f(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)

class Meta(type):
    registry = []
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcls, name, bases, ns)
        mcls.registry.append(name)
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name, kw)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print("Meta.__call__", cls.__name__, a, k)
        return super().__call__(*a, **k)
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("Meta.__prepare__", name, kw)
        return {"injected": 42}
    def meta_method(cls):
        return f"meta method on {cls.__name__}"
    @property
    def meta_prop(cls):
        return cls.__name__.lower()

class Base(metaclass=Meta, flag=True):
    def __init__(self, v=0):
        self.v = v
class Child(Base, flag="child"):
    pass
print(Meta.registry, type(Base) is Meta, type(Child) is Meta, Base.injected, Child.meta_method(), Child.meta_prop)
c = Child(5)
print(c.v, type(c).__name__, isinstance(Child, Meta), isinstance(c, Base))
err(getattr, c, "meta_method")
print(hasattr(Child, "meta_method"), "meta_method" in dir(Child))

# type() with three arguments
def method(self):
    return "dynamic " + type(self).__name__
Dyn = type("Dyn", (Base,), {"method": method, "x": 1})
print(Dyn.__name__, Dyn.__bases__, Dyn().method(), Dyn.x, type(Dyn).__name__)
Plain = type("Plain", (), {})
print(Plain.__bases__, Plain.__mro__, Plain.__qualname__, Plain.__module__)
err(type, "X", (1,), {})
err(type, "X", (), [])
err(type, 1, (), {})
err(type, "X")
print(type(5), type("s") is str, type(type), type(Meta))

# metaclass conflicts
class OtherMeta(type):
    pass
class O(metaclass=OtherMeta):
    pass
try:
    class Bad(Base, O):
        pass
except TypeError as e:
    print(type(e).__name__, e)
class SubMeta(Meta, OtherMeta):
    pass
class Good(Base, O, metaclass=SubMeta):
    pass
print(type(Good).__name__)

# __init_subclass__ with keyword arguments
class Plugin:
    plugins = {}
    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugins[name or cls.__name__] = cls
        print("registered", name, cls.__name__)
class A(Plugin, name="alpha"):
    pass
class B(Plugin):
    pass
class C(A, name="gamma"):
    pass
print(sorted(Plugin.plugins))
try:
    class D(Plugin, unknown=1):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class E(unknown=1):
        pass
except TypeError as e:
    print(type(e).__name__, e)

# __class_getitem__ and generic aliases
class Container:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"
print(Container[int], Container["x"], Container[1, 2])
err(lambda: Base[int])
print(list[int], dict[str, int], tuple[int, ...], type(list[int]).__name__, list[int]([1, 2]))

# __set_name__ order, class attributes and __qualname__
class Named:
    def __init__(self, tag): self.tag = tag
    def __set_name__(self, owner, name):
        print("set_name", self.tag, owner.__name__, name)
class Owner:
    first = Named(1)
    second = Named(2)
    class Inner:
        third = Named(3)
print(Owner.Inner.__qualname__, Owner.__dict__["first"].tag)

# class decorators and mutation after creation
def add_repr(cls):
    cls.__repr__ = lambda self: f"<{cls.__name__} {vars(self)}>"
    return cls
@add_repr
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
print(Point(1, 2), repr(Point(3, 4)))
Point.z = property(lambda self: self.x + self.y)
print(Point(1, 2).z)
del Point.__repr__
print(repr(Point(0, 0))[:14])

# __new__ customisation
class Singleton:
    _inst = None
    def __new__(cls, *a):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        self.v = v
s1, s2 = Singleton(1), Singleton(2)
print(s1 is s2, s1.v)
class NotMine:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never called")
print(NotMine())
err(object.__new__, 5)
err(object.__new__, int)
class WithArgs:
    pass
err(WithArgs, 1)
class InitOnly:
    def __init__(self, a):
        self.a = a
err(InitOnly)
class NewOnly:
    def __new__(cls, a):
        return super().__new__(cls)
print(type(NewOnly(1)).__name__)
class BadInit:
    def __init__(self):
        return 5
err(BadInit)
# abstract-like checks and __subclasses__
class Root: pass
class L1(Root): pass
class L2(Root): pass
print([k.__name__ for k in Root.__subclasses__()], issubclass(L1, (L2, Root)), isinstance(L1(), (int, Root)))
class Meta2(type):
    def __instancecheck__(cls, obj):
        return obj == "magic"
    def __subclasscheck__(cls, sub):
        return sub is int
class Magic(metaclass=Meta2): pass
print(isinstance("magic", Magic), isinstance(5, Magic), issubclass(int, Magic), issubclass(str, Magic))
err(isinstance, 1, 1)
err(issubclass, 1, int)
err(issubclass, int, (int, 1))
print(list[int], dict[str, list[int]], tuple[int, ...], tuple[()], type[int], set[str], frozenset[bytes], list[int]([1]))
a = list[int]
print(type(a).__name__, a.__origin__, a.__args__, a.__parameters__, a == list[int], a != list[str], hash(a) == hash(list[int]))
class MyList(list[int]):
    pass
print(MyList.__bases__, MyList.__orig_bases__, MyList([1, 2]))
try:
    isinstance([], list[int])
except TypeError as e:
    print(e)
try:
    issubclass(list, list[int])
except TypeError as e:
    print(e)
try:
    int[str]
except TypeError as e:
    print(e)
def f(x: list[int], y: dict[str, int] = None) -> tuple[int, str]:
    pass
print(f.__annotations__)
class Custom: pass
print(list[Custom], dict[str, Custom])
