# itertools: laziness (what each iterator consumes, and when), exhaustion,
# re-entrancy, groupby and tee sharing, types and reprs.
import itertools as it


class Src:
    """An iterator that logs what is taken from it."""

    def __init__(self, name, items):
        self.name = name
        self.items = list(items)
        self.log = []

    def __iter__(self):
        return self

    def __next__(self):
        if not self.items:
            self.log.append("end")
            raise StopIteration
        v = self.items.pop(0)
        self.log.append(v)
        return v


def show(label, fn):
    try:
        r = fn()
        print(label, r)
    except Exception as e:
        print(label, type(e).__name__, e)


# islice consumes only what it needs, and nothing after it is done
s = Src("s", range(10))
sl = it.islice(s, 1, 6, 2)
print(list(sl), s.log, list(sl), s.log)
s = Src("s", range(3))
print(list(it.islice(s, 5)), s.log)
s = Src("s", range(10))
print(list(it.islice(s, 0)), s.log)
s = Src("s", range(10))
print(list(it.islice(s, 3, 3)), s.log)
print(list(it.islice(range(20), 2, None, 7)), list(it.islice(range(5), None)), list(it.islice("abc", None, 2)))
print(list(it.islice(range(5), 2**70, None)) if False else list(it.islice(range(5), 1, 2**62)))
show("islice start 2**70", lambda: list(it.islice(range(5), 2**70, None)))
show("islice stop 2**70", lambda: list(it.islice(range(5), 2**70)))
show("islice -2", lambda: it.islice([], -2))
show("islice 1, -1", lambda: it.islice([], 1, -1))
show("islice 1.0", lambda: it.islice([], 1.0))
show("islice step 1.0", lambda: it.islice([], 0, 1, 1.0))

# takewhile stops for good; dropwhile tests only until the first failure
s = Src("s", [1, 2, 5, 1, 2])
tw = it.takewhile(lambda x: x < 3, s)
print(list(tw), s.log, list(tw), s.log)
calls = []
dw = it.dropwhile(lambda x: calls.append(x) or x < 3, [1, 2, 5, 1, 2])
print(list(dw), calls)

# compress stops at the shorter input; data is read before selectors
d, sel = Src("d", "abc"), Src("sel", [1, 0])
print(list(it.compress(d, sel)), d.log, sel.log)

# chain reads its arguments lazily, including from_iterable
srcs = Src("outer", ["ab", "", "c"])
ch = it.chain.from_iterable(srcs)
print(next(ch), srcs.log, list(ch), srcs.log)
show("chain bad inner", lambda: list(it.chain([1], 5)))
c = it.chain([1], 5)
print(next(c))
show("chain after error", lambda: next(c))
print(list(c))

# zip_longest stops when the last one ends; fills with fillvalue
a, b = Src("a", [1, 2]), Src("b", [1])
print(list(it.zip_longest(a, b, fillvalue=0)), a.log, b.log)

# cycle saves what it has seen
s = Src("s", "ab")
cy = it.cycle(s)
print([next(cy) for _ in range(5)], s.log)

# pairwise, starmap, accumulate, filterfalse
print(list(it.pairwise(Src("p", [1, 2, 3]))), list(it.starmap(lambda *a: a, ["ab", [1], ()])))
print(list(it.accumulate(["a", "b", "c"])), list(it.accumulate([1, 2, 3], initial=None)),
      list(it.accumulate([5, 1, 3], min, initial=4)), list(it.accumulate([], max)))
show("accumulate bad", lambda: list(it.accumulate([1, "a"])))
print(list(it.filterfalse(bool, [0, 1, None, 2])), list(it.filterfalse(lambda x: x > 1, [0, 1, 2, 3])))

# count with various numbers
c = it.count(2**63 - 2)
print([next(c) for _ in range(3)], c)
c = it.count(-1, -1)
print([next(c) for _ in range(3)], c)
c = it.count(0.5, 0.1)
print([round(next(c), 6) for _ in range(3)], repr(it.count(1.5)), repr(it.count(0, 0)))
print(repr(it.count(True, 3)), list(it.islice(it.count(True, 3), 3)))

# repeat's length hint and operator.length_hint
import operator
r = it.repeat("x", 3)
next(r)
print(r, r.__length_hint__(), operator.length_hint(r), list(r), r.__length_hint__())

