# argument binding errors and star/double-star calls, with CPython's exact messages
def err(f, *a, **k):
    try:
        print("ok", f(*a, **k))
    except TypeError as e:
        print("TypeError", e)

def f0(): return 0
def f1(a): return a
def f2(a, b): return a, b
def f3(a, b, c): return a, b, c
def fd(a, b=2): return a, b
def fk(a, *, k, m=1): return a, k, m
def fp(a, b, /, c): return a, b, c
def fv(*args): return args
def fkw(**kw): return kw
def fall(a, b=1, *args, c, d=4, **kw): return a, b, args, c, d, kw
def fpo(a, /, b=2, *, c=3): return a, b, c

err(f0, 1)
err(f0, x=1)
err(f1)
err(f1, 1, 2)
err(f2)
err(f2, 1)
err(f3)
err(f3, 1)
err(f2, 1, 2, 3)
err(fd)
err(fd, 1, 2, 3)
err(fd, 1, 2, 3, 4)
err(f1, 1, a=2)
err(f2, 1, a=3)
err(f1, b=1)
err(f1, a=1, b=2)
err(fk, 1)
err(fk, 1, 2)
err(fk, 1, 2, k=3)
err(fk)
err(fk, k=1)
err(fp, 1, 2, 3)
err(fp, 1, b=2, c=3)
err(fp, a=1, b=2, c=3)
err(fp, 1, 2)
err(fkw, 1)
err(fv, a=1)
err(fall)
err(fall, 1)
err(fall, 1, 2, 3, c=4, e=5)
err(fall, 1, a=1, c=2)
err(fpo, 1, 2, 3)
err(fpo, a=1)
err(fpo, 1, a=2)
err(lambda x: x)
err(lambda: 0, 1)
err(lambda *, k: k)

class C:
    def m(self, x): return x
    @classmethod
    def cm(cls, x): return x
    @staticmethod
    def sm(x): return x
c = C()
err(c.m)
err(c.m, 1, 2)
err(C.m, 1)
err(C.cm)
err(C.sm)
err(c.m, y=1)
err(lambda: type(C()).__name__)
err(C, 1)
class D:
    def __init__(self, a): self.a = a
err(D)
err(D, 1, 2)
err(D, b=1)

# star and double-star calls
print(f3(*[1, 2], 3), f3(*"ab", *"c"), f3(1, *(), *[2, 3]))
print(f3(**{"a": 1, "b": 2, "c": 3}), f3(1, **{"b": 2}, c=3), f3(*[1], **{"c": 3}, b=2))
print(fkw(**{"x": 1}, **{"y": 2}), fkw(a=1, **{"b": 2}), fv(*range(3), *[], 9))
for src in ['f3(*1)', 'f3(1, *1)', 'f3(*1, 2)', 'f3(*[1], *1)', 'f3(**1)', 'f3(a=1, **1)', 'f3(**{}, **1)',
            'len(*1)', 'print(**1)', '[*1]', '(*1,)', '{*1}', '{**1}', '{"a": 1, **1}',
            'f3(**{"a": 1}, **{"a": 2})', 'f3(a=1, **{"a": 2})', 'print(**{"sep": 1}, sep=2)',
            'f3(1, **{"a": 1})', 'fkw(**{1: 2})', 'fkw(**{"a": 1}, a=2)', 'f3(*[1, 2, 3, 4])',
            'fk(1, 2, k=3, m=4)', 'fk(1, 2, 3, k=3)', 'fd(1, 2, 3, b=2)', 'fall(1, 2, 3, d=4)']:
    try:
        exec(src)
    except TypeError as e:
        print(src, "->", e)
class M:
    def keys(self): return ["a", "b", "c"]
    def __getitem__(self, k): return k.upper()
print(f3(**M()))
class NotIter: pass
for src in ["f3(*NotIter())", "f3(**NotIter())"]:
    try:
        exec(src)
    except TypeError as e:
        print(src, "->", e)
def gen():
    yield 1
    yield 2
    yield 3
print(f3(*gen()))
err(len, [1], [2])
err(len)
err(isinstance, 1)
err(print, sep=1)
err(print, end=2)
err(sorted, [1], reverse=1, cmp=None)
err(int, "1", 2, 3)
err(divmod, 1)
err(getattr, 1)
err("abc".split, 1, 2, 3)
err([].append)
err([].append, 1, 2)
err({}.get)
err("x".join)
err("x".replace, "a")
err(abs)
err(abs, 1, 2)
err(hash, [])
err(round, 1.5, 2, 3)
err(max, key=len)
err(dict, 1, 2)
err(range)
err(range, 1, 2, 3, 4)
err(range, "1")
err(str, 1, 2, 3, 4)
err(object, 1)
err(type, 1, 2)

# defaults are evaluated once
def acc(x, into=[]):
    into.append(x)
    return into
print(acc(1), acc(2), acc(3, []), acc(4))
print(fd.__defaults__, fk.__kwdefaults__, fall.__defaults__, fall.__kwdefaults__, f0.__defaults__)
fd.__defaults__ = (99,)
print(fd(1))
fk.__kwdefaults__ = {"k": "K", "m": "M"}
print(fk(0))
# argument-count messages of str methods (argument clinic and old-style parsing)
for m in ['removeprefix', 'removesuffix', 'zfill', 'join', 'count', 'replace', 'translate', 'format_map', 'center',
          'split', 'find', 'encode', 'ljust', 'expandtabs', 'startswith', 'partition', 'rsplit', 'splitlines',
          'strip', 'index', 'upper']:
    for args in [(), (1, 2, 3, 4)]:
        try:
            getattr('x', m)(*args)
        except TypeError as e:
            print(m, e)
