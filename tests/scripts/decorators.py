# decorator patterns: with/without arguments, stacking, class decorators, memoization, wraps by hand
def trace(fn):
    def wrapper(*args, **kwargs):
        print(f"call {fn.__name__}{args} {kwargs}")
        result = fn(*args, **kwargs)
        print(f"  -> {result!r}")
        return result
    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    wrapper.__wrapped__ = fn
    return wrapper
@trace
def add(a, b=1):
    "adds"
    return a + b
add(2); add(2, b=5)
print(add.__name__, add.__doc__, add.__wrapped__(1, 1))
def repeat(times):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(times)]
        return wrapper
    return deco
@repeat(3)
def hello(name): return f"hi {name}"
print(hello("x"))
def memoize(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memoize
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))
def register(registry):
    def deco(cls):
        registry[cls.__name__] = cls
        cls.registered = True
        return cls
    return deco
REG = {}
@register(REG)
class Plugin: pass
@register(REG)
class Other(Plugin): pass
print(sorted(REG), Plugin.registered, Other.registered)
def singleton(cls):
    instances = {}
    def get(*a):
        if cls not in instances:
            instances[cls] = cls(*a)
        return instances[cls]
    return get
@singleton
class Conf:
    def __init__(self, v): self.v = v
print(Conf(1) is Conf(2), Conf(3).v)
class CountCalls:
    def __init__(self, fn):
        self.fn, self.calls = fn, 0
    def __call__(self, *a):
        self.calls += 1
        return self.fn(*a)
@CountCalls
def square(x): return x * x
print(square(3), square(4), square.calls)
def validate(**types):
    def deco(fn):
        def wrapper(**kw):
            for k, t in types.items():
                if not isinstance(kw.get(k), t):
                    raise TypeError(f"{k} must be {t.__name__}")
            return fn(**kw)
        return wrapper
    return deco
@validate(n=int, s=str)
def combine(n, s): return s * n
print(combine(n=2, s="ab"))
try:
    combine(n="2", s="ab")
except TypeError as e:
    print("TypeError", e)
class Methods:
    def __repr__(self): return "<Methods>"
    def __init__(self): self.x = 5
    @trace
    def m(self, y): return self.x + y
    @property
    @trace
    def p(self): return self.x * 2
print(Methods().m(1), Methods().p)
order = []
def mark(tag):
    order.append(f"factory {tag}")
    def deco(fn):
        order.append(f"apply {tag}")
        return fn
    return deco
@mark("outer")
@mark("inner")
def f(): pass
print(order)
