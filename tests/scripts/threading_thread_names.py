# Automatic names, name/daemon accessors, repr states.
import threading

def f():
    pass

class Callable:
    def __call__(self):
        pass

a = threading.Thread(target=f)
b = threading.Thread()
c = threading.Thread(target=Callable())
d = threading.Thread(target=f, name="custom")
e = threading.Thread(name="")
f2 = threading.Thread(name=42)
print(a.name, "|", b.name, "|", c.name, "|", d.name, "|", e.name, "|", f2.name)
print(repr(d))
d.start()
d.join()
print(repr(d).startswith("<Thread(custom, stopped "))
d.name = "renamed"
print(d.name, d.getName())
d.setName("again")
print(d.name)
x = threading.Thread(target=f, daemon=True)
print(repr(x), x.daemon, x.isDaemon())
x.setDaemon(False)
print(x.daemon)
class My(threading.Thread):
    pass
print(repr(My(name="m")))
t = threading.Timer(1, f)
print(t.name, repr(t))
main = threading.main_thread()
print(repr(main).startswith("<_MainThread(MainThread, started "))
