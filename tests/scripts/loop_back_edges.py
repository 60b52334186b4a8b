# Loops whose back edge steps the iterator at once, items stored straight into
# the loop variable, and jumps threaded at compile time: each must keep the
# plain semantics (order, else clauses, break/continue, errors and their lines).


def gen(n, fail_at=None):
    for i in range(n):
        if i == fail_at:
            raise ValueError("stop at %d" % i)
        yield i


def nested(n):
    out = []
    for i in range(n):
        for j in range(i):
            if j == 2:
                continue
            if i + j > 6:
                break
            out.append((i, j))
        else:
            out.append(("done", i))
    return out


print(nested(6))


def with_else(items):
    for x in items:
        if x < 0:
            print("negative", x)
            break
    else:
        print("no negatives, last was", x)


with_else([1, 2, 3])
with_else([1, -2, 3])


def error_line():
    total = 0
    for x in gen(5, fail_at=3):
        total += x
    return total


try:
    error_line()
except ValueError as e:
    tb = e.__traceback__
    lines = []
    while tb is not None:
        lines.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print("ValueError:", e, lines)


def caught_inside():
    out = []
    for x in gen(4):
        try:
            out.append(10 // (x - 2))
        except ZeroDivisionError:
            out.append("zero")
    return out


print(caught_inside())


def targets():
    class Box:
        pass

    b = Box()
    pairs = []
    for i, (a, c) in enumerate([(1, 2), (3, 4)]):
        pairs.append((i, a, c))
    for b.attr in "xy":
        pairs.append(b.attr)
    d = {}
    for d["k"] in range(3):
        pass
    pairs.append(d)
    return pairs


print(targets())


def closures():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    gs = []
    for j in range(3):
        def g(j=j):
            return j
        gs.append(g)
    return [f() for f in fs], [g() for g in gs]


print(closures())


class Deleting:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def replaced_values():
    for x in [Deleting("a"), Deleting("b")]:
        print("got", x.name)
    print("after loop", x.name)


replaced_values()


def early_returns(v):
    if v > 0:
        r = "pos"
    elif v < 0:
        r = "neg"
    else:
        return "zero"
    return r


print([early_returns(v) for v in (-1, 0, 1)])


def while_loops(n):
    i = 0
    seen = []
    while True:
        i += 1
        if i % 2:
            continue
        seen.append(i)
        if i >= n:
            break
    while i:
        i -= 3
        if i < 0:
            break
    else:
        seen.append("else")
    return seen, i


print(while_loops(6))
print(sum(x for x in range(10)), list(x * 2 for x in gen(3)))
