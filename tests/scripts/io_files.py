# open() for text and binary files, sys streams
import sys
path = "/tmp/atoll_conformance_io_files.txt"
with open(path, "w") as f:
    print(type(f).__name__, f.name, f.mode, f.closed, f.writable(), f.readable())
    n = f.write("line one\n")
    f.write("line two\r\nline three\rline four\n")
    f.writelines(["a\n", "b\n"])
    print("wrote", n)
    print("to file", 1, 2, sep="-", file=f)
print(f.closed)
with open(path) as f:
    print(repr(f.read()))
with open(path) as f:
    print(repr(f.readline()), repr(f.readline()), repr(f.read(5)), f.readlines())
with open(path) as f:
    for i, line in enumerate(f):
        print(i, repr(line))
with open(path, newline="") as f:
    print(repr(f.read()))
with open(path, "rb") as f:
    data = f.read()
    print(type(data).__name__, data[:12], len(data), f.tell())
    f.seek(5)
    print(f.read(3), f.tell(), f.read(0), f.seek(-4, 2), f.read())
with open(path, "a") as f:
    f.write("appended\n")
with open(path) as f:
    print(f.read().splitlines()[-2:])
with open(path, "wb") as f:
    f.write(b"\x00\x01binary\xff")
    f.write(bytearray(b"!"))
with open(path, "rb") as f:
    print(f.read())
with open(path, "w", encoding="utf-8") as f:
    f.write("héllo ☕\n")
with open(path, encoding="utf-8") as f:
    print(f.read(3), f.read())
with open(path, "rb") as f:
    print(f.read())
with open(path, "w") as f:
    f.write("hello world")
with open(path, "r+") as f:
    f.write("HE")
    f.seek(0)
    print(repr(f.read()))
with open(path, "w+") as f:
    f.write("fresh")
    f.seek(0)
    print(f.read())
for bad in [lambda: open("/nonexistent/dir/file.txt"), lambda: open(path, "q"), lambda: open(path, "rw"), lambda: open("/tmp", "r")]:
    try:
        bad()
    except (OSError, ValueError) as e:
        print(type(e).__name__, e, getattr(e, "errno", None), getattr(e, "filename", None))
f = open(path)
f.close()
try:
    f.read()
except ValueError as e:
    print("ValueError", e)
with open(path, "w") as f:
    try:
        f.read()
    except Exception as e:
        print(type(e).__name__, e, isinstance(e, OSError), isinstance(e, ValueError))
with open(path) as f:
    try:
        f.write("x")
    except Exception as e:
        print(type(e).__name__, e)
with open(path, "wb") as f:
    try:
        f.write("text")
    except TypeError as e:
        print("TypeError", e)
with open(path, "w") as f:
    try:
        f.write(b"bytes")
    except TypeError as e:
        print("TypeError", e)
try:
    with open(path, "x") as f:
        pass
except FileExistsError as e:
    print("FileExistsError", e)
print(sys.stdout.write("direct write\n"))
sys.stdout.flush()
sys.stdout.buffer.write(b"buffer write\n")
sys.stdout.buffer.flush()
print(type(sys.stdout).__name__, sys.stdout.encoding, sys.stdin.readable() if hasattr(sys.stdin, "readable") else "", sys.stdout.isatty())
print(repr(sys.stdin.read()), repr(sys.stdin.readline()), sys.stdin.buffer.read())
try:
    input("prompt> ")
except EOFError as e:
    print("EOFError", e)
print(file=sys.stderr)
print("to stderr", file=sys.stderr)
class Capture:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
    def flush(self): pass
cap = Capture()
old = sys.stdout
sys.stdout = cap
print("captured", 1)
sys.stdout.write("also\n")
sys.stdout = old
print(cap.parts)
print(sys.maxsize, sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 8), sys.platform, sys.byteorder, sys.maxunicode)
print(sys.getrecursionlimit(), type(sys.argv).__name__, sys.argv[0].endswith("io_files.py"), "sys" in sys.modules, isinstance(sys.path, list))
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.int_info.bits_per_digit, sys.hash_info.modulus, sys.getdefaultencoding())
