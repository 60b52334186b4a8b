# Corners of the fast call paths: positional binding with defaults, bound
# methods, plain class instantiation, generators, recursion.


def f(a, b=2, c=[]):
    c.append(a)
    return a, b, len(c)


print(f(1), f(1, 5), f(1, 2, []), f(b=7, a=0))
try:
    f()
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)


def g(a, b=10):
    yield a
    yield b


print(list(g(1)), list(g(1, 2)))


class P:
    def __init__(self, x, y=0):
        self.x = x
        self.y = y

    def total(self, z=0):
        return self.x + self.y + z


p = P(1)
q = P(1, y=5)
m = p.total
print(p.total(), q.total(3), m(), m(z=4), list(map(m, [1, 2])))
try:
    P()
except TypeError as e:
    print("TypeError:", e)


class BadInit:
    def __init__(self):
        return 3


try:
    BadInit()
except TypeError as e:
    print("TypeError:", e)


class OwnNew:
    __new__ = object.__new__

    def __init__(self, x):
        self.x = x


try:
    OwnNew(1)
except TypeError as e:
    print("TypeError:", e)


class NoInit:
    pass


try:
    NoInit(1)
except TypeError as e:
    print("TypeError:", e)
print(type(NoInit()).__name__)


class Sub(P):
    pass


s = Sub(4, 5)
print(type(s).__name__, s.total())


class WithNew:
    def __new__(cls, x):
        o = super().__new__(cls)
        o.made = x
        return o

    def __init__(self, x):
        self.x = x * 2


w = WithNew(3)
print(w.made, w.x)


class Meta(type):
    def __call__(cls, *a):
        print("Meta.__call__", a)
        return super().__call__(*a)


class M(metaclass=Meta):
    def __init__(self, a):
        self.a = a


print(M(9).a)


def rec(n):
    return rec(n + 1)


try:
    rec(0)
except RecursionError as e:
    print("RecursionError:", e)


def closure(k):
    def inner(v, w=k):
        return v + w

    return inner


print(closure(3)(1), closure(3)(1, 1))


def boom(x):
    return 1 / x


try:
    boom(0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e, e.__traceback__.tb_next.tb_frame.f_code.co_name)
