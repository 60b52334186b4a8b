from concurrent import interpreters

interp = interpreters.create()
interp.exec('''if True:
    import threading
    out = []
    lock = threading.Lock()
    def work(k):
        with lock:
            out.append(k * 10)
    ts = [threading.Thread(target=work, args=(k,)) for k in range(5)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print(sorted(out))
''')
interp.close()
