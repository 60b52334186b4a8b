# Name resolution: locals, globals, builtins shadowing, del.
x = "global"
def read():
    return x
def shadow():
    x = "local"
    return x
print(read(), shadow(), x)
def uses_before_assign():
    try:
        print(y)
    except NameError as e:
        print("NameError:", e)
    y = 1
    return y
print(uses_before_assign())
def f():
    try:
        print(z)
        z = 2
    except UnboundLocalError as e:
        print("UnboundLocalError")
f()
len_saved = len
def len(v):
    return "shadowed"
print(len([1, 2]))
del len
print(len([1, 2]))
a = 1
del a
try:
    a
except NameError as e:
    print(e)
def counter():
    counter.calls = getattr(counter, "calls", 0) + 1
    return counter.calls
counter()
print(counter())
class C:
    attr = 1
    doubled = attr * 2
print(C.doubled)
if True:
    block_var = "visible"
print(block_var)
for loop_var in range(3):
    pass
print(loop_var)
