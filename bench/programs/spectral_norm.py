"""Spectral norm: the largest singular value of the infinite matrix
A[i][j] = 1 / ((i + j) * (i + j + 1) / 2 + i + 1), truncated to SCALE x SCALE,
estimated with ten rounds of the power method on A^T A.
"""

import sys
from math import sqrt

DEFAULT_SCALE = 300


def entry(i, j):
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)


def mul_a(v):
    n = len(v)
    out = []
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += entry(i, j) * v[j]
        out.append(total)
    return out


def mul_at(v):
    n = len(v)
    return [sum(entry(j, i) * v[j] for j in range(n)) for i in range(n)]


def mul_ata(v):
    return mul_at(mul_a(v))


def main(n):
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = mul_ata(u)
        u = mul_ata(v)
    vbv = 0.0
    vv = 0.0
    for a, b in zip(u, v):
        vbv += a * b
        vv += b * b
    print("n = %d" % n)
    print("spectral norm: %.9f" % sqrt(vbv / vv))
    print("u[0] / u[-1]: %.6f" % (u[0] / u[-1]))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SCALE)
