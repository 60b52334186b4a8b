# Starts a few named threads; run it with the lifecycle events visible:
#
#   ATOLL_LOG=atoll::thread=debug atoll examples/scripts/lifecycle.py
#
# Each thread goes through the six steps (create thread state, create os thread,
# bind os thread, start eval loop, finalize thread state, exit os thread); the
# main thread, which runs on the host's own OS thread, only through 1, 3, 4, 5.
import threading
import time

report = {}


def work(delay):
    time.sleep(delay)
    me = threading.current_thread()
    report[me.name] = threading.get_native_id()


threads = [
    threading.Thread(target=work, args=(0.01 * k,), name="worker-" + str(k))
    for k in range(3)
]
for t in threads:
    t.start()
print("running threads:", threading.active_count())
for t in threads:
    t.join()
print("after join:", threading.active_count())
for name in sorted(report):
    print(name, "ran on OS thread", report[name])
print("main thread:", threading.current_thread().name, threading.get_native_id())
