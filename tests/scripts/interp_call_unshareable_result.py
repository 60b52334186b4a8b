# expected: hand-written
# atoll raises NotShareableError in the caller when a call's result cannot
# cross (3.14 would try pickle); written from atoll's docs.
from concurrent import interpreters


def gives_object():
    return object()


def gives_gen():
    return (i for i in range(3))


interp = interpreters.create()
for f in [gives_object, gives_gen]:
    try:
        interp.call(f)
    except interpreters.NotShareableError as exc:
        print(type(exc).__name__, '|', exc)
print(interp.call(len, 'still fine'))
interp.close()
