# exception tracebacks as objects: __traceback__, tb_lineno, tb_next, re-raising
import sys
def level3(): raise ValueError("deep")
def level2(): level3()
def level1(): level2()
try:
    level1()
except ValueError as e:
    tb = e.__traceback__
    lines = []
    while tb is not None:
        lines.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(lines)
    print(type(e.__traceback__).__name__, sys.exc_info()[2] is not None)
def reraiser():
    try:
        level2()
    except ValueError:
        raise
try:
    reraiser()
except ValueError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(names)
def raise_again():
    try:
        level3()
    except ValueError as err:
        raise err
try:
    raise_again()
except ValueError as e:
    tb = e.__traceback__; n = 0
    while tb: n += 1; tb = tb.tb_next
    print("frames", n)
print(ValueError("fresh").__traceback__)
e = KeyError("with_tb")
print(e.with_traceback(None) is e)
def nested_chain():
    try:
        try:
            1 / 0
        except ZeroDivisionError as a:
            raise KeyError("mid") from a
    except KeyError as b:
        raise RuntimeError("top")
try:
    nested_chain()
except RuntimeError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append((type(cur).__name__, cur.__cause__ is not None, cur.__suppress_context__))
        cur = cur.__cause__ or cur.__context__
    print(chain)
def gen_raise():
    yield 1
    raise IndexError("from gen")
try:
    for _ in gen_raise():
        pass
except IndexError as e:
    tb = e.__traceback__; names = []
    while tb: names.append(tb.tb_frame.f_code.co_name); tb = tb.tb_next
    print(names)
try:
    raise TypeError("bare") from None
except TypeError as e:
    print(e.__cause__, e.__context__, e.__suppress_context__)
try:
    try:
        raise ValueError("a")
    finally:
        print("finally sees", sys.exc_info()[0].__name__)
except ValueError:
    pass
