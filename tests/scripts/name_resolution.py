# name resolution: LEGB, global/nonlocal edge cases, builtins shadowing, class bodies
len_backup = len
def uses_builtin(): return len([1, 2])
print(uses_builtin())
len = lambda x: "shadowed"
print(uses_builtin(), len([]))
del len
print(uses_builtin(), len("abc"))
import builtins
print(builtins.len is len_backup, builtins.__name__)
g = "global"
def read_global(): return g
def shadow_global():
    g = "local"
    return g
def modify_global():
    global g
    g = "modified"
print(read_global(), shadow_global(), g); modify_global(); print(g)
def outer():
    v = 1
    def middle():
        def inner():
            nonlocal v
            v += 10
            return v
        return inner()
    r = middle()
    return r, v
print(outer())
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    def get():
        return n
    return inc, get
i1, g1 = counter(); i2, g2 = counter()
i1(); i1(); i2(); print(g1(), g2())
class K:
    attr = "class attr"
    def method(self):
        try:
            return attr
        except NameError as e:
            return f"NameError: {e}"
    def method2(self):
        return self.attr, K.attr
print(K().method(), K().method2())
def late_binding():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    i = 10
    return [f() for f in fs]
print(late_binding())
def global_in_nested():
    def inner():
        global created_in_inner
        created_in_inner = "yes"
    inner()
global_in_nested(); print(created_in_inner)
def nonlocal_loop():
    total = 0
    def add(x):
        nonlocal total
        total += x
    for v in range(5):
        add(v)
    return total
print(nonlocal_loop())
x = "module x"
class Outer:
    x = "class x"
    def m(self):
        return x
    class Inner:
        y = x
print(Outer().m(), Outer.Inner.y)
def param_shadow(print=print, x=x):
    print("param shadow", x)
param_shadow()
def cell_and_param(a):
    def get(): return a
    a = a * 2
    return get()
print(cell_and_param(5))
def delete_then_nonlocal():
    v = 1
    def f():
        nonlocal v
        del v
    f()
    try:
        return v
    except NameError as e:
        return type(e).__name__ + ": " + str(e)
print(delete_then_nonlocal())
print(__name__, "__builtins__" in globals(), type(__builtins__).__name__, __doc__)
def walrus_scope():
    [y := i for i in range(3)]
    return y
print(walrus_scope())
