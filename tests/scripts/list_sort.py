# list.sort/sorted: stability, keys, reverse, errors, mutation during sort, list methods edge cases
def err(f, *a, **k):
    try:
        print("ok", f(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)

recs = [("b", 2), ("a", 2), ("c", 1), ("a", 1), ("b", 1)]
print(sorted(recs, key=lambda r: r[1]), sorted(recs, key=lambda r: r[1], reverse=True))
print(sorted(recs, key=lambda r: r[0]), sorted(sorted(recs, key=lambda r: r[1]), key=lambda r: r[0]))
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True), sorted(words, key=lambda w: (len(w), w)))
nums = [3, -1, 2, -5, 4, 0]
nums.sort(key=abs)
print(nums)
nums.sort(reverse=True)
print(nums)
print(sorted([2.5, 1, True, -0.5, 3]), sorted("hello world".split()), sorted({3: "c", 1: "a"}.items()))
print(sorted([[2, 1], [1, 2], [1]]), sorted([(1, "b"), (1, "a")]), sorted(range(5), key=lambda x: -x))
err(sorted, [3, "a", 1])
err(sorted, [1, 2], key=5)
err(sorted, [{}, {}])
err(lambda: [None, 1].sort())
err(sorted, [1, 2], key=lambda x: 1 / (x - 1))
err(sorted, [1, 2], cmp=lambda a, b: 0)
err([3, 1].sort, lambda x: x)
lst = [3, 1, 2]
def evil(x):
    lst.append(x)
    return x
err(lst.sort, key=evil)
print(lst)
class Key:
    calls = 0
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        Key.calls += 1
        return self.v < o.v
ks = [Key(i) for i in [5, 3, 9, 1, 7, 2, 8]]
ks.sort()
print([k.v for k in ks], Key.calls > 0)
class OnlyGt:
    def __init__(self, v): self.v = v
    def __gt__(self, o): return self.v > o.v
print([o.v for o in sorted([OnlyGt(2), OnlyGt(1), OnlyGt(3)])])
class NoCmp:
    pass
err(sorted, [NoCmp(), NoCmp()])
print(sorted([NoCmp()]) != [], sorted([]), sorted(()), sorted(""), sorted(iter([2, 1])))
big = list(range(1000, 0, -1))
big.sort()
print(big[:5], big[-3:], sorted(big, reverse=True)[:3])
# list methods edge cases
l = [1, 2, 3, 2, 1]
print(l.index(2), l.index(2, 2), l.index(1, -1), l.count(2), l.count(9))
err(l.index, 9)
err(l.index, 2, 4)
err(l.remove, 9)
l.remove(2)
print(l, l.pop(), l.pop(0), l)
err([].pop)
err([1].pop, 5)
l = [0, 1, 2, 3, 4, 5]
l.insert(100, "end")
l.insert(-100, "start")
l.insert(-1, "before-end")
print(l)
l = list(range(10))
del l[::3]
print(l)
l[1:3] = "xyz"
print(l)
l[::2] = range(len(l[::2]))
print(l)
err(l.__setitem__, slice(None, None, 2), [1])
l[:] = []
print(l, len(l))
l = [1, 2]
l[5:] = [9]
l[-100:0] = [0]
print(l)
l.extend(x for x in "ab")
l.extend({3: 0})
print(l, l * 2, [0] * 3, [[]] * 2, 2 * [1], [1] * -1)
l.reverse()
print(l, l.copy() == l, l.copy() is l)
l.clear()
print(l)
a = [[0]] * 3
a[0].append(1)
print(a)
print([1, 2] + [3], [1] + list((2,)), list("ab") + ["c"])
err(lambda: [1] + (2,))
err(lambda: [1] * 1.5)
err(lambda: [1] * "a")
print([1, 2, 3][True], [1, 2, 3][-1], [1, 2, 3][False:])
err(lambda: [1][1.0])
err(lambda: [1]["a"])
err(lambda: [1][2])
err(lambda: [].__getitem__(0))
x = [5, 6]
x[True] = 7
print(x, x.__len__(), x.__contains__(7), 7 in x, reversed(x).__next__())
print(max([3, 1, 2]), min([[1, 2], [1]]), sum([[1], [2]], []), list(map(list, [(1, 2), "ab"])))
