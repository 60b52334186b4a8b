# exceptions: hierarchy, args, str/repr, chaining, context, finally semantics
names = ["BaseException", "Exception", "ArithmeticError", "ZeroDivisionError", "OverflowError", "LookupError", "IndexError", "KeyError", "ValueError", "UnicodeError", "UnicodeDecodeError", "TypeError", "NameError", "UnboundLocalError", "AttributeError", "OSError", "FileNotFoundError", "PermissionError", "TimeoutError", "ConnectionError", "BrokenPipeError", "RuntimeError", "RecursionError", "NotImplementedError", "StopIteration", "StopAsyncIteration", "GeneratorExit", "KeyboardInterrupt", "SystemExit", "ImportError", "ModuleNotFoundError", "AssertionError", "SyntaxError", "IndentationError", "TabError", "EOFError", "MemoryError", "BufferError", "Warning", "UserWarning", "DeprecationWarning", "FutureWarning", "RuntimeWarning", "ReferenceError", "SystemError", "FloatingPointError", "IsADirectoryError", "FileExistsError", "InterruptedError", "ChildProcessError", "ProcessLookupError", "NotADirectoryError", "BlockingIOError", "ConnectionResetError", "ConnectionRefusedError", "ConnectionAbortedError", "UnicodeEncodeError", "UnicodeTranslateError", "BytesWarning", "ResourceWarning", "ImportWarning", "SyntaxWarning", "UnicodeWarning", "PendingDeprecationWarning", "EncodingWarning"]
import builtins
for n in names:
    c = getattr(builtins, n)
    print(n, [b.__name__ for b in c.__mro__[1:]])
print(IOError is OSError, EnvironmentError is OSError)
for e in [ValueError(), ValueError("x"), ValueError("x", 2), KeyError("k"), KeyError(), IndexError(3), OSError(2, "No such file"), SystemExit(3), StopIteration(5)]:
    print(type(e).__name__, repr(e), str(e), e.args)
print(SystemExit().code, SystemExit(1).code, SystemExit("msg").code, StopIteration().value, StopIteration(1, 2).value, OSError(13, "Denied").errno, OSError(13, "Denied").strerror, OSError("plain").errno)
def f():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("converted") from e
try:
    f()
except ValueError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
def g():
    try:
        {}["k"]
    except KeyError:
        raise TypeError("during")
try:
    g()
except TypeError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
def h():
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("hidden") from None
try:
    h()
except RuntimeError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
def order():
    out = []
    try:
        out.append("try")
        return out
    finally:
        out.append("finally")
print(order())
def override():
    try:
        return "try"
    finally:
        return "finally"
print(override())
def swallow():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            if i < 5:
                continue
    return "done"
print(swallow())
def loop_break():
    for i in range(5):
        try:
            if i == 2:
                break
        finally:
            print("finally", i)
    return i
print(loop_break())
try:
    try:
        raise KeyError("inner")
    finally:
        print("cleanup runs")
except KeyError as e:
    print("caught", e)
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
try:
    raise TypeError("a", "b") from ValueError("c")
except TypeError as e:
    print(e, e.args, repr(e.__cause__))
for exc in [ZeroDivisionError, (ValueError, ZeroDivisionError), Exception, ArithmeticError]:
    try:
        1 // 0
    except exc as e:
        print("matched", exc if isinstance(exc, tuple) else exc.__name__, type(e).__name__)
try:
    try:
        1 / 0
    except TypeError:
        print("not here")
except ZeroDivisionError:
    print("outer")
def nested_handlers():
    try:
        raise ValueError("first")
    except ValueError:
        try:
            raise KeyError("second")
        except KeyError as k:
            print("inner ctx:", repr(k.__context__))
        print("still handling")
nested_handlers()
import sys
try:
    raise IndexError("oops")
except IndexError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None, sys.exception() is v)
print(sys.exc_info(), sys.exception())
try:
    raise 5
except TypeError as e:
    print("TypeError", e)
try:
    raise ValueError from 5
except TypeError as e:
    print("TypeError", e)
try:
    try:
        pass
    except 5:
        pass
    print("no exception, no check")
    try:
        1 / 0
    except 5:
        pass
except TypeError as e:
    print("TypeError", e)
e = ValueError("note me")
e.add_note("first note"); e.add_note("second")
print(e.__notes__, str(e))
err = None
try:
    raise ValueError("bound")
except ValueError as err:
    pass
try:
    print(err)
except NameError as ne:
    print("NameError", ne)
class Ctx(Exception):
    pass
try:
    raise Ctx
except Exception as c:
    print(type(c).__name__, c.args, str(c) == "")
x = ValueError("a")
x.args = ("b", "c"); print(x, x.args)
print(isinstance(KeyError(), LookupError), issubclass(ModuleNotFoundError, ImportError), issubclass(BrokenPipeError, OSError))
