"""Mandelbrot set with floats: escape-time iteration over a SCALE x SCALE
grid of the region [-2.2, 0.8] x [-1.5, 1.5], at most 80 iterations per
point. Prints the number of points inside the set, the total iteration
count, a checksum of the packed bitmap, and a small ASCII rendering.
"""

import sys

DEFAULT_SCALE = 500
MAX_ITER = 80


def escape_time(cr, ci):
    zr = zi = 0.0
    for i in range(MAX_ITER):
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return i
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
    return MAX_ITER


def main(size):
    inside = 0
    total = 0
    bitmap = []
    rows = []
    for y in range(size):
        ci = -1.5 + 3.0 * y / size
        row = []
        byte = 0
        bits = 0
        for x in range(size):
            cr = -2.2 + 3.0 * x / size
            n = escape_time(cr, ci)
            row.append(n)
            total += n
            byte = (byte << 1) | (n == MAX_ITER)
            bits += 1
            if bits == 8:
                bitmap.append(byte)
                byte = bits = 0
            if n == MAX_ITER:
                inside += 1
        if bits:
            bitmap.append(byte << (8 - bits))
        rows.append(row)
    check = 0
    for b in bitmap:
        check = (check * 33 + b) % 4294967291
    print("size %d: inside %d, iterations %d" % (size, inside, total))
    print("bitmap bytes %d, checksum %d" % (len(bitmap), check))
    print("diagonal iterations: %d" % sum(rows[k][k] for k in range(size)))
    step = max(1, size // 32)
    chars = " .:-=+*#%@"
    for y in range(0, size, step * 2):
        print("".join(chars[min(9, rows[y][x] * 10 // MAX_ITER)] for x in range(0, size, step)).rstrip())


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SCALE)
