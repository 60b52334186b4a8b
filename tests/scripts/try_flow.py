# try/except/else/finally control flow: return/break/continue through finally
def f1():
    try:
        return "try"
    finally:
        print("f1 finally")
print(f1())

def f2():
    try:
        return "try"
    finally:
        return "finally"
print(f2())

def f3():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print("body", i)
        finally:
            print("finally", i)
    else:
        print("no else")
    return i
print(f3())

def f4():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return "swallowed", i
print(f4())

def f5():
    while True:
        try:
            return "from loop"
        finally:
            print("f5 finally")
print(f5())

def f6():
    try:
        try:
            raise KeyError("inner")
        finally:
            print("inner finally")
    except KeyError as e:
        print("caught", repr(e))
        return 1
    else:
        return 2
    finally:
        print("outer finally")
print(f6())

def f7():
    try:
        pass
    except Exception:
        print("never")
    else:
        print("else runs")
        return "else"
    finally:
        print("finally after else")
print(f7())

def f8():
    try:
        raise ValueError("a")
    except ValueError:
        raise TypeError("b")
    finally:
        print("f8 finally")
try:
    f8()
except TypeError as e:
    print(type(e).__name__, e, type(e.__context__).__name__)

def f9():
    try:
        raise ValueError("x")
    finally:
        raise KeyError("y")
try:
    f9()
except KeyError as e:
    print(repr(e), repr(e.__context__))

def f10(n):
    out = []
    for i in range(n):
        try:
            try:
                if i % 2:
                    raise IndexError(i)
                out.append(("ok", i))
            except IndexError:
                out.append(("idx", i))
                continue
            finally:
                out.append(("fin", i))
            out.append(("after", i))
        finally:
            out.append(("outer", i))
    return out
print(f10(3))

def f11():
    x = 0
    try:
        x = 1
        return x
    finally:
        x = 2
        print("x in finally", x)
print(f11())

def f12():
    try:
        return [1]
    finally:
        pass
print(f12())

def f13():
    for i in range(3):
        for j in range(3):
            try:
                if j == 1:
                    break
            finally:
                print("inner fin", i, j)
        try:
            continue
        finally:
            print("outer fin", i)
f13()

def f14():
    try:
        1 / 0
    except ZeroDivisionError as e:
        err = e
    try:
        e
    except NameError as ne:
        print("e deleted:", ne)
    return type(err).__name__
print(f14())

def f15():
    # exception variable cleared even when handler breaks
    for _ in range(1):
        try:
            raise OSError(2, "gone")
        except OSError as exc:
            break
    return "exc" in locals()
print(f15())

def f16():
    try:
        raise ValueError
    except (TypeError, ValueError) as e:
        return type(e).__name__, e.args
print(f16())

def f17():
    try:
        raise ValueError("v")
    except TypeError:
        return "wrong"
    except:
        return "bare"
print(f17())

def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
for v in gen():
    print("got", v)
    break
print("after break")

def f18():
    try:
        return "value"
    finally:
        try:
            raise RuntimeError("hidden")
        except RuntimeError:
            print("handled inside finally")
print(f18())

def f19():
    r = []
    try:
        r.append(1)
    finally:
        r.append(2)
        try:
            r.append(3)
        finally:
            r.append(4)
    return r
print(f19())

i = 0
while i < 5:
    i += 1
    try:
        if i == 2:
            continue
        if i == 4:
            break
    finally:
        print("while fin", i)
else:
    print("while else")
print("i =", i)

try:
    try:
        raise ValueError("first")
    except ValueError:
        raise
except ValueError as e:
    print("re-raised", e)

def f20():
    try:
        raise
    except RuntimeError as e:
        return str(e)
print(f20())
