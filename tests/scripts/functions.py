# Functions: defaults, keywords, *args, **kwargs, recursion.
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct
print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", punct="?"))
print(greet(greeting="Yo", name="Di"))

def total(*args):
    s = 0
    for a in args:
        s += a
    return s
print(total(), total(1), total(1, 2, 3))
print(total(*[4, 5, 6]))

def show(**kwargs):
    for k in kwargs:
        print(k, "=", kwargs[k])
show(a=1, b="two")

def mixed(a, b=2, *args, **kwargs):
    return [a, b, args, kwargs]
print(mixed(1))
print(mixed(1, 3, 4, 5, x=6))
print(mixed(*(7, 8), **{"y": 9}))

def kwonly(a, *, key=10):
    return a + key
print(kwonly(1), kwonly(1, key=2))

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print(fib(20))

def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1), append_to(2))

def noreturn():
    pass
print(noreturn())

def apply(f, *args):
    return f(*args)
print(apply(max, 3, 7), apply(greet, "Eve"))

try:
    greet()
except TypeError as e:
    print("TypeError")
