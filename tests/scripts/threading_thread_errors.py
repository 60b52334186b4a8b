# Thread misuse: the RuntimeErrors and messages of CPython.
import threading

def show(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

t = threading.Thread(target=lambda: None)
show(lambda: t.join())
show(lambda: t.is_alive())
t.start()
show(lambda: t.start())
t.join()
show(lambda: t.start())
show(lambda: threading.current_thread().join())
def set_daemon():
    t.daemon = True
show(set_daemon)
show(lambda: threading.Thread(group=1))
show(lambda: t.join(timeout=0))
show(lambda: t.join(-1))
show(lambda: threading.Thread(target=None).run())

class NoInit(threading.Thread):
    def __init__(self):
        pass
n = NoInit()
show(lambda: n.start())
show(lambda: n.join())

def joins_itself():
    try:
        threading.current_thread().join()
    except RuntimeError as e:
        print("in thread:", e)
x = threading.Thread(target=joins_itself)
x.start()
x.join()
