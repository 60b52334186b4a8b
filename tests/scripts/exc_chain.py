# exception chaining: __cause__, __context__, __suppress_context__, raise from, with_traceback
def show(e):
    print(type(e).__name__, repr(str(e)), "cause:", repr(e.__cause__), "context:", repr(e.__context__), "suppress:", e.__suppress_context__)

try:
    try:
        raise ValueError("inner")
    except ValueError as v:
        raise TypeError("outer") from v
except TypeError as e:
    show(e)

try:
    try:
        raise ValueError("inner")
    except ValueError:
        raise TypeError("outer") from None
except TypeError as e:
    show(e)

try:
    try:
        raise ValueError("inner")
    except ValueError:
        raise TypeError("outer")
except TypeError as e:
    show(e)

try:
    raise KeyError("k") from ValueError("cls-cause")
except KeyError as e:
    show(e)

try:
    raise KeyError("k") from IndexError
except KeyError as e:
    show(e)

try:
    raise KeyError("k") from 42
except TypeError as e:
    show(e)

try:
    raise 42
except TypeError as e:
    show(e)

class NotExc:
    pass
try:
    raise NotExc
except TypeError as e:
    show(e)

try:
    raise
except RuntimeError as e:
    show(e)

e = ValueError("manual")
e.__cause__ = KeyError("c")
print(e.__suppress_context__)
e.__context__ = IndexError("ctx")
print(repr(e.__context__))
try:
    e.__cause__ = "bad"
except TypeError as err:
    print(type(err).__name__, err)
try:
    e.__context__ = 5
except TypeError as err:
    print(type(err).__name__, err)
e.__suppress_context__ = True
print(e.__suppress_context__)

# context chain through several handlers
try:
    try:
        try:
            raise ValueError(1)
        except ValueError:
            raise KeyError(2)
    except KeyError:
        raise IndexError(3)
except IndexError as e:
    chain = []
    x = e
    while x is not None:
        chain.append(repr(x))
        x = x.__context__
    print(chain)

# raising the exception currently handled does not create a self-cycle
try:
    try:
        raise ValueError("same")
    except ValueError as v:
        raise v
except ValueError as e:
    print(repr(e.__context__))

# cycle breaking: raising an old exception inside a newer handler
try:
    try:
        raise ValueError("a")
    except ValueError as a:
        try:
            raise KeyError("b")
        except KeyError:
            raise a
except ValueError as e:
    print(repr(e), repr(e.__context__), repr(e.__context__.__context__))

# exception raised in finally gets the pending one as context
try:
    try:
        raise ValueError("pending")
    finally:
        raise RuntimeError("from finally")
except RuntimeError as e:
    show(e)

# with_traceback returns the same object
e = ValueError("tb")
print(e.with_traceback(None) is e, e.__traceback__)
try:
    raise e
except ValueError as caught:
    print(caught is e, type(caught.__traceback__).__name__, caught.__traceback__.tb_lineno > 0)

# args and str/repr
for exc in [Exception(), Exception("one"), Exception("a", 2), KeyError("key"), KeyError(), KeyError(1, 2),
            ValueError(None), OSError(2, "No such file"), OSError(2, "No such file", "f.txt"),
            StopIteration(5), SystemExit(3), UnicodeError("u"), BaseException("base")]:
    print(type(exc).__name__, exc.args, repr(str(exc)), repr(exc))

# exceptions inside generators and context
def g():
    try:
        yield 1
    except ValueError:
        raise KeyError("in gen")
it = g()
next(it)
try:
    it.throw(ValueError("thrown"))
except KeyError as e:
    show(e)

# sys.exc_info during handling
import sys
try:
    raise ValueError("info")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, type(tb).__name__)
print(sys.exc_info())

def nested_exc_info():
    try:
        raise KeyError("outer")
    except KeyError:
        try:
            raise ValueError("inner")
        except ValueError:
            print("inner:", sys.exc_info()[0].__name__)
        print("restored:", sys.exc_info()[0].__name__)
nested_exc_info()
