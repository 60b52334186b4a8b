from concurrent import interpreters


def hold(ready, gate):
    ready.put(1)
    gate.get()


gate = interpreters.create_queue()
ready = interpreters.create_queue()
interp = interpreters.create()
interp.prepare_main(gate=gate, ready=ready)
print(interp.is_running())
t = interp.call_in_thread(hold, ready, gate)
ready.get()
print(interp.is_running())
try:
    interp.exec('pass')
except interpreters.InterpreterError as exc:
    print(type(exc).__name__)
gate.put(None)
t.join()
print(interp.is_running())
interp.exec('print("runs again")')
interp.close()
