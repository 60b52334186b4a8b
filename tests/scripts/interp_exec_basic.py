from concurrent import interpreters

interp = interpreters.create()
interp.exec('x = 40')
interp.exec('x += 2')
interp.exec('print("x is", x)')
interp.exec('''
def double(n):
    return n * 2
print(double(x))
''')
interp.exec("print(__name__)")
print(interp.exec('y = 1') is None)
interp.close()
