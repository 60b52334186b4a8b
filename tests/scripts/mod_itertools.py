import itertools as it
from itertools import *

print(list(islice(count(), 5)), list(islice(count(10, 3), 4)), list(islice(count(0.5, 0.25), 3)))
print(count(5), count(1, 2), repeat("a", 2))
print(list(islice(cycle("ab"), 5)), list(cycle([])))
print(list(repeat(7, 3)), list(repeat(1, 0)), list(repeat(1, -2)), list(islice(repeat("x"), 2)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], lambda a, b: a * b)), list(accumulate([], initial=5)))
print(list(accumulate([3, 1, 4], max)), list(accumulate([1, 2], initial=100)))
print(list(chain("ab", [1, 2], ())), list(chain.from_iterable(["xy", "z"])), list(chain()))
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", "a"])))
print([(k, list(g)) for k, g in groupby("AAAABBBCCDAABBB")])
print([k for k, g in groupby("AAAABBBCCD")], [(k, len(list(g))) for k, g in groupby([1, 1, 2, 3, 3, 3], key=lambda x: x % 2)])
gb = groupby("aabb")
k1, g1 = next(gb)
k2, g2 = next(gb)
print(k1, list(g1), k2, list(g2))
print(list(islice("ABCDEFG", 2)), list(islice("ABCDEFG", 2, 4)), list(islice("ABCDEFG", 2, None)), list(islice("ABCDEFG", 0, None, 2)))
src = iter(range(10))
print(list(islice(src, 3)), next(src))
src = iter(range(10))
print(list(islice(src, 1, 3)), next(src))
for bad in [lambda: islice("a", -1), lambda: islice("a", 0, 1, 0), lambda: islice("a"), lambda: islice("a", "x")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(list(starmap(pow, [(2, 5), (3, 2)])))
a, b = tee([1, 2, 3])
print(list(a), list(b), tee("x", 0), len(tee("abc", 3)))
a, b = tee(iter(range(5)))
print(next(a), next(a), list(b), list(a))
print(list(zip_longest("ABCD", "xy", fillvalue="-")), list(zip_longest([1], [2, 3], [4])), list(zip_longest()))
print(list(product("AB", "xy")), list(product(range(2), repeat=3))[:4], list(product()), list(product("ab", [])))
print(list(permutations("ABC", 2)), list(permutations(range(3))), list(permutations([1], 2)))
print(list(combinations("ABCD", 2)), list(combinations(range(4), 3)), list(combinations("ab", 3)), list(combinations("ab", 0)))
print(list(combinations_with_replacement("ABC", 2)), list(combinations_with_replacement([], 0)))
print(list(pairwise("ABCDE")), list(pairwise("A")), list(pairwise([])))
print(len(list(permutations(range(6)))), len(list(combinations(range(12), 4))), sum(1 for _ in product(range(5), repeat=4)))
for bad in [lambda: list(combinations("ab", -1)), lambda: list(permutations("ab", -1)), lambda: list(product("a", repeat=-1))]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
c = count()
print(next(c), next(c), next(iter(c)))
print(list(it.islice(it.chain([1], it.repeat(0)), 4)))
