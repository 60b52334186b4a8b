from concurrent import interpreters


def script():
    total = 0
    for i in range(10):
        total += i
    print('total', total)


interp = interpreters.create()
interp.exec(script)
interp.exec(script)
interp.close()
