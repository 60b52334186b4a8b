"""Binary trees: allocate and walk many perfect binary trees.

A long-lived tree of depth SCALE stays alive while many short-lived trees of
depths 4, 6, ... SCALE are built and checked (node counts), so the benchmark
measures allocation and deallocation of small objects.
"""

import sys

DEFAULT_SCALE = 13
MIN_DEPTH = 4


class Node:
    def __init__(self, left, right):
        self.left = left
        self.right = right

    def check(self):
        if self.left is None:
            return 1
        return 1 + self.left.check() + self.right.check()


def make(depth):
    if depth == 0:
        return Node(None, None)
    depth -= 1
    return Node(make(depth), make(depth))


def make_tuple(depth):
    """The same shape built from tuples, walked iteratively."""
    if depth == 0:
        return (None, None)
    depth -= 1
    return (make_tuple(depth), make_tuple(depth))


def count_tuple(tree):
    stack = [tree]
    count = 0
    while stack:
        left, right = stack.pop()
        count += 1
        if left is not None:
            stack.append(left)
            stack.append(right)
    return count


def main(max_depth):
    max_depth = max(MIN_DEPTH + 2, max_depth)
    stretch = max_depth + 1
    print("stretch tree of depth %d\t check: %d" % (stretch, make(stretch).check()))
    long_lived = make(max_depth)
    for depth in range(MIN_DEPTH, max_depth + 1, 2):
        iterations = 2 ** (max_depth - depth + MIN_DEPTH)
        total = 0
        for _ in range(iterations):
            total += make(depth).check()
        print("%d\t trees of depth %d\t check: %d" % (iterations, depth, total))
    print("long lived tree of depth %d\t check: %d" % (max_depth, long_lived.check()))
    t = make_tuple(max_depth - 2)
    print("tuple tree of depth %d\t count: %d" % (max_depth - 2, count_tuple(t)))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SCALE)
