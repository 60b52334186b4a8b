import enum
from enum import Flag, IntFlag, auto, STRICT, CONFORM, EJECT, KEEP, verify, unique, UNIQUE, CONTINUOUS, NAMED_FLAGS

class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE

print(list(Color), Color.RED | Color.BLUE, repr(Color.RED | Color.BLUE), str(Color(0)), repr(Color(0)))
print(~Color.RED, Color.WHITE & Color.GREEN, Color.RED ^ Color.WHITE, len(Color.WHITE), bool(Color(0)))
print(Color.RED in Color.WHITE, list(Color.WHITE), Color(7) is Color.WHITE, Color(3))
try:
    Color(8)
except ValueError as e:
    print(e)
try:
    1 in Color.RED
except TypeError as e:
    print(e)
print(Color.RED.__or__(1))

class Perm(IntFlag):
    R = 4
    W = 2
    X = 1
print(Perm.R | Perm.W, repr(Perm.R | 8), Perm(12), ~Perm.R, Perm.R | 1, Perm(0), repr(Perm(-1)))

class C(Flag, boundary=CONFORM):
    A = 1
    B = 4
print(C(7), C(2), repr(C(15)))
class E(Flag, boundary=EJECT):
    A = 1
    B = 2
print(E(7), type(E(7)).__name__, E(3))
class K(Flag, boundary=KEEP):
    A = 1
    B = 2
print(repr(K(13)), K(-1), repr(~K.A))
class S(Flag):
    A = 1
    C = 4
try:
    S(2)
except ValueError as e:
    print(e)

class Big(Flag):
    X = 1
    Y = 16
    Z = auto()
print(Big.Z.value)

try:
    @verify(UNIQUE)
    class U(enum.Enum):
        A = 1
        B = 1
except ValueError as e:
    print(e)
try:
    @unique
    class U2(enum.Enum):
        A = 1
        B = 1
        C = 2
        D = 2
except ValueError as e:
    print(e)
try:
    @verify(CONTINUOUS)
    class Gap(enum.Enum):
        A = 1
        B = 4
except ValueError as e:
    print(e)
try:
    @verify(CONTINUOUS)
    class FGap(Flag):
        A = 1
        B = 8
except ValueError as e:
    print(e)
try:
    @verify(NAMED_FLAGS)
    class NF(Flag):
        A = 1
        B = 2
        AB = 11
except ValueError as e:
    print(e)
@verify(UNIQUE, CONTINUOUS)
class Fine(enum.IntEnum):
    A = 1
    B = 2
print(list(Fine))
try:
    verify(UNIQUE)(int)
except TypeError as e:
    print(e)
