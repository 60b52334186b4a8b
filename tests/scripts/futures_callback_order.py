# Done callbacks run in the order they were added, once each.
from concurrent.futures import Future, ThreadPoolExecutor

order = []
f = Future()
for i in range(4):
    f.add_done_callback(lambda fut, i=i: order.append(i))
f.set_result(None)
print(order)
with ThreadPoolExecutor(2) as ex:
    results = []
    fs = [ex.submit(pow, 2, i) for i in range(5)]
    for fut in fs:
        fut.add_done_callback(lambda fut: results.append(fut.result()))
print(sorted(results))
