import random

random.seed(42)
seq = list(range(20))
print(random.choice(seq), random.choice("abcdef"), random.choice((1, 2, 3)), random.choice(range(100)))
random.shuffle(seq)
print(seq)
t = list("abcdefghij")
random.shuffle(t)
print(t)
print(random.sample(range(100), 10))
print(random.sample(range(10**6), 5))
print(random.sample("abcdefg", 3), random.sample([1, 2, 3], k=3))
print(random.sample(["red", "blue"], counts=[4, 2], k=5))
print(random.choices("abc", k=10))
print(random.choices("abc", weights=[10, 1, 1], k=10))
print(random.choices("abc", cum_weights=[1, 2, 10], k=10))
print(random.choices([1, 2, 3]))
print(random.choices("ab", [0.5, 1.5], k=4))
for bad in [
    lambda: random.choice([]),
    lambda: random.sample([1, 2], 3),
    lambda: random.sample({1, 2}, 1),
    lambda: random.choices("abc", 3),
    lambda: random.choices("abc", weights=[1, 1], k=2),
    lambda: random.choices("abc", weights=[1, 1, 1], cum_weights=[1, 2, 3]),
    lambda: random.choices("abc", weights=[0, 0, 0]),
    lambda: random.randrange(0),
    lambda: random.randrange(5, 5),
    lambda: random.randrange(1, 10, 0),
    lambda: random.randrange(10, 1, 2),
    lambda: random.randrange(1.5),
    lambda: random.randrange("a"),
    lambda: random.randint(5, 1),
    lambda: random.getrandbits(-1),
    lambda: random.seed([1, 2]),
    lambda: random.gammavariate(-1, 1),
]:
    try:
        print("ok", bad())
    except Exception as e:
        print(type(e).__name__, e)
random.seed(7)
print(random.randrange(10.0), random.randrange(0, 10, 2))
print(random.randbytes(5), random.randbytes(0))
s = random.getstate()
a = [random.random() for _ in range(3)]
random.setstate(s)
b = [random.random() for _ in range(3)]
print(a == b, s[0], len(s[1]), s[2])
