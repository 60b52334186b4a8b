# The low-level _thread module.
import _thread
import threading
import time

lock = _thread.allocate_lock()
done = _thread.allocate_lock()
done.acquire()
out = []
def work(a, b=0):
    with lock:
        out.append(a + b)
    done.release()
ident = _thread.start_new_thread(work, (1,), {"b": 2})
done.acquire()
print(out, isinstance(ident, int), ident != _thread.get_ident())
def show(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
show(lambda: _thread.start_new_thread(1, ()))
show(lambda: _thread.start_new_thread(work, [1]))
show(lambda: _thread.start_new_thread(work, (1,), 3))
print(_thread.TIMEOUT_MAX == threading.TIMEOUT_MAX, _thread.error is RuntimeError)
print(type(_thread.get_native_id()).__name__, _thread.stack_size())
show(lambda: _thread.stack_size(100))
r = _thread.RLock()
print(r.acquire(), r.acquire(), r._is_owned())
r.release(); r.release()
print(_thread.LockType.__name__)
