# Integer arithmetic: signs of // and %, big ints, bit operations.
a = 17
b = 5
print(a + b, a - b, a * b, a // b, a % b, a ** 2)
print(-17 // 5, -17 % 5, 17 // -5, 17 % -5, -17 // -5, -17 % -5)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5))
print(7 // 1, 0 // 3, -1 // 2, 1 % 1, -1 % 3)
print(2 ** 10, 2 ** 0, (-2) ** 3, 10 ** 18)
print(2 ** 64, 2 ** 100, -(2 ** 100))
big = 2 ** 64
print(big + 1, big - 1, big * big, big // 3, big % 7)
print(-big // 3, -big % 7, big // -7, big % -7)
print((2 ** 100) // (2 ** 50), (3 ** 50) % 1000)
f = 1
i = 1
while i <= 30:
    f = f * i
    i += 1
print(f)
print(f // (2 ** 26), f % 1000003)
print(9223372036854775807 + 1, -9223372036854775808 - 1)
print(9223372036854775807 * 2, 4611686018427387904 * 4)
print(6 & 3, 6 | 3, 6 ^ 3, ~6, 1 << 70, (1 << 70) >> 68, -9 >> 1)
print(abs(-5), abs(5), abs(-(2 ** 70)))
print(int("123"), int("-45"), int("  7 "), int(3), int(True))
print(1 < 2, 2 < 1, 3 == 3, 3 != 4, 1 <= 1, 5 >= 6)
print(1 < 2 < 3, 3 > 2 > 5, 2 ** 64 > 2 ** 63)
print(True + True, True * 10, False - 1)
print(max(3, 9, 2), min(3, 9, 2), max(-(2 ** 70), 1))
x = 10
x += 5
x -= 3
x *= 2
x //= 5
x %= 3
print(x)
print(hash(1) == hash(1), 10 == 10.0, 0 == -0)
