"""concurrent.interpreters tour, after the Python 3.14 documentation's
examples: create an interpreter, run code in it, call a function in it, send
data through a queue, and run it in a thread.

    atoll examples/scripts/interp_basics.py
"""

from concurrent import interpreters

interp = interpreters.create()
print('created', interp, 'whence:', interp.whence)

# Run source code in the interpreter's __main__ (on this thread).
interp.exec('print("spam!")')
interp.exec("""if True:
    x = 1
    print('x is', x)
""")

# Call a function in it: the function crosses by its code, the arguments and
# the result are copied.


def add(a, b):
    return a + b


print('call:', interp.call(add, 2, 40))

# Uncaught exceptions come back as ExecutionFailed with a summary.
try:
    interp.exec('1 / 0')
except interpreters.ExecutionFailed as exc:
    print('failed with', exc.excinfo.type.__name__ + ':', exc.excinfo.msg)

# Pass data between interpreters with a queue (bound in __main__).
queue = interpreters.create_queue()
interp.prepare_main(queue=queue)
interp.exec('queue.put({"answer": x + 41, "from": "sub"})')
print('got', queue.get())


# Run in a thread: each interpreter has its own GIL.
def work(queue, n):
    queue.put(sum(i * i for i in range(n)))


t = interp.call_in_thread(work, queue, 100000)
t.join()
print('from the thread:', queue.get())

interp.close()
print('interpreters left:', len(interpreters.list_all()))
