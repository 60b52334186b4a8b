# threading.excepthook: a custom hook receives ExceptHookArgs; the default hook
# prints "Exception in thread NAME:" and the traceback on sys.stderr; the thread
# ends and the program goes on.
import sys
import threading

def boom():
    raise ValueError("boom")

captured = []
def hook(args):
    captured.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))
    print("fields:", type(args).__name__, len(args), args[0] is args.exc_type)

threading.excepthook = hook
t = threading.Thread(target=boom, name="worker")
t.start()
t.join()
print(captured, t.is_alive())

# SystemExit in a thread is silent
threading.excepthook = threading.__excepthook__
t = threading.Thread(target=sys.exit)
t.start()
t.join()
print("after SystemExit")

# the default hook writes to sys.stderr: capture it
class Capture:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
    def flush(self):
        pass
cap = Capture()
old = sys.stderr
sys.stderr = cap
t = threading.Thread(target=boom, name="bad-thread")
t.start()
t.join()
sys.stderr = old
lines = "".join(cap.parts).splitlines()
print(lines[0])
print(lines[1])
print(lines[-2].strip())
print(lines[-1])

# a hook that fails itself
def bad_hook(args):
    raise KeyError("hook")
threading.excepthook = bad_hook
cap2 = Capture()
sys.stderr = cap2
t = threading.Thread(target=boom)
t.start()
t.join()
sys.stderr = old
text = "".join(cap2.parts)
print(text.splitlines()[0])
print(text.splitlines()[-1])
threading.excepthook = threading.__excepthook__
print("program goes on")
