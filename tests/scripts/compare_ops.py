# comparisons: chains, mixed numeric types, sequences, identity, NotImplemented fallbacks
def err(f, *a):
    try:
        print("ok", f(*a))
    except Exception as e:
        print(type(e).__name__, e)

log = []
def v(x):
    log.append(x)
    return x
print(v(1) < v(2) < v(3), log); log.clear()
print(v(3) < v(2) < v(1), log); log.clear()
print(v(1) == v(1) != v(2) is not None, log); log.clear()
print(1 < 2 > 0 <= 0 >= -1 != 5 == 5, 1 < 2 < 2)
x = 5
print(0 < x < 10, not 0 < x < 3, 0 <= x in [5], 2 < x not in [1])

# mixed numerics are compared exactly
big = 2**63
print(big == float(big), big + 1 == float(big), big + 1 > float(big), 2**1000 > 1e300, -2**1000 < -1e300)
print(1 == 1.0 == True, 0 == 0.0 == False == -0.0, 0.1 + 0.2 > 0.3, 1e308 < 2**1024, float("inf") > 2**5000)
print(float("nan") == float("nan"), float("nan") < 1, float("nan") >= 1, [float("nan")] == [float("nan")])
n = float("nan")
print(n in [n], {n: 1}.get(n))
print(True + True, True > False, False < 0.5, True == 1.0, sorted([True, 0, 0.5, -1]))

# sequences compare lexicographically
print([1, 2] < [1, 2, 3], [1, 3] > [1, 2, 9], (1, "a") < (1, "b"), [] < [0], () == (), [1] == (1,), "abc" < "abd", "Z" < "a")
print("a" < "aa", "" < "a", "é" > "z", "\u00e9" == "é", b"a" < b"b", b"abc" > b"ab", bytearray(b"a") == b"a")
print([1, [2, 3]] < [1, [2, 4]], (1, (2, "x")) == (1, (2, "x")), [[]] > [], {1, 2} < {1, 2, 3}, {1} <= {1}, frozenset({1}) == {1})
err(lambda: [1, "a"] < [1, 2])
err(lambda: (1, None) < (1, 2))
err(lambda: [1] < (1,))
err(lambda: "a" < 1)
err(lambda: 1 < "a")
err(lambda: None < None)
err(lambda: {} < {})
err(lambda: {1} < [1])
err(lambda: object() < object())
err(lambda: b"a" < "a")
print("a" == 1, [1] == "x", None == 0, None is None, {} != [], (1, 2) != [1, 2])

# identity and equality
a = [1]
b = [1]
print(a == b, a is b, a is not b, a == a, id(a) == id(a), id(a) != id(b))
print(None is None, ... is Ellipsis, NotImplemented is NotImplemented, type(None)() is None)

# user classes: NotImplemented fallbacks and reflection
class A:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        log.append("A.eq")
        return self.v == o.v if isinstance(o, A) else NotImplemented
    def __lt__(self, o):
        log.append("A.lt")
        return self.v < o.v if isinstance(o, A) else NotImplemented
class B:
    def __gt__(self, o):
        log.append("B.gt")
        return True
class SubA(A):
    def __lt__(self, o):
        log.append("SubA.lt")
        return NotImplemented
    def __gt__(self, o):
        log.append("SubA.gt")
        return "sub-gt"
print(A(1) < A(2), log); log.clear()
print(A(1) < B(), log); log.clear()
print(A(1) == 5, log); log.clear()
print(5 == A(1), log); log.clear()
print(A(1) != A(1), log); log.clear()
print(A(1) < SubA(2), log); log.clear()
err(lambda: A(1) > 3); print(log); log.clear()
err(lambda: A(1) <= A(2)); log.clear()
err(lambda: B() < B()); log.clear()
print(B() > 1, 1 < B(), log); log.clear()
class Eq:
    def __eq__(self, o): return "truthy-string"
print(Eq() == 1, Eq() != 1, 1 == Eq(), [Eq()] == [1], Eq() in [1])
class NoEq:
    pass
p = NoEq()
print(p == p, p != p, p == NoEq(), p in [p], [p] == [p])
class Ne:
    def __ne__(self, o): return "custom ne"
print(Ne() != 1, Ne() == Ne())
class BadBool:
    def __eq__(self, o): return self
    def __bool__(self): raise ValueError("no bool")
err(lambda: [BadBool()] == [BadBool()])
err(lambda: BadBool() in [1])
err(lambda: 1 if BadBool() == 1 else 0)

# total ordering by hand and sorting with it
class Ver:
    def __init__(self, s): self.parts = tuple(int(p) for p in s.split("."))
    def __lt__(self, o): return self.parts < o.parts
    def __eq__(self, o): return self.parts == o.parts
    def __repr__(self): return ".".join(map(str, self.parts))
vs = [Ver("1.10"), Ver("1.2"), Ver("1.2.1"), Ver("0.9")]
print(sorted(vs), max(vs), min(vs), Ver("1.0") == Ver("1.0"), Ver("1.0") != Ver("1.0"))
err(lambda: Ver("1") <= Ver("2"))
print(Ver("2") > Ver("1"))
