"""Abstract Base Classes: ABC, abstractmethod, ABCMeta (when metaclasses are
available). Instantiating a class with abstract methods left raises TypeError."""

__all__ = ['ABC', 'ABCMeta', 'abstractmethod', 'abstractclassmethod',
           'abstractstaticmethod', 'abstractproperty', 'get_cache_token']


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


def _abstract_names(cls):
    names = set()
    seen = set()
    for klass in cls.__mro__:
        for name, value in klass.__dict__.items():
            if name in seen:
                continue
            seen.add(name)
            if getattr(value, '__isabstractmethod__', False):
                names.add(name)
            else:
                fget = getattr(value, 'fget', None)
                if fget is not None and getattr(fget, '__isabstractmethod__', False):
                    names.add(name)
    return sorted(names)


def _check_instantiable(cls):
    names = _abstract_names(cls)
    if names:
        raise TypeError("Can't instantiate abstract class %s with abstract method%s %s" % (
            cls.__name__, '' if len(names) == 1 else 's', ', '.join(names)))


def abstractclassmethod(callable):
    callable.__isabstractmethod__ = True
    return classmethod(callable)


def abstractstaticmethod(callable):
    callable.__isabstractmethod__ = True
    return staticmethod(callable)


abstractproperty = property


def get_cache_token():
    return 0


try:
    class ABCMeta(type):
        def __call__(cls, *args, **kwargs):
            _check_instantiable(cls)
            return type.__call__(cls, *args, **kwargs)

        def register(cls, subclass):
            cls._abc_registry = getattr(cls, '_abc_registry', ()) + (subclass,)
            return subclass

        def __instancecheck__(cls, instance):
            return cls.__subclasscheck__(type(instance))

        def __subclasscheck__(cls, subclass):
            if cls in getattr(subclass, '__mro__', ()):
                return True
            for r in getattr(cls, '_abc_registry', ()):
                if issubclass(subclass, r):
                    return True
            hook = getattr(cls, '__subclasshook__', None)
            if hook is not None:
                ok = hook(subclass)
                if ok is not NotImplemented:
                    return bool(ok)
            return False
    _HAVE_META = True
except Exception:
    _HAVE_META = False

    class ABCMeta:
        """Placeholder: this interpreter cannot subclass type yet."""

        def register(cls, subclass):
            return subclass


class ABC:
    """Helper class that provides a standard way to create an ABC using
    inheritance."""
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        _check_instantiable(cls)
        return object.__new__(cls)

    @classmethod
    def register(cls, subclass):
        registry = cls.__dict__.get('_abc_registry', ())
        cls._abc_registry = registry + (subclass,)
        return subclass
