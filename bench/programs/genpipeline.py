"""A generator pipeline: a chain of lazy stages built from generator
functions, generator expressions, `yield from`, send(), and itertools
(islice, chain, groupby, accumulate, takewhile, tee, zip_longest, count).

A source yields SCALE * 10000 pseudo-random sensor readings; the stages
parse, filter, smooth with a moving window, detect runs, batch, and reduce.
A coroutine consumer receives values via send(). Prints the results of each
consumer.
"""

import sys
from itertools import accumulate, chain, count, groupby, islice, takewhile, tee, zip_longest
from collections import deque

DEFAULT_SCALE = 40


def readings(n, seed):
    state = seed
    for i in range(n):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        sensor = "s%d" % (state % 7)
        value = (state >> 9) % 1000
        yield "%s,%d,%d" % (sensor, i, value)


def parse(lines):
    for line in lines:
        sensor, stamp, value = line.split(",")
        yield sensor, int(stamp), int(value)


def only(records, sensors):
    return (r for r in records if r[0] in sensors)


def moving_average(values, width):
    window = deque()
    total = 0
    for v in values:
        window.append(v)
        total += v
        if len(window) > width:
            total -= window.popleft()
        if len(window) == width:
            yield total / width


def runs_above(values, threshold):
    for above, group in groupby(values, key=lambda v: v > threshold):
        n = sum(1 for _ in group)
        if above:
            yield n


def batches(items, size):
    it = iter(items)
    while True:
        batch = list(islice(it, size))
        if not batch:
            return
        yield batch


def flatten(nested):
    for item in nested:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


def averager():
    """A coroutine: send numbers, receive the running mean."""
    total = 0.0
    n = 0
    mean = None
    while True:
        value = yield mean
        if value is None:
            return n
        total += value
        n += 1
        mean = total / n


def main(scale):
    n = scale * 10000
    records = parse(readings(n, 3))
    picked = only(records, {"s1", "s3", "s5"})
    values = (v for _, _, v in picked)
    a, b = tee(values)
    smooth = moving_average(a, 16)
    runs = list(runs_above(smooth, 520))
    print("runs above 520: %d, longest %d, total length %d" % (len(runs), max(runs), sum(runs)))
    sums = [sum(batch) for batch in batches(b, 1000)]
    print("batches: %d, first sums: %s" % (len(sums), sums[:4]))
    running = list(accumulate(sums))
    print("running total: %d" % running[-1])
    print("batches until 2e6: %d" % len(list(takewhile(lambda t: t < 2000000, running))))
    by_sensor = {}
    for sensor, stamp, value in parse(readings(n // 4, 9)):
        by_sensor.setdefault(sensor, []).append(value)
    for sensor in sorted(by_sensor):
        vals = by_sensor[sensor]
        print("  %s: n=%d min=%d max=%d mean=%.3f" % (sensor, len(vals), min(vals), max(vals), sum(vals) / len(vals)))
    coro = averager()
    next(coro)
    mean = None
    for v in islice((r[2] for r in parse(readings(n // 2, 5))), 0, None, 3):
        mean = coro.send(v)
    try:
        coro.send(None)
    except StopIteration as stop:
        print("coroutine saw %d values, mean %.6f" % (stop.value, mean))
    nested = [[i, [i + 1, [i + 2]]] for i in range(0, n // 10, 3)]
    print("flattened sum: %d" % sum(flatten(nested)))
    pairs = zip_longest(range(5), "abc", fillvalue="-")
    print("zip_longest: %s" % list(pairs))
    evens = (i for i in count(0, 2))
    print("chain: %s" % list(islice(chain("xy", evens, [99]), 7)))
    squares = (i * i for i in range(10))
    print("generator exhausted twice: %d %d" % (sum(squares), sum(squares)))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SCALE)
