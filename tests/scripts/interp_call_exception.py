from concurrent import interpreters


def fail(kind):
    if kind == 'value':
        raise ValueError('bad value')
    if kind == 'key':
        return {}['missing']
    if kind == 'zero':
        return 1 // 0
    return 'fine'


interp = interpreters.create()
for kind in ['value', 'key', 'zero', 'none']:
    try:
        print('result:', interp.call(fail, kind))
    except interpreters.ExecutionFailed as exc:
        print('ExecutionFailed:', exc.excinfo.type.__name__, exc.excinfo.msg)
interp.close()
