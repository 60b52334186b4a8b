# Executor.map with generators, unequal lengths and chunksize.
from concurrent.futures import ThreadPoolExecutor

def gen(n):
    for i in range(n):
        yield i
with ThreadPoolExecutor(3) as ex:
    print(list(ex.map(lambda x: x * 3, gen(5))))
    print(list(ex.map(lambda a, b: a + b, range(10), range(3))))
    print(list(ex.map(str, range(4), chunksize=2)))
    r = ex.map(abs, [-1, -2])
    print(type(r).__name__, next(r), list(r))
    print(list(ex.map(max, [1, 5], [4, 2], [3, 3])))
