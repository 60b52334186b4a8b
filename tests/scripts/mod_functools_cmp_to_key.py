# functools.cmp_to_key (native KeyWrapper): calls, comparisons, errors, sorting.
import functools
k = functools.cmp_to_key(lambda a,b: a-b)
print(type(k), type(k(1)))
for f in (lambda: k(1) < 3, lambda: hash(k(1)), lambda: k(), lambda: functools.cmp_to_key(), lambda: k(1, 2), lambda: k(x=1), lambda: k(1) == k(1.0), lambda: k(1) != k(2), lambda: (k(1) <= k(1), k(2) >= k(3), k(2) > k(1))):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print(k(1).obj, k(1) < k(2), k(obj=3).obj, sorted([3, 1, 2], key=k), sorted("bca", key=functools.cmp_to_key(lambda a, b: (a > b) - (a < b)), reverse=True))
print(sorted([(1, 'b'), (1, 'a'), (0, 'z')], key=functools.cmp_to_key(lambda x, y: x[0] - y[0])))
class R:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return "yes"
    def __repr__(self): return "R"
print(functools.cmp_to_key(lambda a, b: R(0))(1) < functools.cmp_to_key(lambda a, b: R(0))(2))
