# ExceptionGroup / BaseExceptionGroup (construction, split, subgroup, derive) and except*
def err(f, *a):
    try:
        r = f(*a)
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__, e)
eg = ExceptionGroup("grp", [ValueError(1), KeyError(2)])
print(repr(eg), eg.exceptions, str(eg), eg.message, eg.args, type(eg).__name__)
print(isinstance(eg, Exception), isinstance(eg, BaseExceptionGroup), issubclass(ExceptionGroup, BaseExceptionGroup))
beg = BaseExceptionGroup("b", [ValueError(1)])
print(type(beg).__name__, BaseExceptionGroup("b", [KeyboardInterrupt()]).__class__.__name__)
err(ExceptionGroup, "x", [KeyboardInterrupt()])
err(ExceptionGroup, 1, [ValueError()])
err(ExceptionGroup, "x", [])
err(ExceptionGroup, "x", 5)
err(ExceptionGroup, "x", [1])
err(ExceptionGroup, "x")
nested = ExceptionGroup("outer", [ValueError("v1"), ExceptionGroup("inner", [TypeError("t"), ValueError("v2")]), KeyError("k")])
m, r = nested.split(ValueError)
print(repr(m), repr(r))
print(repr(nested.subgroup(lambda e: isinstance(e, (TypeError, KeyError)))), repr(nested.subgroup(OSError)))
print(nested.split(Exception)[0] is nested, repr(nested.derive([ValueError(9)])))
err(nested.split, 5)
err(nested.split, int if False else object)
print(str(ExceptionGroup("one", [ValueError()])))
class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + "!", excs)
me = MyEG("mine", [ValueError(1), TypeError(2)])
print(repr(me.split(ValueError)))
try:
    raise ExceptionGroup("raised", [ValueError(3)])
except ExceptionGroup as e:
    print("caught", repr(e))
try:
    raise ExceptionGroup("raised", [ValueError(3)])
except Exception as e:
    print("caught as Exception", type(e).__name__)
# except*: splitting exception groups between clauses, re-raising, wrapping lone exceptions
import sys
def show(label, f):
    try:
        f()
        print(label, "-> no exception")
    except BaseException as e:
        print(label, "->", type(e).__name__, repr(e))

def t1():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as e:
        print("  ValueError clause:", repr(e), repr(sys.exc_info()[1]))
    except* TypeError as e:
        print("  TypeError clause:", repr(e))
show("all handled", t1)

def t2():
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
    except* ValueError:
        print("  handled ValueError")
show("rest re-raised", t2)

def t3():
    try:
        raise ValueError("lone")
    except* ValueError as e:
        print("  lone wrapped:", repr(e), repr(e.exceptions[0]))
show("lone exception", t3)

def t4():
    try:
        raise KeyError("lone unmatched")
    except* ValueError:
        print("  never")
show("lone unmatched", t4)

def t5():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise RuntimeError("from handler")
show("handler raises", t5)

def t6():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
show("bare raise", t6)

def t7():
    try:
        raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
    except* TypeError as e:
        print("  nested match:", repr(e))
show("nested", t7)

def t8():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* (TypeError, ValueError) as e:
        print("  tuple match:", repr(e))
    else:
        print("  no else")
show("tuple", t8)

def t9():
    try:
        pass
    except* ValueError:
        print("never")
    else:
        print("  else runs")
    finally:
        print("  finally runs")
show("no exception", t9)

def t10():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ExceptionGroup:
        pass
show("catching ExceptionGroup", t10)

def t11():
    try:
        raise BaseExceptionGroup("beg", [KeyboardInterrupt(), ValueError(1)])
    except* ValueError:
        print("  took ValueError")
show("base group", t11)

def t12():
    try:
        try:
            raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
        except* ValueError:
            print("  inner handled ValueError")
    except* TypeError as e:
        print("  outer handled", repr(e))
show("nested try", t12)

def t13():
    caught = []
    for exc in [ValueError("a"), ExceptionGroup("g", [OSError("b"), ValueError("c")])]:
        try:
            raise exc
        except* ValueError as e:
            caught.append(("V", [str(x) for x in e.exceptions]))
        except* OSError as e:
            caught.append(("O", [str(x) for x in e.exceptions]))
    print("  ", caught)
show("loop", t13)

def t14():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("k1")
    except* TypeError:
        raise KeyError("k2")
show("two handlers raise", t14)

for src in ["for i in []:\n  try: pass\n  except* ValueError:\n    break",
            "def f():\n  try: pass\n  except* ValueError:\n    return 1",
            "try: pass\nexcept* ValueError:\n  for i in []:\n    break",
            "try: pass\nexcept*: pass",
            "try: pass\nexcept ValueError: pass\nexcept* TypeError: pass"]:
    try:
        compile(src, "<s>", "exec")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.lineno)
