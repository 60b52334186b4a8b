import interpreters
import concurrent.interpreters

print(interpreters.create is concurrent.interpreters.create)
print(interpreters.ExecutionFailed is concurrent.interpreters.ExecutionFailed)
interp = interpreters.create()
interp.exec('print("via alias")')
print(sorted(concurrent.interpreters.__all__))
interp.close()
