# deeply nested and very long source: compile limits, SyntaxError/RecursionError, never a crash
def attempt(label, src, mode="exec"):
    try:
        code = compile(src, "<gen>", mode)
        if mode == "eval":
            r = eval(code)
            print(label, "ok", r if not isinstance(r, (list, tuple)) and not callable(r) else type(r).__name__)
        else:
            ns = {}
            exec(code, ns)
            print(label, "ok", ns.get("result"))
    except (SyntaxError, RecursionError, MemoryError) as e:
        print(label, type(e).__name__, e.msg if isinstance(e, SyntaxError) else e)

attempt("parens 50", "(" * 50 + "1" + ")" * 50, "eval")
attempt("parens 199", "(" * 199 + "1" + ")" * 199, "eval")
attempt("parens 201", "(" * 201 + "1" + ")" * 201, "eval")
attempt("lists 150", "[" * 150 + "]" * 150, "eval")
attempt("lists 250", "[" * 250 + "]" * 250, "eval")
attempt("mixed 250", "([{" * 84 + "}])" * 84, "eval")
attempt("plus 10000", "+".join(["1"] * 10000), "eval")
attempt("plus 100000", "+".join(["1"] * 100000), "eval")
attempt("unary 500", "-" * 500 + "1", "eval")
attempt("not 300", "not " * 300 + "True", "eval")
attempt("and 5000", " and ".join(["1"] * 5000), "eval")
attempt("compare 3000", " < ".join(str(i) for i in range(3000)), "eval")
attempt("attr 2000", "x" + ".real" * 2000 if False else "(1)" + ".real" * 2000, "eval")
attempt("calls 150", "abs(" * 150 + "-1" + ")" * 150, "eval")
attempt("subscripts 1000", "[[0]]" + "[0]" * 1 + "", "eval")
attempt("string concat 5000", " ".join(['"a"'] * 5000), "eval")
attempt("list 100000", "[" + ",".join(["0"] * 100000) + "]", "eval")
attempt("dict 20000", "{" + ",".join(f"{i}: {i}" for i in range(20000)) + "}", "eval")
attempt("ternary 200", "1 if True else " * 200 + "0", "eval")
attempt("lambda 100", "lambda: " * 100 + "7", "eval")

def nested_blocks(n, kind):
    lines = []
    for i in range(n):
        ind = " " * i
        if kind == "if":
            lines.append(ind + "if True:")
        elif kind == "for":
            lines.append(ind + f"for i{i} in range(1):")
        elif kind == "while":
            lines.append(ind + "while True:")
        elif kind == "try":
            lines.append(ind + "try:")
        elif kind == "with":
            lines.append(ind + "with C():")
    body_ind = " " * n
    lines.append(body_ind + "result = 'deep'")
    if kind == "while":
        lines.append(body_ind + "break")
    if kind == "try":
        for i in reversed(range(n)):
            lines.append(" " * i + "finally: pass")
    prefix = "class C:\n    def __enter__(self): pass\n    def __exit__(self, *a): pass\n" if kind == "with" else ""
    return prefix + "\n".join(lines) + "\n"

attempt("if 100", nested_blocks(100, "if"))
attempt("for 20", nested_blocks(20, "for"))
attempt("for 21", nested_blocks(21, "for"))
attempt("while 21", nested_blocks(21, "while"))
attempt("try 20", nested_blocks(20, "try"))
attempt("try 21", nested_blocks(21, "try"))
attempt("with 21", nested_blocks(21, "with"))

def nested_defs(n):
    lines = []
    for i in range(n):
        lines.append(" " * i + f"def f{i}():")
    lines.append(" " * n + "return 'inner'")
    for i in reversed(range(n - 1)):
        lines.append(" " * (i + 1) + f"return f{i + 1}()")
    lines.append(f"result = f0()")
    return "\n".join(lines) + "\n"
attempt("defs 50", nested_defs(50))

attempt("elif 3000", "x = 2999\n" + "if x == 0: result = 0\n" + "".join(f"elif x == {i}: result = {i}\n" for i in range(1, 3000)))
attempt("stmts 20000", "result = 0\n" + "result += 1\n" * 20000)
attempt("long line", "result = " + " + ".join(str(i) for i in range(5000)) + "\n")
attempt("indent 100", nested_blocks(100, "if").replace(" ", "\t"))
attempt("comprehension 50", "result = " + "[" * 50 + "0" + " for _ in [0]]" * 50)
attempt("fstring", "result = f'{1 + 1}{\"x\" * 3}{[i for i in range(3)]}'")

import sys
old = sys.getrecursionlimit()
print(old)
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(900))
try:
    depth(5000)
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(12000)
print(depth(10000))
sys.setrecursionlimit(old)
def mutual_a(n):
    return n if n <= 0 else mutual_b(n - 1)
def mutual_b(n):
    return mutual_a(n - 1)
print(mutual_a(500))
class R:
    def __repr__(self):
        return repr(self)
try:
    repr(R())
except RecursionError as e:
    print("RecursionError", str(e)[:32])
class G:
    def __getattr__(self, name):
        return getattr(self, name + "x")
try:
    G().a
except RecursionError as e:
    print("RecursionError", str(e)[:32])
lst = []
for _ in range(10000):
    lst = [lst]
print(len(str(lst)) if False else "built deep list")
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(type(e).__name__, e)

# 3.12 f-string syntax is rejected as 3.11 rejects it
for s in ["f'{'a'}'", "f'{f\"{f'{1}'}\"}'", "f'{x['k']}'", 'f"{"a"}"', "f'{'a' + 'b'}'", "f'{1 +\n 2}'", "try:\n  pass\nexcept A, B:\n  pass", "type X = int", "f'{x('a')}'"]:
    try:
        compile(s, "<s>", "exec")
    except SyntaxError as e:
        print(repr(s), "->", e.msg, e.lineno)
