"""A constraint solver with a small class hierarchy, solving sudoku puzzles.

Variables hold domains (sets of ints). Constraints derive from Constraint;
AllDifferent propagates singletons and hidden singles, and Row, Column and
Box are AllDifferent constraints over the cells of a unit. The solver runs
propagation to a fixed point, then searches (fewest candidates first) with
backtracking by saving and restoring domains.

Puzzles are generated deterministically: a solved grid from a pattern, its
digits relabelled and its rows and columns permuted within bands and stacks
by a linear congruential generator, then cells removed.
"""

import sys

DEFAULT_SCALE = 100


class Contradiction(Exception):
    pass


class Variable:
    def __init__(self, name, domain):
        self.name = name
        self.domain = set(domain)
        self.constraints = []

    def is_fixed(self):
        return len(self.domain) == 1

    def value(self):
        for v in self.domain:
            return v

    def remove(self, value, queue):
        """Remove `value` from the domain; schedule constraints if it changed."""
        if value in self.domain:
            self.domain.discard(value)
            if not self.domain:
                raise Contradiction(self.name)
            for c in self.constraints:
                queue.add(c)
            return True
        return False


class Constraint:
    def __init__(self, variables):
        self.variables = variables
        for v in variables:
            v.constraints.append(self)

    def propagate(self, queue):
        raise NotImplementedError

    def describe(self):
        return "%s(%d)" % (type(self).__name__, len(self.variables))


class AllDifferent(Constraint):
    def propagate(self, queue):
        changed = False
        fixed = {}
        for v in self.variables:
            if v.is_fixed():
                val = v.value()
                if val in fixed:
                    raise Contradiction(v.name)
                fixed[val] = v
        for v in self.variables:
            if not v.is_fixed():
                for val in fixed:
                    if v.remove(val, queue):
                        changed = True
        # Hidden singles: a value that fits only one variable goes there.
        places = {}
        for v in self.variables:
            for val in v.domain:
                places.setdefault(val, []).append(v)
        for val, where in places.items():
            if len(where) == 1 and not where[0].is_fixed():
                var = where[0]
                for other in sorted(var.domain):
                    if other != val:
                        var.remove(other, queue)
                changed = True
        if len(places) < len(self.variables):
            raise Contradiction(self.describe())
        return changed


class Row(AllDifferent):
    pass


class Column(AllDifferent):
    pass


class Box(AllDifferent):
    def describe(self):
        return "Box[%s]" % self.variables[0].name


class Problem:
    def __init__(self):
        self.variables = []
        self.constraints = []
        self.propagations = 0
        self.backtracks = 0

    def propagate(self, queue):
        while queue:
            c = min(queue, key=lambda k: k.order)
            queue.discard(c)
            self.propagations += 1
            c.propagate(queue)

    def snapshot(self):
        return [set(v.domain) for v in self.variables]

    def restore(self, saved):
        for v, d in zip(self.variables, saved):
            v.domain = d

    def search(self):
        best = None
        for v in self.variables:
            if not v.is_fixed() and (best is None or len(v.domain) < len(best.domain)):
                best = v
        if best is None:
            return True
        for val in sorted(best.domain):
            saved = self.snapshot()
            try:
                queue = set()
                for other in sorted(best.domain):
                    if other != val:
                        best.remove(other, queue)
                self.propagate(queue)
                if self.search():
                    return True
            except Contradiction:
                pass
            self.restore(saved)
            self.backtracks += 1
        return False


class Sudoku(Problem):
    def __init__(self, grid):
        Problem.__init__(self)
        cells = {}
        for r in range(9):
            for c in range(9):
                given = grid[r][c]
                var = Variable("r%dc%d" % (r, c), [given] if given else range(1, 10))
                cells[r, c] = var
                self.variables.append(var)
        self.cells = cells
        for i in range(9):
            self.constraints.append(Row([cells[i, c] for c in range(9)]))
            self.constraints.append(Column([cells[r, i] for r in range(9)]))
            br, bc = 3 * (i // 3), 3 * (i % 3)
            self.constraints.append(
                Box([cells[br + dr, bc + dc] for dr in range(3) for dc in range(3)])
            )
        for order, c in enumerate(self.constraints):
            c.order = order

    def solve(self):
        try:
            self.propagate(set(self.constraints))
        except Contradiction:
            return False
        return self.search()

    def rows(self):
        return [[self.cells[r, c].value() for c in range(9)] for r in range(9)]


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def next(self, bound):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 8) % bound

    def shuffle(self, items):
        for i in range(len(items) - 1, 0, -1):
            j = self.next(i + 1)
            items[i], items[j] = items[j], items[i]


def make_puzzle(seed, holes):
    rng = Lcg(seed)
    digits = list(range(1, 10))
    rng.shuffle(digits)
    bands = [0, 1, 2]
    rng.shuffle(bands)
    rows = []
    for b in bands:
        inner = [0, 1, 2]
        rng.shuffle(inner)
        rows.extend(3 * b + i for i in inner)
    stacks = [0, 1, 2]
    rng.shuffle(stacks)
    cols = []
    for s in stacks:
        inner = [0, 1, 2]
        rng.shuffle(inner)
        cols.extend(3 * s + i for i in inner)
    solved = [
        [digits[(3 * (r % 3) + r // 3 + c) % 9] for c in cols] for r in rows
    ]
    puzzle = [row[:] for row in solved]
    positions = [(r, c) for r in range(9) for c in range(9)]
    rng.shuffle(positions)
    for r, c in positions[:holes]:
        puzzle[r][c] = 0
    return puzzle


def valid_solution(rows):
    full = set(range(1, 10))
    for i in range(9):
        if set(rows[i]) != full or {rows[r][i] for r in range(9)} != full:
            return False
        br, bc = 3 * (i // 3), 3 * (i % 3)
        if {rows[br + a][bc + b] for a in range(3) for b in range(3)} != full:
            return False
    return True


def main(count):
    solved = 0
    checksum = 0
    props = backtracks = 0
    for k in range(count):
        puzzle = make_puzzle(1000 + 17 * k, 50 + k % 12)
        s = Sudoku(puzzle)
        if s.solve():
            rows = s.rows()
            ok = valid_solution(rows)
            for r in range(9):
                for c in range(9):
                    if puzzle[r][c] and puzzle[r][c] != rows[r][c]:
                        ok = False
            if ok:
                solved += 1
            checksum = (checksum * 131 + int("".join(map(str, rows[4])))) % 1000000007
        props += s.propagations
        backtracks += s.backtracks
    print("puzzles: %d solved: %d" % (count, solved))
    print("propagations: %d backtracks: %d" % (props, backtracks))
    print("checksum: %d" % checksum)
    print("last middle row: %s" % rows[4])
    print(s.constraints[8].describe(), s.constraints[0].describe())


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SCALE)
