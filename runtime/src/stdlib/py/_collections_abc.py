"""collections.abc: abstract base classes for containers and iteration.

Small protocol ABCs (Hashable, Iterable, Sized, ...) accept any class whose
MRO defines their methods without setting them to None.  The container ABCs
derive their mixin methods from a few abstract ones.  Built-in types are
registered at the end of the module."""

from abc import ABCMeta, abstractmethod
import sys

__all__ = [
    "Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator",
    "AsyncGenerator", "Hashable", "Iterable", "Iterator", "Generator",
    "Reversible", "Sized", "Container", "Callable", "Collection", "Set",
    "MutableSet", "Mapping", "MutableMapping", "MappingView", "KeysView",
    "ItemsView", "ValuesView", "Sequence", "MutableSequence", "ByteString",
]

__name__ = "collections.abc"


# --- subscription (ABC[...]) -----------------------------------------------------

def _describe(arg):
    if arg is Ellipsis:
        return '...'
    if isinstance(arg, list):
        return '[' + ', '.join(map(_describe, arg)) + ']'
    if not isinstance(arg, type):
        return repr(arg)
    if arg.__module__ == 'builtins':
        return arg.__qualname__
    return arg.__module__ + '.' + arg.__qualname__


class _GenericAlias:
    """What ABC[args] gives: remembers the class and the arguments."""

    def __init__(self, origin, args):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args

    def __repr__(self):
        origin = self.__origin__
        inner = ', '.join(map(_describe, self.__args__))
        return f'{origin.__module__}.{origin.__qualname__}[{inner}]'

    def __eq__(self, other):
        if isinstance(other, _GenericAlias):
            return (self.__origin__, self.__args__) == (other.__origin__, other.__args__)
        return NotImplemented

    def __hash__(self):
        return hash((_GenericAlias, self.__origin__, self.__args__))

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)


def _subscript(cls, item):
    return _GenericAlias(cls, item)


_subscriptable = classmethod(_subscript)


# --- structural checks -----------------------------------------------------------

def _check_methods(C, *methods):
    """True when C's MRO provides every method name (none set to None),
    otherwise NotImplemented."""
    namespaces = [klass.__dict__ for klass in C.__mro__]
    for name in methods:
        found = next((ns[name] for ns in namespaces if name in ns), None)
        if found is None:
            return NotImplemented
    return True


def _structural_hook(methods):
    """A __subclasshook__ that recognises classes defining `methods`, for the
    ABC it is installed on (not its subclasses)."""
    def __subclasshook__(cls, C):
        if cls is owner[0]:
            return _check_methods(C, *methods)
        return NotImplemented
    owner = []
    return owner, classmethod(__subclasshook__)


def _install_hooks(table):
    for abc_class, methods in table:
        owner, hook = _structural_hook(methods)
        owner.append(abc_class)
        abc_class.__subclasshook__ = hook


def _no_dups_types(values):
    kinds = []
    for value in values:
        if type(value) not in kinds:
            kinds.append(type(value))
    return kinds


# --- shared bodies of the generator-like ABCs ---------------------------------

def _throw(self, typ, val=None, tb=None):
    """Raise the given exception inside; return the next value produced."""
    if val is None:
        if tb is None:
            raise typ
        val = typ()
    if tb is not None:
        val = val.with_traceback(tb)
    raise val


def _closer(kind):
    def close(self):
        """Throw GeneratorExit in, expecting it (or StopIteration) back."""
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, StopIteration):
            return
        raise RuntimeError(kind + " ignored GeneratorExit")
    return close


# --- protocol ABCs ----------------------------------------------------------------

