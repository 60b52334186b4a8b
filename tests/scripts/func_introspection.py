# function and code object attributes, closures, decorators and wrappers
def err(f, *a):
    try:
        print("ok", f(*a))
    except Exception as e:
        print(type(e).__name__, e)

def outer(a, b=2, *args, c, d=4, **kw):
    """Outer's doc."""
    x = a + b
    def inner(y):
        return x + y + c
    return inner
print(outer.__name__, outer.__qualname__, outer.__module__, outer.__doc__)
print(outer.__defaults__, outer.__kwdefaults__, outer.__closure__, sorted(outer.__globals__) == sorted(globals()))
co = outer.__code__
print(co.co_name, co.co_argcount, co.co_kwonlyargcount, co.co_posonlyargcount, co.co_varnames, co.co_cellvars, co.co_freevars)
print(co.co_filename.rsplit("/", 1)[-1], co.co_firstlineno, type(co).__name__, co.co_nlocals)
inn = outer(1, c=10)
print(inn.__name__, inn.__qualname__, inn.__code__.co_freevars, [c.cell_contents for c in inn.__closure__], inn(5))
print(type(inn.__closure__[0]).__name__)
lam = lambda q, *, r=1: q
print(lam.__name__, lam.__qualname__, lam.__code__.co_varnames, lam.__kwdefaults__, lam.__doc__)
class K:
    def method(self):
        def local():
            pass
        return local
    @staticmethod
    def st(): pass
    @classmethod
    def cm(cls): pass
    class Nested:
        def deep(self): pass
print(K.method.__qualname__, K().method().__qualname__, K.st.__qualname__, K.cm.__qualname__, K.Nested.deep.__qualname__, K.Nested.__qualname__)
bm = K().method
print(type(bm).__name__, bm.__name__, bm.__qualname__, bm.__func__ is K.method, type(bm.__self__).__name__)
cm = K.cm
print(type(cm).__name__, cm.__self__ is K, cm.__func__.__name__)
print(K.__dict__["st"].__class__.__name__, K.__dict__["cm"].__class__.__name__, K.__dict__["st"].__func__.__name__)

# function attributes
def f(): pass
f.custom = 5
f.__dict__["other"] = 6
print(f.custom, f.other, sorted(f.__dict__))
f.__name__ = "renamed"
f.__qualname__ = "Q.renamed"
f.__doc__ = "new doc"
print(f.__name__, f.__qualname__, f.__doc__)
err(setattr, f, "__name__", 5)
err(getattr, f, "missing")
del f.custom
print(hasattr(f, "custom"))
err(delattr, f, "custom")

# wrappers
def deco(func):
    def wrapper(*args, **kwargs):
        return ("wrapped", func(*args, **kwargs))
    wrapper.__wrapped__ = func
    wrapper.__name__ = func.__name__
    wrapper.__doc__ = func.__doc__
    return wrapper
@deco
def target(x):
    "target doc"
    return x * 2
print(target(3), target.__name__, target.__doc__, target.__wrapped__(3))

def param_deco(tag):
    def d(fn):
        def w(*a):
            return f"{tag}:{fn(*a)}"
        return w
    return d
@param_deco("A")
@param_deco("B")
def both(x):
    return x
print(both(1))

# closures see later rebinding; defaults capture at definition
fns = [lambda: i for i in range(3)]
print([g() for g in fns])
fns = [lambda i=i: i for i in range(3)]
print([g() for g in fns])
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    def get():
        return n
    return inc, get
inc, get = counter()
inc(); inc()
print(get(), inc.__closure__[0] is get.__closure__[0], inc.__code__.co_freevars)
def unbound():
    def g():
        return later
    try:
        g()
    except NameError as e:
        print(type(e).__name__, e)
    later = 1
    return g()
print(unbound())

# callable() and call protocol on various objects
print(callable(f), callable(K), callable(K()), callable(len), callable(1), callable(bm), callable(lambda: 0))
class CallMe:
    def __call__(self, *a, **k):
        return a, k
print(CallMe()(1, x=2), callable(CallMe()))
err(lambda: 5())
err(lambda: "s"())
err(lambda: None())
err(lambda: K()())
# repr of functions and methods (addresses removed)

def strip(r): return r.split(" at ")[0]
print(strip(repr(f)), strip(repr(lam)), strip(repr(inn)))
print(repr(len), repr(print), repr([].append)[:33], repr(K.st)[:20])
print(repr(K.method).split(" at ")[0], repr(bm).split(" of ")[0])
print(type(len).__name__, type([].append).__name__)
