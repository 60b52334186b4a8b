from concurrent import interpreters

a = interpreters.create()
b = interpreters.create()
listed = interpreters.list_all()
print([i.whence for i in listed if i in (a, b)])
main = [i for i in listed if i == interpreters.get_main()]
print(len(main), main[0].whence)
print(interpreters.list_all()[0] == interpreters.get_main())
a.close()
print(a in interpreters.list_all(), b in interpreters.list_all())
b.close()
