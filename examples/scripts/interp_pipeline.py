"""A three-stage pipeline of interpreters joined by bounded queues: when the
last stage is slow, the queues fill and the earlier stages wait in put()
(back-pressure).

    atoll examples/scripts/interp_pipeline.py
"""

from concurrent import interpreters


def produce(out, count):
    for i in range(count):
        out.put(i)
    out.put(None)


def square(inp, out):
    while (item := inp.get()) is not None:
        out.put(item * item)
    out.put(None)


def collect(inp, results):
    total = 0
    n = 0
    while (item := inp.get()) is not None:
        for _ in range(200):  # the slow stage
            pass
        total += item
        n += 1
    results.put((n, total))


q1 = interpreters.create_queue(4)
q2 = interpreters.create_queue(4)
results = interpreters.create_queue()
stages = [interpreters.create() for _ in range(3)]
threads = [
    stages[0].call_in_thread(produce, q1, 1000),
    stages[1].call_in_thread(square, q1, q2),
    stages[2].call_in_thread(collect, q2, results),
]
for t in threads:
    t.join()
n, total = results.get()
print(n, 'items, sum of squares', total, '==', sum(i * i for i in range(1000)))
for s in stages:
    s.close()
