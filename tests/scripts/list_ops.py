# list methods, slicing, sorting, comparisons
a = [3, 1, 4, 1, 5, 9, 2, 6]
print(a[2], a[-1], a[2:5], a[:3], a[5:], a[::2], a[::-1], a[-3:-1], a[1:7:3], a[7:1:-2], a[100:], a[-100:2])
b = a.copy(); b.append(7); b.extend([8, 8]); b.insert(0, 0); b.insert(-1, 99); b.insert(100, 100); b.insert(-100, -1)
print(b, len(b), b.count(8), b.index(8), b.index(1, 3), b.index(8, -3))
print(b.pop(), b.pop(0), b.pop(-2), b)
b.remove(1); print(b); b.reverse(); print(b); b.clear(); print(b)
for bad in [lambda: [].pop(), lambda: [1].pop(5), lambda: [1].remove(2), lambda: [1, 2].index(3), lambda: [1].index(1, 1), lambda: [][0], lambda: [1, 2][-3], lambda: [1]["a"], lambda: [1].sort(1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
c = list(range(10))
c[2:5] = ["a", "b"]; print(c)
c[::3] = [0, 0, 0]; print(c)
del c[::2]; print(c)
c[1:1] = [7, 7, 7]; print(c)
c[-1:] = []; print(c)
del c[1]; print(c)
c[:] = "xyz"; print(c)
try:
    c[::2] = [1, 2, 3]
except ValueError as e:
    print("ValueError", e)
try:
    c[0:1] = 5
except TypeError as e:
    print("TypeError", e)
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True), sorted(words, reverse=True))
pairs = [(1, "b"), (0, "z"), (1, "a"), (0, "a")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[1], reverse=True))
nums = [5, 2, 8, 2, 9, 1]
nums.sort(); print(nums); nums.sort(reverse=True); print(nums); nums.sort(key=lambda x: -x); print(nums)
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError", e)
print(sorted([float("nan"), 1, 2]) is not None, sorted([3, 1, 2], key=None))
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [1, 2] == [1, 2], [1, [2]] == [1, [2]], [] < [0], [1, 2] <= [1, 2], [3] >= [2, 9])
print([1, 2] + [3], [0] * 3, 2 * [1, 2], [[]] * 2, [1, 2] * 0, list("abc"), list((1, 2)), list({1: 2}), list(range(3)))
x = [1, 2]; x += (3, 4); x *= 2; print(x)
nested = [[1, 2], [3]]; cp = nested.copy(); cp[0].append(9); print(nested, cp is nested, cp == nested)
r = [1, 2, 3]; r.append(r); print(r, len(r))
print(max([1, 5, 3]), min([4, 2, 8]), sum([1, 2, 3]), any([0, "", None]), all([1, "a", [0]]), 3 in [1, 2, 3], 4 not in [1, 2])
print(list(reversed([1, 2, 3])), list(enumerate("ab", 1)), [i * i for i in range(5) if i % 2], [(i, j) for i in range(2) for j in range(2)])
print(isinstance([], list), type([]), [].__class__.__name__, list.__name__, len([[]]), bool([]), bool([0]))
y = [5, 3, 1]; print(y.sort(), y, sorted(y) is y)
print(list.index([4, 5, 6], 5), list.count([1, 1], 1), [1, 2, 3].__contains__(2), [1, 2].__len__(), [1, 2].__getitem__(0))
