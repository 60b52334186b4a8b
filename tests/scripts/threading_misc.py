# Module-level odds and ends of threading.
import threading

print(sorted(n for n in threading.__all__ if not n.startswith("_"))[:8])
print(threading.TIMEOUT_MAX, threading.stack_size())
print(threading.gettrace(), threading.getprofile())
threading.settrace(None)
threading.setprofile(None)
print(callable(threading.excepthook), threading.excepthook is threading.__excepthook__)
args = threading.ExceptHookArgs([ValueError, ValueError("x"), None, None])
print(args.exc_type.__name__, args.exc_value, args.exc_traceback, args.thread, len(args))
try:
    threading.ExceptHookArgs([1, 2])
except TypeError as e:
    print("TypeError:", e)
print(threading.Lock().__class__.__name__, threading.RLock().__class__.__name__)
print(isinstance(threading.Condition(), threading.Condition), threading.Condition().__class__.__name__)
print(threading.get_ident() == threading.main_thread().ident)
