from collections import namedtuple
for args in [('P', 'x y'), ('P', 'x, y'), ('P', ['a', 'def', '_b', 'a', '1x'], True), ('P', 'x _y'), ('P', 'x x'),
             ('P', 'x def'), ('P', 'x 1y'), ('1P', 'x'), ('P', ''), ('class', 'x')]:
    try:
        T = namedtuple(*args[:2], rename=args[2] if len(args) > 2 else False)
        print(T._fields, T.__doc__)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for d in [None, (), (1,), (1, 2), (1, 2, 3)]:
    try:
        T = namedtuple('T', 'a b', defaults=d)
        print(T._field_defaults, T(0) if d else T(0, 0))
    except TypeError as e:
        print(e)
T = namedtuple('T', 'a b c', defaults=[3])
print(T(1, 2), T(1, b=5), T._make([1, 2, 3])._replace(c=9), T.a.__doc__)
for bad in [lambda: T(), lambda: T(1), lambda: T(1, 2, 3, 4), lambda: T(1, 2, a=1), lambda: T(1, 2, z=1)]:
    try:
        bad()
    except TypeError as e:
        print(e)
print(namedtuple('Q', 'x', module='m').__module__, namedtuple('U', ['\u00e9t\u00e9'])._fields)
