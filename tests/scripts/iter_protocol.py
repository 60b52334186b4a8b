# the iterator protocol: iter()/next(), exhaustion, sentinel iteration, iterator classes, reuse
it = iter([1, 2, 3])
print(next(it), list(it), list(it), next(it, "end"))
class Countdown:
    def __init__(self, start): self.start = start
    def __iter__(self):
        n = self.start
        while n > 0:
            yield n
            n -= 1
c = Countdown(3)
print(list(c), list(c), [x * 2 for x in c], sum(c), max(c), sorted(c), list(zip(c, "abc")))
class OneShot:
    def __init__(self, data): self.data, self.i = data, 0
    def __iter__(self): return self
    def __next__(self):
        if self.i >= len(self.data):
            raise StopIteration
        self.i += 1
        return self.data[self.i - 1]
o = OneShot("xyz")
print(list(o), list(o), iter(o) is o)
values = [3, 1, 4, 1, 5, 9, 2, 6]
pos = iter(values)
print(list(iter(lambda: next(pos), 9)))
lines = iter(["a", "b", "", "c"])
print(list(iter(lines.__next__, "")))
d = {"a": 1, "b": 2}
di = iter(d); print(next(di), next(di), next(di, None))
s = "héllo"; si = iter(s); print(next(si), next(si), "".join(si))
r = iter(range(3)); print(list(r), list(r))
e = enumerate("ab"); print(next(e), list(e))
z = zip([1, 2, 3], "ab"); print(list(z), list(z))
m = map(abs, [-1, -2]); print(next(m), list(m))
f = filter(lambda v: v > 0, [-1, 1, 2]); print(list(f))
rv = reversed([1, 2, 3]); print(next(rv), list(rv))
g = (x for x in range(3)); print(list(g), sum(x for x in range(3)))
nums = iter(range(10))
print([n for n in nums if n % 3 == 0], list(nums))
def take(n, iterable):
    out = []
    for x in iterable:
        if len(out) == n:
            break
        out.append(x)
    return out
def naturals():
    n = 0
    while True:
        yield n
        n += 1
print(take(5, naturals()), take(3, (x * x for x in naturals())))
chained = [x for part in ([1, 2], (3,), "ab", {"k": 0}) for x in part]; print(chained)
a, b, *rest = iter(range(6)); print(a, b, rest)
print(*iter("xyz"), sep=",")
print(list(dict.fromkeys(iter([3, 1, 3, 2, 1]))), set(iter([1, 1, 2])), tuple(iter(())))
class GetItemOnly:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return chr(97 + i)
print(list(GetItemOnly()), "b" in GetItemOnly(), list(enumerate(GetItemOnly())))
try:
    next(5)
except TypeError as e:
    print("TypeError", e)
try:
    iter(5)
except TypeError as e:
    print("TypeError", e)
class NoNext:
    def __iter__(self): return self
try:
    iter(NoNext())
except TypeError as e:
    print("TypeError", e)
