# Different exceptions escaping thread targets all reach the excepthook; the
# threads end and the others go on.
import threading

seen = []
def hook(args):
    seen.append((args.thread.name, args.exc_type.__name__, str(args.exc_value)))
threading.excepthook = hook

def raiser(exc):
    raise exc
cases = [ValueError("v"), KeyError("k"), ZeroDivisionError("z"),
         RuntimeError("r"), Exception()]
threads = [threading.Thread(target=raiser, args=(e,), name="t%d" % i)
           for i, e in enumerate(cases)]
ok = threading.Thread(target=lambda: seen.append(("ok", "-", "-")), name="fine")
for t in threads + [ok]:
    t.start()
for t in threads + [ok]:
    t.join()
for entry in sorted(seen):
    print(entry)
print([t.is_alive() for t in threads])
