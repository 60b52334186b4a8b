"""Names for type hints. At run time they are placeholders: subscripting works
and returns an alias, and nothing is checked."""

TYPE_CHECKING = False


class _Alias:
    def __init__(self, name, args=()):
        self._name = name
        self.__args__ = args

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        return _Alias(self._name, params)

    def __call__(self, *args, **kwargs):
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
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if obj is None or obj is type(None):
        return 'None'
    return repr(obj)


Any = _Alias('Any')
NoReturn = _Alias('NoReturn')
Never = _Alias('Never')
ClassVar = _Alias('ClassVar')
Final = _Alias('Final')
Union = _Alias('Union')
Optional = _Alias('Optional')
Literal = _Alias('Literal')
Annotated = _Alias('Annotated')
Callable = _Alias('Callable')
List = _Alias('List')
Dict = _Alias('Dict')
Set = _Alias('Set')
FrozenSet = _Alias('FrozenSet')
Tuple = _Alias('Tuple')
Type = _Alias('Type')
Iterable = _Alias('Iterable')
Iterator = _Alias('Iterator')
Generator = _Alias('Generator')
Sequence = _Alias('Sequence')
MutableSequence = _Alias('MutableSequence')
Mapping = _Alias('Mapping')
MutableMapping = _Alias('MutableMapping')
AbstractSet = _Alias('AbstractSet')
MutableSet = _Alias('MutableSet')
Deque = _Alias('Deque')
DefaultDict = _Alias('DefaultDict')
OrderedDict = _Alias('OrderedDict')
Counter = _Alias('Counter')
ChainMap = _Alias('ChainMap')
Awaitable = _Alias('Awaitable')
Coroutine = _Alias('Coroutine')
AsyncIterator = _Alias('AsyncIterator')
AsyncIterable = _Alias('AsyncIterable')
AsyncGenerator = _Alias('AsyncGenerator')
Hashable = _Alias('Hashable')
Sized = _Alias('Sized')
Container = _Alias('Container')
Collection = _Alias('Collection')
Reversible = _Alias('Reversible')
ContextManager = _Alias('ContextManager')
Pattern = _Alias('Pattern')
Match = _Alias('Match')
IO = _Alias('IO')
TextIO = _Alias('TextIO')
BinaryIO = _Alias('BinaryIO')
LiteralString = _Alias('LiteralString')
Self = _Alias('Self')
TypeAlias = _Alias('TypeAlias')
Text = str
AnyStr = _Alias('AnyStr')


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

    def __class_getitem__(cls, params):
        return cls


class Protocol(Generic):
    """Base class for protocol classes."""


def cast(typ, val):
    return val


def overload(func):
    def _overload_dummy(*args, **kwds):
        raise NotImplementedError(
            "You should not call an overloaded function. "
            "A series of @overload-decorated functions "
            "outside a stub module should always be followed "
            "by an implementation that is not @overload-ed.")
    return _overload_dummy


def final(f):
    return f


def no_type_check(arg):
    return arg


def runtime_checkable(cls):
    return cls


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            hints.update(base.__dict__.get('__annotations__', {}))
        return hints
    return dict(getattr(obj, '__annotations__', {}))


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


def NamedTuple(typename, fields=None, /, **kwargs):
    from collections import namedtuple
    if fields is None:
        fields = kwargs.items()
    return namedtuple(typename, [n for n, t in fields])


def TypedDict(typename, fields=None, /, total=True, **kwargs):
    return dict


def assert_never(arg):
    raise AssertionError("Expected code to be unreachable")


def reveal_type(obj):
    return obj
