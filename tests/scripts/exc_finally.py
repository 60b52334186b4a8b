# finally semantics: return/break/continue overriding, exceptions in finally, nesting, generators
def f1():
    try:
        return "try"
    finally:
        print("f1 finally")
def f2():
    try:
        raise ValueError
    finally:
        return "finally wins"
def f3():
    for i in range(3):
        try:
            if i == 1:
                return i
        finally:
            print("f3 finally", i)
def f4():
    try:
        try:
            raise KeyError("inner")
        finally:
            raise ValueError("from finally")
    except ValueError as e:
        return f"{e!r} context={e.__context__!r}"
def f5():
    out = []
    for i in range(4):
        try:
            if i % 2:
                continue
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out
def f6():
    x = 0
    try:
        x = 1
        return x
    finally:
        x = 2
        print("f6 x in finally", x)
def f7():
    while True:
        try:
            break
        finally:
            print("f7 finally before break completes")
    return "after loop"
def f8():
    try:
        pass
    except Exception:
        print("never")
    else:
        print("f8 else")
    finally:
        print("f8 finally")
def f9():
    try:
        return "try"
    finally:
        try:
            raise IndexError
        except IndexError:
            print("f9 handled inside finally")
for f in [f1, f2, f3, f4, f5, f6, f7, f8, f9]:
    print(f.__name__, "->", f())
def deep(n):
    try:
        if n == 0:
            raise RuntimeError("bottom")
        return deep(n - 1)
    finally:
        print("unwind", n)
try:
    deep(3)
except RuntimeError as e:
    print("caught", e)
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
for v in gen():
    print("got", v)
g = gen(); print(next(g)); g.close()
def nested_try():
    log = []
    try:
        try:
            log.append("inner try")
            raise TypeError("t")
        except TypeError:
            log.append("inner except")
            raise ValueError("v")
        finally:
            log.append("inner finally")
    except ValueError:
        log.append("outer except")
    finally:
        log.append("outer finally")
    return log
print(nested_try())
def finally_exception_replaces():
    try:
        try:
            raise ValueError("original")
        finally:
            1 / 0
    except ZeroDivisionError as e:
        return repr(e), repr(e.__context__)
print(finally_exception_replaces())
