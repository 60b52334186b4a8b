# collections.abc: the ABCs against built-in types, one-method hooks,
# register(), and the mixin methods of Set/MutableSet/Mapping/MutableMapping/
# Sequence/MutableSequence.
import collections.abc as cabc
from collections.abc import *
import collections

ABCS = (Hashable, Iterable, Iterator, Reversible, Generator, Sized, Container, Callable, Collection,
        Set, MutableSet, Mapping, MutableMapping, Sequence, MutableSequence, ByteString,
        KeysView, ItemsView, ValuesView, Awaitable, Coroutine, AsyncIterable, AsyncIterator,
        AsyncGenerator, MappingView)
print(isinstance({}.values(), ValuesView), isinstance({}.values(), Collection))
print(collections.abc is cabc, Iterable.__module__, repr(Mapping), sorted(cabc.__all__) == sorted(a.__name__ for a in ABCS))


def gen():
    yield 1


async def coro():
    pass


async def agen():
    yield 1


c = coro()
samples = [[1], (1,), "s", b"b", bytearray(b"x"), {1: 2}, {1}, frozenset(), range(3), 5, 1.5, None, len,
           lambda: 0, {}.keys(), {}.items(), iter([]), gen(), c, agen(), object()]
for s in samples:
    print(type(s).__name__ if type(s).__name__ != "list_iterator" else "iterator",
          [a.__name__ for a in ABCS if isinstance(s, a)])
c.close()


class OnlyLen:
    def __len__(self):
        return 3


class NoHash:
    __hash__ = None


class Iter:
    def __iter__(self):
        return iter([1, 2])


class NotIter(Iter):
    __iter__ = None


print(isinstance(OnlyLen(), Sized), isinstance(OnlyLen(), Collection), isinstance(NoHash(), Hashable),
      isinstance(Iter(), Iterable), isinstance(NotIter(), Iterable), issubclass(OnlyLen, Container))


# Set mixins
class ListSet(Set):
    def __init__(self, items=()):
        self.items = []
        for x in items:
            if x not in self.items:
                self.items.append(x)

    def __contains__(self, x):
        return x in self.items

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)

    def __repr__(self):
        return "ListSet(%r)" % (self.items,)


a, b = ListSet([1, 2, 3]), ListSet([2, 3, 4])
print(a & b, a | b, a - b, a ^ b, sorted(a ^ b), a <= b, ListSet([2]) < a, a == ListSet([3, 2, 1]), a != b)
print(a.isdisjoint([7, 8]), a.isdisjoint(b), [1, 5] & a if False else a & [1, 5], a - [1], [3, 9] - a if False else 0)
print(a._hash() == ListSet([3, 1, 2])._hash(), isinstance(a, Set), isinstance(a, MutableSet), a == {1, 2, 3})


class MySet(MutableSet):
    def __init__(self, items=()):
        self.data = set(items)

    def __contains__(self, x):
        return x in self.data

    def __iter__(self):
        return iter(sorted(self.data))

    def __len__(self):
        return len(self.data)

    def add(self, x):
        self.data.add(x)

    def discard(self, x):
        self.data.discard(x)


m = MySet([1, 2])
m |= [3]
m -= [1]
m ^= [2, 9]
print(sorted(m), m.pop(), sorted(m))
try:
    m.remove(42)
except KeyError as e:
    print("KeyError", e)
m.clear()
print(len(m))
m.add(5)
m &= [5, 6]
print(list(m))


# Mapping mixins
class Table(Mapping):
    def __init__(self, **kw):
        self._d = dict(kw)

    def __getitem__(self, k):
        return self._d[k]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)


t = Table(a=1, b=2)
print(t.get("a"), t.get("z", 0), "a" in t, "z" in t, list(t.keys()), list(t.items()), list(t.values()), t == {"a": 1, "b": 2})
print(repr(t.keys()).split(" object")[0], ("a", 1) in t.items(), 2 in t.values(), t.keys() & {"a", "q"}, t.items() | {("c", 3)} == {("a", 1), ("b", 2), ("c", 3)})
print(len(t.keys()), isinstance(t.keys(), KeysView), isinstance(t, MutableMapping), hasattr(Table, "__reversed__") and Table.__reversed__)


class Store(MutableMapping):
    def __init__(self):
        self._d = {}

    def __getitem__(self, k):
        return self._d[k]

    def __setitem__(self, k, v):
        self._d[k] = v

    def __delitem__(self, k):
        del self._d[k]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)


s = Store()
s.update({"x": 1}, y=2)
s.update([("z", 3)])
print(dict(s), s.setdefault("x", 9), s.setdefault("w", 4), s.pop("x"), s.pop("nope", "dflt"), s.popitem(), dict(s))
try:
    s.pop("nope")
except KeyError as e:
    print("KeyError", e)
s.clear()
print(len(s), isinstance(s, Mapping))


# Sequence mixins
class Squares(Sequence):
    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.n))]
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError(i)
        return i * i

    def __len__(self):
        return self.n


sq = Squares(5)
print(list(sq), 9 in sq, 7 in sq, list(reversed(sq)), sq.index(9), sq.count(4), sq.index(16, -2))
try:
    sq.index(5)
except ValueError as e:
    print("ValueError", repr(e))


class Vec(MutableSequence):
    def __init__(self, items=()):
        self._l = list(items)

    def __getitem__(self, i):
        return self._l[i]

    def __setitem__(self, i, v):
        self._l[i] = v

    def __delitem__(self, i):
        del self._l[i]

    def __len__(self):
        return len(self._l)

    def insert(self, i, v):
        self._l.insert(i, v)

    def __repr__(self):
        return "Vec(%r)" % self._l


v = Vec([1, 2])
v.append(3)
v.extend([4, 5])
v += [6]
v.reverse()
print(v, v.pop(), v.pop(0), v)
v.remove(3)
print(v)
v.extend(v)
print(v)
v.clear()
print(v, len(v))

# abstract methods are enforced
for cls in (Sequence, Mapping, MutableSet, Iterator, Hashable):
    try:
        cls()
    except TypeError as e:
        print(e)


class Incomplete(MutableMapping):
    def __getitem__(self, k):
        return 1


try:
    Incomplete()
except TypeError as e:
    print(e)

# register
class Tree:
    pass


Sequence.register(Tree)
print(issubclass(Tree, Sequence), issubclass(Tree, Iterable), isinstance(Tree(), Reversible), issubclass(Tree, MutableSequence))
print(Iterable[int], Callable[[int], str] if False else "-", Mapping.__abstractmethods__ == frozenset({"__getitem__", "__iter__", "__len__"}))
print(sorted(MutableSequence.__abstractmethods__), sorted(Generator.__abstractmethods__))
