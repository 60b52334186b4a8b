# recursion limits: RecursionError instead of a crash, deep recursion with a raised limit
import sys
def down(n):
    return 0 if n == 0 else 1 + down(n - 1)
print(down(500), sys.getrecursionlimit())
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(20000)
print(sys.getrecursionlimit(), down(15000))
def mutual_a(n): return n if n <= 0 else mutual_b(n - 1)
def mutual_b(n): return mutual_a(n - 1)
print(mutual_a(10001))
class Node:
    def __init__(self, nxt): self.nxt = nxt
    def depth(self): return 1 + (self.nxt.depth() if self.nxt else 0)
head = None
for _ in range(5000):
    head = Node(head)
print(head.depth())
try:
    forever(0)
except RecursionError as e:
    print("RecursionError again", e)
sys.setrecursionlimit(1000)
class Rep:
    def __repr__(self): return repr(self)
try:
    repr(Rep())
except RecursionError as e:
    print("RecursionError in repr")
def gen_rec(n):
    if n:
        yield from gen_rec(n - 1)
    yield n
print(sum(gen_rec(400)))
nested = []
cur = nested
for _ in range(100):
    cur.append([])
    cur = cur[0]
print(str(nested).count("["))
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError", e)
print(eval("(" * 100 + "1" + ")" * 100))
try:
    print(eval("+".join(["1"] * 5000)))
except RecursionError as e:
    print("RecursionError", e)
print(eval("-" * 1000 + "1"))
x = 1
print(eval(" and ".join(["x"] * 500)))
lst = eval("[" * 50 + "]" * 50); print(len(lst))
