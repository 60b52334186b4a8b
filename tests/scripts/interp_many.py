from concurrent import interpreters

before = len(interpreters.list_all())
interps = [interpreters.create() for _ in range(20)]
print(len(set(i.id for i in interps)))
print(len(interpreters.list_all()) - before)
for n, interp in enumerate(interps):
    interp.prepare_main(n=n)
    interp.exec('value = n * n')
q = interpreters.create_queue()
for interp in interps:
    interp.prepare_main(q=q)
    interp.exec('q.put(value)')
print(sum(q.get() for _ in interps))
for interp in interps:
    interp.close()
print(len(interpreters.list_all()) - before)
