import operator as op
from operator import itemgetter, attrgetter, methodcaller

print(op.add(1, 2), op.sub(5, 3), op.mul(3, 4), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 10))
print(op.neg(3), op.pos(-3), op.abs(-4), op.inv(5), op.invert(0), op.lshift(1, 4), op.rshift(32, 2))
print(op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.not_(0), op.truth([]), op.truth([1]))
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1.0), op.ne(1, 2), op.gt(1, 2), op.ge(3, 3))
print(op.is_(None, None), op.is_not(1, None), op.contains([1, 2], 2), op.countOf([1, 2, 1], 1), op.indexOf("abc", "c"))
print(op.concat([1], [2]), op.concat("a", "b"), op.index(7))
l = [1, 2, 3]
op.setitem(l, 0, 9)
op.delitem(l, 1)
print(l, op.getitem(l, 1), op.getitem("abc", 2))
x = [1]
print(op.iadd(x, [2]), x, op.iadd(1, 2), op.imul("ab", 2), op.isub(5, 1), op.ior(1, 2), op.iand(3, 1), op.ixor(3, 1))
print(op.length_hint([1, 2]), op.length_hint(5, 7))
g = itemgetter(1)
print(g([1, 2, 3]), itemgetter(0, 2)("abc"), itemgetter("k")({"k": "v"}), g)
class P:
    def __init__(self):
        self.name = "p"
        self.child = None
p = P()
p.child = P()
p.child.name = "c"
print(attrgetter("name")(p), attrgetter("child.name")(p), attrgetter("name", "child.name")(p), attrgetter("a.b"))
print(methodcaller("upper")("abc"), methodcaller("split", ",")("a,b"), methodcaller("f", 1, x=2))
rows = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(0)), max(rows, key=itemgetter(1)))
for bad in [lambda: op.index(1.5), lambda: op.indexOf([1], 5), lambda: attrgetter(1), lambda: op.concat(1, 2)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
