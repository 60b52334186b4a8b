"""A JSON-like tokenizer, recursive-descent parser and serializer, written
in plain Python (no json module).

The program builds a deterministic document (nested objects and arrays of
strings with escapes, ints, floats, booleans and nulls), serializes it to
text, tokenizes and parses the text back, serializes the result again and
checks that the two texts are identical. It repeats this SCALE times with
different documents and prints sizes, token counts and checksums.
"""

import sys

DEFAULT_SCALE = 600


class ParseError(Exception):
    def __init__(self, message, pos):
        Exception.__init__(self, "%s at offset %d" % (message, pos))
        self.pos = pos


class Token:
    def __init__(self, kind, value, pos):
        self.kind = kind
        self.value = value
        self.pos = pos

    def __repr__(self):
        return "Token(%s, %r)" % (self.kind, self.value)


ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
PUNCT = "{}[]:,"
DIGITS = "0123456789"


def tokenize(text):
    tokens = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in " \t\r\n":
            i += 1
        elif ch in PUNCT:
            tokens.append(Token(ch, ch, i))
            i += 1
        elif ch == '"':
            start = i
            i += 1
            chunks = []
            while True:
                if i >= n:
                    raise ParseError("unterminated string", start)
                ch = text[i]
                if ch == '"':
                    i += 1
                    break
                if ch == "\\":
                    esc = text[i + 1]
                    if esc == "u":
                        chunks.append(chr(int(text[i + 2 : i + 6], 16)))
                        i += 6
                    elif esc in ESCAPES:
                        chunks.append(ESCAPES[esc])
                        i += 2
                    else:
                        raise ParseError("bad escape", i)
                else:
                    j = i
                    while j < n and text[j] != '"' and text[j] != "\\":
                        j += 1
                    chunks.append(text[i:j])
                    i = j
            tokens.append(Token("string", "".join(chunks), start))
        elif ch == "-" or ch in DIGITS:
            start = i
            i += 1
            is_float = False
            while i < n and (text[i] in DIGITS or text[i] in ".eE+-"):
                if text[i] in ".eE":
                    is_float = True
                i += 1
            lexeme = text[start:i]
            tokens.append(Token("number", float(lexeme) if is_float else int(lexeme), start))
        elif text.startswith("true", i):
            tokens.append(Token("literal", True, i))
            i += 4
        elif text.startswith("false", i):
            tokens.append(Token("literal", False, i))
            i += 5
        elif text.startswith("null", i):
            tokens.append(Token("literal", None, i))
            i += 4
        else:
            raise ParseError("unexpected character %r" % ch, i)
    tokens.append(Token("end", None, n))
    return tokens


class Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0

    def peek(self):
        return self.tokens[self.pos]

    def take(self, kind):
        tok = self.tokens[self.pos]
        if tok.kind != kind:
            raise ParseError("expected %s, found %s" % (kind, tok.kind), tok.pos)
        self.pos += 1
        return tok

    def parse(self):
        value = self.value()
        self.take("end")
        return value

    def value(self):
        tok = self.peek()
        if tok.kind == "{":
            return self.obj()
        if tok.kind == "[":
            return self.array()
        if tok.kind in ("string", "number", "literal"):
            self.pos += 1
            return tok.value
        raise ParseError("unexpected %s" % tok.kind, tok.pos)

    def obj(self):
        self.take("{")
        result = {}
        if self.peek().kind == "}":
            self.pos += 1
            return result
        while True:
            key = self.take("string").value
            self.take(":")
            result[key] = self.value()
            if self.peek().kind == ",":
                self.pos += 1
                continue
            self.take("}")
            return result

    def array(self):
        self.take("[")
        items = []
        if self.peek().kind == "]":
            self.pos += 1
            return items
        while True:
            items.append(self.value())
            if self.peek().kind == ",":
                self.pos += 1
                continue
            self.take("]")
            return items


def quote(s):
    out = ['"']
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 32 or ord(ch) > 126:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def dump(value, indent=0):
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return quote(value)
    pad = "\n" + "  " * (indent + 1)
    if isinstance(value, list):
        if not value:
            return "[]"
        return "[" + ",".join(pad + dump(v, indent + 1) for v in value) + "\n" + "  " * indent + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [pad + quote(k) + ": " + dump(v, indent + 1) for k, v in value.items()]
        return "{" + ",".join(items) + "\n" + "  " * indent + "}"
    raise TypeError("cannot serialize %s" % type(value).__name__)


class Gen:
    def __init__(self, seed):
        self.state = seed

    def next(self, bound):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 7) % bound

    def word(self):
        syllables = ["ka", "lo", "mi", "tru", "zen", "qu", "\u00e9t\u00e9", "a\"b", "x\\y", "tab\t", "nl\n"]
        return "".join(syllables[self.next(len(syllables))] for _ in range(1 + self.next(4)))

    def document(self, depth):
        kind = self.next(10 if depth > 0 else 6)
        if kind == 0:
            return self.next(100000) - 50000
        if kind == 1:
            return (self.next(2000000) - 1000000) / 64.0
        if kind == 2:
            return self.word()
        if kind == 3:
            return [True, False, None][self.next(3)]
        if kind in (4, 5):
            return self.next(1000)
        if kind in (6, 7):
            return [self.document(depth - 1) for _ in range(self.next(6))]
        return {self.word() + str(i): self.document(depth - 1) for i in range(self.next(6))}


def walk_stats(value, stats):
    stats[type(value).__name__] = stats.get(type(value).__name__, 0) + 1
    if isinstance(value, list):
        for v in value:
            walk_stats(v, stats)
    elif isinstance(value, dict):
        for v in value.values():
            walk_stats(v, stats)


def main(scale):
    total_chars = total_tokens = 0
    stats = {}
    check = 0
    same = 0
    for k in range(scale):
        gen = Gen(k + 1)
        doc = {"id": k, "items": [gen.document(5) for _ in range(12)], "name": gen.word()}
        text = dump(doc)
        tokens = tokenize(text)
        parsed = Parser(tokens).parse()
        again = dump(parsed)
        if again == text and parsed == doc:
            same += 1
        total_chars += len(text)
        total_tokens += len(tokens)
        walk_stats(parsed, stats)
        for ch in again:
            check = (check * 31 + ord(ch)) & 0xFFFFFFFF
    print("documents: %d, round trips ok: %d" % (scale, same))
    print("characters: %d, tokens: %d" % (total_chars, total_tokens))
    print("value kinds: %s" % ", ".join("%s=%d" % kv for kv in sorted(stats.items())))
    print("checksum: %08x" % check)
    for bad in ['{"a": [1, 2,, 3]}', '{"a" 1}', '[1, 2', '"abc']:
        try:
            Parser(tokenize(bad)).parse()
            print("parsed?!", bad)
        except ParseError as e:
            print("error: %s" % e)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SCALE)
