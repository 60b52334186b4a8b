# add_done_callback: called with the future when done (at once if already done),
# in the order added; an exception in a callback is logged and ignored.
import sys
import threading
from concurrent.futures import ThreadPoolExecutor, Future

log = []
with ThreadPoolExecutor(2) as ex:
    gate = threading.Event()
    f = ex.submit(lambda: gate.wait() and 5)
    f.add_done_callback(lambda fut: log.append(("first", fut.result())))
    f.add_done_callback(lambda fut: log.append(("second", fut.done())))
    gate.set()
    f.result()
while len(log) < 2:
    pass
print(log)
f.add_done_callback(lambda fut: log.append("immediately"))
print(log[-1])

class Capture:
    def __init__(self):
        self.text = ""
    def write(self, s):
        self.text += s
    def flush(self):
        pass
cap = Capture()
old = sys.stderr
sys.stderr = cap
g = Future()
def bad(fut):
    raise KeyError("in callback")
g.add_done_callback(bad)
g.add_done_callback(lambda fut: log.append("after bad"))
g.set_result(1)
sys.stderr = old
print(log[-1])
print(cap.text.splitlines()[0].startswith("exception calling callback for <Future at 0x"))
print(cap.text.splitlines()[-1])
c = Future()
c.add_done_callback(lambda fut: log.append(("cancelled", fut.cancelled())))
c.cancel()
print(log[-1])
