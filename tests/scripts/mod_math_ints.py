import math

def show(label, f, *args):
    try:
        r = f(*args)
        print(label, repr(r), type(r).__name__)
    except Exception as e:
        print(label, type(e).__name__, e)

for n in [0, 1, 5, 10, 20, 21, 25, 50, 100]:
    show("factorial", math.factorial, n)
print(len(str(math.factorial(1000))), math.factorial(1000) % 1000003)
show("factorial", math.factorial, -1)
show("factorial", math.factorial, 5.0)
show("factorial", math.factorial, "5")
show("factorial", math.factorial, True)
for a in [(12, 18), (0, 0), (0, 5), (-12, 18), (7,), (), (12, 18, 27), (2**100, 2**80 * 3), (-2**64, 6)]:
    show("gcd", math.gcd, *a)
    show("lcm", math.lcm, *a)
show("gcd", math.gcd, 1.5, 2)
for n, k in [(5, 2), (10, 0), (10, 10), (10, 11), (52, 5), (100, 50), (0, 0), (1000, 3)]:
    show("comb", math.comb, n, k)
    show("perm", math.perm, n, k)
show("perm1", math.perm, 5)
show("comb", math.comb, -1, 2)
show("comb", math.comb, 5, -2)
show("perm", math.perm, 5, -2)
show("comb", math.comb, 5)
show("comb", math.comb, 5.0, 2)
for n in [0, 1, 2, 3, 4, 15, 16, 17, 10**20, 2**200 + 5, 999999999999]:
    show("isqrt", math.isqrt, n)
show("isqrt", math.isqrt, -1)
show("isqrt", math.isqrt, 2.0)
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2.5, 2]), math.prod(range(1, 30)))
print(math.prod([1, 2], start=10), math.prod(["ab"], start=1), math.prod([[1], 3]))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([]), math.fsum([1, 2, 3]), math.fsum(x / 7 for x in range(100)))
show("fsum", math.fsum, [1e308, 1e308, -1e308])
print(math.fsum([math.inf, 1]), math.fsum([0.5, 0.25, 1e-17]))
show("fsum", math.fsum, [math.inf, -math.inf])
show("fsum", math.fsum, [1e308, 1e308])
show("fsum", math.fsum, [math.nan, 1.0])
print(math.fsum([2.0 ** 53, 1.0, 2.0 ** -53]), math.fsum([1, 1e-16, 1e-16]))
class F:
    def __floor__(self): return "floor!"
    def __ceil__(self): return "ceil!"
    def __trunc__(self): return "trunc!"
    def __float__(self): return 2.5
print(math.floor(F()), math.ceil(F()), math.trunc(F()), math.sqrt(F()))
class I:
    def __index__(self): return 6
print(math.factorial(I()), math.gcd(I(), 4), math.isqrt(I()))
print(math.floor(2**70 + 0.0), math.ceil(-1e25), math.trunc(1e19))
print(type(math.floor(3)), math.floor(-2**100))
