# The traceback and linecache modules: whole reports as the interpreter prints
# them, extracted entries, stacks, chained exceptions and TracebackException.
import io
import sys
import traceback
import linecache


def inner(x):
    return 10 // x


def outer(x):
    return inner(x) + 1


try:
    outer(0)
except ZeroDivisionError:
    text = traceback.format_exc()
    print(text.replace(__file__, "FILE"))
    info = sys.exc_info()
    entries = traceback.extract_tb(info[2])
    print([(e.name, e.lineno, e.line) for e in entries])
    print([tuple(e)[1:] for e in entries])
    for line in traceback.format_tb(info[2]):
        print(line.replace(__file__, "FILE"), end="")
    print(traceback.format_exception_only(info[0], info[1]))
    print(traceback.format_exception_only(info[1]))
    lines = traceback.format_exception(info[1])
    print(len(lines), lines[0], lines[-1], end="")
    buf = io.StringIO()
    traceback.print_exc(file=buf, limit=1)
    print(buf.getvalue().replace(__file__, "FILE"), end="")

try:
    try:
        {}["k"]
    except KeyError as e:
        raise ValueError("bad") from e
except ValueError as e:
    out = "".join(traceback.format_exception(e)).replace(__file__, "FILE")
    print(out)
    te = traceback.TracebackException.from_exception(e)
    print(te.exc_type.__name__, str(te), type(te.__cause__).__name__, te.__cause__.exc_type)
    print("".join(te.format_exception_only()), end="")


def where():
    return traceback.extract_stack()


s = where()
print([(f.name, f.line) for f in s][-2:])
print(traceback.format_exception_only(None))
print(repr(linecache.getline(__file__, 1)), linecache.getline(__file__, 100000) == "")
fs = traceback.FrameSummary("x.py", 3, "f", line="  y = 1  ")
print(fs, fs.line, list(fs), fs == ("x.py", 3, "f", "y = 1"))


def recurse(n):
    if n == 0:
        raise RuntimeError("deep")
    recurse(n - 1)


try:
    recurse(6)
except RuntimeError as e:
    for line in traceback.format_tb(e.__traceback__):
        print(line.replace(__file__, "FILE"), end="")
    print(traceback.format_exc(chain=False).replace(__file__, "FILE").count("recurse"))

try:
    try:
        [][1]
    except IndexError:
        raise KeyError("during")
except KeyError as e:
    parts = [p.replace(__file__, "FILE") for p in traceback.format_exception(e)]
    print(len(parts))
    for p in parts:
        print(repr(p))


class Quiet(Exception):
    def __str__(self):
        return ""


try:
    raise Quiet()
except Quiet as e:
    print(traceback.format_exception_only(e))
    e.add_note("a note")
    print(traceback.format_exception_only(e))
