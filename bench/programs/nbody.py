"""N-body: a small planetary system integrated with a symplectic Euler step.

The system (a central star and four planets on roughly circular orbits) is
described here by hand; units are astronomical units, years, and solar masses
scaled by 4*pi^2. The program prints the total energy before and after
integrating SCALE steps.
"""

import sys
from math import cos, pi, sin, sqrt
from itertools import combinations

DEFAULT_SCALE = 100000
TWO_PI = 2.0 * pi
G_MASS = 4.0 * pi * pi  # G * M_sun in AU^3 / year^2


class Body:
    def __init__(self, x, y, z, vx, vy, vz, mass):
        self.x = x
        self.y = y
        self.z = z
        self.vx = vx
        self.vy = vy
        self.vz = vz
        self.mass = mass


def planet(radius, phase, tilt, mass_fraction):
    """A body on a circular orbit of the given radius around the origin."""
    speed = sqrt(G_MASS / radius)
    x = radius * cos(phase)
    y = radius * sin(phase)
    z = radius * tilt
    vx = -speed * sin(phase)
    vy = speed * cos(phase)
    vz = -speed * tilt * 0.5
    return Body(x, y, z, vx, vy, vz, mass_fraction * G_MASS)


def make_system():
    star = Body(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, G_MASS)
    planets = [
        planet(5.2, 0.3, 0.020, 9.5e-4),
        planet(9.6, 2.1, -0.015, 2.9e-4),
        planet(19.2, 4.0, 0.008, 4.4e-5),
        planet(30.1, 5.5, -0.011, 5.2e-5),
    ]
    bodies = [star] + planets
    # Give the star the opposite momentum so the centre of mass stays put.
    px = py = pz = 0.0
    for b in bodies:
        px += b.vx * b.mass
        py += b.vy * b.mass
        pz += b.vz * b.mass
    star.vx = -px / star.mass
    star.vy = -py / star.mass
    star.vz = -pz / star.mass
    return bodies


def energy(bodies):
    e = 0.0
    for b in bodies:
        e += 0.5 * b.mass * (b.vx * b.vx + b.vy * b.vy + b.vz * b.vz)
    for a, b in combinations(bodies, 2):
        dx = a.x - b.x
        dy = a.y - b.y
        dz = a.z - b.z
        e -= a.mass * b.mass / sqrt(dx * dx + dy * dy + dz * dz)
    return e


def advance(bodies, pairs, dt, steps):
    for _ in range(steps):
        for a, b in pairs:
            dx = a.x - b.x
            dy = a.y - b.y
            dz = a.z - b.z
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * sqrt(d2))
            bm = b.mass * mag
            am = a.mass * mag
            a.vx -= dx * bm
            a.vy -= dy * bm
            a.vz -= dz * bm
            b.vx += dx * am
            b.vy += dy * am
            b.vz += dz * am
        for b in bodies:
            b.x += dt * b.vx
            b.y += dt * b.vy
            b.z += dt * b.vz


def main(steps):
    bodies = make_system()
    pairs = list(combinations(bodies, 2))
    print("bodies: %d, pairs: %d" % (len(bodies), len(pairs)))
    print("energy before: %.9f" % energy(bodies))
    advance(bodies, pairs, 0.001, steps)
    print("energy after:  %.9f" % energy(bodies))
    star = bodies[0]
    print("star at (%.6f, %.6f, %.6f)" % (star.x, star.y, star.z))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SCALE)
