# daemon flags: inherited from the creating thread, settable before start.
import threading

print(threading.Thread().daemon)
res = {}
def child():
    res["inherited"] = threading.Thread().daemon
    res["explicit"] = threading.Thread(daemon=False).daemon
d = threading.Thread(target=child, daemon=True)
d.start()
d.join()
print(sorted(res.items()))
t = threading.Thread()
t.daemon = True
print(t.daemon)
t.daemon = False
print(t.daemon)
# a daemon thread blocked forever does not keep the program alive
block = threading.Event()
forever = threading.Thread(target=block.wait, daemon=True)
forever.start()
print("main done", forever.is_alive())
