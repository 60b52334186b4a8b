# metaclasses, type(), __init_subclass__, __class_getitem__, __prepare__, MRO
class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        print("Meta.__new__", mcs.__name__, name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcs, name, bases, ns)
        cls.tag = kw.get("tag", "none")
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *args, **kwargs):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__(*args, **kwargs)
    def describe(cls):
        return f"<{cls.__name__} tag={cls.tag}>"
    @property
    def upper_name(cls):
        return cls.__name__.upper()
class A(metaclass=Meta, tag="alpha"):
    x = 1
    def __init__(self, v):
        self.v = v
a = A(5)
print(a.v, A.tag, A.describe(), A.upper_name, type(A).__name__, type(a).__name__, isinstance(A, Meta), isinstance(a, A))
class B(A):
    y = 2
print(B.tag, type(B) is Meta, B.describe(), B.__mro__)
try:
    a.describe()
except AttributeError as e:
    print("AttributeError", e)
Dyn = type("Dyn", (A,), {"z": 3, "hello": lambda self: f"hi {self.v}"})
d = Dyn(7); print(Dyn.__name__, Dyn.z, d.hello(), Dyn.tag, type(Dyn).__name__, Dyn.__bases__)
Plain = type("Plain", (), {}); print(Plain, Plain.__bases__, type(Plain()), type(type), type(int), type(Meta))
class Registry:
    subclasses = []
    def __init_subclass__(cls, prefix="", **kw):
        super().__init_subclass__(**kw)
        cls.label = prefix + cls.__name__
        Registry.subclasses.append(cls.__name__)
class One(Registry): pass
class Two(Registry, prefix="my_"): pass
class Three(Two): pass
print(Registry.subclasses, One.label, Two.label, Three.label)
try:
    class Bad(Registry, unknown=1): pass
except TypeError as e:
    print("TypeError", e)
class Gen:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"
print(Gen[int], Gen["x"], Gen[1, 2])
class OrderedMeta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 42}
class Prepared(metaclass=OrderedMeta):
    a = 1
print(Prepared.injected, Prepared.a)
class X: pass
class Y: pass
class Z(X, Y): pass
class W(Y): pass
class Q(Z, W): pass
print([c.__name__ for c in Q.__mro__], [c.__name__ for c in Q.mro()])
try:
    class Conflict(X, Z): pass
except TypeError as e:
    print("TypeError", e)
try:
    class Dup(X, X): pass
except TypeError as e:
    print("TypeError", e)
for base in [bool, type(None), range, type(len)]:
    try:
        class Sub(base): pass
    except TypeError as e:
        print("TypeError", e)
print(issubclass(Q, X), issubclass(Q, (int, Y)), issubclass(bool, object), issubclass(Meta, type), isinstance(Q, type), isinstance(3, (str, int)))
print(X.__subclasses__(), type.__subclasses__(Y) == [Z, W])
class InstCheck(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, int)
    def __subclasscheck__(cls, sub):
        return sub is bool
class IntLike(metaclass=InstCheck): pass
print(isinstance(5, IntLike), isinstance("a", IntLike), issubclass(bool, IntLike), issubclass(int, IntLike))
class Singleton(type):
    _instances = {}
    def __call__(cls, *a):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*a)
        return cls._instances[cls]
class Config(metaclass=Singleton):
    def __init__(self): print("Config init")
print(Config() is Config())
def decorate(cls):
    cls.decorated = True
    return cls
@decorate
class Dec: pass
print(Dec.decorated, Dec.__name__, Dec.__qualname__, Dec.__module__)
class WithNew:
    def __new__(cls, *args):
        print("WithNew.__new__", cls.__name__, args)
        inst = super().__new__(cls)
        inst.created = True
        return inst
    def __init__(self, a):
        print("WithNew.__init__", a)
w = WithNew(1); print(w.created)
class NotInit:
    def __new__(cls): return 42
    def __init__(self): print("never")
print(NotInit())
class ReturnsNone:
    def __init__(self): return 5
try:
    ReturnsNone()
except TypeError as e:
    print("TypeError", e)
for bad in [lambda: X(1), lambda: object(1), lambda: type("x"), lambda: type(1, 2)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
print(type("S", (object,), {"__slots__": ()})().__class__.__name__, A.__class__.__class__)
