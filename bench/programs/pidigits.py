"""Digits of pi with a streaming spigot over big integers.

The state is a 2x2 integer matrix (q r; 0 t) composed with the linear
fractional transformations of the series pi = sum (k! / (2k+1)!!) * 2; a digit
is emitted once the floor of the transformation at x = 3 and x = 4 agree.
Prints SCALE digits, ten per line, each line followed by the running count,
and a checksum of the digits.
"""

import sys

DEFAULT_SCALE = 5000


def pi_digits(count):
    q, r, t = 1, 0, 1
    k = 0
    produced = 0
    while produced < count:
        k += 1
        # compose with (k, 4k + 2; 0, 2k + 1)
        d = 2 * k + 1
        q, r, t = q * k, (2 * q + r) * d, t * d
        if q > r:
            continue
        digit = (3 * q + r) // t
        if digit != (4 * q + r) // t:
            continue
        yield digit
        produced += 1
        # compose on the left with (10, -10 * digit; 0, 1)
        q, r = 10 * q, 10 * (r - digit * t)


def main(count):
    line = []
    checksum = 0
    done = 0
    for digit in pi_digits(count):
        line.append(str(digit))
        checksum = (checksum * 10 + digit) % 1000000007
        done += 1
        if len(line) == 10:
            print("%s\t:%d" % ("".join(line), done))
            line = []
    if line:
        print("%s%s\t:%d" % ("".join(line), " " * (10 - len(line)), done))
    print("checksum: %d" % checksum)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SCALE)
