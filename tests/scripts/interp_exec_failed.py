from concurrent import interpreters

interp = interpreters.create()
for code in ['1 / 0', 'raise ValueError("boom")', 'int("x")', '[][1]',
             '{}["k"]', 'raise RuntimeError', 'import no_such_module_here',
             'None.attr', 'assert False, "nope"']:
    try:
        interp.exec(code)
    except interpreters.ExecutionFailed as exc:
        print(type(exc).__name__, '|', exc.excinfo.type.__name__, '|', exc.excinfo.msg)
        print(isinstance(exc, interpreters.InterpreterError))
interp.exec('print("still usable")')
interp.close()
