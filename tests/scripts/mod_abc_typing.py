from abc import ABC, abstractmethod
from typing import List, Dict, Optional, Union, Any, Callable, TypeVar, Generic, TYPE_CHECKING, cast, Tuple, overload
import typing

class Shape(ABC):
    @abstractmethod
    def area(self):
        ...
    @abstractmethod
    def perimeter(self):
        ...
    def describe(self):
        return "%s with area %s" % (type(self).__name__, self.area())

class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
    def perimeter(self):
        return 4 * self.s

class Half(Shape):
    def area(self):
        return 1

for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print(e)
sq = Square(3)
print(sq.describe(), sq.perimeter(), isinstance(sq, Shape), isinstance(sq, ABC))

T = TypeVar("T")
class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        return self.items.pop()

s = Stack[int]()
s.push(1)
s.push(2)
print(s.pop(), s.items, T, TYPE_CHECKING, cast(int, "x"))

def f(a: Optional[int] = None, b: Union[int, str] = 0, c: Dict[str, List[int]] = None) -> Tuple[int, ...]:
    return (a, b)
print(f(1, "x"))
Handler = Callable[[int], str]
Vec = List[float]
print(typing.get_type_hints(Square), Any is not None)
