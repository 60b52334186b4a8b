# Exceptions: try/except/else/finally, custom classes, messages.
def divide(a, b):
    try:
        r = a / b
    except ZeroDivisionError as e:
        print("caught:", e)
        return None
    else:
        print("no error")
        return r
    finally:
        print("finally", a, b)
print(divide(6, 3))
print(divide(1, 0))

class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, key):
        super().__init__("missing " + key)
        self.key = key

try:
    raise NotFound("k1")
except AppError as e:
    print(type(e).__name__, e, e.key, e.args)

for bad in [lambda: [][1], lambda: {}["x"], lambda: int("q"), lambda: undefined_name, lambda: 1 + "a"]:
    try:
        bad()
    except (IndexError, KeyError) as e:
        print("lookup:", type(e).__name__, e)
    except Exception as e:
        print("other:", type(e).__name__, e)

try:
    try:
        raise ValueError("inner")
    except ValueError:
        print("re-raising")
        raise
except ValueError as e:
    print("outer got", e)

try:
    try:
        raise KeyError("a")
    finally:
        print("cleanup")
except LookupError as e:
    print("LookupError caught", repr(e))

def f():
    try:
        return "try"
    finally:
        print("finally runs before return")
print(f())

try:
    raise RuntimeError("no args") from None
except RuntimeError as e:
    print(repr(e), str(e))

e = ValueError("x", 2)
print(e.args, repr(e), isinstance(e, Exception), isinstance(e, BaseException))
try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("assert:", e)
n = 0
while True:
    try:
        n += 1
        if n == 3:
            break
    finally:
        print("loop finally", n)
print("done")
