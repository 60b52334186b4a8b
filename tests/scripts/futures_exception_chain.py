# Chained exceptions raised in a worker keep their cause and context.
from concurrent.futures import ThreadPoolExecutor

def convert(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError("cannot convert %r" % s) from e
def handle(s):
    try:
        return {}[s]
    except KeyError:
        raise LookupError("no " + s)
with ThreadPoolExecutor(2) as ex:
    e = ex.submit(convert, "x").exception()
    print(type(e).__name__, e, type(e.__cause__).__name__, e.__suppress_context__)
    e2 = ex.submit(handle, "key").exception()
    print(type(e2).__name__, e2, type(e2.__context__).__name__, e2.__cause__)
    print(ex.submit(convert, "12").result())
