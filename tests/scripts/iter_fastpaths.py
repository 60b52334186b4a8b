# Corners of the iteration fast paths: ForIter over lists/tuples/ranges,
# unpacking, generators resumed by for/sum/list, itertools objects and
# classes with their own __next__.
import itertools

# a list grown and shrunk while a for loop walks it
xs = [1, 2, 3]
seen = []
for x in xs:
    seen.append(x)
    if x == 1:
        xs.append(4)
    if x == 3:
        del xs[-1]
print(seen, xs)
it = iter(xs)
print(list(it), list(it))
xs.append(9)
print(list(it))

# an exhausted list iterator stays exhausted
ys = [1]
it = iter(ys)
print(next(it), next(it, "end"))
ys.append(2)
print(next(it, "end"))

# unpacking: exact tuples (shared or not), lists, errors
pairs = [(1, 2), (3, 4)]
for a, b in pairs:
    print(a, b)
print(pairs)
t = (5, 6)
a, b = t
print(a, b, t)
a, b = [7, 8]
print(a, b)
for bad in [(1, 2, 3), (1,), [1, 2, 3], [1], "ab", "abc", iter([1, 2])]:
    try:
        a, b = bad
        print("ok", a, b)
    except ValueError as e:
        print("ValueError", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError", e)
for (a, b), c in [((1, 2), 3)]:
    print(a, b, c)

# generators
def gen(n):
    for i in range(n):
        yield i
    return "done"

print(sum(gen(10)), list(gen(3)), tuple(gen(2)), sorted(gen(4), reverse=True))
print(any(x > 5 for x in gen(10)), all(x < 5 for x in gen(10)))
print("-".join(str(x) for x in gen(4)))
g = gen(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
print(list(g), next(g, "again"))

def bad():
    yield 1
    raise StopIteration("x")

try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__)

def reentrant():
    yield g2.send(None)

g2 = reentrant()
try:
    next(g2)
except ValueError as e:
    print("ValueError", e)

def delegate():
    r = yield from gen(3)
    yield r

print(list(delegate()))

# generator frames reused after finishing must not leak locals
def locals_gen(k):
    a = [k] * 3
    yield sum(a)

print([next(locals_gen(k)) for k in range(4)])

# zip / enumerate / map / filter over generators
print(list(zip(gen(3), "abc", gen(5))))
print(list(enumerate(gen(3), 10)))
print(list(map(lambda a, b: a * b, gen(4), gen(5))))
print(list(filter(None, gen(4))), list(filter(lambda v: v % 2, gen(6))))
try:
    list(zip(gen(2), gen(3), strict=True))
except ValueError as e:
    print("ValueError", e)
d = {"a": 1, "b": 2}
for k, v in d.items():
    print(k, v)
try:
    for k in d:
        d["c"] = 3
except RuntimeError as e:
    print("RuntimeError", e)

# itertools objects, a subclass overriding __next__
print(list(itertools.islice(gen(10), 2, 8, 2)))
print(list(itertools.chain(gen(2), [7], "xy")))

class Twice(itertools.count):
    def __next__(self):
        return 2 * super().__next__()

c = Twice(5)
print([next(c) for _ in range(3)])
for v in Twice(1):
    if v > 8:
        break
    print("twice", v)

class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n

print(list(Countdown(3)), sum(Countdown(4)))
for a, b in zip(Countdown(3), Countdown(5)):
    print(a, b)

class NotIter:
    def __iter__(self):
        return self
    __next__ = None

try:
    for _ in NotIter():
        pass
except TypeError as e:
    print("TypeError", e)

class BuiltinNext:
    def __iter__(self):
        return self
    __next__ = iter([1, 2]).__next__

try:
    print(list(BuiltinNext()))
except TypeError as e:
    print("TypeError", e)
