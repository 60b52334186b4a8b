# global/nonlocal/class-scope edge cases and comprehension scoping
def err(f, *a):
    try:
        print("ok", f(*a))
    except Exception as e:
        print(type(e).__name__, e)

def compile_err(src):
    try:
        compile(src, "<src>", "exec")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.lineno)

compile_err("def f():\n    x = 1\n    global x\n")
compile_err("def f():\n    print(x)\n    global x\n")
compile_err("def f(x):\n    global x\n")
compile_err("def f():\n    nonlocal x\n")
compile_err("nonlocal x\n")
compile_err("def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n")
compile_err("def f(a):\n    def g():\n        nonlocal a\n        a = 2\n    g()\n    return a\n")
compile_err("class C:\n    nonlocal x\n")
compile_err("def f():\n    x = 1\n    nonlocal x\n")
compile_err("x = 1\ndef f():\n    global x\n    global x\n")
compile_err("def f():\n    global __class__\n")
compile_err("[x for x in range(3) if (x := 1)]")
compile_err("[i := 0 for i in range(3)]")
compile_err("def f():\n    [(y := 1) for y in range(2)]\n")
compile_err("class A:\n    [(z := 1) for _ in range(2)]\n")
compile_err("def f():\n    yield\n    return 1\n")
compile_err("def f():\n    x = yield\n    lambda: (yield)\n")
compile_err("return 5\n")
compile_err("yield 5\n")
compile_err("def f():\n    del x\n    x = 1\n")
compile_err("break\n")
compile_err("for i in []:\n    def g():\n        continue\n")
compile_err("def f(a, a): pass\n")
compile_err("def f(a, *, a): pass\n")
compile_err("lambda a, a: 0\n")
compile_err("f(x=1, x=2)\n")
compile_err("f(**{}, *[])\n")
compile_err("f(x=1, 2)\n")
compile_err("def f(a=1, b): pass\n")
compile_err("def f(*, **k): pass\n")
compile_err("def f(*): pass\n")
compile_err("async def f():\n    yield from []\n")
compile_err("def f():\n    await x\n")
compile_err("class C:\n    return 1\n")
compile_err("a, *b, *c = range(5)\n")
compile_err("*a = [1]\n")
compile_err("del f()\n")
compile_err("(a, b) += 1\n")
compile_err("f() = 1\n")
compile_err("None = 1\n")
compile_err("x.None = 1\n" if False else "def None(): pass\n")
compile_err("import a.b as\n")
compile_err("from x import (a, b\n")
compile_err("from __future__ import braces\n")
compile_err("from __future__ import nonexistent\n")
compile_err("x = 1\nfrom __future__ import annotations\n")

# class bodies don't create enclosing scopes for methods
x = "global x"
class C:
    x = "class x"
    def m(self):
        return x
    lam = lambda self: x
    comp = [x for _ in range(1)]
    y = x
print(C().m(), C().lam(), C.comp, C.y)
def f():
    x = "local x"
    class D:
        x = "class D x"
        def m(self):
            return x
        z = x
    return D().m(), D.z
print(f())
def g():
    x = "g local"
    class E:
        print(x)
        x = "E x"
        print(x)
    return E.x
print(g())
def h():
    class F:
        nonlocal_test = [v for v in range(3)]
    return F.nonlocal_test
print(h())

# comprehension variables don't leak; walrus binds in enclosing function
def comp():
    [leak for leak in range(3)]
    try:
        leak
    except NameError as e:
        print(type(e).__name__, e)
    total = 0
    vals = [total := total + v for v in range(4)]
    return vals, total
print(comp())
def nested_walrus():
    data = [[1, 2], [3]]
    flat = [(last := y) for x in data for y in x]
    return flat, last
print(nested_walrus())
print([(w := i) for i in range(2)], w)
gen = (q := n for n in range(3))
print(list(gen), q)

# global declared in nested function affects module
def set_global():
    global new_global
    new_global = "created"
set_global()
print(new_global)
def del_global():
    global new_global
    del new_global
del_global()
err(lambda: new_global)
def shadow():
    len = lambda x: -1
    return len([1, 2])
print(shadow(), len([1, 2]))
import builtins
def use_builtins():
    return builtins.len("abc")
print(use_builtins())
def late():
    return later_defined()
def later_defined():
    return "found late"
print(late())
def local_before_assign():
    try:
        print(v)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    v = 1
local_before_assign()
def free_before_assign():
    def inner():
        return fv
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    fv = 2
    return inner()
print(free_before_assign())
def deleted_local():
    dl = 1
    del dl
    try:
        dl
    except UnboundLocalError as e:
        print(type(e).__name__, e)
deleted_local()
