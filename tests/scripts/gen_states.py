# generator object states and protocol edge cases
def err(f, *a):
    try:
        r = f(*a)
        print("ok", r)
    except BaseException as e:
        print(type(e).__name__, e)

def g():
    x = yield 1
    print("got", x)
    y = yield 2
    print("got", y)
    return "ret"

it = g()
print(type(it).__name__, it.__name__, it.__qualname__, it.gi_running, it.gi_frame is not None)
err(it.send, "early")
print(next(it))
print(it.send("a"))
err(it.send, "b")
print(it.gi_frame)
err(next, it)
err(it.send, None)

def self_ref():
    yield gen.send(None)
gen = self_ref()
err(next, gen)

def catcher():
    try:
        yield 1
    except GeneratorExit:
        print("exit seen")
        raise
c = catcher()
next(c)
print(c.close(), c.close())

def ignorer():
    try:
        yield 1
    except GeneratorExit:
        yield 2
i = ignorer()
next(i)
err(i.close)

def stopper():
    yield 1
    raise StopIteration("inside")
err(list, stopper())

def returner():
    return 5
    yield
r = returner()
try:
    next(r)
except StopIteration as e:
    print("value", e.value, e.args)

def thrower():
    try:
        yield 1
    except ValueError as e:
        print("caught", e)
        yield "after"
    yield "end"
t = thrower()
print(next(t), t.throw(ValueError("v")), next(t))
err(t.throw, KeyError("k"))
t2 = thrower()
err(t2.throw, ValueError("before start"))
print(list(t2))
t3 = thrower()
next(t3)
err(t3.throw, ValueError)
t4 = thrower()
next(t4)
err(t4.throw, TypeError, TypeError("x"))
err(t4.throw, 5)

def counter():
    n = 0
    while True:
        cmd = yield n
        if cmd == "reset":
            n = 0
        elif cmd == "stop":
            return n
        else:
            n += 1
cn = counter()
print(next(cn), next(cn), next(cn), cn.send("reset"), next(cn))
try:
    cn.send("stop")
except StopIteration as e:
    print("stopped with", e.value)

# yield from delegation
def inner():
    got = yield "i1"
    print("inner got", got)
    try:
        yield "i2"
    except KeyError as e:
        print("inner caught", repr(e))
        yield "i3"
    return "inner done"
def outer():
    result = yield from inner()
    print("result", result)
    yield "o1"
o = outer()
print(next(o), o.send("hello"), o.throw(KeyError("k")), next(o))
err(next, o)

def closer_inner():
    try:
        yield 1
    finally:
        print("inner finally")
def closer_outer():
    try:
        yield from closer_inner()
    finally:
        print("outer finally")
co = closer_outer()
next(co)
co.close()

print(list(x * 2 for x in range(3)), sum(x for x in range(10) if x % 2))
ge = (x for x in [1, 2])
print(type(ge).__name__, ge.__name__, next(ge), list(ge), list(ge))
err(lambda: (1 / x for x in [1, 0]).__next__())
gen_exp = (1 / x for x in [1, 0])
print(next(gen_exp))
err(next, gen_exp)
err(lambda: list(x for x in 5))

def gen_with_return_in_finally():
    try:
        yield 1
    finally:
        return "overridden"
gr = gen_with_return_in_finally()
next(gr)
print(gr.close())

def yield_in_expr():
    a = (yield) + (yield)
    yield a
ye = yield_in_expr()
next(ye)
ye.send(3)
print(ye.send(4))

def gen_locals(a):
    b = a * 2
    yield locals()
print(next(gen_locals(5)))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
import sys
def deep_yield_from(n):
    if n == 0:
        yield "bottom"
    else:
        yield from deep_yield_from(n - 1)
print(list(deep_yield_from(200)))
print(iter(f) is f, hasattr(f, "__next__"), hasattr(f, "send"))
