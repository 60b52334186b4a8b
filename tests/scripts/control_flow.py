# loops, else clauses, break/continue through try/finally and with, nested loops
for i in range(3):
    if i == 5:
        break
else:
    print("for-else runs without break")
for i in range(3):
    if i == 1:
        break
else:
    print("never")
n = 0
while n < 3:
    n += 1
else:
    print("while-else", n)
while True:
    n -= 1
    if n == 0:
        break
else:
    print("never")
for i in range(6):
    if i % 2:
        continue
    print("even", i)
class CM:
    def __init__(self, name): self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else None)
        return False
for i in range(3):
    with CM(f"w{i}"):
        if i == 0:
            continue
        if i == 1:
            break
print("after loop", i)
def ret_in_with():
    with CM("r") as c:
        return c.name
print(ret_in_with())
def nested_finally():
    out = []
    try:
        try:
            out.append(1)
            return out
        finally:
            out.append(2)
    finally:
        out.append(3)
print(nested_finally())
def break_finally():
    for i in range(3):
        try:
            try:
                if i == 1:
                    break
            finally:
                print("inner finally", i)
        finally:
            print("outer finally", i)
    return i
print(break_finally())
def continue_in_except():
    res = []
    for v in [1, 0, 2]:
        try:
            res.append(10 // v)
        except ZeroDivisionError:
            res.append("div0")
            continue
        finally:
            res.append("f")
    return res
print(continue_in_except())
with CM("a") as a, CM("b") as b:
    print("body", a.name, b.name)
try:
    with CM("x"), CM("y"):
        raise ValueError("in with")
except ValueError as e:
    print("caught", e)
class Suppress:
    def __enter__(self): return "val"
    def __exit__(self, t, v, tb):
        print("suppressing", t.__name__ if t else None)
        return True
with Suppress() as s:
    raise KeyError("gone")
print("continued", s)
def with_return_suppress():
    with Suppress():
        raise ValueError
    return "after"
print(with_return_suppress())
for x in []:
    print("never")
else:
    print("empty for else")
matrix = [[1, 2], [3, 4]]
for row in matrix:
    for v in row:
        if v == 3:
            break
        print("v", v)
    else:
        continue
    print("broke out at", row)
i = 0
while i < 10:
    i += 1
    try:
        if i % 3 == 0:
            continue
        if i > 7:
            break
    finally:
        pass
    print("i", i)
def gen_loop():
    for i in range(5):
        try:
            yield i
        finally:
            if i == 2:
                print("finally at 2")
print(list(gen_loop()))
x = 5
result = "big" if x > 3 else "small"; print(result)
if x > 10:
    print("no")
elif x > 4:
    print("elif branch")
else:
    print("no")
if not []: print("empty list falsy")
assert x == 5
try:
    assert x == 6, f"x is {x}"
except AssertionError as e:
    print("AssertionError", e, e.args)
try:
    assert False
except AssertionError as e:
    print("AssertionError", repr(e))
pass
print([i for i in range(10) if i % 2 if i % 3], [(a, b) for a in range(3) for b in range(a)], {c for c in "hello"} == set("helo"))
print(list(x * y for x in range(3) for y in range(3) if x != y))
