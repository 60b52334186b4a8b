from concurrent import interpreters

secret = 'main-only'
interp = interpreters.create()
try:
    interp.exec('print(secret)')
except interpreters.ExecutionFailed as exc:
    print('failed:', exc.excinfo.type.__name__, exc.excinfo.msg)
interp.exec('mine = [1, 2, 3]')
print('mine' in globals())
other = interpreters.create()
try:
    other.exec('print(mine)')
except interpreters.ExecutionFailed as exc:
    print('failed:', exc.excinfo.type.__name__, exc.excinfo.msg)
interp.exec('print(mine)')
interp.close()
other.close()
