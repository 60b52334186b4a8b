# Comprehensions and generator expressions.
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x > 5])
print([(x, y) for x in range(3) for y in range(x)])
print([[x * y for y in range(3)] for x in range(3)])
print({x: x * x for x in range(4)})
print({k: v for k, v in zip("abc", [1, 2, 3]) if v != 2})
print(sum(x for x in range(101)))
print(max(len(w) for w in ["a", "abc", "ab"]))
print(sorted({x % 3 for x in range(10)}))
x = "unchanged"
ys = [x for x in range(3)]
print(x, ys)
words = ["Apple", "bob", "Cat"]
print([w.lower() for w in words if w[0].isupper()])
g = (i * 2 for i in range(3))
print(list(g), list(g))
