import functools
from functools import partial, partialmethod, singledispatch, singledispatchmethod, total_ordering, cached_property, reduce, wraps
import collections.abc as cabc

try:
    reduce(max, 3)
except TypeError as e:
    print(e)
class P(partial):
    pass
p = P(max, 1)
print(repr(p), type(p).__name__)
q = partial(p, 2)
print(q.func, q.args, q(0))

class Cell:
    def __init__(self):
        self.v = 0
    def set(self, value, scale=1):
        self.v = value * scale
        return self.v
    set_five = partialmethod(set, 5)
    set_big = partialmethod(set, scale=100)
c = Cell()
print(c.set_five(), c.set_big(2), c.v)
print(type(Cell.__dict__['set_five']).__name__)

for root in ('lt', 'le', 'gt', 'ge'):
    ns = {'__init__': lambda self, v: setattr(self, 'v', v),
          '__eq__': lambda self, o: self.v == o.v}
    ops = {'lt': lambda s, o: s.v < o.v, 'le': lambda s, o: s.v <= o.v,
           'gt': lambda s, o: s.v > o.v, 'ge': lambda s, o: s.v >= o.v}
    ns['__%s__' % root] = ops[root]
    K = total_ordering(type('K' + root, (), ns))
    rows = []
    for a in (1, 2, 3):
        for b in (1, 2, 3):
            x, y = K(a), K(b)
            rows.append((x < y, x <= y, x > y, x >= y) == (a < b, a <= b, a > b, a >= b))
    print(root, all(rows), K.__lt__.__name__, K.__ge__.__name__)

@total_ordering
class N:
    def __lt__(self, other):
        return NotImplemented
try:
    N() > N()
except TypeError as e:
    print(e)

@singledispatch
def show(x):
    return 'obj'
@show.register
def _(x: int):
    return 'int'
@show.register(list)
def _(x):
    return 'list'
@show.register(cabc.Mapping)
def _(x):
    return 'mapping'
print(show(1), show(True), show([1]), show({}), show('s'), show(collections.OrderedDict() if False else {}))
print(show.dispatch(bool) is show.registry[int], sorted(k.__name__ for k in show.registry))
try:
    show()
except TypeError as e:
    print(e)
try:
    show.register(3)
except TypeError as e:
    print(e)
try:
    @show.register
    def _(x: 3):
        pass
except TypeError as e:
    print(e)
try:
    show.register(3, lambda x: x)
except TypeError as e:
    print(e)

class Fmt:
    @singledispatchmethod
    def fmt(self, arg):
        return 'default'
    @fmt.register
    def _(self, arg: int):
        return 'int %d' % arg
    @fmt.register(str)
    def _(self, arg):
        return 'str ' + arg
f = Fmt()
print(f.fmt(3), f.fmt('x'), f.fmt(2.0))

class Box:
    def __init__(self, n):
        self.n = n
    @cached_property
    def double(self):
        print('computing')
        return self.n * 2
b = Box(4)
print(b.double, b.double, b.__dict__)
del b.double
print(b.double)
print(Box.double.__doc__, Box.double.attrname)
class Slotted:
    __slots__ = ('x',)
    @cached_property
    def y(self):
        return 1
try:
    Slotted().y
except TypeError as e:
    print(e)
try:
    class Two:
        @cached_property
        def a(self):
            return 1
        b = a
except (TypeError, RuntimeError) as e:
    print("rejected")

def deco(fn):
    @wraps(fn)
    def inner(*a):
        return fn(*a)
    return inner
def original(a):
    "doc here"
    return a
original.extra = 5
w = deco(original)
print(w.__name__, w.__doc__, w.extra, w.__wrapped__ is original, w.__qualname__)
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)

@functools.lru_cache(maxsize=3)
def ident(x, **kw):
    return x
for v in [1, 2, 3, 1, 4, 2, 1]:
    ident(v)
print(ident.cache_info(), ident.cache_parameters())
print(ident(1, a=2), ident(1, a=2), ident.cache_info())
try:
    functools.lru_cache('x')
except TypeError as e:
    print(e)
@functools.lru_cache(maxsize=0)
def zero(x):
    return x
zero(1); zero(1)
print(zero.cache_info())
@functools.lru_cache(maxsize=-5)
def neg(x):
    return x
neg(1); neg(1)
print(neg.cache_info())
