# expected: hand-written
# The backport ships only a function's code (defaults are lost); per the 3.14
# docs a function is called with its defaults, and built-ins can be called.
from concurrent import interpreters


def greet(name, greeting='hello', *, punct='!'):
    return f'{greeting}, {name}{punct}'


interp = interpreters.create()
print(interp.call(greet, 'world'))
print(interp.call(greet, 'you', 'hi'))
print(interp.call(greet, 'x', punct='?'))
print(interp.call(len, [1, 2, 3]))
print(interp.call(sorted, [3, 1, 2]))
print(interp.call(max, 4, 9, 2))
print(interp.call(int, '42'))
print(interp.call(str, 5))
print(interp.call(dict, a=1))
interp.close()
