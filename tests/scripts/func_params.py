# function parameters: defaults, *args, **kwargs, keyword-only, positional-only, errors
def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(f(1, c=3), f(1, 2, 3, 4, c=5, e=6), f(a=1, c=2, d=3, z=0), f(*[1, 2, 3], **{"c": 9}))
def pos_only(a, b, /, c, *, d):
    return a, b, c, d
print(pos_only(1, 2, 3, d=4), pos_only(1, 2, c=3, d=4))
def kw_only(*, x, y=2): return x, y
print(kw_only(x=1), kw_only(y=5, x=0))
def plain(a, b): return a + b
calls = [
    lambda: plain(1), lambda: plain(1, 2, 3), lambda: plain(1, b=2, a=3), lambda: plain(1, c=3),
    lambda: plain(), lambda: kw_only(1), lambda: kw_only(), lambda: pos_only(1, 2, 3), lambda: pos_only(a=1, b=2, c=3, d=4),
    lambda: f(), lambda: f(1), lambda: plain(*5), lambda: plain(**5), lambda: plain(**{1: 2}),
    lambda: (lambda: 0)(1), lambda: (lambda x, y, z: 0)(1), lambda: (lambda x=1: 0)(1, 2),
    lambda: len(), lambda: len(1, 2), lambda: "a".split(1, 2, 3), lambda: [].append(), lambda: {}.get(),
    lambda: int(x=1), lambda: abs(x=1), lambda: sorted(), lambda: print(end=1),
]
for call in calls:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
def defaults_eval(x=[]):
    x.append(len(x))
    return x
print(defaults_eval(), defaults_eval(), defaults_eval([9]))
print(f.__defaults__, f.__kwdefaults__, f.__name__, f.__code__.co_argcount, f.__code__.co_kwonlyargcount, f.__code__.co_varnames[:4])
def deco(tag):
    def wrap(fn):
        def inner(*a, **k):
            return f"<{tag}>{fn(*a, **k)}</{tag}>"
        inner.__name__ = fn.__name__
        inner.__wrapped__ = fn
        return inner
    return wrap
@deco("b")
@deco("i")
def greet(name, punct="!"):
    return f"hi {name}{punct}"
print(greet("bob"), greet("al", punct="?"), greet.__name__, greet.__wrapped__.__name__)
def counter(fn):
    fn.calls = 0
    def w(*a):
        w.calls += 1
        return fn(*a)
    w.calls = 0
    return w
@counter
def sq(x): return x * x
sq(2); sq(3); print(sq.calls, sq(4), sq.calls)
print((lambda *a, **k: (a, k))(1, x=2), (lambda a, /, b: a - b)(5, b=1), (lambda: None)())
def rec(n): return 1 if n <= 1 else n * rec(n - 1)
print(rec(20), rec(30))
def varargs_only(*args): return len(args), args
print(varargs_only(), varargs_only(*range(5)), varargs_only(*"abc", *[1]))
def kwargs_only(**kw): return sorted(kw.items())
print(kwargs_only(), kwargs_only(a=1, **{"b": 2}), kwargs_only(**dict(x=1)))
def same_name(a, **kw): return a, kw
print(same_name(1, **{"b": 2}), same_name(a=1, b=3))
try:
    same_name(1, **{"a": 2})
except TypeError as e:
    print("TypeError", e)
class M:
    def m(self, x, *, y=0): return self.__class__.__name__, x, y
    @staticmethod
    def s(*a): return a
print(M().m(1, y=2), M.m(M(), 3), M().s(1, 2), M.s())
try:
    M().m()
except TypeError as e:
    print("TypeError", e)
try:
    M.m(1)
except TypeError as e:
    print("TypeError", e)
def gen_defaults(n=3):
    yield from range(n)
print(list(gen_defaults()), list(gen_defaults(1)))
def outer_kw(**options):
    def inner(**more):
        return {**options, **more}
    return inner
print(outer_kw(a=1)(b=2), outer_kw()(), callable(outer_kw), callable(1))
print(sorted([3, 1, 2], key=lambda v: -v), max("abc", key=ord), list(map(lambda x, y: x * y, [1, 2], [3, 4, 5])), list(filter(None, [0, 1, "", "a"])))
