"""Matrix multiplication on lists of lists, three ways: the textbook triple
loop, row-times-transposed-column with zip and sum, and an i-k-j loop that
accumulates into a row. Integer matrices (exact) and float matrices are
multiplied; a matrix power by repeated squaring is checked against repeated
multiplication. Prints traces, checksums and rounded float sums.
"""

import sys

DEFAULT_SCALE = 110


def make_int_matrix(n, seed):
    state = seed
    m = []
    for _ in range(n):
        row = []
        for _ in range(n):
            state = (state * 1103515245 + 12345) & 0x7FFFFFFF
            row.append((state >> 16) % 19 - 9)
        m.append(row)
    return m


def make_float_matrix(n, seed):
    return [[v / 7.0 for v in row] for row in make_int_matrix(n, seed)]


def mul_naive(a, b):
    n, m, p = len(a), len(b), len(b[0])
    c = [[0] * p for _ in range(n)]
    for i in range(n):
        for j in range(p):
            s = 0
            for k in range(m):
                s += a[i][k] * b[k][j]
            c[i][j] = s
    return c


def transpose(m):
    return [list(col) for col in zip(*m)]


def mul_zip(a, b):
    bt = transpose(b)
    return [[sum(x * y for x, y in zip(row, col)) for col in bt] for row in a]


def mul_ikj(a, b):
    p = len(b[0])
    out = []
    for row in a:
        acc = [0] * p
        for aik, brow in zip(row, b):
            if aik:
                for j in range(p):
                    acc[j] += aik * brow[j]
        out.append(acc)
    return out


def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]


def mat_pow(m, e, mod):
    result = identity(len(m))
    base = [row[:] for row in m]
    while e:
        if e & 1:
            result = [[v % mod for v in row] for row in mul_ikj(result, base)]
        base = [[v % mod for v in row] for row in mul_ikj(base, base)]
        e >>= 1
    return result


def trace(m):
    return sum(m[i][i] for i in range(len(m)))


def checksum(m):
    h = 0
    for row in m:
        for v in row:
            h = (h * 1000003 + v) % 2305843009213693951
    return h


def main(n):
    a = make_int_matrix(n, 1)
    b = make_int_matrix(n, 2)
    c1 = mul_naive(a, b)
    c2 = mul_zip(a, b)
    c3 = mul_ikj(a, b)
    print("n = %d" % n)
    print("int product: trace %d, checksum %d, methods agree: %s" % (trace(c1), checksum(c1), c1 == c2 == c3))
    fa = make_float_matrix(n, 3)
    fb = make_float_matrix(n, 4)
    f1 = mul_zip(fa, fb)
    f2 = mul_naive(fa, fb)
    diff = max(abs(x - y) for r1, r2 in zip(f1, f2) for x, y in zip(r1, r2))
    print("float product: trace %.6f, sum %.6f, max method difference < 1e-9: %s" % (trace(f1), sum(map(sum, f1)), diff < 1e-9))
    small = [row[: n // 4] for row in a[: n // 4]]
    mod = 1000000007
    p = mat_pow(small, 37, mod)
    q = identity(len(small))
    for _ in range(37):
        q = [[v % mod for v in row] for row in mul_naive(q, small)]
    print("power 37 mod p: trace %d, agrees: %s" % (trace(p), p == q))
    big = mul_ikj(mul_ikj(a, b), a)
    print("triple product: trace %d, largest %d" % (trace(big), max(max(r) for r in big)))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SCALE)
