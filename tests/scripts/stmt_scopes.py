# global, nonlocal, del, closures, class scopes
counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump(); bump(); print(counter)
def make_acc():
    total = 0
    def add(x):
        nonlocal total
        total += x
        return total
    def get():
        return total
    return add, get
add, get = make_acc(); add(5); add(7); print(get(), add(0))
def outer():
    x = "outer"
    def middle():
        x = "middle"
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        return x
    return middle(), x
print(outer())
def declare_global_later():
    global late_global
    late_global = "set"
declare_global_later(); print(late_global)
x = "module"
class Scope:
    x = "class"
    y = x + "!"
    def method(self):
        return x
    lst = [x for _ in range(2)]
print(Scope.y, Scope().method(), Scope.lst)
def unbound():
    try:
        print(undefined_local)
        undefined_local = 1
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
unbound()
def free_unbound():
    def inner():
        return v
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    v = 1
free_unbound()
a = 1; b = [1, 2, 3]; c = {"k": 1, "j": 2}
class O: pass
o = O(); o.attr = 1
del a, b[0], c["k"], o.attr
print(b, c, hasattr(o, "attr"))
try:
    print(a)
except NameError as e:
    print("NameError", e)
lst = list(range(10)); del lst[2:8:2]; print(lst); del lst[:]; print(lst)
def deleter():
    v = 1
    del v
    try:
        v
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
deleter()
try:
    del undefined_name
except NameError as e:
    print("NameError", e)
funcs = [lambda: i for i in range(3)]; print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]; print([f() for f in funcs])
def gen_closures():
    out = []
    for i in range(3):
        def f(i=i): return i * 10
        out.append(f)
    return [f() for f in out]
print(gen_closures())
def counter_factory():
    count = [0]
    def inc():
        count[0] += 1
        return count[0]
    return inc
inc = counter_factory(); inc(); print(inc(), inc.__closure__[0].cell_contents)
print([y for y in range(3)], "y" in dir())
z = 10
def shadow(z=z):
    return z
z = 20; print(shadow(), shadow(5))
def nested_class():
    val = "captured"
    class Inner:
        attr = val
        def get(self): return val
    return Inner.attr, Inner().get()
print(nested_class())
def mut_default(x, acc=[]):
    acc.append(x)
    return acc
print(mut_default(1), mut_default(2), mut_default(3, []))
def g():
    return [locals()[k] for k in sorted(locals())]
def h(a, b=2, *args, c, d=4, **kw):
    return sorted(locals().items())
print(g(), h(1, c=3, e=5))
print(globals()["counter"], "bump" in globals(), __name__)
exec("exec_var = 42"); print(exec_var)
print(eval("counter * 2"), eval("q + 1", {"q": 1}), eval("r", {}, {"r": 3}))
def eval_in_func():
    loc = 5
    return eval("loc * 2")
print(eval_in_func())
ns = {}
exec("def f(): return 'from exec'\nv = f()", ns); print(ns["v"], sorted(k for k in ns if k != "__builtins__"))
code = compile("1 + 2", "<s>", "eval"); print(eval(code))
