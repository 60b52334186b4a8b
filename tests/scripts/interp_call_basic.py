from concurrent import interpreters


def add(a, b):
    return a + b


def greet(name, *, greeting):
    return f'{greeting}, {name}'


def varargs(x, y, *rest, **kw):
    return (x, y, rest, sorted(kw.items()))


def nothing():
    pass


interp = interpreters.create()
print(interp.call(add, 2, 3))
print(interp.call(add, 'a', 'b'))
print(interp.call(add, (1,), (2,)))
print(interp.call(greet, 'world', greeting='hello'))
print(interp.call(greet, 'you', greeting='hi'))
print(interp.call(varargs, 1, 2))
print(interp.call(varargs, 1, 2, 3, 4, k=5))
print(interp.call(nothing))
interp.close()
