from concurrent import interpreters


def use_global():
    return SCALE * 2


def set_global(v):
    global SCALE
    SCALE = v
    return 'set'


interp = interpreters.create()
interp.exec('SCALE = 21')
print(interp.call(use_global))
print(interp.call(set_global, 50))
print(interp.call(use_global))
interp.exec('print("SCALE in sub:", SCALE)')
try:
    interpreters.create().call(use_global)
except interpreters.ExecutionFailed as exc:
    print(exc.excinfo.type.__name__, exc.excinfo.msg)
SCALE = 1
print(use_global())
interp.close()
