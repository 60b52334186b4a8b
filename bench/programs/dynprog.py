"""Dynamic programming: edit distance (with the alignment), longest common
subsequence, 0/1 knapsack and a memoized partition count.

Strings of length SCALE * 10 over a small alphabet come from a linear
congruential generator; the second string is a mutated copy of the first.
"""

import sys
from functools import lru_cache

DEFAULT_SCALE = 110


def rand_string(n, seed, alphabet="ACGTU"):
    state = seed
    out = []
    for _ in range(n):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        out.append(alphabet[(state >> 11) % len(alphabet)])
    return "".join(out)


def mutate(s, seed):
    state = seed
    out = []
    for ch in s:
        state = (state * 69069 + 1) & 0xFFFFFFFF
        r = (state >> 16) % 10
        if r == 0:
            continue  # deletion
        if r == 1:
            out.append("ACGTU"[(state >> 8) % 5])  # substitution
        elif r == 2:
            out.append(ch)
            out.append("X")  # insertion
        else:
            out.append(ch)
    return "".join(out)


def edit_distance(a, b):
    n, m = len(a), len(b)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        table[i][0] = i
    for j in range(m + 1):
        table[0][j] = j
    for i in range(1, n + 1):
        row = table[i]
        prev = table[i - 1]
        ai = a[i - 1]
        for j in range(1, m + 1):
            cost = 0 if ai == b[j - 1] else 1
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost)
    # Walk back to count the operations of one optimal alignment.
    ops = {"match": 0, "sub": 0, "ins": 0, "del": 0}
    i, j = n, m
    while i > 0 or j > 0:
        if i > 0 and j > 0 and table[i][j] == table[i - 1][j - 1] + (a[i - 1] != b[j - 1]):
            ops["match" if a[i - 1] == b[j - 1] else "sub"] += 1
            i -= 1
            j -= 1
        elif i > 0 and table[i][j] == table[i - 1][j] + 1:
            ops["del"] += 1
            i -= 1
        else:
            ops["ins"] += 1
            j -= 1
    return table[n][m], ops


def lcs(a, b):
    """Length of the longest common subsequence and one such subsequence."""
    m = len(b)
    rows = [[0] * (m + 1)]
    for ch in a:
        prev = rows[-1]
        cur = [0] * (m + 1)
        for j in range(1, m + 1):
            if ch == b[j - 1]:
                cur[j] = prev[j - 1] + 1
            else:
                cur[j] = cur[j - 1] if cur[j - 1] > prev[j] else prev[j]
        rows.append(cur)
    out = []
    i, j = len(a), m
    while i > 0 and j > 0:
        if a[i - 1] == b[j - 1]:
            out.append(a[i - 1])
            i -= 1
            j -= 1
        elif rows[i - 1][j] >= rows[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return rows[len(a)][m], "".join(reversed(out))


def knapsack(weights, values, capacity):
    best = [0] * (capacity + 1)
    for w, v in zip(weights, values):
        for c in range(capacity, w - 1, -1):
            cand = best[c - w] + v
            if cand > best[c]:
                best[c] = cand
    return best[capacity]


@lru_cache(maxsize=None)
def partitions(n, largest):
    """Number of partitions of n into parts no larger than `largest`."""
    if n == 0:
        return 1
    if n < 0 or largest == 0:
        return 0
    return partitions(n - largest, largest) + partitions(n, largest - 1)


def main(scale):
    a = rand_string(scale * 10, 99)
    b = mutate(a, 7)
    d, ops = edit_distance(a, b)
    print("lengths: %d %d" % (len(a), len(b)))
    print("edit distance: %d" % d)
    print("alignment: " + " ".join("%s=%d" % (k, ops[k]) for k in sorted(ops)))
    n, common = lcs(a, b)
    print("lcs length: %d, starts %s" % (n, common[:30]))
    weights = [3 + (i * 7919) % 23 for i in range(scale * 2)]
    values = [10 + (i * 104729) % 97 for i in range(scale * 2)]
    print("knapsack: %d" % knapsack(weights, values, scale * 25))
    total = min(scale * 5, 300)
    p = partitions(total, 40)
    print("partitions(%d, parts <= 40): %d" % (total, p))
    print("cache entries: %d" % partitions.cache_info().currsize)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SCALE)
