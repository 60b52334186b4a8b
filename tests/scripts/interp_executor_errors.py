# expected: hand-written
# InterpreterPoolExecutor is new in Python 3.14 (the backport has none);
# output written from the 3.14 docs: a task's exception is re-raised with the
# ExecutionFailed summary as its __cause__; a failing initializer breaks the pool.
from concurrent import interpreters
from concurrent.futures import InterpreterPoolExecutor
from concurrent.futures.interpreter import BrokenInterpreterPool


def fail(msg):
    raise ValueError(msg)


def init_state(value):
    global STATE
    STATE = value


def read_state():
    return STATE


def bad_init():
    raise RuntimeError('no')


with InterpreterPoolExecutor(max_workers=2) as pool:
    fut = pool.submit(fail, 'boom')
    try:
        fut.result()
    except ValueError as exc:
        print(type(exc).__name__, exc)
        print(type(exc.__cause__).__name__, isinstance(exc.__cause__, interpreters.ExecutionFailed))
        print(exc.__cause__.excinfo.type.__name__, exc.__cause__.excinfo.msg)

with InterpreterPoolExecutor(max_workers=2, initializer=init_state, initargs=('ready',)) as pool:
    print(pool.submit(read_state).result())

pool = InterpreterPoolExecutor(max_workers=1, initializer=bad_init)
try:
    pool.submit(read_state).result()
except BrokenInterpreterPool as exc:
    print(type(exc).__name__)
pool.shutdown()
