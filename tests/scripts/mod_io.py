import io

s = io.StringIO()
print(s.write("hello\n"), s.write("world\n"), s.tell())
print(repr(s.getvalue()))
s.seek(0)
print(repr(s.readline()), repr(s.read()), repr(s.read()), s.tell())
s.seek(0)
print(list(s))
s.seek(0)
print(s.readlines())
s.seek(2)
s.write("XY")
print(repr(s.getvalue()))
s.truncate(4)
print(repr(s.getvalue()), s.tell())
t = io.StringIO("a\nb\nc")
for line in t:
    print(repr(line))
t.seek(0)
print(repr(t.read(3)), repr(t.readline()), repr(t.readline(1)))
print("to file", 42, file=t)
print(repr(t.getvalue()))
with io.StringIO("ctx") as c:
    print(c.read())
print(c.closed)
try:
    c.read()
except ValueError as e:
    print(e)
try:
    io.StringIO().write(b"x")
except TypeError as e:
    print(e)
b = io.BytesIO(b"abc\ndef")
print(b.read(2), b.readline(), b.read(), b.tell())
b.seek(0, 2)
b.write(b"!!")
print(b.getvalue())
b.seek(-2, 2)
print(b.read())
w = io.StringIO()
w.writelines(["x", "y", "z"])
print(w.getvalue(), io.SEEK_END)
