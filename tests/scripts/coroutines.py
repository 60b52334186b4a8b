# coroutines driven by send(): await, __await__, async with, async for, async generators
class Suspend:
    def __init__(self, value): self.value = value
    def __await__(self):
        got = yield ("suspend", self.value)
        return f"resumed with {got}"
async def leaf(x):
    r = await Suspend(x)
    return f"leaf({x}) -> {r}"
async def middle():
    a = await leaf(1)
    b = await leaf(2)
    return [a, b]
def run(coro):
    """A tiny event loop: answers every suspension with a counter."""
    n = 0
    value = None
    while True:
        try:
            req = coro.send(value)
        except StopIteration as e:
            return e.value
        n += 1
        print("  loop got", req)
        value = n
print(run(middle()))
c = middle()
print(type(c).__name__, repr(c).startswith("<coroutine object middle at"), c.__name__, c.__qualname__)
print(c.send(None))
c.close()
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError", e)
class AsyncCtx:
    def __init__(self, name): self.name = name
    async def __aenter__(self):
        print("enter", self.name)
        await Suspend("aenter")
        return self.name.upper()
    async def __aexit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return et is KeyError
async def use_ctx():
    async with AsyncCtx("a") as va, AsyncCtx("b") as vb:
        print("inside", va, vb)
    async with AsyncCtx("c"):
        raise KeyError("suppressed")
    try:
        async with AsyncCtx("d"):
            raise ValueError("propagates")
    except ValueError as e:
        print("caught", e)
    return "ctx done"
print(run(use_ctx()))
class Ticker:
    def __init__(self, n): self.n = n; self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await Suspend(f"tick{self.i}")
        return self.i
async def use_for():
    total = 0
    async for t in Ticker(3):
        total += t
    else:
        print("for-else ran")
    async for t in Ticker(5):
        if t == 2:
            break
    return total, t
print(run(use_for()))
async def agen(n):
    for i in range(n):
        await Suspend(f"agen{i}")
        yield i * 10
    print("agen finishing")
async def use_agen():
    out = []
    async for v in agen(3):
        out.append(v)
    g = agen(2)
    first = await g.__anext__()
    second = await g.asend(None)
    try:
        await g.__anext__()
    except StopAsyncIteration:
        out.append("stop")
    return out, first, second
print(run(use_agen()))
print(type(agen(1)).__name__)
async def thrower():
    try:
        await Suspend("t")
    except ValueError as e:
        return f"handled {e}"
t = thrower(); print(t.send(None)); 
try:
    t.throw(ValueError("boom"))
except StopIteration as e:
    print("throw result", e.value)
async def not_awaitable():
    await 5
try:
    run(not_awaitable())
except TypeError as e:
    print("TypeError", e)
async def simple():
    return 1
s = simple()
try:
    for x in s:
        pass
except TypeError as e:
    print("TypeError", e)
s.close()
print(run(simple()))
