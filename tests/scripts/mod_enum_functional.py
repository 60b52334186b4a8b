import enum
from enum import Enum, IntEnum, StrEnum, Flag
A = Enum('A', 'x y, z')
B = Enum('B', [('p', 5), ('q', 7)])
C = Enum('C', {'m': 'one', 'n': 'two'})
D = IntEnum('D', ['a', 'b'], start=10)
E = Enum('E', ('u', 'v'), module='mymod', qualname='Outer.E')
F = Flag('F', 'r w x')
for k in (A, B, C, D, E, F):
    print(k, list(k), [m.value for m in k], k.__module__, k.__qualname__)
print(A.x in A, len(A), list(reversed(A)), A['y'], A.z, A(2))
try:
    3 in A
except TypeError as e:
    print(e)
try:
    del A.x
except AttributeError as e:
    print(e)
try:
    A.x = 3
except AttributeError as e:
    print(e)
try:
    A.nothere
except AttributeError as e:
    print('AttributeError', e)
try:
    class Sub(A):
        pass
except TypeError as e:
    print(e)
try:
    class Bad(Enum, int):
        pass
except TypeError as e:
    print(e)
print(dir(A))
print(dir(D)[:8], bool(Enum('Empty', [])))
class M(str, Enum):
    P = 'p'
print(repr(M.P), M.P.upper(), type(M.P.value).__name__)
