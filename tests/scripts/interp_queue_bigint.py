from concurrent import interpreters

q = interpreters.create_queue()
interp = interpreters.create()
interp.prepare_main(q=q)
interp.exec('q.put(2 ** 200); q.put(-(7 ** 90)); q.put(2 ** 63 - 1); q.put(-(2 ** 63))')
a, b, c, d = q.get(), q.get(), q.get(), q.get()
print(a == 2 ** 200, b == -(7 ** 90), c, d)
print(a % 1000, b % 1000)
interp.call(print, 'from sub', 3 ** 50) if False else None
interp.close()
