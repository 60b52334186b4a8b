# The interpreter waits for non-daemon threads at exit; their output comes last.
import threading
import time

def late():
    time.sleep(0.05)
    print("non-daemon thread finishes after main")
    print("main alive from worker:", threading.main_thread().is_alive())

threading.Thread(target=late).start()
print("main reaches the end")
