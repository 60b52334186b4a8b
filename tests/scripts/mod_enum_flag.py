# enum: Flag and IntFlag: composition, pseudo-members, iteration, inversion,
# boundaries (STRICT, CONFORM, EJECT, KEEP), reprs, verify().
import enum
from enum import Flag, IntFlag, auto, FlagBoundary, STRICT, CONFORM, EJECT, KEEP, verify, UNIQUE, CONTINUOUS, NAMED_FLAGS


def show(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__, e)


class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RWX = 7


rw = Perm.R | Perm.W
print(rw, repr(rw), rw.name, rw.value, list(rw), len(rw), Perm.R in rw, Perm.X in rw)
print(Perm(0), repr(Perm(0)), bool(Perm(0)), Perm(6), Perm(7), repr(Perm(7)), Perm.RWX is Perm(7))
print(~Perm.R, repr(~Perm.R), ~rw, ~Perm.RWX, repr(~Perm(0)), rw & Perm.W, rw ^ Perm.R, Perm.R | Perm.R)
print(list(Perm), len(Perm), Perm.__members__.keys(), [m.value for m in Perm])
print(repr(Perm), str(Perm.R), format(rw), f"{Perm.X}", hash(Perm.R) == hash("R"))
show("Perm(8)", lambda: Perm(8))
show("Perm('a')", lambda: Perm("a"))
show("Perm.R | 1", lambda: Perm.R | 1)
show("1 in Perm.R", lambda: 1 in Perm.R)


class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE


print([m.value for m in Color], Color.WHITE, repr(Color.RED | Color.BLUE), list(Color.WHITE), ~Color.RED)
print(Color(3), Color.RED | Color.GREEN | Color.BLUE is Color.WHITE)


class Bits(IntFlag):
    A = 1
    B = 2
    C = 8


print(Bits.A | Bits.B, repr(Bits.A | Bits.B), Bits.A | 4, repr(Bits.A | 4), Bits(16), repr(Bits(16)))
print(Bits.A + 1, Bits.B == 2, int(Bits.C), Bits.A | Bits.C, str(Bits.A | Bits.C), format(Bits.C, "x"), Bits(0), repr(Bits(0)))
print(~Bits.A, repr(~Bits.A), Bits(-1), repr(Bits(-3)), 3 | Bits.A, repr(2 & Bits.B), isinstance(Bits.A | 4, Bits))
print(list(Bits.A | Bits.C), len(Bits.A | Bits.C), Bits.A in (Bits.A | Bits.B))


class Strict(Flag, boundary=STRICT):
    A = 1
    B = 2


class Conform(Flag, boundary=CONFORM):
    A = 1
    B = 2


class Eject(Flag, boundary=EJECT):
    A = 1
    B = 2


class Keep(Flag, boundary=KEEP):
    A = 1
    B = 2


show("strict 7", lambda: Strict(7))
show("conform 7", lambda: repr(Conform(7)))
show("eject 7", lambda: (Eject(7), type(Eject(7)).__name__))
show("keep 7", lambda: repr(Keep(7)))
show("keep ~A", lambda: repr(~Keep.A))
show("conform ~A", lambda: repr(~Conform.A))
print(Strict._boundary_, Keep._boundary_, Bits._boundary_, Flag._boundary_, list(FlagBoundary), FlagBoundary.KEEP == "keep")


class Gap(Flag):
    A = 1
    C = 4


show("gap 2", lambda: Gap(2))
show("gap 5", lambda: repr(Gap(5)))


class Unordered(Flag):
    C = 4
    A = 1
    B = 2


print(list(Unordered), list(Unordered.A | Unordered.C), list(Unordered(7)))


# verify
show("unique ok", lambda: verify(UNIQUE)(Perm.__class__) if False else "skip")
try:
    @verify(UNIQUE)
    class U(enum.Enum):
        A = 1
        B = 1
except ValueError as e:
    print("UNIQUE:", e)
try:
    @verify(CONTINUOUS)
    class Cont(enum.IntEnum):
        A = 1
        C = 4
except ValueError as e:
    print("CONTINUOUS:", e)
try:
    @verify(NAMED_FLAGS)
    class Named(Flag):
        A = 1
        B = 2
        ABC = 7
except ValueError as e:
    print("NAMED_FLAGS:", e)


@verify(UNIQUE, CONTINUOUS)
class Fine(enum.IntEnum):
    A = 1
    B = 2
    C = 3


print(list(Fine), enum.show_flag_values(13), enum.bin(10), enum.bin(~10), enum.bin(5, 8))


class Negative(IntFlag):
    NONE = 0
    ONE = 1
    TWO = 2


print(repr(Negative.NONE), Negative.NONE, list(Negative), repr(Negative(3)), repr(~Negative.ONE))
