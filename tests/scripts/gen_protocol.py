# generator protocol: send, throw, close, return values, yield from delegation
def echo():
    received = []
    try:
        while True:
            x = yield len(received)
            if x == "stop":
                return received
            received.append(x)
    except GeneratorExit:
        print("echo closing")
        raise
    finally:
        print("echo finally")
g = echo()
print(next(g), g.send("a"), g.send("b"))
try:
    g.send("stop")
except StopIteration as e:
    print("returned", e.value, e.args)
print(next(g, "exhausted"))
g2 = echo(); next(g2); g2.close(); print("closed twice:", g2.close())
def catcher():
    while True:
        try:
            yield "ok"
        except ValueError as e:
            yield f"caught {e}"
c = catcher(); print(next(c), c.throw(ValueError("v1")), next(c), c.throw(ValueError, "v2"), next(c), c.throw(ValueError("v3")))
try:
    c.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
print(next(c, "dead"))
def fresh():
    yield 1
f = fresh()
try:
    f.throw(RuntimeError("early"))
except RuntimeError as e:
    print("early", e)
print(list(f))
try:
    fresh().send(5)
except TypeError as e:
    print("TypeError", e)
def ignores_exit():
    while True:
        try:
            yield
        except GeneratorExit:
            print("ignoring")
ie = ignores_exit(); next(ie)
try:
    ie.close()
except RuntimeError as e:
    print("RuntimeError", e)
del ie
print("after del")
def inner():
    x = yield "inner1"
    print("inner got", x)
    try:
        y = yield "inner2"
    except KeyError as e:
        print("inner caught", repr(e))
        y = "recovered"
    return f"inner result {y}"
def outer():
    r = yield from inner()
    print("outer got", r)
    z = yield "outer"
    return z
o = outer()
print(next(o), o.send("s1"), o.throw(KeyError("kk")))
try:
    o.send("final")
except StopIteration as e:
    print("outer returned", e.value)
def delegate_close():
    try:
        yield from echo()
    finally:
        print("delegate finally")
dc = delegate_close(); next(dc); dc.send(1); dc.close()
def counter(n):
    for i in range(n):
        yield i
    return n * 10
def summer():
    total = yield from counter(3)
    total += yield from counter(2)
    return total
gen = summer()
print(list(gen))
s = summer()
try:
    while True:
        next(s)
except StopIteration as e:
    print("sum", e.value)
def raiser():
    yield 1
    raise StopIteration("bad")
try:
    list(raiser())
except RuntimeError as e:
    print("RuntimeError", e, repr(e.__cause__))
def running():
    yield g_self.gi_running
g_self = running(); print(next(g_self), g_self.gi_running)
gen_exp = (x * x for x in range(5) if x % 2 == 0)
print(gen_exp.__name__, next(gen_exp), list(gen_exp), list(gen_exp))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

print([v for _, v in zip(range(10), fib())])
def yield_expr():
    x = yield
    y = yield x * 2
    yield x + y
ye = yield_expr(); next(ye); print(ye.send(5), ye.send(10))
def gen_with_return_value():
    return 42
    yield
print(list(gen_with_return_value()))
def yf_list():
    yield from [1, 2]
    yield from "ab"
    yield from (x for x in range(2))
    yield from {"k": 1}
print(list(yf_list()))
class Iterable:
    def __iter__(self):
        yield "from"
        yield "class"
print(list(Iterable()), [*Iterable()], tuple(Iterable()))
def closer():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
for v in closer():
    print("got", v)
    break
print(type(closer()).__name__, repr(closer()).startswith("<generator object closer at"))
