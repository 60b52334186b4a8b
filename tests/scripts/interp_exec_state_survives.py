from concurrent import interpreters

interp = interpreters.create()
interp.exec('counter = 0')
for _ in range(5):
    interp.exec('counter += 1')
interp.exec('print("counter", counter)')
interp.exec('import math\nvalue = math.sqrt(16)')
interp.exec('print(value)')
try:
    interp.exec('counter += "x"')
except interpreters.ExecutionFailed as exc:
    print(exc.excinfo.type.__name__)
interp.exec('print("counter still", counter)')
interp.close()
