# Lists.
xs = [3, 1, 4, 1, 5, 9, 2, 6]
print(xs, len(xs), xs[0], xs[-1], xs[2:5], xs[::-1], xs[1::3])
xs.append(5)
xs.extend([8, 9])
xs.insert(0, 7)
print(xs)
print(xs.pop(), xs.pop(0), xs)
xs.remove(1)
print(xs, xs.index(5), xs.count(9))
ys = sorted(xs)
print(ys, xs)
xs.sort()
print(xs)
xs.sort(reverse=True)
print(xs)
xs.reverse()
print(xs)
print([1, 2] + [3], [0] * 4, [[1, 2], [3]], [] == [], [1, [2]] == [1, [2]])
print(3 in xs, 100 in xs, [1, 2] < [1, 3])
m = [[0] * 3 for _ in range(3)]
m[1][1] = 5
print(m)
a = [1, 2, 3]
b = a
b.append(4)
print(a, a is b, a == [1, 2, 3, 4])
c = a[:]
c.append(5)
print(a, c)
del c[0]
print(c)
c[1:3] = ["x", "y", "z"]
print(c)
print(list(range(5)), list("abc"), list((1, 2)))
print(sum([1, 2, 3]), max([4, 8, 2]), min([4, 8, 2]))
words = ["pear", "fig", "banana", "kiwi"]
print(sorted(words), sorted(words, key=len), sorted(words, key=len, reverse=True))
print(["a", 'b"c', None, True, 1.0])
