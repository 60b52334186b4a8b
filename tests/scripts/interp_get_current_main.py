import concurrent.interpreters as interpreters

main = interpreters.get_main()
cur = interpreters.get_current()
print(main == cur, main.id == cur.id)
print(main.whence)
print(main.is_running())
sub = interpreters.create()
q = interpreters.create_queue()
sub.prepare_main(q=q)
sub.exec("""if True:
    from concurrent import interpreters
    q.put(interpreters.get_current().id)
    q.put(interpreters.get_main().id)
    q.put(interpreters.get_current().whence)
    q.put(interpreters.get_main().whence)
""")
print(q.get() == sub.id)
print(q.get() == main.id)
print(q.get())
print(q.get())
sub.close()
