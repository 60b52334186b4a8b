"""Sorting algorithms written in Python: in-place quicksort (median of
three, three-way partition, insertion sort for short ranges, explicit
stack), top-down mergesort, bottom-up mergesort and heapsort, all checked
against sorted(); a sort through functools.cmp_to_key, a stable sort of
records by key, and bisect.insort. Inputs of SCALE thousand items: random
ints, nearly sorted, many duplicates, floats and short strings.
"""

import sys
from bisect import bisect_left, insort
from functools import cmp_to_key
from operator import itemgetter

DEFAULT_SCALE = 25


def insertion_sort(a, lo, hi):
    for i in range(lo + 1, hi + 1):
        x = a[i]
        j = i - 1
        while j >= lo and a[j] > x:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = x


def quicksort(a):
    stack = [(0, len(a) - 1)]
    comparisons = 0
    while stack:
        lo, hi = stack.pop()
        if hi - lo < 16:
            insertion_sort(a, lo, hi)
            continue
        x, y, z = a[lo], a[(lo + hi) // 2], a[hi]
        pivot = max(min(x, y), min(max(x, y), z))  # median of three
        # three-way partition: < pivot | == pivot | > pivot
        lt, i, gt = lo, lo, hi
        while i <= gt:
            comparisons += 1
            v = a[i]
            if v < pivot:
                a[lt], a[i] = v, a[lt]
                lt += 1
                i += 1
            elif v > pivot:
                a[i], a[gt] = a[gt], v
                gt -= 1
            else:
                i += 1
        # push the larger part first so the stack stays small
        if lt - lo > hi - gt:
            stack.append((lo, lt - 1))
            stack.append((gt + 1, hi))
        else:
            stack.append((gt + 1, hi))
            stack.append((lo, lt - 1))
    return comparisons


def merge(left, right, key):
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if key(right[j]) < key(left[i]):
            out.append(right[j])
            j += 1
        else:
            out.append(left[i])
            i += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out


def mergesort(a, key=lambda x: x):
    if len(a) <= 1:
        return list(a)
    mid = len(a) // 2
    return merge(mergesort(a[:mid], key), mergesort(a[mid:], key), key)


def mergesort_bottom_up(a):
    items = list(a)
    width = 1
    n = len(items)
    while width < n:
        out = []
        for lo in range(0, n, 2 * width):
            out.extend(merge(items[lo : lo + width], items[lo + width : lo + 2 * width], lambda x: x))
        items = out
        width *= 2
    return items


def heapsort(a):
    n = len(a)

    def sift(start, end):
        root = start
        while 2 * root + 1 <= end:
            child = 2 * root + 1
            if child + 1 <= end and a[child] < a[child + 1]:
                child += 1
            if a[root] < a[child]:
                a[root], a[child] = a[child], a[root]
                root = child
            else:
                return

    for start in range((n - 2) // 2, -1, -1):
        sift(start, n - 1)
    for end in range(n - 1, 0, -1):
        a[0], a[end] = a[end], a[0]
        sift(0, end - 1)


def lcg_list(n, seed, bound):
    state = seed
    out = []
    for _ in range(n):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        out.append((state >> 4) % bound)
    return out


def compare_len_then_text(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)


def main(scale):
    n = scale * 1000
    inputs = {
        "random": lcg_list(n, 1, 1000000),
        "nearly sorted": sorted(lcg_list(n, 2, 1000000)),
        "duplicates": lcg_list(n, 3, 10),
        "floats": [v / 3.0 - 1000.0 for v in lcg_list(n, 4, 100000)],
    }
    for k in range(0, n, 97):
        inputs["nearly sorted"][k] = k
    for name, data in inputs.items():
        expect = sorted(data)
        q = list(data)
        comps = quicksort(q)
        h = list(data)
        heapsort(h)
        results = [q == expect, mergesort(data) == expect, mergesort_bottom_up(data) == expect, h == expect]
        print("%-14s ok=%s quicksort comparisons=%d median=%s" % (name, results, comps, expect[n // 2]))
    words = ["".join(chr(97 + (v >> s) % 26) for s in (0, 5, 10)[: 1 + v % 3]) for v in lcg_list(n // 2, 5, 1 << 20)]
    by_cmp = sorted(words, key=cmp_to_key(compare_len_then_text))
    by_key = mergesort(words, key=lambda w: (len(w), w))
    print("words: %d, cmp_to_key agrees: %s, first %s, last %s" % (len(words), by_cmp == by_key, by_cmp[:3], by_cmp[-1]))
    records = [(w, i % 7) for i, w in enumerate(words[:2000])]
    stable = sorted(records, key=itemgetter(1))
    mine = mergesort(records, key=itemgetter(1))
    print("stable record sort agrees: %s" % (stable == mine))
    kept = []
    for v in lcg_list(n // 10, 6, 5000):
        insort(kept, v)
    print("insort: %d items, rank of 2500: %d" % (len(kept), bisect_left(kept, 2500)))
    print("reverse sorted head: %s" % sorted(inputs["random"], reverse=True)[:3])


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SCALE)
