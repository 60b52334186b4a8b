# Cancelling futures that haven't started; CancelledError from result().
import threading
from concurrent.futures import ThreadPoolExecutor, CancelledError, wait

gate = threading.Event()
started = threading.Event()
def blocker():
    started.set()
    return gate.wait()
with ThreadPoolExecutor(max_workers=1) as ex:
    running = ex.submit(blocker)
    started.wait()
    queued = [ex.submit(abs, -i) for i in range(3)]
    print("cancel queued:", queued[0].cancel(), queued[0].cancelled(), queued[0].done())
    print("cancel again:", queued[0].cancel())
    print("cancel running:", running.cancel(), running.cancelled())
    try:
        queued[0].result()
    except CancelledError as e:
        print("CancelledError", repr(e))
    try:
        queued[0].exception()
    except CancelledError:
        print("CancelledError from exception()")
    print(repr(queued[0]).endswith("state=cancelled>"))
    gate.set()
    print([f.result() for f in queued[1:]])
    done, not_done = wait(queued)
    print(len(done), len(not_done))
print("finished:", running.cancel(), running.result())
print(issubclass(CancelledError, Exception))
