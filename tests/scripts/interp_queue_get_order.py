from concurrent import interpreters

q = interpreters.create_queue()
interps = [interpreters.create() for _ in range(3)]
for k, interp in enumerate(interps):
    interp.prepare_main(q=q, k=k)
for k, interp in enumerate(interps):
    interp.exec('for i in range(3):\n    q.put((k, i))')
print([q.get() for _ in range(9)])
for interp in interps:
    interp.close()
