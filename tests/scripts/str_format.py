# str.format and the format-spec mini-language
print("{} {} {}".format(1, "a", [2]), "{0}{1}{0}".format("ab", "-"), "{x}/{y}".format(x=1, y=2), "{0[1]} {1[k]} {2.real}".format([5, 6], {"k": "v"}, 3))
print("{:>8}|{:<8}|{:^8}|{:*^9}|{:08.3f}|{:+d}|{: d}|{:,}|{:_}|{:x}|{:#o}|{:b}|{:e}|{:.2%}".format("r", "l", "c", "mid", 3.14159, 5, 7, 1234567, 7654321, 255, 8, 5, 12345.6789, 0.4567))
print("{!r} {!s} {!a}".format("q", "q", "é"), "{{literal}}".format(), "{:{width}.{prec}f}".format(3.14159, width=10, prec=2), "{0:{1}}".format("x", ">4"))
for spec in ["", "10", "<10", ">10", "^10", "010", "+", "-", " ", ",", "_", ".3", "10.3", "e", ".2e", "E", "g", ".3g", "G", "%", ".1%", "f", ".0f", "#", "#.0f", "=+10", "0=10"]:
    for v in [1234.5678, -0.000123, 1e20, 0.0, 42, -7]:
        try:
            print(repr(spec), repr(v), repr(format(v, spec)))
        except ValueError as e:
            print(repr(spec), repr(v), "ValueError", e)
for spec in ["d", "x", "X", "o", "b", "n", "#x", "#X", "#b", "08b", "_x", ",d", "+x", "^10x", "<05d"]:
    print(spec, [format(v, spec) for v in [0, 10, 255, -42, 65]])
for spec in ["s", "10s", ".2", ">5.1", "^7", "*<6", "x>4"]:
    print(spec, format("hello", spec), format("", spec))
for bad in ["{", "}", "{0", "{:d}", "{0:x}", "{a}", "{0}{}", "{}{0}", "{:,s}", "{:=s}", "{!x}"]:
    try:
        print(repr(bad.format("str")))
    except (ValueError, IndexError, KeyError) as e:
        print(repr(bad), type(e).__name__, e)
try:
    format(3, "s")
except ValueError as e:
    print("ValueError", e)
try:
    format("x", "d")
except ValueError as e:
    print("ValueError", e)
try:
    format(1.5, "d")
except ValueError as e:
    print("ValueError", e)
print("{name:>{w}}".format_map({"name": "z", "w": 3}), "%(a)s" % {"a": 1}, "{0!r:>6}".format("a"))
class Point:
    def __init__(self, x, y): self.x, self.y = x, y
    def __format__(self, spec):
        if spec == "polar":
            return "polar!"
        return f"({self.x:{spec}}, {self.y:{spec}})"
p = Point(1.5, 2)
print(f"{p}", f"{p:.2f}", f"{p:polar}", "{:>6}".format(p), format(p, "03d") if False else "")
name, width, value = "total", 10, 3.14159
print(f"{name!r:>{width}}", f"{value:{width}.{2}f}", f"{value=}", f"{value = :.1f}", f"{1 + 1 = }", f"{'nested'!s:^10}", f"{{}} {value:>{width - 5}.1f}")
print(f"{3:b}", f"{-3:04}", f"{True}", f"{None!r}", f"{[1, 2]!s}", f"{'a' 'b'}", f"{3.0:g}", f"{1e-10:.2g}", f"{12345678901234567890:,}")
print(f"{'x':=^5}", f"{-0.0:.1f}", f"{0.5:.0f}", f"{1.5:.0f}", f"{2.5:.0f}", f"{-1.5:.0f}", f"{1.25:.1f}", f"{1.35:.1f}")
