# A Future used directly: set_result, set_exception, states, InvalidStateError.
from concurrent.futures import Future, InvalidStateError, TimeoutError
import concurrent.futures

f = Future()
print(f.done(), f.running(), f.cancelled(), repr(f).endswith("state=pending>"))
try:
    f.result(timeout=0.01)
except TimeoutError as e:
    print("TimeoutError", repr(e), TimeoutError is __builtins__.TimeoutError if hasattr(__builtins__, "TimeoutError") else TimeoutError.__name__)
try:
    f.exception(timeout=0)
except TimeoutError:
    print("exception() timed out too")
print(f.set_running_or_notify_cancel(), f.running(), f.cancel())
f.set_result([1, 2])
print(f.result(), f.done(), repr(f).endswith("state=finished returned list>"))
try:
    f.set_result(3)
except InvalidStateError as e:
    print("InvalidStateError:", str(e).split(":")[0])
try:
    f.set_exception(ValueError())
except InvalidStateError as e:
    print("InvalidStateError again")
g = Future()
g.set_exception(KeyError("k"))
print(type(g.exception()).__name__, repr(g).endswith("state=finished raised KeyError>"))
c = Future()
print(c.cancel(), c.set_running_or_notify_cancel(), c.cancelled())
try:
    c.set_result(1)
except InvalidStateError as e:
    print("InvalidStateError:", str(e).split(":")[0])
print(concurrent.futures.TimeoutError is TimeoutError, issubclass(TimeoutError, OSError))
print(issubclass(InvalidStateError, concurrent.futures._base.Error))
