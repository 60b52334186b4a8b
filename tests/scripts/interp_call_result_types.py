from concurrent import interpreters


def make(kind):
    if kind == 0:
        return (1, 'two', 3.0, None, True)
    if kind == 1:
        return b'raw bytes'
    if kind == 2:
        return 2 ** 80
    if kind == 3:
        return [1, [2, [3]]]
    if kind == 4:
        return {'a': (1, 2), 'b': {'c': None}}
    if kind == 5:
        return -0.5
    return ''


interp = interpreters.create()
for k in range(7):
    r = interp.call(make, k)
    print(type(r).__name__, repr(r))
interp.close()
