# with statement: context protocol, exception passing, suppression, nesting, generators as cm
class Tracker:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print(f"enter {self.name}")
        return self.name.upper()
    def __exit__(self, etype, evalue, tb):
        print(f"exit {self.name}: {etype.__name__ if etype else None} {evalue!r} tb={tb is not None}")
        return self.suppress
with Tracker("a") as v:
    print("body", v)
with Tracker("outer"), Tracker("inner") as i:
    print("nested body", i)
with Tracker("sup", suppress=True):
    raise ValueError("hidden")
print("after suppressed")
try:
    with Tracker("nosup"):
        raise KeyError("visible")
except KeyError as e:
    print("caught", repr(e))
try:
    with Tracker("x"), Tracker("y", suppress=True), Tracker("z"):
        raise RuntimeError("inner most")
except RuntimeError:
    print("not reached")
print("y suppressed it")
def in_func():
    with Tracker("ret"):
        return "returned"
print(in_func())
for i in range(3):
    with Tracker(f"loop{i}"):
        if i == 1:
            continue
        if i == 2:
            break
class BadEnter:
    def __enter__(self): raise OSError("cannot enter")
    def __exit__(self, *a): print("exit should not run")
try:
    with BadEnter():
        print("no body")
except OSError as e:
    print("OSError", e)
class ExitRaises:
    def __enter__(self): return self
    def __exit__(self, *a): raise TypeError("from exit")
try:
    with ExitRaises():
        raise ValueError("original")
except TypeError as e:
    print("TypeError", e, repr(e.__context__))
class NoExit:
    def __enter__(self): return 1
try:
    with NoExit():
        pass
except TypeError as e:
    print("TypeError", e)
try:
    with 5:
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
class Reusable:
    def __init__(self): self.depth = 0
    def __enter__(self):
        self.depth += 1
        return self.depth
    def __exit__(self, *a):
        self.depth -= 1
r = Reusable()
with r as d1:
    with r as d2:
        print("depths", d1, d2)
print("final depth", r.depth)
with Tracker("tuple target") as (first, *rest):
    print(first, rest)
store = {}
with Tracker("item target") as store["key"]:
    pass
print(store)
import sys
with Tracker("exc_info"):
    try:
        raise IndexError("inside")
    except IndexError:
        print(sys.exc_info()[0].__name__)
print(sys.exc_info())
