# abc: ABCMeta, abstract methods, register(), __subclasshook__, caches.
import abc
from abc import ABC, ABCMeta, abstractmethod


def show(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__, e)


class Base(ABC):
    @abstractmethod
    def run(self):
        """Run."""

    @property
    @abstractmethod
    def size(self):
        ...

    @classmethod
    @abstractmethod
    def make(cls):
        ...

    def helper(self):
        return "helper of " + type(self).__name__


print(sorted(Base.__abstractmethods__), type(Base).__name__, isinstance(Base, ABCMeta))
show("Base()", lambda: Base())


class Partial(Base):
    def run(self):
        return "run"


print(sorted(Partial.__abstractmethods__))
show("Partial()", lambda: Partial())


class Full(Partial):
    size = 3

    @classmethod
    def make(cls):
        return cls()


f = Full.make()
print(Full.__abstractmethods__, f.run(), f.size, f.helper(), isinstance(f, Base), issubclass(Full, Base))


class One(ABC):
    @abstractmethod
    def only(self):
        pass


show("One()", lambda: One())


# register: virtual subclasses
class Sized2(metaclass=ABCMeta):
    pass


class Plain:
    pass


print(isinstance(Plain(), Sized2), issubclass(Plain, Sized2))
r = Sized2.register(Plain)
print(r is Plain, isinstance(Plain(), Sized2), issubclass(Plain, Sized2), Sized2 not in Plain.__mro__)
Sized2.register(int)
print(isinstance(3, Sized2), isinstance(True, Sized2), issubclass(bool, Sized2), isinstance(3.0, Sized2))
show("register(3)", lambda: Sized2.register(3))
show("cycle", lambda: Plain.register(Sized2) if hasattr(Plain, "register") else Sized2.register(Sized2))


class Sub2(Sized2):
    pass


show("inheritance cycle", lambda: Sub2.register(Sized2))
print(issubclass(Sub2, Sized2), isinstance(Sub2(), Sized2), issubclass(Plain, Sub2))


@Sub2.register
class Decorated:
    pass


print(Decorated.__name__, issubclass(Decorated, Sub2), issubclass(Decorated, Sized2))
tok = abc.get_cache_token()
Sized2.register(float)
print(abc.get_cache_token() != tok, isinstance(1.5, Sized2))


# __subclasshook__
class HasLen(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is HasLen:
            return any("__len__" in B.__dict__ for B in C.__mro__)
        return NotImplemented


class WithLen:
    def __len__(self):
        return 0


print(isinstance([], HasLen), isinstance(WithLen(), HasLen), isinstance(3, HasLen), issubclass(dict, HasLen))
show("issubclass(3, HasLen)", lambda: issubclass(3, HasLen))


# isinstance with tuples and ABCs mixed
print(isinstance(3, (str, Sized2)), isinstance("x", (Sized2, HasLen)), isinstance(None, (Sized2, HasLen)))


# update_abstractmethods
class Later(ABC):
    @abstractmethod
    def go(self):
        pass


def go(self):
    return "went"


Later.go = go
print(sorted(Later.__abstractmethods__))
abc.update_abstractmethods(Later)
print(sorted(Later.__abstractmethods__), Later().go())


# metaclass keyword arguments and custom ABC metaclasses
class Meta(ABCMeta):
    def __new__(mcls, name, bases, ns, **kw):
        tag = kw.pop("tag", "none")
        cls = super().__new__(mcls, name, bases, ns, **kw)
        cls.tag = tag
        return cls

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)


class Tagged(metaclass=Meta, tag="t1"):
    @abstractmethod
    def f(self):
        pass


class TaggedImpl(Tagged):
    def f(self):
        return 1


print(Tagged.tag, TaggedImpl.tag, TaggedImpl().f(), type(TaggedImpl).__name__)
show("Tagged()", lambda: Tagged())

# abstract decorators of the deprecated kind still mark methods
class Old(ABC):
    @abc.abstractclassmethod
    def cm(cls):
        pass

    @abc.abstractstaticmethod
    def sm():
        pass


print(sorted(Old.__abstractmethods__))
print(ABC.__slots__, hasattr(Full(), "__dict__"))
