# sys module: std streams (text and .buffer), exc_info, limits, version info
import sys
n = sys.stdout.write("written directly\n")
print(n, type(sys.stdout).__name__, sys.stdout.writable(), sys.stdout.readable() if hasattr(sys.stdout, "readable") else "-")
sys.stdout.write("no newline;")
sys.stdout.write(" continued\n")
sys.stdout.flush()
print("to stderr", file=sys.stderr)
sys.stderr.write("stderr write\n")
print(sys.stdout.buffer.write(b"bytes via buffer\n"))
sys.stdout.buffer.flush()
print("after buffer")
sys.stdout.writelines(["a\n", "b\n"])
print(sys.stdout.encoding.lower().replace("-", ""), sys.stdout.isatty(), sys.stdin.isatty())
print(sys.stdin.read(), repr(sys.stdin.readline()), sys.stdin.readlines(), sys.stdin.buffer.read())
try:
    input("prompt> ")
except EOFError as e:
    print()
    print(type(e).__name__, e)
try:
    sys.stdout.write(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    sys.stdout.buffer.write("text")
except TypeError as e:
    print(type(e).__name__, e)
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__, sys.stdin is sys.__stdin__)

class Capture:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        pass
cap = Capture()
old = sys.stdout
sys.stdout = cap
print("captured", 1, 2, sep="-")
print("second")
sys.stdout = old
print(cap.parts)
print("x", "y", file=cap, end="!")
print(cap.parts[-3:])
print(file=None)

# version and platform facts
print(sys.version_info[:2] >= (3, 11), sys.version_info.major, type(sys.version_info).__name__, sys.version_info >= (3,))
print(isinstance(sys.version, str), sys.maxsize == 2**63 - 1, sys.byteorder, sys.platform in ("linux", "darwin", "win32"))
print(sys.float_info.max == 1.7976931348623157e308, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(sys.int_info.bits_per_digit in (15, 30), sys.hash_info.width, sys.hash_info.modulus == 2**61 - 1, sys.hash_info.inf)
print(sys.getrecursionlimit(), type(sys.argv).__name__, len(sys.argv), sys.argv[0].endswith("sys_streams.py"))
print(type(sys.path).__name__, type(sys.modules).__name__, "sys" in sys.modules, "builtins" in sys.modules)
print(sys.intern("abc") == "abc", sys.getsizeof(0) > 0 if hasattr(sys, "getsizeof") else True, callable(sys.exit))
print(sys.exc_info())
try:
    raise KeyError("k")
except KeyError:
    et, ev, tb = sys.exc_info()
    print(et.__name__, repr(ev), tb is ev.__traceback__, sys.exception() is ev if hasattr(sys, "exception") else True)
print(sys.exc_info() == (None, None, None))
try:
    sys.setrecursionlimit("x")
except TypeError as e:
    print(type(e).__name__, e)
try:
    sys.exit(3)
except SystemExit as e:
    print("SystemExit", e.code, e.args)
try:
    sys.exit("message")
except SystemExit as e:
    print("SystemExit", repr(e.code))
try:
    sys.exit()
except SystemExit as e:
    print("SystemExit", e.code)
try:
    raise SystemExit(1, 2)
except SystemExit as e:
    print("SystemExit", e.code)
print(sys.flags.optimize if hasattr(sys, "flags") else 0, sys.dont_write_bytecode in (True, False))
print("end")
