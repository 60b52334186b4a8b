from enum import Enum, StrEnum, IntEnum, auto
class S(StrEnum):
    A = auto()
    B = 'bee'
print(list(S), S.A.upper(), str(S.B), format(S.B, '>5'))
for args in [(1,), ('a', 2), ('a', 'utf-8', 3), ('a', 'b', 'c', 'd')]:
    try:
        class T(StrEnum):
            X = args
    except TypeError as e:
        print(e)
class Mixed(Enum):
    A = 'text'
    B = auto()
    C = 5
    D = auto()
    E = 2
    F = auto()
print([(m.name, m.value) for m in Mixed])
class Missing(Enum):
    A = 1
    @classmethod
    def _missing_(cls, value):
        if value == 'bad':
            return 42
        if value == 'boom':
            raise KeyError('k')
        if value == 'alias':
            return cls.A
        return None
print(Missing('alias'))
for v in ('bad', 'boom', 99):
    try:
        Missing(v)
    except Exception as e:
        print(type(e).__name__, e, type(e.__context__).__name__)
class Empty(Enum):
    pass
try:
    Empty(1)
except TypeError as e:
    print(e)
class Unhash(Enum):
    L = [1, 2]
print(Unhash([1, 2]))
class WithProps(Enum):
    A = 1
    def describe(self):
        return self.name.lower()
    @property
    def twice(self):
        return self.value * 2
print(dir(WithProps.A), WithProps.A.twice, hash(WithProps.A) == hash('A'))
print(dir(IntEnum('I', 'a')(1))[:5], repr(Mixed.A), str(Mixed.C), format(Mixed.C))
import copy
print(copy.copy(Mixed.A) is Mixed.A, copy.deepcopy(Mixed.A) is Mixed.A, Mixed.A.__reduce_ex__(2)[1])
