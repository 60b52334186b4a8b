# Executor.map: results in input order, several iterables, timeouts, errors.
import time
from concurrent.futures import ThreadPoolExecutor, TimeoutError

def slow_inc(x):
    time.sleep(0.001 * (5 - x % 5))
    return x + 1

with ThreadPoolExecutor(4) as ex:
    print(list(ex.map(slow_inc, range(10))))
    print(list(ex.map(pow, [2, 3, 4], [5, 2])))
    print(list(ex.map(str.upper, [])))
    it = ex.map(time.sleep, [0.01])
    try:
        next(ex.map(time.sleep, [0.05], timeout=0.01))
    except TimeoutError:
        print("TimeoutError from map")
    def fail(x):
        if x == 2:
            raise ValueError("bad item %d" % x)
        return x
    results = ex.map(fail, range(4))
    got = []
    try:
        for r in results:
            got.append(r)
    except ValueError as e:
        print("stopped at:", e, got)
    print(list(ex.map(lambda a, b: a * b, "abc", [1, 2, 3], timeout=5)))
