# A thread not started by threading (here via _thread) gets a _DummyThread.
import _thread
import threading

done = threading.Event()
info = {}
def raw():
    me = threading.current_thread()
    info["type"] = type(me).__name__
    info["name"] = me.name.startswith("Dummy-")
    info["daemon"] = me.daemon
    info["alive"] = me.is_alive()
    info["same"] = threading.current_thread() is me
    info["ident"] = me.ident == threading.get_ident()
    done.set()
_thread.start_new_thread(raw, ())
done.wait()
print(sorted(info.items()))
