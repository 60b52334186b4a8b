# program: generator pipelines, a tokenizer and an expression evaluator with error reporting
def read_lines(text):
    for n, line in enumerate(text.splitlines(), 1):
        yield n, line

def strip_comments(lines):
    for n, line in lines:
        code = line.split("#", 1)[0].rstrip()
        if code:
            yield n, code

class Token:
    __slots__ = ("kind", "text", "line", "col")
    def __init__(self, kind, text, line, col):
        self.kind, self.text, self.line, self.col = kind, text, line, col
    def __repr__(self):
        return f"{self.kind}:{self.text!r}@{self.line}:{self.col}"

class LexError(Exception):
    pass

def tokenize(lines):
    ops = {"+", "-", "*", "/", "(", ")", "=", "%", "^"}
    for n, line in lines:
        i = 0
        while i < len(line):
            c = line[i]
            if c.isspace():
                i += 1
            elif c.isdigit() or (c == "." and line[i + 1:i + 2].isdigit()):
                j = i
                while j < len(line) and (line[j].isdigit() or line[j] == "."):
                    j += 1
                yield Token("num", line[i:j], n, i + 1)
                i = j
            elif c.isalpha() or c == "_":
                j = i
                while j < len(line) and (line[j].isalnum() or line[j] == "_"):
                    j += 1
                yield Token("name", line[i:j], n, i + 1)
                i = j
            elif c in ops:
                yield Token("op", c, n, i + 1)
                i += 1
            else:
                raise LexError(f"line {n} col {i + 1}: unexpected {c!r}")
        yield Token("eol", "", n, len(line) + 1)

class Parser:
    def __init__(self, tokens):
        self.tokens = iter(tokens)
        self.tok = next(self.tokens, None)
    def advance(self):
        t = self.tok
        self.tok = next(self.tokens, None)
        return t
    def statements(self):
        while self.tok is not None:
            yield self.statement()
    def statement(self):
        if self.tok.kind == "name":
            name_tok = self.advance()
            if self.tok is not None and self.tok.text == "=":
                self.advance()
                expr = self.expr()
                self.expect_eol()
                return ("assign", name_tok.text, expr, name_tok.line)
            expr = self.postfix(("var", name_tok.text))
            expr = self.binary_rest(expr)
        else:
            expr = self.expr()
        line = self.tok.line if self.tok else 0
        self.expect_eol()
        return ("print", expr, line)
    def expect_eol(self):
        if self.tok is None or self.tok.kind != "eol":
            raise SyntaxError(f"expected end of line, got {self.tok!r}")
        self.advance()
    PREC = {"+": 1, "-": 1, "*": 2, "/": 2, "%": 2, "^": 3}
    def expr(self, min_prec=1):
        left = self.unary()
        return self.binary_rest(left, min_prec)
    def binary_rest(self, left, min_prec=1):
        while self.tok is not None and self.tok.text in self.PREC and self.PREC[self.tok.text] >= min_prec:
            op = self.advance().text
            next_min = self.PREC[op] + (0 if op == "^" else 1)
            right = self.expr(next_min)
            left = ("bin", op, left, right)
        return left
    def unary(self):
        if self.tok is not None and self.tok.text == "-":
            self.advance()
            return ("neg", self.unary())
        return self.atom()
    def atom(self):
        t = self.advance()
        if t is None:
            raise SyntaxError("unexpected end of input")
        if t.kind == "num":
            return ("num", float(t.text) if "." in t.text else int(t.text))
        if t.kind == "name":
            return self.postfix(("var", t.text))
        if t.text == "(":
            e = self.expr()
            if self.tok is None or self.tok.text != ")":
                raise SyntaxError(f"line {t.line}: missing ')'")
            self.advance()
            return e
        raise SyntaxError(f"line {t.line} col {t.col}: unexpected {t.text or 'end of line'!r}")
    def postfix(self, node):
        return node

def evaluate(node, env):
    kind = node[0]
    if kind == "num":
        return node[1]
    if kind == "var":
        try:
            return env[node[1]]
        except KeyError:
            raise NameError(f"undefined variable {node[1]!r}") from None
    if kind == "neg":
        return -evaluate(node[1], env)
    op, a, b = node[1], evaluate(node[2], env), evaluate(node[3], env)
    match_ops = {"+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b, "/": lambda: a / b,
                 "%": lambda: a % b, "^": lambda: a ** b}
    return match_ops[op]()

def run(source):
    env = {}
    out = []
    try:
        for stmt in Parser(tokenize(strip_comments(read_lines(source)))).statements():
            try:
                if stmt[0] == "assign":
                    env[stmt[1]] = evaluate(stmt[2], env)
                else:
                    out.append(evaluate(stmt[1], env))
            except (ZeroDivisionError, NameError, OverflowError) as e:
                out.append(f"error on line {stmt[-1]}: {type(e).__name__}: {e}")
    except (LexError, SyntaxError) as e:
        out.append(f"fatal: {type(e).__name__}: {e}")
    return out, env

programs = [
    "x = 2\ny = x ^ 3 ^ 2  # right assoc\ny\nx * (y - 500) / 4\n-x ^ 2\n10 % 4 + 7 / 2\n",
    "a = 1\nb = a / 0\nc\n1 + 2\n",
    "1 + \n",
    "2 * (3 + 4\n",
    "x = 3 $ 4\n",
    "# only comments\n\n   # and blanks\n",
    "big = 2 ^ 200\nbig % 1000007\n1.5 * 4\n.5 + .25\n2.0 ^ 2000\n",
]
for p in programs:
    print(run(p))

def take(n, it):
    out = []
    for x in it:
        if len(out) >= n:
            break
        out.append(x)
    return out
def naturals():
    n = 0
    while True:
        yield n
        n += 1
squares = (n * n for n in naturals())
evens = (s for s in squares if s % 2 == 0)
print(take(6, evens))
def chunked(it, size):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == size:
            yield tuple(buf)
            buf = []
    if buf:
        yield tuple(buf)
print(list(chunked(range(7), 3)), list(chunked([], 2)))
def running_avg():
    total = count = 0
    avg = None
    while True:
        x = yield avg
        if x is None:
            return total, count
        total += x
        count += 1
        avg = total / count
g = running_avg()
next(g)
print([g.send(x) for x in [10, 20, 60]])
try:
    g.send(None)
except StopIteration as e:
    print("final", e.value)
