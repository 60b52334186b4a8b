from concurrent import interpreters


def nothing():
    pass


interp = interpreters.create()
interp.exec('x = 1')
interp.close()
for action in ['exec', 'call', 'prepare_main', 'close', 'is_running']:
    try:
        if action == 'exec':
            interp.exec('pass')
        elif action == 'call':
            interp.call(nothing)
        elif action == 'prepare_main':
            interp.prepare_main(a=1)
        elif action == 'close':
            interp.close()
        else:
            interp.is_running()
        print(action, 'worked')
    except interpreters.InterpreterNotFoundError as exc:
        print(action, type(exc).__name__, isinstance(exc, interpreters.InterpreterError))
