# enumerate() and active_count() while threads run and after they finish.
import threading

go = threading.Event()
ready = threading.Barrier(4)
def wait():
    ready.wait()
    go.wait()
ts = [threading.Thread(target=wait, name="t%d" % i) for i in range(3)]
print(threading.active_count(), [t.name for t in threading.enumerate()])
for t in ts:
    t.start()
ready.wait()
print(threading.active_count(), sorted(t.name for t in threading.enumerate()))
print(all(t in threading.enumerate() for t in ts), threading.activeCount())
go.set()
for t in ts:
    t.join()
print(threading.active_count(), [t.name for t in threading.enumerate()])
print(threading.enumerate()[0] is threading.main_thread())
# a started thread is listed even before it runs its first line
hold = threading.Event()
t = threading.Thread(target=hold.wait)
t.start()
print(t in threading.enumerate())
hold.set()
t.join()
print(t in threading.enumerate(), threading.active_count())
