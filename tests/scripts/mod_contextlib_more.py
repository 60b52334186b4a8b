import contextlib
from contextlib import (contextmanager, asynccontextmanager, ExitStack, suppress,
                        nullcontext, AbstractContextManager, closing, aclosing)
import io

@contextmanager
def wrapper(label):
    """documented"""
    print("enter", label)
    try:
        yield label
    finally:
        print("exit", label)

print(wrapper.__name__, wrapper.__doc__, wrapper("x").__doc__)

@wrapper("deco")
def work(n):
    print("working", n)
    return n * 2
print(work(3), work(4))

@contextmanager
def no_yield():
    if False:
        yield
try:
    with no_yield():
        pass
except RuntimeError as e:
    print(e)

@contextmanager
def two_yields():
    yield 1
    yield 2
try:
    with two_yields():
        pass
except RuntimeError as e:
    print(e)

@contextmanager
def keeps_yielding():
    while True:
        try:
            yield
        except ValueError:
            pass
try:
    with keeps_yielding():
        raise ValueError
except RuntimeError as e:
    print(e)

@contextmanager
def swallow():
    try:
        yield
    except KeyError:
        print("swallowed")
with swallow():
    raise KeyError
@contextmanager
def converts():
    try:
        yield
    except KeyError as e:
        raise IndexError("converted") from e
try:
    with converts():
        raise KeyError("k")
except IndexError as e:
    print(e, type(e.__cause__).__name__)
@contextmanager
def plain():
    yield
try:
    with plain():
        raise StopIteration("stop")
except StopIteration as e:
    print("stop propagated", e)

class CM:
    def __init__(self, name, suppress=False, fail=False):
        self.name, self.suppress, self.fail = name, suppress, fail
    def __enter__(self):
        print("enter", self.name)
        return self.name
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)
        if self.fail:
            raise ValueError("from " + self.name)
        return self.suppress

with ExitStack() as st:
    print(st.enter_context(CM("a")), st.enter_context(CM("b")))
    st.callback(print, "callback", 1, sep="-")
    st.push(lambda *exc: print("pushed", exc[0]))

with ExitStack() as st:
    st.enter_context(CM("outer", suppress=True))
    st.enter_context(CM("inner"))
    raise KeyError("x")
print("suppressed by stack")

try:
    with ExitStack() as st:
        st.enter_context(CM("one", fail=True))
        st.enter_context(CM("two", fail=True))
        raise KeyError("orig")
except ValueError as e:
    ctx = e
    chain = []
    while ctx is not None:
        chain.append(repr(ctx))
        ctx = ctx.__context__
    print(chain)

st = ExitStack()
st.enter_context(CM("moved"))
other = st.pop_all()
st.close()
print("closing other")
other.close()
try:
    ExitStack().enter_context(object())
except TypeError as e:
    print(e)

print(isinstance(CM("z"), AbstractContextManager), isinstance(3, AbstractContextManager))
print(issubclass(ExitStack, AbstractContextManager), issubclass(nullcontext, AbstractContextManager))
with nullcontext(5) as v:
    print(v)
with suppress():
    pass
with suppress(KeyError, IndexError):
    [][0]
print("ok")

buf = io.StringIO()
with contextlib.redirect_stdout(buf) as target:
    print("hidden")
print(repr(buf.getvalue()), target is buf)

@asynccontextmanager
async def agen(x):
    print("aenter", x)
    yield x + 1
    print("aexit", x)

class AThing:
    async def aclose(self):
        print("aclosed")

async def main():
    async with agen(1) as v:
        print("got", v)
    async with aclosing(AThing()) as t:
        print(type(t).__name__)
    async with nullcontext(9) as n:
        print("null", n)
    return "done"

co = main()
try:
    co.send(None)
except StopIteration as e:
    print(e.value)
