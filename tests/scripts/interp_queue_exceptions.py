import queue
from concurrent import interpreters

print(issubclass(interpreters.QueueEmpty, queue.Empty))
print(issubclass(interpreters.QueueFull, queue.Full))
print(issubclass(interpreters.QueueEmpty, Exception))
print(issubclass(interpreters.InterpreterNotFoundError, interpreters.InterpreterError))
print(issubclass(interpreters.ExecutionFailed, interpreters.InterpreterError))
print(issubclass(interpreters.InterpreterError, Exception))
q = interpreters.create_queue()
try:
    q.get_nowait()
except queue.Empty:
    print('caught as queue.Empty')
