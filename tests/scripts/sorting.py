# sorting: stability, keys, reverse, mixed comparisons, custom __lt__
records = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30), ("eve", 22)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
print(sorted(records, key=lambda r: (-r[1], r[0])))
by_age = sorted(records, key=lambda r: r[0]); by_age.sort(key=lambda r: r[1]); print(by_age)
words = "The quick brown fox Jumped over the Lazy dog".split()
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=lambda w: (len(w), w.lower())))
nums = [5, -3, 2, -8, 0, 7, -1]
print(sorted(nums), sorted(nums, key=abs), sorted(nums, key=abs, reverse=True), sorted(nums, reverse=True))
print(sorted([3.5, 1, 2.25, -0.5, 10**20, -10**20]), sorted([True, False, 2, 0.5]), sorted("hello world"))
print(sorted([[2, 1], [1, 2], [1], [], [1, 1]]), sorted([(1, "b"), (1, "a"), (0, "z")]), sorted([{1}, {1, 2}, set()], key=len))
class Item:
    def __init__(self, n, tag): self.n, self.tag = n, tag
    def __lt__(self, other): return self.n < other.n
    def __repr__(self): return f"{self.tag}{self.n}"
items = [Item(3, "a"), Item(1, "b"), Item(3, "c"), Item(2, "d"), Item(1, "e")]
print(sorted(items), sorted(items, reverse=True), min(items), max(items))
big = [(i * 7919) % 1000 for i in range(300)]
sb = sorted(big); print(sb[:10], sb[-5:], sb == sorted(big, key=lambda v: v), all(sb[i] <= sb[i + 1] for i in range(len(sb) - 1)))
stable = sorted([(v % 10, i) for i, v in enumerate(big)], key=lambda p: p[0]); print(stable[:12])
lst = [3, 1, 2]; print(lst.sort(), lst, lst.sort(reverse=True), lst)
try:
    sorted([3, "a", 1])
except TypeError as e:
    print("TypeError", e)
try:
    [1, None].sort()
except TypeError as e:
    print("TypeError", e)
def keyfail(v):
    if v == 2: raise ValueError("bad key")
    return v
try:
    sorted([1, 2, 3], key=keyfail)
except ValueError as e:
    print("ValueError", e)
print(sorted({"b": 2, "a": 1}), sorted({"b": 2, "a": 1}.items(), key=lambda kv: kv[1], reverse=True), sorted(range(5), key=lambda v: v % 2))
print(sorted([0.0, -0.0, 0]), sorted(["b", "B", "a", "A", "_", "1"]), sorted(["ä", "a", "z", "é"]))
nan = float("nan"); print(len(sorted([nan, 1.0, 2.0])), sorted([2, 1], key=lambda v: nan) == [2, 1])
