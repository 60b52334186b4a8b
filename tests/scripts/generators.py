# Generators.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count_up(5)))
g = count_up(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration:
    print("exhausted")
print(next(g, "default"))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
out = []
for v in fib():
    if v > 100:
        break
    out.append(v)
print(out)

def with_return():
    yield 1
    return "result"
gen = with_return()
next(gen)
try:
    next(gen)
except StopIteration as e:
    print("returned", e.value)

def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", count_up(2))))

def lazy():
    print("started")
    yield "first"
    print("resumed")
    yield "second"
    print("finishing")
lz = lazy()
print("created")
for item in lz:
    print("got", item)

def squares(xs):
    for x in xs:
        yield x * x
print(sum(squares(range(4))), list(zip(count_up(3), squares([5, 6, 7]))))

def echo():
    received = []
    while True:
        v = yield len(received)
        if v is None:
            break
        received.append(v)
    yield received
e = echo()
print(next(e), e.send("a"), e.send("b"), e.send(None))
