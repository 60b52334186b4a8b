# enum: custom __new__/__init__, mixins, base classes with methods, members
# named name/value, __init_subclass__, custom metaclasses, global_enum.
import enum
from enum import Enum, IntEnum, auto


def show(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__, e)


class Coordinate(bytes, Enum):
    def __new__(cls, value, label, unit):
        obj = bytes.__new__(cls, [value])
        obj._value_ = value
        obj.label = label
        obj.unit = unit
        return obj

    PX = (0, "P.X", "km")
    PY = (1, "P.Y", "km")


print(Coordinate.PY, Coordinate(1).label, Coordinate.PX.unit, Coordinate.PY.value)


class Ordinal(Enum):
    def __new__(cls, *args):
        value = len(cls.__members__) + 1
        obj = object.__new__(cls)
        obj._value_ = value
        obj.args = args
        return obj

    FIRST = "a", "b"
    SECOND = "c"


print(list(Ordinal), Ordinal.FIRST.args, Ordinal(2).args)


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    VENUS = (4.869e+24, 6.0518e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        return 6.67300E-11 * self.mass / (self.radius * self.radius)


for p in Planet:
    print(p.name, p.value, "%.2f" % p.surface_gravity)


class OrderedEnum(Enum):
    def __ge__(self, other):
        if self.__class__ is other.__class__:
            return self.value >= other.value
        return NotImplemented

    def __lt__(self, other):
        if self.__class__ is other.__class__:
            return self.value < other.value
        return NotImplemented


class Grade(OrderedEnum):
    A = 5
    B = 4
    C = 3


print(Grade.C < Grade.A, Grade.A >= Grade.B, sorted(Grade), max(Grade))
show("extend", lambda: type("G2", (Grade,), {"D": 1}))


class Fancy(Enum):
    name = 1
    value = 2
    other = 3


print(Fancy.name, Fancy.value, Fancy.name.name, Fancy.value.value, Fancy.other.name, list(Fancy))


class FloatEnum(float, Enum):
    HALF = 0.5
    TENTH = 0.1


print(FloatEnum.HALF, repr(FloatEnum.TENTH), FloatEnum.HALF * 2, FloatEnum(0.5), isinstance(FloatEnum.HALF, float))


class Base(Enum):
    def describe(self):
        return "%s is %r" % (self.name, self.value)


class Mood(Base):
    HAPPY = 3
    SAD = 1


print(Mood.HAPPY.describe(), Mood.__mro__[1].__name__)


class Registry(Enum):
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        cls.registered = True


class Sub(Registry):
    A = 1


print(Sub.registered, list(Sub))


class MyMeta(enum.EnumMeta):
    def __contains__(cls, item):
        try:
            cls(item)
        except ValueError:
            return False
        return True


class Lax(Enum, metaclass=MyMeta):
    A = 1
    B = 2


print(1 in Lax, 5 in Lax, Lax.A in Lax, type(Lax).__name__)


class Weekday(IntEnum):
    MONDAY = 1
    TUESDAY = 2

    @classmethod
    def from_name(cls, n):
        return cls[n.upper()]

    def __str__(self):
        return self.name.title()


print(Weekday.from_name("monday"), repr(Weekday.TUESDAY), f"{Weekday.MONDAY}", Weekday.MONDAY + Weekday.TUESDAY)


class Nested(Enum):
    A = 1

    class Inner:
        pass


print(list(Nested))


class State(Enum):
    ON = auto()
    OFF = auto()

    def __repr__(self):
        return "State<%s>" % self.name

    def __bool__(self):
        return self is State.ON


print(State.ON, repr(State.OFF), bool(State.ON), bool(State.OFF), [s for s in State if s])


class Dimension(enum.Enum):
    X = "x"
    Y = "y"
    _hidden = 5
    __private = 6


print(list(Dimension), Dimension._hidden if hasattr(Dimension, "_hidden") else "-", Dimension._Dimension__private)

Shape = enum.Enum("Shape", "SQUARE CIRCLE", module=__name__, qualname="Shape")
print(Shape.SQUARE, Shape.__module__, Shape.__qualname__, Shape.SQUARE.__class__ is Shape)


@enum.global_enum
class Pole(Enum):
    NORTH = 1
    SOUTH = 2


print(repr(Pole.NORTH), str(Pole.SOUTH), NORTH is Pole.NORTH)

# member-dict style access and class attributes
print(Planet.__members__["EARTH"] is Planet.EARTH, Planet._member_names_, type(Planet._member_map_).__name__,
      Planet._value2member_map_[(5.976e+24, 6.37814e6)])
show("Planet.EARTH.mass=", lambda: setattr(Planet.EARTH, "mass", 1) or Planet.EARTH.mass)
