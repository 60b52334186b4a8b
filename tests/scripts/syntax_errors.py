# compile-time errors reported as SyntaxError with CPython's messages
sources = [
    "x = (1, 2",
    "def f(:\n    pass",
    "return 5",
    "yield 1",
    "break",
    "continue",
    "def f():\n    nonlocal q",
    "nonlocal x",
    "def f():\n    x = 1\n    global x",
    "f(x for x in y, 1)",
    "del f()",
    "x + 1 = 2",
    "f() = 1",
    "(a, b) += 1",
    "lambda: (yield)",
    "class C:\n    return 1",
    "def f(a, a): pass",
    "f(a=1, a=2)",
    "def f(a=1, b): pass",
    "f(**x, *y)",
    "f(a=1, 2)",
    "a, *b, *c = d",
    "print 'hello'",
    "x = 5 5",
    "if x\n    pass",
    "for x in y:\npass",
    "  x = 1",
    "'unterminated",
    "async def f():\n    yield from x",
    "def f():\n    await x",
    "try:\n    pass",
    "x = [i for i in range(3) if]",
    "import",
    "from x import",
    "a = 1 if b",
    "*a = [1]",
    "None = 1",
    "True = 0",
    "__debug__ = 1",
    "def f(*): pass",
    "x ==",
]
for src in sources:
    try:
        compile(src, "<test>", "exec")
        print("compiled?", repr(src))
    except SyntaxError as e:
        print(repr(src), "->", e.msg, e.lineno)
try:
    exec("1 +")
except SyntaxError as e:
    print("exec:", e.msg, e.lineno, e.filename)
try:
    eval("x = 1")
except SyntaxError as e:
    print("eval:", e.msg)
print(isinstance(SyntaxError("m"), Exception), issubclass(IndentationError, SyntaxError), issubclass(TabError, IndentationError))
