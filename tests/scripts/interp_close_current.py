from concurrent import interpreters

try:
    interpreters.get_current().close()
except interpreters.InterpreterError as exc:
    print(type(exc).__name__)

interp = interpreters.create()
try:
    interp.exec('''if True:
        from concurrent import interpreters
        interpreters.get_current().close()
    ''')
except interpreters.ExecutionFailed as exc:
    print(exc.excinfo.type.__name__, exc.excinfo.msg)
interp.exec('print("still open")')
interp.close()
