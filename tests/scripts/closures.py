# Closures, nonlocal, global, lambdas.
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(), c2())

def adder(n):
    return lambda x: x + n
add5 = adder(5)
print(add5(10), adder(-1)(1))

fs = []
for i in range(3):
    fs.append(lambda: i)
print([f() for f in fs])
gs = []
for i in range(3):
    gs.append(lambda i=i: i)
print([g() for g in gs])

total = 0
def bump(n):
    global total
    total += n
bump(3)
bump(4)
print(total)

def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    return middle()
print(outer())

def compose(f, g):
    return lambda x: f(g(x))
print(compose(lambda x: x * 2, lambda x: x + 1)(5))
print(sorted([3, -1, 2], key=lambda v: -v))
print(list(map(lambda v: v * v, [1, 2, 3])), list(filter(lambda v: v % 2, range(7))))
