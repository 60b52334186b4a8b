# custom exception hierarchies, handler ordering, bare raise, except groups of types, exceptions as values
class AppError(Exception):
    code = 1
    def __init__(self, message, *, detail=None):
        super().__init__(message)
        self.detail = detail
    def __str__(self):
        base = super().__str__()
        return f"[{self.code}] {base}" + (f" ({self.detail})" if self.detail else "")
class NotFound(AppError):
    code = 404
class Forbidden(AppError):
    code = 403
class Retryable(Exception):
    def __init__(self, attempts):
        self.attempts = attempts
        super().__init__(f"retry after {attempts} attempts")
def handle(exc):
    try:
        raise exc
    except NotFound as e:
        return f"not found: {e}"
    except AppError as e:
        return f"app error: {e}"
    except (KeyError, IndexError) as e:
        return f"lookup: {e!r}"
    except Exception as e:
        return f"other: {type(e).__name__}: {e}"
for exc in [NotFound("page", detail="/x"), Forbidden("nope"), AppError("generic"), KeyError("k"), IndexError(0), Retryable(3), ValueError()]:
    print(handle(exc))
print(NotFound.__mro__[:3], NotFound("m").args, repr(Forbidden("f")), NotFound("x").code)
def retry(fn, attempts=3):
    last = None
    for i in range(attempts):
        try:
            return fn(i)
        except Retryable as e:
            last = e
            print("attempt", i, "failed:", e)
    raise RuntimeError("gave up") from last
def flaky(i):
    if i < 2:
        raise Retryable(i + 1)
    return f"ok on {i}"
print(retry(flaky))
try:
    retry(lambda i: (_ for _ in ()).throw(Retryable(i)), attempts=2)
except RuntimeError as e:
    print(e, "caused by", repr(e.__cause__))
def rethrow():
    try:
        {}["missing"]
    except KeyError:
        print("logging and re-raising")
        raise
try:
    rethrow()
except KeyError as e:
    print("outer got", repr(e))
errors = []
for item in ["1", "x", "3", None, "5"]:
    try:
        errors.append(int(item))
    except ValueError as e:
        errors.append(f"VE:{e}")
    except TypeError as e:
        errors.append(f"TE:{type(e).__name__}")
    else:
        errors.append("ok")
    finally:
        errors.append("|")
print(errors)
saved = []
try:
    1 / 0
except ZeroDivisionError as e:
    saved.append(e)
print(saved, type(saved[0]).__name__, saved[0].args)
excs = [ValueError("a"), TypeError("b")]
for ex in excs:
    try:
        raise ex
    except (ValueError, TypeError) as caught:
        print(caught is ex, type(caught).__name__)
class WeirdStr(Exception):
    def __str__(self): raise RuntimeError("str failed")
try:
    raise WeirdStr()
except WeirdStr as e:
    print("caught WeirdStr", type(e).__name__, e.args)
try:
    raise SystemExit(3)
except SystemExit as e:
    print("SystemExit", e.code)
try:
    raise KeyboardInterrupt
except BaseException as e:
    print("BaseException caught", type(e).__name__, isinstance(e, Exception))
def gen_cleanup():
    try:
        yield 1
    except GeneratorExit:
        print("generator exit seen")
        raise
g = gen_cleanup(); next(g); g.close()
print(issubclass(GeneratorExit, Exception), issubclass(StopIteration, Exception), issubclass(SystemExit, BaseException))
