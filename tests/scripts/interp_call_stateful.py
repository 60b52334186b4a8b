from concurrent import interpreters


def bump(n):
    global counter
    try:
        counter += n
    except NameError:
        counter = n
    return counter


a = interpreters.create()
b = interpreters.create()
print([a.call(bump, 1) for _ in range(3)])
print([b.call(bump, 10) for _ in range(2)])
print(a.call(bump, 0), b.call(bump, 0))
a.close()
b.close()
