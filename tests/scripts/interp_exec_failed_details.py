# expected: hand-written
# The backport's excinfo has only type.__name__ and puts the whole traceback in
# .formatted; this checks the Python 3.14 excinfo (type.__qualname__,
# type.__module__, formatted = "Type: msg", errdisplay = the traceback) and
# str(ExecutionFailed).
from concurrent import interpreters

interp = interpreters.create()
try:
    interp.exec('''
def inner():
    raise ValueError("boom")
inner()
''')
except interpreters.ExecutionFailed as exc:
    info = exc.excinfo
    print(info.type.__name__, info.type.__qualname__, info.type.__module__)
    print(repr(info.msg))
    print(repr(info.formatted))
    print(info.errdisplay)
    print('---')
    print(exc)
    print('---')
    print(exc.args)
try:
    interp.exec('raise KeyboardInterrupt')
except interpreters.ExecutionFailed as exc:
    print(repr(exc.excinfo.formatted), repr(exc.excinfo.msg))
interp.close()
