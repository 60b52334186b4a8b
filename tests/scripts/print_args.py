# print(): sep, end, file, flush, str() of arguments
import sys
print()
print(1, 2, 3)
print(1, 2, 3, sep="")
print(1, 2, 3, sep=", ", end=".\n")
print("no newline", end="")
print(" continued")
print("a", "b", sep=None, end=None)
print(*range(5), sep="-")
print(*"abc")
print([1, "x"], (None,), {"k": [1.5]}, {1, 2}, print, sep=" | ")
print("to stdout", file=sys.stdout, flush=True)
print("to stderr", file=sys.stderr)
print("", end="")
print("\t tab and spaces ", repr(" x "))
class S:
    def __str__(self): return "S-str"
    def __repr__(self): return "S-repr"
print(S(), [S()], (S(),), {"k": S()}, f"{S()} {S()!r}")
for bad in [dict(sep=1), dict(end=2), dict(file=1), dict(bogus=1)]:
    try:
        print("x", **bad)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
class W:
    def __init__(self): self.buf = []
    def write(self, s):
        self.buf.append(s)
        return len(s)
w = W()
print("one", "two", sep="+", end="!", file=w)
print(file=w)
print(w.buf)
print(1.0, 2.50, 1e20, 1e-7, -0.0, 10**25, True, None, b"b", bytearray(b"ba"), "é", "\u2028")
