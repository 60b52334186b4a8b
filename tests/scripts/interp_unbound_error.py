# expected: hand-written
# The backport has no unbounditems; per the Python 3.14 docs, with
# UNBOUND_ERROR a get() reaching an item of a destroyed interpreter raises
# ItemInterpreterDestroyed and the next get() goes on normally.
from concurrent import interpreters
from concurrent.interpreters import _queues

q = interpreters.create_queue(unbounditems=_queues.UNBOUND_ERROR)
print(q.unbounditems is _queues.UNBOUND_ERROR)
interp = interpreters.create()
interp.prepare_main(q=q)
interp.exec('q.put("doomed")')
q.put('kept')
interp.close()
try:
    q.get()
except _queues.ItemInterpreterDestroyed as exc:
    print(type(exc).__name__, isinstance(exc, _queues.QueueError))
print(q.get())
print(q.empty())
