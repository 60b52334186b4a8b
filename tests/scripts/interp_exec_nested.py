# expected: hand-written
# The backport cannot run interpreters inside a subinterpreter (its queue
# transport fails there); output per the Python 3.14 docs.
from concurrent import interpreters

outer = interpreters.create()
q = interpreters.create_queue()
outer.prepare_main(q=q)
outer.exec('''if True:
    from concurrent import interpreters
    inner = interpreters.create()
    inner.prepare_main(q=q)
    inner.exec("q.put('from inner')")
    q.put('outer got: ' + q.get())
    q.put('from outer')
    print(inner.whence)
    inner.close()
''')
print(q.get(), '|', q.get())
outer.close()
