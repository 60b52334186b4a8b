# program: a small JSON encoder/decoder written from scratch (strings, escapes, numbers, nesting, errors)
class ParseError(Exception):
    def __init__(self, msg, pos):
        super().__init__(f"{msg} at position {pos}")
        self.pos = pos

class Decoder:
    WS = " \t\n\r"
    def __init__(self, text):
        self.text = text
        self.i = 0
    def peek(self):
        return self.text[self.i] if self.i < len(self.text) else ""
    def skip_ws(self):
        while self.peek() and self.peek() in self.WS:
            self.i += 1
    def expect(self, ch):
        if self.peek() != ch:
            raise ParseError(f"expected {ch!r}, got {self.peek()!r}", self.i)
        self.i += 1
    def parse(self):
        v = self.value()
        self.skip_ws()
        if self.i != len(self.text):
            raise ParseError("extra data", self.i)
        return v
    def value(self):
        self.skip_ws()
        c = self.peek()
        if c == "{":
            return self.obj()
        if c == "[":
            return self.arr()
        if c == '"':
            return self.string()
        if c == "-" or c.isdigit():
            return self.number()
        for word, val in (("true", True), ("false", False), ("null", None)):
            if self.text.startswith(word, self.i):
                self.i += len(word)
                return val
        raise ParseError(f"unexpected {c!r}" if c else "unexpected end", self.i)
    def obj(self):
        self.expect("{")
        out = {}
        self.skip_ws()
        if self.peek() == "}":
            self.i += 1
            return out
        while True:
            self.skip_ws()
            k = self.string()
            self.skip_ws()
            self.expect(":")
            out[k] = self.value()
            self.skip_ws()
            if self.peek() == ",":
                self.i += 1
                continue
            self.expect("}")
            return out
    def arr(self):
        self.expect("[")
        out = []
        self.skip_ws()
        if self.peek() == "]":
            self.i += 1
            return out
        while True:
            out.append(self.value())
            self.skip_ws()
            if self.peek() == ",":
                self.i += 1
                continue
            self.expect("]")
            return out
    ESC = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
    def string(self):
        self.expect('"')
        buf = []
        while True:
            c = self.peek()
            if not c:
                raise ParseError("unterminated string", self.i)
            self.i += 1
            if c == '"':
                return "".join(buf)
            if c == "\\":
                e = self.peek()
                self.i += 1
                if e == "u":
                    code = int(self.text[self.i:self.i + 4], 16)
                    self.i += 4
                    if 0xD800 <= code < 0xDC00 and self.text.startswith("\\u", self.i):
                        low = int(self.text[self.i + 2:self.i + 6], 16)
                        self.i += 6
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    buf.append(chr(code))
                elif e in self.ESC:
                    buf.append(self.ESC[e])
                else:
                    raise ParseError(f"bad escape \\{e}", self.i - 1)
            else:
                buf.append(c)
    def number(self):
        start = self.i
        if self.peek() == "-":
            self.i += 1
        while self.peek().isdigit():
            self.i += 1
        is_float = False
        if self.peek() == ".":
            is_float = True
            self.i += 1
            while self.peek().isdigit():
                self.i += 1
        if self.peek() in ("e", "E"):
            is_float = True
            self.i += 1
            if self.peek() in "+-":
                self.i += 1
            while self.peek().isdigit():
                self.i += 1
        text = self.text[start:self.i]
        return float(text) if is_float else int(text)

def encode(v, indent=None, level=0):
    pad = "" if indent is None else "\n" + " " * (indent * (level + 1))
    end = "" if indent is None else "\n" + " " * (indent * level)
    sep = ", " if indent is None else ","
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if v != v or v in (float("inf"), float("-inf")):
            raise ValueError(f"cannot encode {v!r}")
        return repr(v)
    if isinstance(v, str):
        out = ['"']
        for ch in v:
            if ch == '"':
                out.append('\\"')
            elif ch == "\\":
                out.append("\\\\")
            elif ch == "\n":
                out.append("\\n")
            elif ord(ch) < 0x20:
                out.append(f"\\u{ord(ch):04x}")
            elif ord(ch) > 0x7E:
                cp = ord(ch)
                if cp > 0xFFFF:
                    cp -= 0x10000
                    out.append(f"\\u{0xD800 + (cp >> 10):04x}\\u{0xDC00 + (cp & 0x3FF):04x}")
                else:
                    out.append(f"\\u{cp:04x}")
            else:
                out.append(ch)
        out.append('"')
        return "".join(out)
    if isinstance(v, (list, tuple)):
        if not v:
            return "[]"
        return "[" + sep.join(pad + encode(x, indent, level + 1) for x in v) + end + "]"
    if isinstance(v, dict):
        if not v:
            return "{}"
        items = []
        for k, x in v.items():
            if not isinstance(k, str):
                raise TypeError(f"keys must be str, not {type(k).__name__}")
            items.append(pad + encode(k) + ": " + encode(x, indent, level + 1))
        return "{" + sep.join(items) + end + "}"
    raise TypeError(f"Object of type {type(v).__name__} is not JSON serializable")

docs = [
    '{"name": "atoll", "version": [3, 11], "ok": true, "none": null}',
    '[1, -2, 3.5, -4e-3, 1E+2, 0]',
    '{"nested": {"list": [[], {}, [{"a": [1, {"b": null}]}]]}}',
    '"esc: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\ud83d\\ude00"',
    '  {  "spaces" :  [ 1 ,2 , 3 ]  }  ',
    '{"a": 1,}',
    '[1, 2',
    '{"a" 1}',
    '"unterminated',
    'nul',
    '[1] [2]',
    '"bad \\x escape"',
    '',
]
for doc in docs:
    try:
        v = Decoder(doc).parse()
        print("parsed", repr(v))
        again = Decoder(encode(v)).parse()
        print("  round trip", again == v, encode(v))
    except ParseError as e:
        print("ParseError", e, e.pos)
sample = {"users": [{"id": i, "name": f"user{i}", "tags": ["a", "b"][: i % 3], "score": i * 1.5} for i in range(3)], "empty": {}, "ü": "ß"}
print(encode(sample, indent=2))
for bad in [{"x": {1, 2}}, {1: "int key"}, [float("nan")], object()]:
    try:
        encode(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
big = [list(range(i)) for i in range(30)]
print(len(encode(big)), Decoder(encode(big)).parse() == big)
deep = []
cur = deep
for _ in range(150):
    nxt = []
    cur.append(nxt)
    cur = nxt
text = encode(deep)
print(len(text), Decoder(text).parse() == deep)
