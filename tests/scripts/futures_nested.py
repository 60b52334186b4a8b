# Tasks that submit more tasks to the same pool (enough workers to avoid
# waiting on themselves).
from concurrent.futures import ThreadPoolExecutor

with ThreadPoolExecutor(8) as ex:
    def leaf(x):
        return x * x
    def branch(xs):
        return sum(f.result() for f in [ex.submit(leaf, x) for x in xs])
    parts = [ex.submit(branch, range(i, i + 3)) for i in range(0, 9, 3)]
    print([p.result() for p in parts], sum(p.result() for p in parts))
