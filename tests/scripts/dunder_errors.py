# errors from misbehaving special methods
class BadBool:
    def __bool__(self): return 1
class BadLen:
    def __len__(self): return -1
class BigLen:
    def __len__(self): return 2 ** 70
class StrLen:
    def __len__(self): return "3"
class BadIndex:
    def __index__(self): return "x"
class BadRepr:
    def __repr__(self): return 5
class BadStr:
    def __str__(self): return None
class BadHash:
    def __hash__(self): return 1.5
class BadIter:
    def __iter__(self): return [1, 2]
class BadNext:
    def __iter__(self): return self
    def __next__(self): raise ValueError("next failed")
class BadInit:
    def __init__(self): return 0
class BadFormat:
    def __format__(self, spec): return 42
class BadInt:
    def __int__(self): return "i"
class BadFloat:
    def __float__(self): return 1
class BadEnter:
    def __enter__(self): raise KeyError("enter")
    def __exit__(self, *a): pass
tests = [
    ("bool", lambda: bool(BadBool())), ("if", lambda: 1 if BadBool() else 0), ("len neg", lambda: len(BadLen())),
    ("len big", lambda: len(BigLen())), ("len str", lambda: len(StrLen())), ("index", lambda: [1][BadIndex()]),
    ("repr", lambda: repr(BadRepr())), ("str", lambda: str(BadStr())), ("hash", lambda: hash(BadHash())),
    ("iter", lambda: list(BadIter())), ("next", lambda: list(BadNext())), ("init", lambda: BadInit()),
    ("format", lambda: format(BadFormat(), "")), ("int", lambda: int(BadInt())), ("float", lambda: float(BadFloat())),
    ("enter", lambda: exec("with BadEnter(): pass", globals())), ("print", lambda: print(BadStr())),
    ("fstring", lambda: f"{BadRepr()!r}"), ("in list", lambda: BadBool() in [BadBool()]),
    ("sorted", lambda: sorted([BadBool(), BadBool()])), ("dict key", lambda: {BadHash(): 1}),
]
for name, fn in tests:
    try:
        r = fn()
        print(name, "ok", type(r).__name__)
    except Exception as e:
        print(name, type(e).__name__, e)
