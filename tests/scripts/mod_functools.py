import functools
from functools import reduce, partial, lru_cache, cache, wraps, cmp_to_key, total_ordering, cached_property

print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [], 1), reduce(max, [3, 9, 2], 0))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print(e)
def f(a, b, c=3, **kw):
    return (a, b, c, kw)
p = partial(f, 1, c=30)
print(p(2), p(2, c=5, d=6), p.args, p.keywords, p.func is f)
p2 = partial(p, 2)
print(p2(), p2.args, p2.func is f)
print(repr(partial(max, 1, key=abs)))
try:
    partial(3)
except TypeError as e:
    print(e)

calls = []
@lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(calls), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())

@lru_cache(maxsize=2)
def sq(x):
    return x * x
for v in [1, 2, 1, 3, 2, 1]:
    sq(v)
print(sq.cache_info(), sq.__name__, sq.__wrapped__.__name__)

@lru_cache
def g(x, y=1):
    return x + y
print(g(1), g(1), g(1, y=1), g(x=1), g.cache_info())

@lru_cache(maxsize=10, typed=True)
def t(x):
    return type(x).__name__
print(t(1), t(1.0), t.cache_info())

@cache
def c(n):
    return n * 2
print(c(4), c(4), c.cache_info())

def deco(fn):
    @wraps(fn)
    def inner(*a, **k):
        return fn(*a, **k)
    return inner
@deco
def hello(x):
    """say hello"""
    return "hi " + x
print(hello("bob"), hello.__name__, hello.__wrapped__.__name__)

def mycmp(a, b):
    return (a > b) - (a < b)
print(sorted([5, 2, 4, 1], key=cmp_to_key(mycmp)), sorted(["bb", "a", "ccc"], key=cmp_to_key(lambda a, b: len(b) - len(a))))

@total_ordering
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
print(V(1) < V(2), V(1) > V(2), V(1) <= V(1), V(3) >= V(2), V(2) >= V(3))
try:
    total_ordering(type("Z", (), {}))
except ValueError as e:
    print(e)

class Circle:
    def __init__(self, r):
        self.r = r
        self.n = 0
    @cached_property
    def area(self):
        self.n += 1
        return 3 * self.r * self.r
ci = Circle(2)
print(ci.area, ci.area, ci.n, "area" in ci.__dict__)
del ci.__dict__["area"]
print(ci.area, ci.n, type(Circle.area).__name__)

@functools.singledispatch
def show(x):
    return "obj:" + repr(x)
@show.register(int)
def _(x):
    return "int:%d" % x
@show.register(list)
def _(x):
    return "list of %d" % len(x)
print(show(1), show([1, 2]), show("s"), show(True))

class Cell:
    def __init__(self):
        self._alive = False
    def set_state(self, state):
        self._alive = bool(state)
    set_alive = functools.partialmethod(set_state, True)
cell = Cell()
cell.set_alive()
print(cell._alive)
