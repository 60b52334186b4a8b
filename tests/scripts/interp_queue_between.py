from concurrent import interpreters

tasks = interpreters.create_queue()
results = interpreters.create_queue()
worker = interpreters.create()
worker.prepare_main(tasks=tasks, results=results)
for n in range(1, 6):
    tasks.put(n)
tasks.put(None)
worker.exec('''if True:
    while True:
        n = tasks.get()
        if n is None:
            break
        results.put((n, n ** 3))
''')
while not results.empty():
    print(results.get())
worker.close()
