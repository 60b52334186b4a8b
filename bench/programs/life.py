"""Conway's game of life on an unbounded board stored as a set of live
cells. Each generation counts neighbours with a dict (and once with
collections.Counter for cross-checking), applies the B3/S23 rule, and
records population and bounding box. The start is an R-pentomino, an acorn
and a glider gun-free random soup drawn from a linear congruential generator.
Runs SCALE generations.
"""

import sys
from collections import Counter

DEFAULT_SCALE = 1000

OFFSETS = [(dx, dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1) if (dx, dy) != (0, 0)]


def parse(pattern, x0, y0):
    cells = set()
    for y, line in enumerate(pattern.strip().split("\n")):
        for x, ch in enumerate(line.strip()):
            if ch == "O":
                cells.add((x0 + x, y0 + y))
    return cells


R_PENTOMINO = """
.OO
OO.
.O.
"""

ACORN = """
.O.....
...O...
OO..OOO
"""

GLIDER = """
.O.
..O
OOO
"""


def soup(x0, y0, size, seed):
    state = seed
    cells = set()
    for y in range(size):
        for x in range(size):
            state = (state * 1103515245 + 12345) & 0x7FFFFFFF
            if (state >> 16) % 3 == 0:
                cells.add((x0 + x, y0 + y))
    return cells


def step(live):
    counts = {}
    for x, y in live:
        for dx, dy in OFFSETS:
            key = (x + dx, y + dy)
            counts[key] = counts.get(key, 0) + 1
    return {cell for cell, n in counts.items() if n == 3 or (n == 2 and cell in live)}


def step_counter(live):
    counts = Counter((x + dx, y + dy) for x, y in live for dx, dy in OFFSETS)
    return {cell for cell, n in counts.items() if n == 3 or (n == 2 and cell in live)}


def bbox(live):
    xs = [x for x, _ in live]
    ys = [y for _, y in live]
    return min(xs), min(ys), max(xs), max(ys)


def render(live, x0, y0, x1, y1):
    return ["".join("O" if (x, y) in live else "." for x in range(x0, x1 + 1)) for y in range(y0, y1 + 1)]


def main(generations):
    live = parse(R_PENTOMINO, 0, 0) | parse(ACORN, 40, 10) | soup(-30, 20, 16, 5) | parse(GLIDER, -20, -20)
    print("start: %d cells, box %s" % (len(live), bbox(live)))
    history = []
    peak = (0, 0)
    agree = True
    for g in range(1, generations + 1):
        if g % 50 == 0:
            agree = agree and step_counter(live) == step(live)
        live = step(live)
        history.append(len(live))
        if len(live) > peak[0]:
            peak = (len(live), g)
    print("after %d generations: %d cells, box %s" % (generations, len(live), bbox(live)))
    print("peak population %d at generation %d" % peak)
    every = max(1, generations // 10)
    print("populations every %d: %s" % (every, " ".join(str(n) for n in history[every - 1 :: every])))
    print("checks agree: %s" % agree)
    digest = 0
    for x, y in sorted(live):
        digest = (digest * 131 + (x + 1000) * 4096 + (y + 1000)) % 1000000007
    print("cell digest: %d" % digest)
    # A blinker oscillates with period 2.
    blinker = {(0, 0), (1, 0), (2, 0)}
    print("\n".join(render(step(blinker), 0, -1, 2, 1)))
    print(step(step(blinker)) == blinker)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SCALE)
