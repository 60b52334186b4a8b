# initializer/initargs run in each worker; a failing initializer breaks the pool.
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures.thread import BrokenThreadPool

local = threading.local()
def init(tag, start):
    local.tag = tag
    local.count = start

def use(x):
    local.count += 1
    return local.tag, x

with ThreadPoolExecutor(2, initializer=init, initargs=("ready", 0)) as ex:
    print(sorted(ex.map(use, range(4))))

try:
    ThreadPoolExecutor(1, initializer=42)
except TypeError as e:
    print("TypeError:", e)

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
def bad_init():
    raise OSError("no config")
ex = ThreadPoolExecutor(1, initializer=bad_init)
f = ex.submit(abs, 1)
try:
    f.result()
except BrokenThreadPool as e:
    print("BrokenThreadPool:", e)
try:
    ex.submit(abs, 2)
except BrokenThreadPool as e:
    print("submit after break:", type(e).__name__)
ex.shutdown()
sys.stderr = old
print(cap.text.splitlines()[0], "|", cap.text.splitlines()[-1])
print(issubclass(BrokenThreadPool, RuntimeError))
