"""Chaos game: fractals drawn by iterating randomly chosen affine maps.

Three games, all driven by the random module seeded with fixed values:
the Sierpinski triangle (jump halfway to a random corner), a pentagon game
where the same corner may not be chosen twice in a row, and Barnsley's fern
(four weighted affine maps). Points are binned into a grid; the program
prints the number of distinct cells hit, a histogram checksum, rounded
means and a small ASCII plot of the fern.
"""

import sys
import random
from math import cos, pi, sin

DEFAULT_SCALE = 250


class Game:
    def __init__(self, name, size):
        self.name = name
        self.size = size
        self.counts = {}
        self.sum_x = 0.0
        self.sum_y = 0.0
        self.points = 0

    def bounds(self):
        return (0.0, 1.0, 0.0, 1.0)

    def plot(self, x, y):
        x0, x1, y0, y1 = self.bounds()
        i = int((x - x0) / (x1 - x0) * self.size)
        j = int((y - y0) / (y1 - y0) * self.size)
        if 0 <= i < self.size and 0 <= j < self.size:
            key = (i, j)
            self.counts[key] = self.counts.get(key, 0) + 1
        self.sum_x += x
        self.sum_y += y
        self.points += 1

    def run(self, n, rng):
        x, y = self.start()
        for k in range(n):
            x, y = self.step(x, y, rng)
            if k >= 20:
                self.plot(x, y)

    def summary(self):
        check = 0
        for key in sorted(self.counts):
            check = (check * 31 + key[0] * 1009 + key[1] * 7 + self.counts[key]) % 2147483647
        return "%s: %d points, %d cells, mean (%.6f, %.6f), checksum %d" % (
            self.name,
            self.points,
            len(self.counts),
            self.sum_x / self.points,
            self.sum_y / self.points,
            check,
        )


class Polygon(Game):
    def __init__(self, name, size, corners, ratio):
        Game.__init__(self, name, size)
        self.corners = [
            (0.5 + 0.5 * cos(2 * pi * k / corners + pi / 2), 0.5 + 0.5 * sin(2 * pi * k / corners + pi / 2))
            for k in range(corners)
        ]
        self.ratio = ratio

    def start(self):
        return 0.5, 0.5

    def pick(self, rng):
        return rng.choice(self.corners)

    def step(self, x, y, rng):
        cx, cy = self.pick(rng)
        return x + (cx - x) * self.ratio, y + (cy - y) * self.ratio


class RestrictedPolygon(Polygon):
    """A polygon game in which the same corner may not be chosen twice running."""

    def start(self):
        self.last = -1
        return 0.5, 0.5

    def pick(self, rng):
        while True:
            k = rng.randrange(len(self.corners))
            if k != self.last:
                self.last = k
                return self.corners[k]


class Fern(Game):
    MAPS = [
        # probability, a, b, c, d, e, f  for (x, y) -> (a x + b y + e, c x + d y + f)
        (0.01, 0.0, 0.0, 0.0, 0.16, 0.0, 0.0),
        (0.85, 0.85, 0.04, -0.04, 0.85, 0.0, 1.6),
        (0.07, 0.2, -0.26, 0.23, 0.22, 0.0, 1.6),
        (0.07, -0.15, 0.28, 0.26, 0.24, 0.0, 0.44),
    ]

    def bounds(self):
        return (-2.75, 2.75, 0.0, 10.0)

    def start(self):
        return 0.0, 0.0

    def step(self, x, y, rng):
        r = rng.random()
        for p, a, b, c, d, e, f in self.MAPS:
            if r < p:
                break
            r -= p
        return a * x + b * y + e, c * x + d * y + f


def main(scale):
    n = scale * 1000
    games = [
        (Polygon("sierpinski", 64, 3, 0.5), 1),
        (RestrictedPolygon("pentagon", 64, 5, 0.5), 2),
        (Fern("fern", 40), 3),
    ]
    for game, seed in games:
        random.seed(seed)
        game.run(n, random)
        print(game.summary())
    fern = games[2][0]
    for j in range(fern.size - 1, -1, -3):
        print("".join("#" if fern.counts.get((i, j), 0) > n // 4000 else " " for i in range(fern.size)).rstrip())
    rng = random.Random(99)
    print("own generator: %.12f %d %s" % (rng.random(), rng.randint(1, 6), rng.choice("abcdef")))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SCALE)
