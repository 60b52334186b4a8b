"""N-queens with generators: every solution of the n-queens problem for
board sizes 4..SCALE is produced by a recursive generator (`yield from`),
and the solutions are counted, the first and last are printed, and a
checksum is computed from all of them. Then the solutions for a board of
size min(SCALE - 2, 9) are found again by filtering itertools.permutations
with a generator expression, and the two methods are compared.
"""

import sys
from itertools import permutations

DEFAULT_SCALE = 11


def place(n, row, cols, diag1, diag2, placed):
    """Yield every completion of `placed` (queen columns of rows < row)."""
    if row == n:
        yield tuple(placed)
        return
    for col in range(n):
        if col in cols or (row + col) in diag1 or (row - col) in diag2:
            continue
        cols.add(col)
        diag1.add(row + col)
        diag2.add(row - col)
        placed.append(col)
        yield from place(n, row + 1, cols, diag1, diag2, placed)
        placed.pop()
        cols.discard(col)
        diag1.discard(row + col)
        diag2.discard(row - col)


def solutions(n):
    return place(n, 0, set(), set(), set(), [])


def permutation_solutions(n):
    """The same problem as a filter over all permutations (one queen per row
    and column): keep those whose diagonals are all distinct."""
    cols = range(n)
    return (
        p
        for p in permutations(cols)
        if len({p[i] + i for i in cols}) == n and len({p[i] - i for i in cols}) == n
    )


def is_valid(sol):
    n = len(sol)
    return all(
        sol[i] != sol[j] and abs(sol[i] - sol[j]) != j - i
        for i in range(n)
        for j in range(i + 1, n)
    )


def show(sol):
    return " ".join(str(c) for c in sol)


def main(max_n):
    for n in range(4, max_n + 1):
        count = 0
        checksum = 0
        first = last = None
        for sol in solutions(n):
            if first is None:
                first = sol
            last = sol
            count += 1
            for row, col in enumerate(sol):
                checksum = (checksum * 7 + row * n + col) % 1000000007
        ok = is_valid(first) and is_valid(last)
        print("n=%d solutions=%d checksum=%d valid=%s" % (n, count, checksum, ok))
        print("  first: %s" % show(first))
        print("  last:  %s" % show(last))
    k = max(4, min(max_n - 2, 9))
    by_perm = list(permutation_solutions(k))
    print("%d-queens by permutations: %d, same as generator: %s" % (k, len(by_perm), by_perm == list(solutions(k))))
    unique = set()
    for sol in solutions(6):
        unique.add(min(sol, sol[::-1]))
    print("6-queens up to mirroring: %d" % len(unique))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SCALE)
