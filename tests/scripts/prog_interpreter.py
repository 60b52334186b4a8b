# a small tokenizer + recursive-descent parser + evaluator for arithmetic with variables
class Token:
    def __init__(self, kind, value):
        self.kind, self.value = kind, value
    def __repr__(self):
        return f"Token({self.kind!r}, {self.value!r})"
def tokenize(src):
    i, out = 0, []
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or c == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            text = src[i:j]
            out.append(Token("num", float(text) if "." in text else int(text)))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            out.append(Token("name", src[i:j]))
            i = j
        elif c in "+-*/%^()=,":
            out.append(Token("op", c))
            i += 1
        else:
            raise SyntaxError(f"bad character {c!r} at {i}")
    out.append(Token("eof", None))
    return out
class ParseError(Exception):
    pass
class Parser:
    def __init__(self, tokens):
        self.toks, self.pos = tokens, 0
    def peek(self): return self.toks[self.pos]
    def take(self, kind=None, value=None):
        t = self.peek()
        if kind and t.kind != kind or value and t.value != value:
            raise ParseError(f"expected {value or kind}, got {t!r}")
        self.pos += 1
        return t
    def statement(self):
        if self.peek().kind == "name" and self.toks[self.pos + 1].value == "=":
            name = self.take("name").value
            self.take("op", "=")
            return ("assign", name, self.expr())
        return self.expr()
    def expr(self):
        node = self.term()
        while self.peek().value in ("+", "-"):
            op = self.take().value
            node = (op, node, self.term())
        return node
    def term(self):
        node = self.power()
        while self.peek().value in ("*", "/", "%"):
            op = self.take().value
            node = (op, node, self.power())
        return node
    def power(self):
        base = self.unary()
        if self.peek().value == "^":
            self.take()
            return ("^", base, self.power())
        return base
    def unary(self):
        if self.peek().value == "-":
            self.take()
            return ("neg", self.unary())
        return self.atom()
    def atom(self):
        t = self.peek()
        if t.kind == "num":
            self.take()
            return ("num", t.value)
        if t.kind == "name":
            self.take()
            if self.peek().value == "(":
                self.take()
                args = []
                if self.peek().value != ")":
                    args.append(self.expr())
                    while self.peek().value == ",":
                        self.take()
                        args.append(self.expr())
                self.take("op", ")")
                return ("call", t.value, args)
            return ("var", t.value)
        if t.value == "(":
            self.take()
            node = self.expr()
            self.take("op", ")")
            return node
        raise ParseError(f"unexpected {t!r}")
FUNCS = {"max": max, "min": min, "abs": abs, "sum": lambda *a: sum(a)}
def evaluate(node, env):
    kind = node[0]
    if kind == "num": return node[1]
    if kind == "var":
        if node[1] not in env:
            raise NameError(f"undefined variable {node[1]!r}")
        return env[node[1]]
    if kind == "assign":
        env[node[1]] = evaluate(node[2], env)
        return env[node[1]]
    if kind == "neg": return -evaluate(node[1], env)
    if kind == "call": return FUNCS[node[1]](*(evaluate(a, env) for a in node[2]))
    a, b = evaluate(node[1], env), evaluate(node[2], env)
    return {"+": a + b, "-": a - b, "*": a * b, "^": a ** b, "%": a % b if b else float("nan"), "/": a / b if b else float("inf")}[kind]
env = {}
for line in ["x = 3", "y = x * (2 + 4)", "y ^ 2 - x", "2 ^ 3 ^ 2", "-x + -(-y)", "max(x, y, 7) % 5", "z = sum(1, 2, 3) / 4", "q + 1", "3 $ 4", "(1 + 2", "abs(-2.5) * 2", "10 / 0", "2 ^ 100"]:
    try:
        tree = Parser(tokenize(line)).statement()
        print(f"{line!r:22} -> {evaluate(tree, env)!r}")
    except (ParseError, SyntaxError, NameError) as e:
        print(f"{line!r:22} !! {type(e).__name__}: {e}")
print(sorted(env.items()))
print(tokenize("a1 = 2.5*(b+3)"))
