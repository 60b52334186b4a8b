# A subclass of threading.local: __init__ runs once per thread with the
# creation arguments; class attributes are defaults each thread can shadow.
import threading

class Ctx(threading.local):
    level = 0
    inits = []
    def __init__(self, name, **kw):
        Ctx.inits.append((name, sorted(kw)))
        self.name = name
        self.__dict__.update(kw)
    def describe(self):
        return "%s@%d" % (self.name, self.level)

ctx = Ctx("req", user="ann")
ctx.level = 5
out = []
def work(i):
    out.append((i, ctx.describe(), ctx.user))
    ctx.level = i
    out.append((i, ctx.describe()))
threads = [threading.Thread(target=work, args=(i,)) for i in (1, 2)]
for t in threads:
    t.start()
    t.join()
print(out)
print(ctx.describe(), len(Ctx.inits), Ctx.inits[0])
