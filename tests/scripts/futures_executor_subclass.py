# A custom Executor: only submit() is written; map() and the context manager
# come from the base class.
from concurrent.futures import Executor, Future

class InlineExecutor(Executor):
    def __init__(self):
        self.calls = 0
        self.closed = False
    def submit(self, fn, /, *args, **kwargs):
        self.calls += 1
        f = Future()
        try:
            f.set_result(fn(*args, **kwargs))
        except Exception as e:
            f.set_exception(e)
        return f
    def shutdown(self, wait=True, *, cancel_futures=False):
        self.closed = True

with InlineExecutor() as ex:
    print(list(ex.map(pow, [2, 3], [3, 2])))
    print(ex.submit(divmod, 7, 2).result())
    print(type(ex.submit(int, "x").exception()).__name__)
print(ex.calls, ex.closed)
try:
    Executor().submit(abs, 1)
except NotImplementedError:
    print("NotImplementedError")
