# expected: hand-written
# Python 3.14 falls back to pickle for objects that are not natively
# shareable, and the backport pickles everything; atoll refuses what it cannot
# copy with NotShareableError (a TypeError) naming the type, and enqueues
# nothing. Output written from atoll's documented behaviour.
import threading
from concurrent import interpreters


def make_closure():
    x = 1

    def f():
        return x
    return f


class Point:
    pass


q = interpreters.create_queue()
for obj in [make_closure(), Point(), threading.Lock(), lambda: 1, object(),
            [1, object()], {'k': Point()}, (1, (2, make_closure())), print,
            range(3), iter([])]:
    try:
        q.put(obj)
        print('put', type(obj).__name__)
    except interpreters.NotShareableError as exc:
        print(type(exc).__name__, isinstance(exc, TypeError), '|', exc)
print('qsize', q.qsize())
interp = interpreters.create()
try:
    interp.prepare_main(good=1, bad=Point())
except interpreters.NotShareableError as exc:
    print('prepare_main:', exc)
try:
    interp.exec('print(good)')
except interpreters.ExecutionFailed as exc:
    print('nothing bound:', exc.excinfo.type.__name__)
try:
    interp.call(make_closure())
except interpreters.NotShareableError as exc:
    print('call:', exc)
try:
    interp.call(len, object())
except interpreters.NotShareableError as exc:
    print('call arg:', exc)
interp.close()
