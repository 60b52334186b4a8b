# typing.NamedTuple: class syntax with annotations, defaults, methods,
# docstrings, the functional and keyword forms, and the errors.
from typing import NamedTuple, Optional, List
import typing


class Employee(NamedTuple):
    """An employee."""
    name: str
    id: int = 3
    tags: Optional[List[str]] = None

    def describe(self):
        return "%s #%d" % (self.name, self.id)

    @property
    def upper(self):
        return self.name.upper()

    KIND = "staff"


e = Employee("ann")
f = Employee("bob", 7, ["x"])
print(e, f, e.describe(), f.upper, Employee.KIND, e.KIND)
print(Employee._fields, Employee._field_defaults, Employee.__annotations__, Employee.__doc__)
print(isinstance(e, tuple), type(e).__name__, Employee.__mro__[1].__name__, e == ("ann", 3, None), e[0], len(f))
print(e._replace(id=9), e._asdict(), Employee._make(["cy", 1, []]), hash(e) == hash(("ann", 3, None)))
n, i, t = f
print(n, i, t, f.index(7), f.count("bob"), sorted([Employee("z", 1), Employee("a", 2)]))
try:
    Employee()
except TypeError as ex:
    print("TypeError", ex)


class Point(NamedTuple):
    x: float
    y: float

    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)

    def __repr__(self):
        return "P(%g, %g)" % self


print(Point(1, 2) + Point(3, 4), Point(0.5, 1)._asdict())

Pair = NamedTuple("Pair", [("left", int), ("right", str)])
print(Pair(1, "a"), Pair._fields, Pair.__annotations__)
KW = NamedTuple("KW", a=int, b=None)
print(KW(1, 2), KW.__annotations__)

for src in ["class Bad(NamedTuple):\n    x: int = 1\n    y: int\n",
            "class Bad(NamedTuple):\n    a: int = 1\n    b: int = 2\n    y: int\n",
            "class Bad(NamedTuple):\n    x: int\n    def _asdict(self): pass\n",
            "class Bad(NamedTuple, object):\n    x: int\n"]:
    try:
        exec(src, {"NamedTuple": NamedTuple})
    except (TypeError, AttributeError) as ex:
        print(type(ex).__name__, ex)
try:
    NamedTuple("X", [("a", int)], b=int)
except TypeError as ex:
    print("TypeError", ex)


class Empty(NamedTuple):
    pass


print(Empty(), Empty._fields, typing.get_type_hints(Employee)["id"])