class Hashable(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __hash__(self):
        return 0


class Awaitable(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __await__(self):
        yield

    __class_getitem__ = _subscriptable


class Coroutine(Awaitable):
    __slots__ = ()

    @abstractmethod
    def send(self, value):
        """Resume with `value`; return the next value produced."""
        raise StopIteration

    throw = abstractmethod(_throw)
    close = _closer("coroutine")


class AsyncIterable(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __aiter__(self):
        return AsyncIterator()

    __class_getitem__ = _subscriptable


class AsyncIterator(AsyncIterable):
    __slots__ = ()

    @abstractmethod
    async def __anext__(self):
        """The next item; StopAsyncIteration at the end."""
        raise StopAsyncIteration

    def __aiter__(self):
        return self


class AsyncGenerator(AsyncIterator):
    __slots__ = ()

    async def __anext__(self):
        return await self.asend(None)

    @abstractmethod
    async def asend(self, value):
        """Resume with `value`; return the next value produced."""
        raise StopAsyncIteration

    @abstractmethod
    async def athrow(self, typ, val=None, tb=None):
        """Raise the given exception inside; return the next value produced."""
        _throw(self, typ, val, tb)

    async def aclose(self):
        """Throw GeneratorExit in, expecting it (or StopAsyncIteration) back."""
        try:
            await self.athrow(GeneratorExit)
        except (GeneratorExit, StopAsyncIteration):
            return
        raise RuntimeError("asynchronous generator ignored GeneratorExit")


class Iterable(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __iter__(self):
        return iter(())

    __class_getitem__ = _subscriptable


class Iterator(Iterable):
    __slots__ = ()

    @abstractmethod
    def __next__(self):
        """The next item; StopIteration at the end."""
        raise StopIteration

    def __iter__(self):
        return self


class Reversible(Iterable):
    __slots__ = ()

    @abstractmethod
    def __reversed__(self):
        return iter(())


class Generator(Iterator):
    __slots__ = ()

    def __next__(self):
        return self.send(None)

    @abstractmethod
    def send(self, value):
        """Resume with `value`; return the next value produced."""
        raise StopIteration

    throw = abstractmethod(_throw)
    close = _closer("generator")


class Sized(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __len__(self):
        return 0


class Container(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __contains__(self, x):
        return False

    __class_getitem__ = _subscriptable


class Collection(Sized, Iterable, Container):
    __slots__ = ()


class Callable(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __call__(self, *args, **kwds):
        return False

    __class_getitem__ = _subscriptable


_install_hooks([
    (Hashable, ("__hash__",)),
    (Awaitable, ("__await__",)),
    (Coroutine, ("__await__", "send", "throw", "close")),
    (AsyncIterable, ("__aiter__",)),
    (AsyncIterator, ("__anext__", "__aiter__")),
    (AsyncGenerator, ("__aiter__", "__anext__", "asend", "athrow", "aclose")),
    (Iterable, ("__iter__",)),
    (Iterator, ("__iter__", "__next__")),
    (Reversible, ("__reversed__", "__iter__")),
    (Generator, ("__iter__", "__next__", "send", "throw", "close")),
    (Sized, ("__len__",)),
    (Container, ("__contains__",)),
    (Collection, ("__len__", "__iter__", "__contains__")),
    (Callable, ("__call__",)),
])


# --- sets --------------------------------------------------------------------------

def _contains_all(container, items):
    return all(item in container for item in items)


def _as_set(owner, other):
    """`other` as something supporting `in` cheaply, or None if it is not
    iterable at all."""
    if isinstance(other, Set):
        return other
    if isinstance(other, Iterable):
        return owner._from_iterable(other)
    return None


class Set(Collection):
    """Set algebra and comparisons from __contains__, __iter__, __len__."""

    __slots__ = ()

    def __le__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) <= len(other) and _contains_all(other, self)

    def __ge__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) >= len(other) and _contains_all(self, other)

    def __lt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) < len(other) and _contains_all(other, self)

    def __gt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) > len(other) and _contains_all(self, other)

    def __eq__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) == len(other) and _contains_all(other, self)

    @classmethod
    def _from_iterable(cls, it):
        """Build a result set; override when the constructor differs."""
        return cls(it)

    def isdisjoint(self, other):
        """True when no element of `other` is in this set."""
        return not any(item in self for item in other)

    def __and__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable([item for item in other if item in self])

    def __or__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable([*self, *other])

    def __sub__(self, other):
        other = _as_set(self, other)
        if other is None:
            return NotImplemented
        return self._from_iterable([item for item in self if item not in other])

    def __rsub__(self, other):
        other = _as_set(self, other)
        if other is None:
            return NotImplemented
        return self._from_iterable([item for item in other if item not in self])

    def __xor__(self, other):
        other = _as_set(self, other)
        if other is None:
            return NotImplemented
        return (self - other) | (other - self)

    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__

    def _hash(self):
        """A hash consistent with set equality, the same as frozenset's for
        the same elements."""
        top = sys.maxsize
        mask = 2 * top + 1
        value = 1927868237 * (len(self) + 1) & mask
        for item in self:
            h = hash(item)
            value = (value ^ ((h ^ (h << 16) ^ 89869747) * 3644798167)) & mask
        value ^= (value >> 11) ^ (value >> 25)
        value = (value * 69069 + 907133923) & mask
        if value > top:
            value -= mask + 1
        return 590923713 if value == -1 else value


class MutableSet(Set):
    """Adds remove, pop, clear and the in-place operators to add/discard."""

    __slots__ = ()

    @abstractmethod
    def add(self, value):
        raise NotImplementedError

    @abstractmethod
    def discard(self, value):
        raise NotImplementedError

    def remove(self, value):
        if value in self:
            self.discard(value)
        else:
            raise KeyError(value)

    def pop(self):
        for value in self:
            self.discard(value)
            return value
        raise KeyError

    def clear(self):
        while True:
            try:
                self.pop()
            except KeyError:
                return

    def __ior__(self, it):
        for value in it:
            self.add(value)
        return self

    def __iand__(self, it):
        for value in self - it:
            self.discard(value)
        return self

    def __ixor__(self, it):
        if it is self:
            self.clear()
            return self
        if not isinstance(it, Set):
            it = self._from_iterable(it)
        for value in it:
            if value in self:
                self.discard(value)
            else:
                self.add(value)
        return self

    def __isub__(self, it):
        if it is self:
            self.clear()
            return self
        for value in it:
            self.discard(value)
        return self


# --- mappings ------------------------------------------------------------------------

class Mapping(Collection):
    """get, in, keys/items/values and == from __getitem__, __iter__, __len__."""

    __slots__ = ()

    @abstractmethod
    def __getitem__(self, key):
        raise KeyError

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key):
        try:
            self[key]
            return True
        except KeyError:
            return False

    def keys(self):
        return KeysView(self)

    def items(self):
        return ItemsView(self)

    def values(self):
        return ValuesView(self)

    def __eq__(self, other):
        if isinstance(other, Mapping):
            return dict(self.items()) == dict(other.items())
        return NotImplemented

    __reversed__ = None


class MappingView(Sized):
    __slots__ = ('_mapping',)

    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return f'{type(self).__name__}({self._mapping!r})'

    __class_getitem__ = _subscriptable


def _plain_set(cls, it):
    return set(it)


class KeysView(MappingView, Set):
    __slots__ = ()

    _from_iterable = classmethod(_plain_set)

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        yield from self._mapping


class ItemsView(MappingView, Set):
    __slots__ = ()

    _from_iterable = classmethod(_plain_set)

    def __contains__(self, item):
        key, value = item
        mapping = self._mapping
        try:
            stored = mapping[key]
        except KeyError:
            return False
        return stored is value or stored == value

    def __iter__(self):
        mapping = self._mapping
        for key in mapping:
            yield key, mapping[key]


class ValuesView(MappingView, Collection):
    __slots__ = ()

    def __contains__(self, value):
        return any(stored is value or stored == value for stored in self)

    def __iter__(self):
        mapping = self._mapping
        for key in mapping:
            yield mapping[key]


_MISSING = object()


class MutableMapping(Mapping):
    """pop, popitem, clear, update, setdefault from item assignment and
    deletion."""

    __slots__ = ()

    @abstractmethod
    def __setitem__(self, key, value):
        raise KeyError

    @abstractmethod
    def __delitem__(self, key):
        raise KeyError

    def pop(self, key, default=_MISSING):
        try:
            value = self[key]
        except KeyError:
            if default is _MISSING:
                raise
            return default
        del self[key]
        return value

    def popitem(self):
        for key in self:
            value = self[key]
            del self[key]
            return key, value
        raise KeyError

    def clear(self):
        while True:
            try:
                self.popitem()
            except KeyError:
                return

    def update(self, other=(), /, **kwds):
        if isinstance(other, Mapping):
            pairs = ((key, other[key]) for key in other)
        elif hasattr(other, "keys"):
            pairs = ((key, other[key]) for key in other.keys())
        else:
            pairs = other
        for key, value in pairs:
            self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def setdefault(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            pass
        self[key] = default
        return default


# --- sequences -------------------------------------------------------------------------

class Sequence(Reversible, Collection):
    """Iteration, in, reversed, index and count from __getitem__ and __len__."""

    __slots__ = ()

    @abstractmethod
    def __getitem__(self, index):
        raise IndexError

    def __iter__(self):
        position = 0
        while True:
            try:
                item = self[position]
            except IndexError:
                return
            yield item
            position += 1

    def __contains__(self, value):
        return any(item is value or item == value for item in self)

    def __reversed__(self):
        for position in range(len(self) - 1, -1, -1):
            yield self[position]

    def index(self, value, start=0, stop=None):
        """Position of the first occurrence of value in [start, stop);
        ValueError if there is none."""
        if start is not None and start < 0:
            start = max(0, start + len(self))
        if stop is not None and stop < 0:
            stop = stop + len(self)
        position = start
        while stop is None or position < stop:
            try:
                item = self[position]
            except IndexError:
                break
            if item is value or item == value:
                return position
            position += 1
        raise ValueError

    def count(self, value):
        """How many items are `value` or equal to it."""
        total = 0
        for item in self:
            if item is value or item == value:
                total += 1
        return total


class ByteString(Sequence):
    """Common base of bytes and bytearray."""

    __slots__ = ()


class MutableSequence(Sequence):
    """append, clear, reverse, extend, pop, remove and += from item
    assignment, deletion and insert()."""

    __slots__ = ()

    @abstractmethod
    def __setitem__(self, index, value):
        raise IndexError

    @abstractmethod
    def __delitem__(self, index):
        raise IndexError

    @abstractmethod
    def insert(self, index, value):
        raise IndexError

    def append(self, value):
        self.insert(len(self), value)

    def clear(self):
        while True:
            try:
                self.pop()
            except IndexError:
                return

    def reverse(self):
        last = len(self) - 1
        for low in range(len(self) // 2):
            high = last - low
            self[low], self[high] = self[high], self[low]

    def extend(self, values):
        if values is self:
            values = list(values)
        for value in values:
            self.append(value)

    def pop(self, index=-1):
        value = self[index]
        del self[index]
        return value

    def remove(self, value):
        del self[self.index(value)]

    def __iadd__(self, values):
        self.extend(values)
        return self


# --- built-in types ----------------------------------------------------------------------

def _sample_generator():
    yield


async def _sample_coroutine():
    pass


async def _sample_async_generator():
    yield


def _register_builtins():
    coroutine = _sample_coroutine()
    Coroutine.register(type(coroutine))
    coroutine.close()
    Generator.register(type(_sample_generator()))
    AsyncGenerator.register(type(_sample_async_generator()))
    samples = [iter(b''), iter(bytearray()), iter({}), iter({}.values()),
               iter({}.items()), iter([]), reversed([]), iter(range(0)),
               iter(set()), iter(''), iter(()), zip()]
    for kind in _no_dups_types(samples):
        Iterator.register(kind)
    for kind in (type(len), type(_sample_generator), type([].append), type):
        if '__call__' not in kind.__dict__:
            Callable.register(kind)
    try:
        from types import MappingProxyType
    except ImportError:
        MappingProxyType = dict
    if MappingProxyType is not dict:
        Mapping.register(MappingProxyType)
    pairs = [
        (Set, frozenset), (MutableSet, set),
        (KeysView, type({}.keys())), (ItemsView, type({}.items())),
        (ValuesView, type({}.values())), (MutableMapping, dict),
        (Sequence, tuple), (Sequence, str), (Sequence, range),
        (ByteString, bytes), (ByteString, bytearray),
        (MutableSequence, list), (MutableSequence, bytearray),
    ]
    for abc_class, kind in pairs:
        abc_class.register(kind)


_register_builtins()
del _register_builtins
