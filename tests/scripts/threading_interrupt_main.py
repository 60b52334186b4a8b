# _thread.interrupt_main(): KeyboardInterrupt in the main thread, at its next
# check or at once when it is blocked in a wait.
import _thread
import queue
import threading
import time


def interrupt_soon():
    time.sleep(0.05)
    _thread.interrupt_main()


for name, wait in [
    ("sleep", lambda: time.sleep(5)),
    ("lock", lambda: held.acquire(timeout=5)),
    ("queue", lambda: queue.Queue().get(timeout=5)),
    ("event", lambda: threading.Event().wait(5)),
]:
    held = threading.Lock()
    held.acquire()
    t = threading.Thread(target=interrupt_soon)
    t.start()
    try:
        wait()
        print(name, "not interrupted")
    except KeyboardInterrupt as e:
        print(name, "interrupted:", repr(e))
    t.join()

try:
    _thread.interrupt_main()
    for i in range(100000):
        pass
    print("loop not interrupted")
except KeyboardInterrupt:
    print("loop interrupted")

# another signal number has no Python handler: nothing happens
_thread.interrupt_main(15)
print("done")
