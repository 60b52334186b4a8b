import dataclasses
from dataclasses import dataclass, field, fields, asdict, astuple, replace, make_dataclass, InitVar
from collections import namedtuple

Pair = namedtuple('Pair', 'a b')

@dataclass
class Inner:
    x: int
    tags: list = field(default_factory=list)

@dataclass
class Outer:
    name: str
    inner: Inner
    pairs: dict
    seq: tuple = ()
    nt: Pair = None
    hidden: int = field(default=0, repr=False, init=False)

o = Outer('o', Inner(1, ['t']), {'k': Inner(2)}, (Inner(3), [Inner(4)]), Pair(Inner(5), 6))
print(o)
print(asdict(o))
print(astuple(o))
print(asdict(o, dict_factory=lambda kv: sorted(kv)))
print(astuple(o, tuple_factory=list))
d = asdict(o)
print(d['inner']['tags'] is o.inner.tags, type(d['nt']).__name__)
print(replace(o, name='p').name, replace(o.inner, x=9))
try:
    replace(o, hidden=3)
except ValueError as e:
    print(e)
try:
    asdict(Inner)
except TypeError as e:
    print(e)
try:
    astuple(3)
except TypeError as e:
    print(e)
try:
    fields(3)
except TypeError as e:
    print(e)
try:
    field(default=1, default_factory=list)
except ValueError as e:
    print(e)
print([f.name for f in fields(o)], dataclasses.is_dataclass(o), dataclasses.is_dataclass(Outer), dataclasses.is_dataclass(3))
print(repr(fields(Inner)[0]).replace('<class ', '').split(',default=')[0])
print(fields(Inner)[1].default_factory is list, fields(Inner)[0].metadata == {})

@dataclass
class WithInit:
    a: int
    scale: InitVar[int] = 1
    def __post_init__(self, scale):
        self.a *= scale
w = WithInit(2, 5)
print(w, replace(w, scale=3))
@dataclass
class NeedsInit:
    a: int
    scale: InitVar[int]
    def __post_init__(self, scale):
        pass
try:
    replace(NeedsInit(1, 2))
except ValueError as e:
    print(e)

P = make_dataclass('P', ['x', ('y', int), ('z', int, field(default=7))], namespace={'total': lambda self: self.x + self.y + self.z})
p = P(1, 2)
print(p, p.total(), [f.name for f in fields(P)])
F = make_dataclass('F', [('v', int)], frozen=True)
try:
    F(1).v = 2
except dataclasses.FrozenInstanceError as e:
    print(type(e).__name__)
