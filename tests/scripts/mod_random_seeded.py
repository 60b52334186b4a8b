import random

for s in [42, 0, 1, -5, 2**32, 2**100, "hello", b"hello", "", 3.5, 12345678901234567890]:
    random.seed(s)
    print(repr(s), [random.random() for _ in range(3)])
    print(" bits", [random.getrandbits(k) for k in (1, 5, 31, 32, 33, 63, 64, 65, 100, 200)])
    print(" range", [random.randrange(10) for _ in range(10)], random.randrange(5, 100, 7), random.randrange(100, 5, -3))
    print(" int", [random.randint(1, 6) for _ in range(10)], random.randint(-10**20, 10**20))
    print(" big", random.randrange(2**70), random.randrange(3**50, 3**51))

random.seed(42)
print(random.getrandbits(0))
r = random.Random(42)
r2 = random.Random("hello")
print(r.random(), r2.random(), random.random())
r3 = random.Random()
r3.seed(2**100)
print(r3.randint(0, 10**6))
