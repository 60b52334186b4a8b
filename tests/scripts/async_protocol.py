# coroutines, awaitables, async generators and async with/for, driven by hand (no asyncio)
import sys
def run(coro):
    """Drives a coroutine to completion, answering each yielded request."""
    value = None
    while True:
        try:
            req = coro.send(value)
        except StopIteration as e:
            return e.value
        value = ("answer", req)

class Req:
    def __init__(self, what):
        self.what = what
    def __await__(self):
        got = yield self.what
        return got

async def simple(x):
    return x * 2
c = simple(4)
print(type(c).__name__, c.__name__, c.__qualname__, c.cr_running, c.cr_await)
print(run(c))

async def uses_await():
    a = await Req("first")
    b = await Req("second")
    c = await simple(10)
    return a, b, c
print(run(uses_await()))

async def bad_await():
    await 5
try:
    run(bad_await())
except TypeError as e:
    print(type(e).__name__, e)

class BadAwait:
    def __await__(self):
        return 5
async def bad_await2():
    await BadAwait()
try:
    run(bad_await2())
except TypeError as e:
    print(type(e).__name__, e)

co = simple(1)
print(run(co))
try:
    run(co)
except RuntimeError as e:
    print(type(e).__name__, e)

co2 = uses_await()
print(co2.send(None))
print(type(co2.cr_await).__name__, co2.cr_running, co2.cr_frame is not None)
def g_outer():
    yield from g_inner
g_inner = iter([1, 2])
go = g_outer()
print(go.gi_yieldfrom, next(go), type(go.gi_yieldfrom).__name__)
print(co2.throw(ValueError("x")) if False else "skip")
try:
    co2.throw(ValueError("thrown into coroutine"))
except ValueError as e:
    print("propagated", e)
co3 = uses_await()
co3.send(None)
print(co3.close())

try:
    iter(simple(1))
except TypeError as e:
    print(type(e).__name__, e)
try:
    next(simple(1))
except TypeError as e:
    print(type(e).__name__, e)

# async context managers
class ACM:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        print("enter", self.name)
        await Req("enter-" + self.name)
        return self.name.upper()
    async def __aexit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None)
        return et is KeyError

async def use_acm():
    async with ACM("a") as a, ACM("b") as b:
        print("inside", a, b)
    async with ACM("c"):
        raise KeyError("suppressed")
    try:
        async with ACM("d"):
            raise ValueError("not suppressed")
    except ValueError as e:
        print("escaped", e)
    return "acm done"
print(run(use_acm()))

async def bad_acm():
    async with 5:
        pass
try:
    run(bad_acm())
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)

# async iteration
class ARange:
    def __init__(self, n):
        self.n, self.i = n, 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await Req("tick")
        return self.i

async def use_aiter():
    out = []
    async for v in ARange(3):
        out.append(v)
    else:
        out.append("else")
    return out
print(run(use_aiter()))

async def bad_aiter():
    async for x in [1, 2]:
        pass
try:
    run(bad_aiter())
except TypeError as e:
    print(type(e).__name__, e)

# async generators
async def agen(n):
    for i in range(n):
        got = yield i
        if got:
            print("agen got", got)
    print("agen done")

async def use_agen():
    out = []
    async for v in agen(3):
        out.append(v)
    return out
print(run(use_agen()))

ag = agen(2)
print(type(ag).__name__, ag.__name__, hasattr(ag, "__anext__"), hasattr(ag, "asend"))
async def manual():
    a = await ag.__anext__()
    b = await ag.asend("hi")
    try:
        await ag.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration")
    return a, b
print(run(manual()))

async def agen_cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("agen finally")
async def close_agen():
    g = agen_cleanup()
    print(await g.__anext__())
    await g.aclose()
    return "closed"
print(run(close_agen()))

async def athrow_demo():
    async def inner():
        try:
            yield 1
        except ValueError as e:
            yield "handled " + str(e)
    g = inner()
    await g.__anext__()
    return await g.athrow(ValueError("boom"))
print(run(athrow_demo()))

# await inside comprehensions is not needed; awaiting in loops is
async def loop_awaits():
    total = 0
    for i in range(3):
        r = await Req(i)
        total += r[1]
    return total
print(run(loop_awaits()))

# coroutine flags visible through the code object
async def f(): pass
print(bool(f.__code__.co_flags & 0x80))
def plain(): pass
print(bool(plain.__code__.co_flags & 0x80))
cf = f()
cf.close()
