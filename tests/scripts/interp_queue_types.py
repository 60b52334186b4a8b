from concurrent import interpreters

q = interpreters.create_queue()
values = [None, True, False, 0, -1, 2 ** 63, -(2 ** 64) - 1, 10 ** 30, 0.1, -0.0,
          1e300, 'text', '', 'ünïcødé', b'', b'\x01\x02', (), (1,), (1, (2, (3,))),
          [], [1, 'a'], {}, {'k': 'v', 2: [3]}, {1, 2, 3}, frozenset({'x'}),
          ({'nested': [(1, 2), {3}]},)]
for v in values:
    q.put(v)
for v in values:
    got = q.get()
    print(type(got).__name__, repr(got) if not isinstance(got, (set, frozenset)) else sorted(got), got == v)
