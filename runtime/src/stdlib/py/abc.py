"""Abstract base classes (PEP 3119).

ABCMeta gives each class an __abstractmethods__ set (instantiation is refused
while it is not empty) and a registry of virtual subclasses; isinstance() and
issubclass() against an ABC consult, in order, __subclasshook__, the real MRO,
the registry and the ABC's subclasses, remembering answers in per-class caches
(negative answers only until the next register() anywhere)."""

__all__ = [
    'ABC', 'ABCMeta', 'abstractclassmethod', 'abstractmethod',
    'abstractproperty', 'abstractstaticmethod', 'get_cache_token',
    'update_abstractmethods',
]


def abstractmethod(funcobj):
    """Mark a method as abstract: an ABC's subclasses must override it."""
    setattr(funcobj, '__isabstractmethod__', True)
    return funcobj


def _decorator_classes():
    class abstractclassmethod(classmethod):
        """Deprecated: abstractmethod() under classmethod()."""

        __isabstractmethod__ = True

        def __init__(self, callable):
            callable.__isabstractmethod__ = True
            super().__init__(callable)

    class abstractstaticmethod(staticmethod):
        """Deprecated: abstractmethod() under staticmethod()."""

        __isabstractmethod__ = True

        def __init__(self, callable):
            callable.__isabstractmethod__ = True
            super().__init__(callable)

    class abstractproperty(property):
        """Deprecated: a property with an abstract getter."""

        __isabstractmethod__ = True

    return abstractclassmethod, abstractstaticmethod, abstractproperty


try:
    abstractclassmethod, abstractstaticmethod, abstractproperty = _decorator_classes()
except TypeError:
    # This interpreter cannot subclass classmethod/staticmethod/property:
    # decorators that mark the wrapped function instead.
    def abstractclassmethod(callable):
        """Deprecated: abstractmethod() under classmethod()."""
        callable.__isabstractmethod__ = True
        return classmethod(callable)

    def abstractstaticmethod(callable):
        """Deprecated: abstractmethod() under staticmethod()."""
        callable.__isabstractmethod__ = True
        return staticmethod(callable)

    def abstractproperty(fget=None, fset=None, fdel=None, doc=None):
        """Deprecated: a property with an abstract getter."""
        if fget is not None:
            fget.__isabstractmethod__ = True
        return property(fget, fset, fdel, doc)


# Generation of registrations: it moves on at every register(), which makes
# every negative cache recorded under an older generation stale.
_abc_invalidation_counter = 0


def get_cache_token():
    """An opaque value that changes whenever any ABC registers a class."""
    return _abc_invalidation_counter


def _is_abstract(value):
    return bool(getattr(value, '__isabstractmethod__', False))


def _abstract_names(cls, own):
    """Names still abstract in cls: abstract members of its own namespace
    `own`, plus names abstract in a base that cls resolves to something
    abstract."""
    names = {name for name, value in own if _is_abstract(value)}
    for base in cls.__bases__:
        inherited = getattr(base, '__abstractmethods__', ())
        names.update(n for n in inherited if _is_abstract(getattr(cls, n, None)))
    return frozenset(names)


def _record(cls, subclass, answer):
    """Cache the answer for issubclass(subclass, cls) and return it."""
    if answer:
        cls._abc_cache.add(subclass)
    else:
        cls._abc_negative_cache.add(subclass)
    return answer


class ABCMeta(type):
    """Metaclass of abstract base classes."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _abstract_names(cls, namespace.items())
        cls._abc_registry = set()
        cls._abc_cache = set()
        cls._abc_negative_cache = set()
        cls._abc_negative_cache_version = get_cache_token()
        return cls

    def register(cls, subclass):
        """Make `subclass` a virtual subclass of this ABC; returns it, so this
        also works as a class decorator."""
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_registry.add(subclass)
        global _abc_invalidation_counter
        _abc_invalidation_counter += 1
        return subclass

    def __instancecheck__(cls, instance):
        """isinstance(instance, cls), checking __class__ as well as type()."""
        claimed = instance.__class__
        if claimed in cls._abc_cache:
            return True
        actual = type(instance)
        if actual is not claimed:
            return cls.__subclasscheck__(claimed) or cls.__subclasscheck__(actual)
        fresh = cls._abc_negative_cache_version == get_cache_token()
        if fresh and claimed in cls._abc_negative_cache:
            return False
        return cls.__subclasscheck__(claimed)

    def __subclasscheck__(cls, subclass):
        """issubclass(subclass, cls), including virtual subclasses."""
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        if subclass in cls._abc_cache:
            return True
        token = get_cache_token()
        if cls._abc_negative_cache_version != token:
            cls._abc_negative_cache = set()
            cls._abc_negative_cache_version = token
        elif subclass in cls._abc_negative_cache:
            return False
        verdict = cls.__subclasshook__(subclass)
        if verdict is not NotImplemented:
            _record(cls, subclass, bool(verdict))
            return verdict
        found = (cls in getattr(subclass, '__mro__', ())
                 or any(issubclass(subclass, r) for r in cls._abc_registry)
                 or any(issubclass(subclass, s) for s in cls.__subclasses__()))
        return _record(cls, subclass, found)

    def _dump_registry(cls, file=None):
        """Print the registry and caches (debugging aid)."""
        print("Class: %s.%s" % (cls.__module__, cls.__qualname__), file=file)
        print("Inv. counter: %s" % get_cache_token(), file=file)
        for name in ('_abc_registry', '_abc_cache', '_abc_negative_cache',
                     '_abc_negative_cache_version'):
            print("%s: %r" % (name, getattr(cls, name)), file=file)

    def _abc_registry_clear(cls):
        """Forget every registered virtual subclass."""
        cls._abc_registry.clear()

    def _abc_caches_clear(cls):
        """Forget every cached answer."""
        cls._abc_cache.clear()
        cls._abc_negative_cache.clear()


def update_abstractmethods(cls):
    """Recompute cls.__abstractmethods__ after its methods changed (for class
    decorators); classes that are not ABCs are returned untouched."""
    if hasattr(cls, '__abstractmethods__'):
        cls.__abstractmethods__ = _abstract_names(cls, cls.__dict__.items())
    return cls


class ABC(metaclass=ABCMeta):
    """Convenience base: subclassing ABC makes a class an ABC."""
    __slots__ = ()
