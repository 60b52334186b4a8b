# threading.local: each thread sees its own attributes.
import threading

data = threading.local()
data.x = "main"
seen = {}
def work(i):
    seen[(i, "before")] = getattr(data, "x", None)
    data.x = i
    data.y = i * 10
    seen[(i, "after")] = (data.x, data.y)
threads = [threading.Thread(target=work, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(seen.items()))
print(data.x, hasattr(data, "y"))
print(sorted(data.__dict__.items()))
del data.x
print(hasattr(data, "x"))
try:
    del data.nope
except AttributeError as e:
    print("AttributeError")
try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)
print(type(data).__name__, type(data).__module__)
