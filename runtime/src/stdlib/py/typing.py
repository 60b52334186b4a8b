"""Names for type hints. At run time they are placeholders: subscripting works
and returns an alias, and nothing is checked."""

TYPE_CHECKING = False


class _Alias:
    def __init__(self, name, args=()):
        self._name = name
        self.__args__ = args

    def __getitem__(self, params):
        return _Alias(self._name, params if type(params) is tuple else (params,))

    def __call__(self, *_args, **_kwargs):
        raise TypeError(f"Type {self._name} cannot be instantiated")

    def __repr__(self):
        if self.__args__:
            return 'typing.%s[%s]' % (self._name, ', '.join(_type_repr(a) for a in self.__args__))
        return 'typing.' + self._name

    def __or__(self, other):
        return _Alias('Union', (self, other))

    def __ror__(self, other):
        return _Alias('Union', (other, self))


def _type_repr(obj):
    if obj is None or obj is type(None):
        return 'None'
    if obj is ...:
        return '...'
    if not isinstance(obj, type):
        return repr(obj)
    module = obj.__module__
    return obj.__qualname__ if module == 'builtins' else module + '.' + obj.__qualname__


# Special forms and generic aliases: placeholders that can be subscripted.
_ALIAS_NAMES = '''
Any NoReturn Never ClassVar Final Union Optional Literal Annotated
Callable List Dict Set FrozenSet Tuple Type Iterable Iterator Generator
Sequence MutableSequence Mapping MutableMapping AbstractSet MutableSet
Deque DefaultDict OrderedDict Counter ChainMap Awaitable Coroutine
AsyncIterator AsyncIterable AsyncGenerator Hashable Sized Container
Collection Reversible ContextManager Pattern Match IO TextIO BinaryIO
LiteralString Self TypeAlias AnyStr
'''.split()
for _name in _ALIAS_NAMES:
    globals()[_name] = _Alias(_name)
del _name
Text = str


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        if self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__


class ParamSpec(TypeVar):
    pass


class Generic:
    """Abstract base class for generic types."""

    __class_getitem__ = classmethod(lambda cls, _params: cls)


class Protocol(Generic):
    """Base class for protocol classes."""


def cast(typ, val):
    return val


_OVERLOAD_CALLED = ("You should not call an overloaded function. A series of "
                    "@overload-decorated functions outside a stub module should "
                    "always be followed by an implementation that is not "
                    "@overload-ed.")


def _overload_dummy(*_args, **_kwargs):
    raise NotImplementedError(_OVERLOAD_CALLED)


def overload(func):
    """Mark an overload signature; the returned stub refuses to be called."""
    return _overload_dummy


def final(f):
    return f


def no_type_check(arg):
    return arg


def runtime_checkable(cls):
    return cls


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of obj (merged along the MRO for a class), unevaluated."""
    if not isinstance(obj, type):
        return dict(getattr(obj, '__annotations__', {}))
    merged = {}
    for klass in obj.__mro__[::-1]:
        merged.update(vars(klass).get('__annotations__', {}))
    return merged


def get_origin(tp):
    return None


def get_args(tp):
    return getattr(tp, '__args__', ())


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__supertype__ = tp
    return new_type


# Names a NamedTuple class body may not define, and those it defines anyway.
_NT_RESERVED = frozenset('__new__ __init__ __slots__ __getnewargs__ _fields '
                         '_field_defaults _make _replace _asdict _source'.split())
_NT_IGNORED = frozenset(('__module__', '__name__', '__annotations__'))


def _typed_namedtuple(name, fields, module, defaults=()):
    from collections import namedtuple
    annotations = {}
    for field, hint in fields:
        annotations[field] = type(None) if hint is None else hint
    made = namedtuple(name, list(annotations), defaults=defaults, module=module)
    made.__annotations__ = annotations
    try:
        made.__new__.__annotations__ = annotations
    except (AttributeError, TypeError):
        pass
    return made


def _defaulted_fields(hints, namespace):
    """Names of the fields given a default, checking that they come last."""
    with_default = []
    for field in hints:
        if field in namespace:
            with_default.append(field)
            continue
        if with_default:
            plural = 's' if len(with_default) > 1 else ''
            raise TypeError(f"Non-default namedtuple field {field} cannot "
                            f"follow default field{plural} {', '.join(with_default)}")
    return with_default


class NamedTupleMeta(type):
    """Metaclass behind `class X(NamedTuple)`: turns the annotated class body
    into a namedtuple class."""

    def __new__(cls, typename, bases, ns):
        if any(base is not _NamedTuple and base is not Generic for base in bases):
            raise TypeError('can only inherit from a NamedTuple type and Generic')
        hints = ns.get('__annotations__', {})
        defaulted = _defaulted_fields(hints, ns)
        result = _typed_namedtuple(typename, hints.items(), ns['__module__'],
                                   [ns[field] for field in defaulted])
        for key, value in ns.items():
            if key in _NT_RESERVED:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            if key not in _NT_IGNORED and key not in result._fields:
                setattr(result, key, value)
        return result


def NamedTuple(typename, fields=None, /, **kwargs):
    """namedtuple() with field types: class syntax, a list of (name, type)
    pairs, or keyword arguments."""
    if fields is not None and kwargs:
        raise TypeError("Either list of fields or keywords"
                        " can be provided to NamedTuple, not both")
    return _typed_namedtuple(typename, kwargs.items() if fields is None else fields,
                             '__main__')


_NamedTuple = type.__new__(NamedTupleMeta, 'NamedTuple', (), {})
NamedTuple.__mro_entries__ = lambda bases: (_NamedTuple,)


def TypedDict(typename, fields=None, /, total=True, **kwargs):
    return dict


def assert_never(arg):
    raise AssertionError("Expected code to be unreachable")


def reveal_type(obj):
    return obj
