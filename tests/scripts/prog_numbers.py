# number crunching with big ints and floats: primes, factorials, fibonacci, gcd, fractions by hand
def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0:2] = [False, False]
    for i in range(2, int(n ** 0.5) + 1):
        if is_p[i]:
            is_p[i * i::i] = [False] * len(range(i * i, n + 1, i))
    return [i for i, p in enumerate(is_p) if p]
primes = sieve(200)
print(len(primes), primes[:15], primes[-5:], sum(primes))
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
print(fact(20), fact(30), len(str(fact(100))), sum(int(d) for d in str(fact(50))), str(fact(25))[-6:])
a, b = 0, 1
fibs = []
for _ in range(100):
    fibs.append(a)
    a, b = b, a + b
print(fibs[:12], fibs[90], fibs[99], fibs[99] % 1000000007, len(str(fibs[99])))
def gcd(x, y):
    while y:
        x, y = y, x % y
    return abs(x)
print(gcd(48, 180), gcd(-12, 18), gcd(2**64, 2**40 * 3), gcd(fibs[80], fibs[79]))
class Frac:
    def __init__(self, n, d=1):
        if d == 0:
            raise ZeroDivisionError("Frac with zero denominator")
        g = gcd(n, d) or 1
        s = -1 if d < 0 else 1
        self.n, self.d = s * n // g, s * d // g
    def __add__(self, o): o = o if isinstance(o, Frac) else Frac(o); return Frac(self.n * o.d + o.n * self.d, self.d * o.d)
    __radd__ = __add__
    def __mul__(self, o): o = o if isinstance(o, Frac) else Frac(o); return Frac(self.n * o.n, self.d * o.d)
    def __truediv__(self, o): return Frac(self.n * o.d, self.d * o.n)
    def __eq__(self, o): return (self.n, self.d) == (o.n, o.d)
    def __hash__(self): return hash((self.n, self.d))
    def __lt__(self, o): return self.n * o.d < o.n * self.d
    def __float__(self): return self.n / self.d
    def __repr__(self): return f"{self.n}/{self.d}"
h = sum(Frac(1, k) for k in range(1, 11))
print(h, float(h), Frac(3, -6), Frac(1, 3) * 3, Frac(2, 4) == Frac(1, 2), sorted([Frac(1, 3), Frac(1, 4), Frac(2, 5)]), Frac(1, 2) / Frac(3, 4))
try:
    Frac(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(pow(3, 10**6, 10**9 + 7), pow(2, -1, 97), 2**200 // 3**100, divmod(10**30 + 7, 10**15), (10**20 + 1) * (10**20 - 1))
def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x, y = y, (y + n // y) // 2
    return x
print(isqrt(10**40), isqrt(2 * 10**20), isqrt(99))
collatz = {}
def steps(n):
    c = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        c += 1
    return c
best = max(range(1, 3000), key=steps); print(best, steps(best))
print(sum(1 / (k * k) for k in range(1, 2000)), 4 * sum((-1) ** k / (2 * k + 1) for k in range(1000)))
print(bin(2**64 - 1).count("1"), hex(2**128), int("1" * 40, 2), int("zz" * 10, 36), oct(8**20))
mean = sum(primes) / len(primes)
var = sum((p - mean) ** 2 for p in primes) / len(primes)
print(f"{mean:.4f} {var:.4f} {var ** 0.5:.4f}", round(mean, 3), round(var), int(var))
