# comprehension scoping, nesting, walrus, generator expressions laziness
x = "outer"
print([x for x in range(3)], x)
print({k: v for k, v in zip("abc", range(3))}, {v for v in "hello"} == set("hello"), sorted({c: c.upper() for c in "ba"}.items()))
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[i] for row in matrix for i in range(3)], [[row[i] for row in matrix] for i in range(3)])
print([(i, j) for i in range(3) if i for j in range(i) if j != 1])
print([y := 10, y * 2], y)
totals = [total := 0] + [total := total + v for v in [1, 2, 3]]
print(totals, total)
def scope_test():
    items = [1, 2, 3]
    factor = 10
    return [i * factor for i in items], list(i * factor for i in items)
print(scope_test())
class ClassScope:
    base = 5
    vals = [1, 2]
    doubled = [v * 2 for v in vals]
    try:
        mixed = [v + base for v in vals]
    except NameError as e:
        mixed = str(e)
print(ClassScope.doubled, ClassScope.mixed)
evaluated = []
def trace(v):
    evaluated.append(v)
    return v
g = (trace(i) for i in range(3))
print(evaluated, next(g), evaluated, list(g), evaluated)
lazy = (1 / v for v in [1, 0])
print(next(lazy))
try:
    next(lazy)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    ([] for _ in 5)
except TypeError as e:
    print("TypeError", e)
print(sum(v * v for v in range(4)), max(len(w) for w in ["a", "abc", "ab"]), any(c.isdigit() for c in "ab1"), "".join(c for c in "abc" if c != "b"))
print([[j for j in range(i)] for i in range(4)], [i for i in range(10) if i % 2 == 0 if i % 3 == 0])
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
print({i % 3 for i in range(10)}, {i: i % 3 for i in range(5)}, [*(i for i in range(2)), *[9]])
nested = [[1, [2, 3]], [4, [5]]]
print([z for a, (b, *rest) in nested for z in (a, b, *rest)])
print([c for c in "abc"][::-1], list(reversed([c.upper() for c in "xyz"])))
gen = (i for i in range(3))
print(type(gen).__name__, iter(gen) is gen, list(gen), list(gen))
def outer():
    n = 3
    return [[n * i for i in range(k)] for k in range(n)]
print(outer())
print(list(map(lambda p: p[0] * p[1], [(i, j) for i in range(1, 3) for j in range(1, 3)])))
