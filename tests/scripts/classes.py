# Classes, inheritance, special methods.
class Animal:
    kind = "animal"
    count = 0
    def __init__(self, name):
        self.name = name
        Animal.count += 1
    def speak(self):
        return self.name + " makes a sound"
    def describe(self):
        return self.name + " is an " + self.kind

class Dog(Animal):
    kind = "dog"
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
    def speak(self):
        return self.name + " barks"

a = Animal("generic")
d = Dog("Rex", "lab")
print(a.speak(), "|", d.speak(), "|", d.describe(), "|", d.breed)
print(Animal.count, isinstance(d, Animal), isinstance(a, Dog), issubclass(Dog, Animal))

class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __eq__(self, other):
        return self.x == other.x and self.y == other.y
    def __repr__(self):
        return "Vec(" + str(self.x) + ", " + str(self.y) + ")"
    def __len__(self):
        return 2
    def __getitem__(self, i):
        if i == 0:
            return self.x
        return self.y

v = Vec(1, 2) + Vec(3, 4)
print(v, v * 3, v == Vec(4, 6), v != Vec(0, 0), len(v), v[0], v[1])
print([Vec(0, 1)], str(v))

class Stack:
    def __init__(self):
        self.items = []
    def push(self, x):
        self.items.append(x)
        return self
    def pop(self):
        return self.items.pop()
    def __str__(self):
        return "Stack" + str(self.items)
s = Stack().push(1).push(2).push(3)
print(s.pop(), s)

class Base:
    def hello(self):
        return "base:" + self.who()
    def who(self):
        return "Base"
class Mid(Base):
    def who(self):
        return "Mid"
class Leaf(Mid):
    def hello(self):
        return "leaf+" + super().hello()
print(Leaf().hello(), Mid().hello(), Base().hello())
print(type(3).__name__, type("s").__name__, type(v).__name__, Leaf.__name__)
print(hasattr(d, "breed"), getattr(d, "missing", "default"))
setattr(d, "age", 3)
print(d.age)