# groupby: a group is invalid once the groupby moves on
gb = it.groupby([1, 1, 2, 2, 3])
k1, g1 = next(gb)
print(k1, next(g1))
k2, g2 = next(gb)
print(k2, list(g1), list(g2))
print([(k, list(g)) for k, g in it.groupby("aAbBa", key=str.lower)])
print(list(it.groupby([])), [k for k, _ in it.groupby([1.0, 1, True, 2, 2.0])])
gb = it.groupby("xxy")
groups = list(gb)
print([(k, list(g)) for k, g in groups])
class Key:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print("  eq", self.v, other.v)
        return self.v == other.v
print([(k.v, list(g)) for k, g in it.groupby([1, 1, 2], key=Key)])
show("groupby key error", lambda: list(it.groupby([1, 2], key=lambda x: 1 / (x - 2))))

# tee: copies share one buffer; copies of copies; tee of a tee
s = Src("s", range(5))
a, b = it.tee(s)
print(next(a), next(a), s.log, next(b), s.log)
c, d = it.tee(a, 2)
print(type(c).__name__, list(c), list(d), list(a), list(b))
a, b, c = it.tee("abc", 3)
print(list(a), list(b), list(c))
t = it.tee([1, 2, 3])[0]
t2 = t.__copy__()
print(next(t), list(t2), list(t))
a, b = it.tee(range(200))
print(sum(a), sum(b))
show("tee 1.5", lambda: it.tee([], 1.5))


class Copyable:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n

    def __copy__(self):
        return Copyable(self.n)


a, b = it.tee(Copyable(3))
print(type(a).__name__, type(b).__name__, list(a), list(b))

# tee re-entrancy is an error, as is re-entering a running generator
def reenter():
    for x in tee_a:
        yield x

tee_src = iter(range(3))
tee_a, tee_b = it.tee(x for x in [1])
print(list(tee_a), list(tee_b))

# combinatorics consume their input at once and are reusable-free
s = Src("s", "abc")
p = it.permutations(s, 2)
print(s.log, next(p), list(p))
print(list(it.permutations("ab", 0)), list(it.permutations("", 0)), list(it.permutations("a", 5)))
print(list(it.combinations("abc", 0)), list(it.combinations("", 0)), list(it.combinations_with_replacement("ab", 0)))
print(list(it.combinations_with_replacement("", 2)), list(it.combinations_with_replacement("ab", 3)))
print(list(it.product("ab", repeat=0)), list(it.product([], repeat=0)), list(it.product("ab", "", "c")))
print(list(it.product("ab", [0, 1], repeat=2))[:5], len(list(it.product(range(3), repeat=5))))
print(len(list(it.permutations(range(7), 4))), len(list(it.combinations_with_replacement(range(5), 4))))
show("combinations(1, 'a')", lambda: it.combinations(1, "a"))
show("combinations(1, 2)", lambda: it.combinations(1, 2))
show("permutations(1, 'a')", lambda: it.permutations(1, "a"))
show("permutations(r=big)", lambda: list(it.permutations("ab", 2**70)))

# exhausted iterators stay exhausted
for name, obj in [("chain", it.chain("a")), ("islice", it.islice("ab", 1)), ("pairwise", it.pairwise("ab")),
                  ("product", it.product("a")), ("permutations", it.permutations("a")),
                  ("combinations", it.combinations("a", 1)), ("zip_longest", it.zip_longest("a")),
                  ("takewhile", it.takewhile(bool, [1, 0, 1]))]:
    print(name, list(obj), list(obj), next(obj, "done"))

# types, reprs and the module
for obj in [it.count(), it.cycle(""), it.repeat(1), it.accumulate(""), it.chain(), it.compress("", ""),
            it.dropwhile(bool, ""), it.takewhile(bool, ""), it.filterfalse(bool, ""), it.islice("", 1),
            it.starmap(bool, ""), it.zip_longest(), it.pairwise(""), it.product(), it.permutations(""),
            it.combinations("", 1), it.combinations_with_replacement("", 1), it.groupby(""), it.tee("")[0]]:
    t = type(obj)
    print(t.__name__, t.__module__, iter(obj) is obj, repr(obj).split(" at ")[0])
print(it.chain[int] is it.chain, callable(it.tee), it.tee.__name__, type(it.count).__name__)
print(sorted(n for n in dir(it) if not n.startswith("_")))
