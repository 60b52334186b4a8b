from collections import namedtuple

Point = namedtuple("Point", ["x", "y"])
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[1], len(p), list(p))
x, y = p
print(x + y, p == (1, 2), p == Point(1, 2), p != Point(2, 1), hash(p) == hash((1, 2)))
print(p._asdict(), p._replace(x=10), Point._make([5, 6]), Point._fields)
print(Point(x=3, y=4), Point(3, y=4))
P3 = namedtuple("P3", "a b c", defaults=[0, 1])
print(P3(9), P3(9, 8), P3(1, 2, 3), P3._field_defaults)
R = namedtuple("R", "a, def, a, _x", rename=True)
print(R._fields)
for bad in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: Point(1, x=2),
            lambda: p._replace(z=1), lambda: namedtuple("P", "1a"), lambda: namedtuple("P", "def x"),
            lambda: namedtuple("P", "_a"), lambda: namedtuple("P", "a a"),
            lambda: namedtuple("P", "a", defaults=(1, 2)), lambda: Point._make([1])]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError")
print(Point.__name__, Point.__doc__, sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
print(p.count(1), p.index(2), 2 in p, p[:1])
class Vec(namedtuple("Vec", "x y")):
    def norm2(self):
        return self.x ** 2 + self.y ** 2
v = Vec(3, 4)
print(v.norm2(), v)
E = namedtuple("E", "")
print(E(), len(E()))
