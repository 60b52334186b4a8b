from concurrent import interpreters

q = interpreters.create_queue()
interp = interpreters.create()
interp.prepare_main({'q': q})
interp.exec('q.put(type(q).__name__)')
print(q.get())
interp.exec('q.put(q.qsize())')
print(q.get())
interp.exec('q.put("x"); q.put(q.empty())')
print(q.get(), q.get())
interp.close()
