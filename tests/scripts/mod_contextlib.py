from contextlib import contextmanager, suppress, closing, nullcontext, ExitStack, redirect_stdout
import io

@contextmanager
def tag(name):
    print("<%s>" % name)
    yield name.upper()
    print("</%s>" % name)

with tag("p") as t:
    print("inside", t)

@contextmanager
def catching():
    try:
        yield
    except ValueError as e:
        print("caught", e)

with catching():
    raise ValueError("boom")
print("after")

@contextmanager
def reraise():
    try:
        yield
    finally:
        print("cleanup")
try:
    with reraise():
        raise KeyError("k")
except KeyError as e:
    print("propagated", e)

with suppress(ZeroDivisionError, KeyError):
    1 / 0
print("suppressed")
try:
    with suppress(KeyError):
        [][1]
except IndexError as e:
    print("not suppressed:", e)

class Res:
    def __init__(self, n):
        self.n = n
    def close(self):
        print("closed", self.n)
with closing(Res(1)) as r:
    print("using", r.n)

with nullcontext(5) as v:
    print("null", v)

class CM:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        print("enter", self.n)
        return self.n
    def __exit__(self, *a):
        print("exit", self.n, a[0].__name__ if a[0] else None)
        return False

with ExitStack() as stack:
    vals = [stack.enter_context(CM(i)) for i in range(3)]
    stack.callback(print, "callback ran")
    print("vals", vals)

try:
    with ExitStack() as stack:
        stack.enter_context(CM("a"))
        raise RuntimeError("fail")
except RuntimeError as e:
    print("got", e)

@tag("deco")
def decorated():
    print("body")
decorated()

@contextmanager
def noyield():
    if False:
        yield
try:
    with noyield():
        pass
except RuntimeError as e:
    print(e)
buf = io.StringIO()
with redirect_stdout(buf):
    print("captured", 1, 2)
print(repr(buf.getvalue()))
