"""Fannkuch-redux: for every permutation of 1..n, repeatedly reverse the
prefix whose length is the first element until a 1 comes first, and count
the reversals ("flips"). Prints the largest flip count and a checksum that
adds the flip counts of even-numbered permutations and subtracts those of
odd-numbered ones (numbered in the order they are generated here).

Permutations are generated in place by a rotation counter: the counter of
position i says how many times the prefix of length i + 1 has been rotated.
"""

import sys

DEFAULT_SCALE = 9


def count_flips(perm):
    p = perm[:]
    flips = 0
    first = p[0]
    while first != 0:
        # reverse p[0..first]
        lo = 0
        hi = first
        while lo < hi:
            p[lo], p[hi] = p[hi], p[lo]
            lo += 1
            hi -= 1
        flips += 1
        first = p[0]
    return flips


def fannkuch(n):
    perm = list(range(n))
    counter = [0] * n
    max_flips = 0
    checksum = 0
    index = 0
    while True:
        if perm[0] != 0:
            flips = count_flips(perm)
            if flips > max_flips:
                max_flips = flips
            if index % 2 == 0:
                checksum += flips
            else:
                checksum -= flips
        index += 1
        # Advance to the next permutation by rotating prefixes.
        i = 1
        while i < n:
            first = perm[0]
            perm[0:i] = perm[1 : i + 1]
            perm[i] = first
            counter[i] += 1
            if counter[i] <= i:
                break
            counter[i] = 0
            i += 1
        else:
            return max_flips, checksum, index


def main(n):
    max_flips, checksum, count = fannkuch(n)
    print("n = %d, permutations: %d" % (n, count))
    print("checksum: %d" % checksum)
    print("max flips: %d" % max_flips)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SCALE)
