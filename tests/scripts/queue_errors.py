# queue errors: Empty, Full, bad timeouts, task_done too many times.
import queue

def show(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", repr(e))

q = queue.Queue(1)
show(lambda: q.get(timeout=-1))
show(lambda: q.get(False, -1))
show(lambda: q.put(1))
show(lambda: q.put(2, timeout=-1))
show(lambda: q.put(2, block=False))
show(lambda: q.put(2, timeout=0))
show(lambda: q.put_nowait(2))
show(lambda: q.get())
show(lambda: q.task_done())
show(lambda: q.task_done())
u = queue.Queue()
show(lambda: u.put(1, timeout=-1))
show(lambda: u.get(timeout=-5))
show(lambda: issubclass(queue.Empty, Exception))
show(lambda: issubclass(queue.Full, Exception))
show(lambda: queue.Empty.__module__)
show(lambda: queue.Full.__module__)
show(lambda: q.get(timeout="x"))
show(lambda: queue.Queue(maxsize=-1).full())
show(lambda: queue.Queue(0).full())
