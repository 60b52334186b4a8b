from concurrent import interpreters

interp = interpreters.create()
for code in ['def', 'x = (1,', 'return 5']:
    try:
        interp.exec(code)
    except interpreters.ExecutionFailed as exc:
        print(exc.excinfo.type.__name__)
interp.exec('print("ok after syntax errors")')
interp.close()
