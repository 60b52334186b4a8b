# enum: Enum/IntEnum/StrEnum basics: members, aliases, lookups, iteration,
# reprs and strs, comparisons, hashing, auto(), unique, errors.
from enum import Enum, IntEnum, StrEnum, ReprEnum, EnumMeta, EnumType, auto, unique
import enum


def show(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__, e)


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1  # alias


print(Color.RED, repr(Color.RED), str(Color.GREEN), format(Color.BLUE), f"{Color.RED:>12}|")
print(Color(1), Color(3), Color["GREEN"], Color.RED.name, Color.RED.value, Color.CRIMSON)
print(list(Color), len(Color), list(reversed(Color)), [m.name for m in Color])
print(Color.CRIMSON is Color.RED, Color.__members__["CRIMSON"], list(Color.__members__))
print(type(Color.RED), type(Color), repr(Color), str(Color), isinstance(Color.RED, Color), isinstance(Color, EnumMeta))
print(Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.GREEN, Color.RED is Color(Color.RED))
print(hash(Color.RED) == hash("RED"), {Color.RED: "r"}[Color.CRIMSON], Color.RED in Color, bool(Color.RED))
show("lt", lambda: Color.RED < Color.GREEN)
show("Color(7)", lambda: Color(7))
show("Color['x']", lambda: Color["x"])
show("Color.x", lambda: Color.x)
show("'RED' in Color", lambda: "RED" in Color)
show("reassign", lambda: setattr(Color, "RED", 5))
show("delete", lambda: delattr(Color, "RED"))
show("set value", lambda: setattr(Color.RED, "value", 5))
show("subclass", lambda: type("More", (Color,), {}))
show("no members", lambda: Enum(1))
EmptyE = type("X", (), {})
print(EnumType is EnumMeta, Color.__class__.__name__, Color.RED.__class__.__name__)


class Number(IntEnum):
    ONE = 1
    TWO = 2
    THREE = 3


print(Number.ONE, repr(Number.TWO), str(Number.THREE), f"{Number.TWO}", format(Number.TWO, "04d"), "%d %s" % (Number.ONE, Number.ONE))
print(Number.ONE + 1, Number.TWO * 2, Number.ONE < Number.TWO, Number.THREE == 3, sorted([Number.THREE, 1, Number.TWO]))
print(Number(2), Number(2) is Number.TWO, int(Number.THREE), isinstance(Number.ONE, int), hash(Number.ONE) == hash(1))
print(list(range(Number.THREE)), [10, 20, 30][Number.ONE], {1: "x"}[Number.ONE])
show("Number(5)", lambda: Number(5))
show("Number('1')", lambda: Number("1"))


class Shape(StrEnum):
    CIRCLE = auto()
    SQUARE = "sq"


print(Shape.CIRCLE, repr(Shape.CIRCLE), Shape.SQUARE.upper(), Shape("sq"), Shape.CIRCLE == "circle", f"[{Shape.SQUARE:>4}]")
show("StrEnum bad", lambda: StrEnum("B", {"X": 1}))


class Auto(Enum):
    A = auto()
    B = auto()
    C = 10
    D = auto()


print(list(Auto), [a.value for a in Auto], repr(auto()))


class Lower(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower() + str(count)
    X = auto()
    Y = auto()


print([m.value for m in Lower])


@unique
class Ok(Enum):
    A = 1
    B = 2


print(list(Ok))
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
        C = 2
        D = 2
except ValueError as e:
    print("unique:", e)

try:
    class Bad(Enum):
        A = 1
        A = 2
except TypeError as e:
    print("reuse:", e)

try:
    class Bad2(Enum):
        _reserved_ = 1
except ValueError as e:
    print("sunder:", e)

try:
    class Bad3(Enum):
        mro = 1
except ValueError as e:
    print("mro:", e)


class WithMethods(Enum):
    UP = 1
    DOWN = 2
    CONST = enum.nonmember(99)
    member_func = enum.member(len)

    def flip(self):
        return WithMethods.DOWN if self is WithMethods.UP else WithMethods.UP

    @classmethod
    def default(cls):
        return cls.UP

    @staticmethod
    def helper():
        return "help"

    @property
    def lower(self):
        return self.name.lower()


print(list(WithMethods), WithMethods.UP.flip(), WithMethods.default(), WithMethods.helper(), WithMethods.DOWN.lower)
print(WithMethods.CONST, WithMethods.member_func.value is len)


class Tuples(Enum):
    A = (1, 2)
    B = (3, 4)


print(Tuples((1, 2)), Tuples.B.value, repr(Tuples.A))


# functional API
Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, repr(Animal))
Dir = Enum("Dir", [("N", 0), ("S", 180)])
print(list(Dir), Dir(180))
Pets = Enum("Pets", {"dog": "woof", "cat": "meow"})
print(Pets.dog.value, Pets("meow"))
Codes = IntEnum("Codes", "A, B, C", start=10)
print(list(Codes), Codes.C + 0)
Seq = Enum("Seq", ["a", "b"])
print(list(Seq))


# _missing_
class Status(Enum):
    ACTIVE = "active"
    INACTIVE = "inactive"

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for m in cls:
                if m.value == value.lower():
                    return m
        return None


print(Status("ACTIVE"), Status("Inactive"))
show("Status(1)", lambda: Status(1))


class BadMissing(Enum):
    A = 1

    @classmethod
    def _missing_(cls, value):
        return 5


show("bad missing", lambda: BadMissing(2))

# _ignore_ and _order_
class Ordered(Enum):
    _order_ = "A B"
    A = 1
    B = 2


print(list(Ordered))
try:
    class Misordered(Enum):
        _order_ = "B A"
        A = 1
        B = 2
except TypeError as e:
    print("order:", e)


class Ignore(Enum):
    _ignore_ = "tmp"
    tmp = 5
    A = 1


print(list(Ignore), hasattr(Ignore, "tmp"))

# copying and pickling support
import copy
print(copy.copy(Color.RED) is Color.RED, copy.deepcopy(Color.RED) is Color.RED, Color.RED.__reduce_ex__(2))
print(sorted(dir(Color)), sorted(n for n in dir(Color.RED) if not n.startswith("__")))
