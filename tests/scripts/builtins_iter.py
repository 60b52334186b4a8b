# iteration builtins: iter/next/enumerate/zip/map/filter/reversed/sorted/min/max/sum/all/any
def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

calls = iter([1, 2, 3, 0, 4])
print(list(iter(lambda: next(calls), 0)))
class Counter:
    def __init__(self): self.n = 0
    def __call__(self):
        self.n += 1
        return self.n
print(list(iter(Counter(), 4)))
err(iter, 5)
err(iter, 5, 0)
err(next, [1])
it = iter([])
print(next(it, "default"), next(iter("ab")), next(it, None))
err(next, it)
print(list(enumerate("abc", 10)), list(enumerate([], 5)), list(enumerate("xy", start=-2)))
err(enumerate, 5)
e = enumerate(["a", "b"])
print(next(e), next(e), next(e, "done"))
print(list(zip()), list(zip("ab")), list(zip("abc", [1, 2], (True, False, None))))
err(lambda: list(zip("ab", "abc", strict=True)))
err(lambda: list(zip("abc", "ab", strict=True)))
err(lambda: list(zip("ab", "ab", "a", strict=True)))
print(list(zip("ab", "xy", strict=True)))
err(zip, 1)
err(zip, [1], 2)
print(list(map(lambda a, b: a * b, [1, 2, 3], "xyz")), list(map(str, range(3))))
print(list(map(pow, [2, 3], [3, 2], [5, 5])))
err(map, len)
err(map)
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(str.isdigit, "a1b2")))
err(filter, None, 3)
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(5))), list(reversed((1, 2))))
class Seq:
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(reversed(Seq())), list(Seq()), 20 in Seq(), 5 in Seq())
class Rev:
    def __reversed__(self): return iter("custom")
print(list(reversed(Rev())))
err(reversed, 5)
print(type(reversed({1: 2}.items())).__name__, type(reversed({1: 2}.values())).__name__, type(reversed({1: 2})).__name__)
err(reversed, {1, 2})
print(sorted("hello"), sorted([3, 1, 2], reverse=True), sorted(["bb", "a", "ccc"], key=len))
print(sorted([(1, "b"), (1, "a"), (0, "z")]), sorted({3: 1, 1: 2}))
err(sorted, [1, "a"])
err(sorted)
err(sorted, [1], lambda x: x)
print(min(3, 1, 2), max("abc"), min([4, 5], key=lambda x: -x), max([], default="empty"))
print(min((1, "a"), (1, "b")), max([1, 3, 2], key=None), min("bca", default=None))
err(min, [])
err(max, [])
err(min)
err(max, 1)
err(min, 1, 2, default=0)
err(max, [1, "a"])
print(max(1, 1.0), max(1.0, 1), min([2, 1, 1.0]))
print(sum([1, 2, 3]), sum([1, 2], 10), sum([[1], [2]], []), sum([0.1] * 10), sum(range(101)))
print(sum([1.5, 2.5], start=1), sum((x for x in range(4))), sum([], 7))
err(sum, ["a", "b"])
err(sum, ["a"], "")
err(sum, [b"a"], b"")
err(sum, [1, "a"])
print(all([]), any([]), all([1, "x"]), any([0, None, 3]), all(x > 0 for x in [1, -1]), any(iter([0, 0])))
err(all, 5)
print(len("héllo"), len([1, 2]), len({1: 2}), len(range(0, 10, 3)), len(b"ab"))
err(len, 5)
err(len, iter([]))
class BadLen:
    def __len__(self): return -1
class BigLen:
    def __len__(self): return 2**70
class StrLen:
    def __len__(self): return "3"
err(len, BadLen())
err(len, BigLen())
err(len, StrLen())
print(list(range(3)) == [0, 1, 2], tuple(enumerate(zip("ab", "cd"))))
print(dict(zip("abc", range(3))), dict(enumerate("xy")))
# iterators are exhausted once
z = zip([1, 2], [3, 4])
print(list(z), list(z))
m = map(abs, [-1, -2])
print(next(m), list(m), list(m))
print(type(iter([])).__name__, type(iter(())).__name__, type(iter("")).__name__, type(iter({})).__name__,
      type(iter(range(1))).__name__, type(iter(set())).__name__, type(reversed([])).__name__,
      type(zip()).__name__, type(map(abs, [])).__name__, type(filter(None, [])).__name__,
      type(enumerate([])).__name__, type(iter(lambda: 1, 1)).__name__)
# iterating a list while appending
lst = [1, 2]
for x in lst:
    if x < 4:
        lst.append(x + 2)
print(lst)
it = iter([1, 2, 3])
print(list(zip(it, it)))
print(iter(it) is it)
