from concurrent import interpreters

interp = interpreters.create()
data = [1, [2, 3], {'k': [4]}]
mapping = {'x': 1, 'y': {'z': (2, 3)}, 3: 'three'}
interp.prepare_main(data=data, mapping=mapping, s={3, 1, 2}, fs=frozenset({'a'}))
data[1].append(99)
mapping['new'] = True
interp.exec('print(data)')
interp.exec('print(mapping)')
interp.exec('print(sorted(s), type(s).__name__)')
interp.exec('print(sorted(fs), type(fs).__name__)')
interp.exec('data.append("sub")')
print(data)
interp.close()
