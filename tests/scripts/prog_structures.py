# data structures as classes: linked list, binary search tree, stack/queue, matrix with dunders
class Node:
    __slots__ = ("val", "next")
    def __init__(self, val, nxt=None): self.val, self.next = val, nxt
class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for x in reversed(list(items)):
            self.push(x)
    def push(self, v):
        self.head = Node(v, self.head)
        self.size += 1
    def __iter__(self):
        cur = self.head
        while cur:
            yield cur.val
            cur = cur.next
    def __len__(self): return self.size
    def __repr__(self): return "LinkedList([" + ", ".join(map(repr, self)) + "])"
    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
        return self
ll = LinkedList([1, 2, 3, 4]); print(ll, len(ll), list(ll), ll.reverse(), sum(ll), 3 in ll)
class BST:
    def __init__(self): self.root = None
    def insert(self, k):
        def ins(n):
            if n is None: return [k, None, None]
            if k < n[0]: n[1] = ins(n[1])
            elif k > n[0]: n[2] = ins(n[2])
            return n
        self.root = ins(self.root)
    def inorder(self):
        def walk(n):
            if n:
                yield from walk(n[1])
                yield n[0]
                yield from walk(n[2])
        return list(walk(self.root))
    def height(self):
        def h(n): return 0 if n is None else 1 + max(h(n[1]), h(n[2]))
        return h(self.root)
t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]:
    t.insert(k)
print(t.inorder(), t.height())
class Matrix:
    def __init__(self, rows): self.rows = [list(r) for r in rows]
    @classmethod
    def identity(cls, n): return cls([[int(i == j) for j in range(n)] for i in range(n)])
    def __matmul__(self, o):
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in zip(*o.rows)] for r in self.rows])
    def __add__(self, o): return Matrix([[a + b for a, b in zip(r, s)] for r, s in zip(self.rows, o.rows)])
    def __mul__(self, k): return Matrix([[a * k for a in r] for r in self.rows])
    __rmul__ = __mul__
    def __eq__(self, o): return self.rows == o.rows
    def __pow__(self, n):
        r = Matrix.identity(len(self.rows))
        for _ in range(n): r = r @ self
        return r
    def __repr__(self): return "\n".join(" ".join(f"{v:4}" for v in r) for r in self.rows)
    @property
    def T(self): return Matrix(zip(*self.rows))
m = Matrix([[1, 1], [1, 0]])
print(m ** 10, (m @ m.T) == (m @ m.T).T, 2 * m + m, sep="\n")
stack, queue = [], []
for i in range(5):
    stack.append(i); queue.append(i)
print([stack.pop() for _ in range(3)], [queue.pop(0) for _ in range(3)], stack, queue)
from_counts = {}
for ch in "mississippi":
    from_counts[ch] = from_counts.get(ch, 0) + 1
inverted = {}
for ch, n in from_counts.items():
    inverted.setdefault(n, []).append(ch)
print(from_counts, inverted, sorted(from_counts, key=from_counts.get, reverse=True))
grid = [["."] * 5 for _ in range(3)]
grid[1][2] = "#"; grid[0][4] = "@"
print("\n".join("".join(row) for row in grid))
