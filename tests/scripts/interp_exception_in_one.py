from concurrent import interpreters

good = interpreters.create()
bad = interpreters.create()
good.exec('state = ["ok"]')
try:
    bad.exec('state = 1\nraise KeyError("bad interp")')
except interpreters.ExecutionFailed as exc:
    print('bad failed:', exc.excinfo.type.__name__)
good.exec('state.append("still ok"); print(state)')
bad.exec('print("bad state", state)')
bad.close()
good.exec('print(len(state))')
good.close()
