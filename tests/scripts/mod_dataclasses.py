from dataclasses import dataclass, field, asdict, astuple, fields, replace, is_dataclass, FrozenInstanceError
from typing import List, Optional, ClassVar

@dataclass
class Point:
    x: int
    y: int = 0

p = Point(1, 2)
print(p, Point(5), Point(x=3, y=4), p == Point(1, 2), p != Point(2, 1), p == (1, 2))
print([f.name for f in fields(p)], asdict(p), astuple(p), replace(p, y=9), is_dataclass(p), is_dataclass(1))
for bad in [lambda: Point(), lambda: Point(1, 2, 3), lambda: Point(1, z=3), lambda: Point(1, x=2)]:
    try:
        bad()
    except TypeError as e:
        print(e)

@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    tags: List[str] = field(default_factory=list, compare=False)
    count: ClassVar[int] = 0

vs = [Version(1, 2), Version(1, 0), Version(0, 9, ["x"])]
print(sorted(vs), Version(1) < Version(1, 1), Version(2) >= Version(1, 5), max(vs))
v = Version(3)
v.tags.append("a")
print(v, Version(3).tags, Version.count, [f.name for f in fields(Version)])

@dataclass(frozen=True)
class Frozen:
    name: str
    value: float = 1.5

fz = Frozen("a")
try:
    fz.name = "b"
except FrozenInstanceError as e:
    print("FrozenInstanceError", e)
print(fz, hash(fz) == hash(Frozen("a")), isinstance(FrozenInstanceError(), AttributeError))

@dataclass
class Inv:
    item: str
    qty: int = 1
    price: float = 0.0
    total: float = field(init=False, repr=False, default=0.0)
    def __post_init__(self):
        self.total = self.qty * self.price

iv = Inv("widget", 3, 2.5)
print(iv, iv.total)

@dataclass
class Nested:
    pts: List[Point]
    opt: Optional[Point] = None

n = Nested([Point(1), Point(2, 3)], Point(9, 9))
print(n)
print(asdict(n), astuple(n))

@dataclass
class Base:
    a: int
    b: str = "b"

@dataclass
class Child(Base):
    c: float = 3.0

print(Child(1), Child(1, "x", 2.5), [f.name for f in fields(Child)])

try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print(e)
try:
    @dataclass
    class Bad2:
        a: int = 1
        b: int
except TypeError as e:
    print(e)

@dataclass(eq=False)
class NoEq:
    v: int
print(NoEq(1) == NoEq(1), NoEq(2))

@dataclass(unsafe_hash=True)
class H:
    v: int
print(hash(H(5)) == hash((5,)), Point.__hash__ is None)
print(Point.__match_args__, field(default=1).default)
