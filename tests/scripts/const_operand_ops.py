# Operators whose right operand is a constant run as one instruction; results,
# reflected operators, in-place operators and errors must be unchanged.


class R:
    def __radd__(self, other):
        return "radd(%r)" % (other,)

    def __lt__(self, other):
        return "lt(%r)" % (other,)

    def __iadd__(self, other):
        return "iadd(%r)" % (other,)


def ops(x):
    out = [x + 1, x - 2.5, x * 3, x // 2, x % 3, x ** 2, x / 4, x << 1, x & 6]
    out.append(x < 3)
    out.append(x >= 3.0)
    out.append(x == 5)
    if x > 2:
        out.append("big")
    if not x != 5:
        out.append("five")
    y = x
    y += 10
    y -= 0.5
    out.append(y)
    return out


print(ops(5))
print(ops(True))
for e in ("1.5 << 1", "2 & 1.5", "1.5 ^ True", "1.5 | 1.0", "1.5 >> 1", "1.5 @ 2"):
    try:
        eval(e)
    except TypeError as err:
        print(err)

t = (1,)
t += (2, 3)
s = "ab"
s += "c"
s *= 2
print(t, s, 2 ** -1, 7 // -2, -7 % 3, 10 / 4)

r = R()
print(1 + r if False else r < 3)
r += 1
print(r)


def failing(v):
    try:
        return v + 1
    except TypeError as e:
        return "TypeError: %s" % e


print(failing("a"), failing(None), failing([1]))


def compare_fail(v):
    try:
        if v < 1:
            return "less"
        return "not less"
    except TypeError as e:
        return "TypeError: %s" % e


print(compare_fail(0), compare_fail(2), compare_fail("x"), compare_fail(None))


def in_loops(n):
    total = 0
    i = 0
    while i < n:
        total += i * 2
        i += 1
    return total, i


print(in_loops(10))
big = 2 ** 62
print(big + big, big * 4, -big - big - big, (2 ** 63 - 1) + 1)
print(1e308 * 10, -1e308 * 10, 0.1 + 0.2)
try:
    print(1 // 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    x = 5
    x %= 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
