# for/while with else, break, continue, range, enumerate, zip.
for i in range(3):
    print("for", i)
else:
    print("for-else ran")
for i in range(10):
    if i == 2:
        break
else:
    print("not printed")
print("broke at", i)
n = 0
while n < 3:
    n += 1
else:
    print("while-else", n)
while True:
    n -= 1
    if n == 0:
        break
print("n", n)
evens = []
for i in range(10):
    if i % 2:
        continue
    evens.append(i)
print(evens)
print(list(range(10, 0, -3)), list(range(-2, 3)), list(range(0)), len(range(0, 100, 7)))
for i, ch in enumerate("abc"):
    print(i, ch)
for i, ch in enumerate("xy", 1):
    print(i, ch)
for a, b in zip([1, 2, 3], "pq"):
    print(a, b)
found = None
for row in [[1, 2], [3, 4], [5, 6]]:
    for x in row:
        if x == 4:
            found = (row, x)
            break
    if found:
        break
print(found)
total = 0
i = 0
while i < 1000:
    total += i
    i += 1
print(total)
for x in reversed([1, 2, 3]):
    print(x, end=" ")
print()
print(any([0, 0, 1]), all([1, 1, 0]), any([]), all([]))
