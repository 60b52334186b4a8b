# inheritance: super() chains, diamond MRO, cooperative __init__, overriding
class Base:
    def __init__(self, **kw):
        print("Base.__init__", sorted(kw))
        self.base = True
    def hello(self): return "Base.hello"
    def who(self): return f"{type(self).__name__} via Base"
class Left(Base):
    def __init__(self, left=None, **kw):
        print("Left.__init__", left)
        super().__init__(**kw)
        self.left = left
    def hello(self): return "Left>" + super().hello()
class Right(Base):
    def __init__(self, right=None, **kw):
        print("Right.__init__", right)
        super().__init__(**kw)
        self.right = right
    def hello(self): return "Right>" + super().hello()
class Child(Left, Right):
    def __init__(self, **kw):
        print("Child.__init__")
        super().__init__(**kw)
    def hello(self): return "Child>" + super().hello()
c = Child(left=1, right=2, extra=3)
print([k.__name__ for k in Child.__mro__], c.hello(), c.who(), c.left, c.right, c.base)
print(super(Left, c).hello(), super(Child, c).hello(), Left.hello(c), Base.hello(c))
class A:
    def f(self): return "A"
class B(A):
    def f(self): return "B" + super().f()
class C(A):
    def f(self): return "C" + super().f()
class D(B, C):
    def f(self): return "D" + super().f()
print(D().f(), [k.__name__ for k in D.mro()], isinstance(D(), C), issubclass(D, A))
class Shape:
    sides = 0
    def describe(self): return f"{self.name()} with {self.sides} sides"
    def name(self): return "shape"
    @classmethod
    def create(cls): return cls()
class Square(Shape):
    sides = 4
    def name(self): return "square"
class Tri(Shape):
    sides = 3
print(Square().describe(), Tri().describe(), Square.create().name(), type(Tri.create()).__name__, Shape.sides, Square.sides)
class Counter:
    count = 0
    def __init__(self):
        type(self).count += 1
class SubCounter(Counter): pass
Counter(); Counter(); SubCounter()
print(Counter.count, SubCounter.count)
class Meta1(type): pass
class WithSuperInClassmethod:
    @classmethod
    def make(cls): return f"make {cls.__name__}"
class Derived2(WithSuperInClassmethod):
    @classmethod
    def make(cls): return "derived " + super().make()
print(Derived2.make(), Derived2().make())
class StaticHolder:
    @staticmethod
    def s(): return "static"
class SubStatic(StaticHolder):
    def call(self): return self.s() + "/" + super().s()
print(SubStatic().call())
class PropBase:
    @property
    def value(self): return 1
class PropChild(PropBase):
    @property
    def value(self): return super().value + 10
print(PropChild().value)
class Explicit(Base):
    def __init__(self):
        Base.__init__(self, explicit=True)
Explicit()
class NoInit(Base): pass
n = NoInit(z=1); print(n.base)
class Abstractish:
    def area(self): raise NotImplementedError("subclass must implement")
class Impl(Abstractish):
    def area(self): return 42
try:
    Abstractish().area()
except NotImplementedError as e:
    print("NotImplementedError", e)
print(Impl().area(), Impl.__bases__[0].__name__, Impl.__base__.__name__, object.__bases__, object.__mro__)
def outside(self): return "bound outside " + type(self).__name__
class Late: pass
Late.method = outside
print(Late().method(), Late.method(Late()))
class SlotsBase:
    __slots__ = ("x",)
class SlotsChild(SlotsBase):
    __slots__ = ("y",)
sc = SlotsChild(); sc.x = 1; sc.y = 2; print(sc.x, sc.y)
try:
    sc.z = 3
except AttributeError as e:
    print("AttributeError", e)
print(super(Child, Child).__init__ is not None, type(super(Child, c)).__name__)
