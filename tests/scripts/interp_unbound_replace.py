# expected: hand-written
# The backport has no unbounditems; per the Python 3.14 docs, items put by an
# interpreter that is then destroyed come back as UNBOUND (the default).
from concurrent import interpreters
from concurrent.interpreters import _queues

q = interpreters.create_queue()
print(q.unbounditems is _queues.UNBOUND)
q.put('from main 1')
interp = interpreters.create()
interp.prepare_main(q=q)
interp.exec('q.put("from sub 1"); q.put("from sub 2")')
q.put('from main 2')
print(q.qsize())
interp.close()
print(q.qsize())
for _ in range(4):
    item = q.get()
    print(repr(item), item is _queues.UNBOUND)
