# expected: hand-written
# atoll also shares list, dict, set and frozenset (deep copies), which
# CPython's is_shareable() reports False for; written from atoll's docs.
import threading
from concurrent import interpreters


class C:
    pass


for obj in [None, True, 1, 2 ** 100, 1.5, 'str', b'bytes', (1, 'a'), ((1,), (2,)),
            [1, 2], {'a': 1}, {1, 2}, frozenset(), interpreters.create_queue(),
            (1, [2]), object(), C(), C, lambda: 0, threading.Lock(), print,
            [object()], {'k': object()}]:
    name = type(obj).__name__
    print(name, interpreters.is_shareable(obj))
