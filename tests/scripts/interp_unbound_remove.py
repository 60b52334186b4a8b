# expected: hand-written
# The backport has no unbounditems; per the Python 3.14 docs, with
# UNBOUND_REMOVE the items of a destroyed interpreter leave the queue.
from concurrent import interpreters
from concurrent.interpreters import _queues

q = interpreters.create_queue(unbounditems=_queues.UNBOUND_REMOVE)
q.put(1)
a = interpreters.create()
b = interpreters.create()
a.prepare_main(q=q)
b.prepare_main(q=q)
a.exec('q.put("a1"); q.put("a2")')
b.exec('q.put("b1")')
q.put(2)
print(q.qsize())
a.close()
print(q.qsize())
print([q.get() for _ in range(3)])
print(q.empty())
b.close()
