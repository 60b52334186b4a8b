from concurrent import interpreters

values = {
    'none': None, 't': True, 'f': False, 'zero': 0, 'neg': -7,
    'big': 2 ** 100, 'negbig': -(3 ** 70), 'fl': 2.5, 'inf': float('inf'),
    'neginf': float('-inf'), 's': 'héllo ✓', 'empty': '', 'b': b'\x00\xff',
    'tup': (1, ('a', (None, 2.0))), 'emptytup': (),
}
interp = interpreters.create()
interp.prepare_main(values)
for name in values:
    interp.exec(f'print({name!r}, type({name}).__name__, repr({name}))')
interp.close()
