# expected: hand-written
# InterpreterPoolExecutor is new in Python 3.14 (the backport has none);
# output written from the 3.14 docs.
from concurrent.futures import InterpreterPoolExecutor, as_completed


def square(n):
    return n * n


def describe(n):
    from concurrent import interpreters
    return (n, interpreters.get_current().id != interpreters.get_main().id)


with InterpreterPoolExecutor(max_workers=3) as pool:
    print(list(pool.map(square, range(10))))
    futures = [pool.submit(square, n) for n in range(5)]
    print(sorted(f.result() for f in as_completed(futures)))
    print(pool.submit(describe, 7).result())
    print(pool.submit(sum, [1, 2, 3]).result())
print('done')
