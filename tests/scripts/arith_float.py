# Float arithmetic and float repr (shortest round-trip, as CPython).
print(0.1 + 0.2, 1 / 3, 2 / 3, 10 / 4, 1 / 2)
print(7 / 2, -7 / 2, 6 / 3, 1.5 * 2)
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2)
print(1e16, 1e15, 123456789.0, 1.5e-5, 0.0001, 1e22, 1e-7)
print(3.0, -0.0, 2.5, 100.0, 1.0 / 8)
print(float("1.5"), float("-2"), float(3), int(3.9), int(-3.9))
print(2 ** 0.5, 2 ** -1, 4 ** 0.5, 10.0 ** 3)
print(abs(-2.5), max(1.5, 2), min(1, 0.5))
print(1.5 + 1, 3 - 0.5, 2 * 0.25)
print(0.1 * 3 == 0.3, 0.5 + 0.25 == 0.75, 1.0 == 1)
print(round(2.675, 2), round(3.5), round(4.5), round(-0.5))
total = 0.0
i = 0
while i < 10:
    total += 0.1
    i += 1
print(total)
print(1e300 * 1e10, -1e300 * 1e10)
