# Exceptions raised by a call are re-raised by result() and returned by
# exception(); the traceback still includes the worker's frames.
import sys
from concurrent.futures import ThreadPoolExecutor

def inner(x):
    return 10 // x

def outer(x):
    return inner(x)

with ThreadPoolExecutor(2) as ex:
    f = ex.submit(outer, 0)
    try:
        f.result()
    except ZeroDivisionError as e:
        print("caught", type(e).__name__, e)
    exc = f.exception()
    print(type(exc).__name__, exc, exc is f.exception())
    print(repr(f).endswith("state=finished raised ZeroDivisionError>"))

    class MyError(Exception):
        pass
    def raise_custom():
        raise MyError("custom", 42)
    e2 = ex.submit(raise_custom).exception()
    print(type(e2).__name__, e2.args)
    f3 = ex.submit(sys.exit, 3)
    print(type(f3.exception()).__name__, f3.exception().code)
    f4 = ex.submit(outer, 0)

# an uncaught re-raised exception shows the worker's frames: capture stderr
def show_traceback():
    try:
        f4.result()
    except ZeroDivisionError as e:
        return e
err = show_traceback()
print(type(err).__name__)
