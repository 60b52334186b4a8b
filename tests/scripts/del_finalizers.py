# __del__ finalizers and generator cleanup: when the last reference goes, and at exit
class Res:
    count = 0
    def __init__(self, name):
        self.name = name
        Res.count += 1
    def __del__(self):
        Res.count -= 1
        print("del", self.name)

r = Res("a")
print("made a")
del r
print("after del a")
r = Res("b")
r = Res("c")
print("rebound r")
def scope():
    tmp = Res("local")
    print("in scope")
scope()
print("after scope", Res.count)
lst = [Res("x")]
lst.clear()
print("after clear")
d = {"k": Res("dict value")}
d["k"] = 1
print("after overwrite")
class Cycle:
    def __del__(self):
        print("cycle del")
class Holder:
    def __init__(self):
        self.res = Res("held")
h = Holder()
h = None
print("holder gone")
class Revive:
    saved = []
    def __del__(self):
        print("reviving")
        Revive.saved.append(self)
x = Revive()
del x
print("revived", len(Revive.saved), type(Revive.saved[0]).__name__)
Revive.saved.clear()
print("cleared saved (no second __del__)")
class Bad:
    def __del__(self):
        raise ValueError("ignored")
b = Bad()
del b
print("exception in __del__ ignored")
class Sub(Res):
    pass
s = Sub("subclass")
del s
print("sub deleted")
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
g = gen()
print(next(g))
del g
print("after gen del")
keep = Res("module level")
g2 = gen()
next(g2)
_private = Res("underscore")
print("end of script", Res.count)
