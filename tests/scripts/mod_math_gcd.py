# math.gcd / math.lcm on big integers (Lehmer's algorithm): many deterministic
# pairs with large common factors, signs, zeros and several arguments.
import math

state = 7


def rnd(bits):
    global state
    out = 0
    for _ in range(bits // 30 + 1):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        out = (out << 30) | (state >> 1)
    return out >> (out.bit_length() - bits) if out.bit_length() > bits else out


total = 0
for bits in (8, 63, 64, 65, 100, 128, 200, 500, 1000, 3000):
    for k in range(6):
        common = rnd(bits // 2 + 1) | 1
        a, b = rnd(bits) * common, rnd(bits // 3 + 2) * common
        g = math.gcd(a, b)
        assert a % g == 0 and b % g == 0 and math.gcd(a // g, b // g) == 1
        total = (total * 31 + g) % (10 ** 40)
        l = math.lcm(a, b)
        assert l * g == a * b
print(total)
print(math.gcd(2 ** 200, 6 ** 100), math.gcd(-(3 ** 80), 3 ** 90 * 5), math.gcd(0, -10 ** 30), math.gcd(10 ** 30, 0))
print(math.gcd(2 ** 64 + 1, 2 ** 64 - 1), math.gcd(2 ** 65, 2 ** 64), math.gcd(12, 18, 2 ** 100 * 3), math.gcd())
print(math.lcm(2 ** 70, 3 ** 40), math.lcm(-(2 ** 70), 6), math.lcm(0, 10 ** 20), math.lcm(), math.lcm(4, 6, 10 ** 25))
fib = [0, 1]
for _ in range(2000):
    fib.append(fib[-1] + fib[-2])
print(math.gcd(fib[2000], fib[1999]), math.gcd(fib[1800], fib[1500]) == fib[300])
