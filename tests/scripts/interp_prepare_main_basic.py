from concurrent import interpreters

interp = interpreters.create()
interp.prepare_main({'a': 1, 'b': 'two'})
interp.prepare_main(c=3.5, d=None)
interp.prepare_main({'e': (1, 2)}, f=b'bytes')
interp.exec('print(a, b, c, d, e, f)')
interp.prepare_main(a=100)
interp.exec('print(a)')
interp.prepare_main()
interp.exec('print(sorted(k for k in globals() if len(k) == 1))')
interp.close()
