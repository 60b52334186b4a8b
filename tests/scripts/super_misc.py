# super() in its many forms, __class__ cell, cooperative multiple inheritance
class A:
    def who(self): return ["A"]
    @classmethod
    def make(cls): return f"A.make({cls.__name__})"
    @property
    def prop(self): return "A.prop"
    def __repr__(self): return f"<{type(self).__name__}>"
class B(A):
    def who(self): return ["B"] + super().who()
    @classmethod
    def make(cls): return "B+" + super().make()
    @property
    def prop(self): return "B+" + super().prop
    def nested(self):
        def inner():
            return super(B, self).who()
        return inner()
    def uses_class_cell(self):
        return __class__.__name__
    def lam(self):
        return (lambda: super().who())()
class C(A):
    def who(self): return ["C"] + super().who()
class D(B, C):
    def who(self): return ["D"] + super().who()
d = D()
print(d.who(), D.make(), d.prop, d.nested(), d.uses_class_cell())
try:
    d.lam()
except RuntimeError as e:
    print(type(e).__name__, e)
print([k.__name__ for k in D.__mro__], super(D, d).who(), super(B, d).who(), super(C, d).who())
print(super(D, D).make(), repr(super(D, d))[:20], super(D, d).__self__ is d, super(D, d).__thisclass__.__name__)
try:
    super(B, 5)
except TypeError as e:
    print(type(e).__name__, e)
def outside():
    try:
        super()
    except RuntimeError as e:
        print(type(e).__name__, e)
outside()
class Mixin:
    def __init__(self, **kw):
        print("Mixin init", sorted(kw))
        super().__init__(**kw)
class Base:
    def __init__(self, **kw):
        print("Base init", sorted(kw))
class Combined(Mixin, Base):
    def __init__(self, x, **kw):
        print("Combined init", x)
        super().__init__(**kw)
Combined(1, y=2, z=3)
class S:
    @staticmethod
    def st():
        return "static"
class T(S):
    @staticmethod
    def st():
        return "T+" + super(T, T).st()
print(T.st(), T().st())
class Meta(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        cls.created_by = mcls.__name__
        return cls
class WithMeta(metaclass=Meta):
    pass
print(WithMeta.created_by)
class Str(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
    def __len__(self):
        return super().__len__() * 10
print(Str("abc"), len(Str("abc")), Str("x") + "y", isinstance(Str("q"), str))
class L(list):
    def append(self, x):
        super().append(x * 2)
    def __getitem__(self, i):
        return ("item", super().__getitem__(i))
l = L([1])
l.append(5)
print(l, l[1], len(l), list(l))
class Dct(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
dd = Dct()
dd["KEY"] = 1
print(dd, "key" in dd, dd.get("key"))
class E(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {super().__str__()}"
try:
    raise E(404, "not found")
except E as e:
    print(e, e.args, e.code, repr(e))
