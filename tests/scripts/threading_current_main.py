# current_thread, main_thread, get_ident, get_native_id, ident and native_id.
import threading

main = threading.main_thread()
print(main.name, main is threading.current_thread(), main.daemon, main.is_alive())
print(main.ident == threading.get_ident(), main.native_id == threading.get_native_id())
print(threading.currentThread() is main)
info = {}
def work():
    me = threading.current_thread()
    info["name"] = me.name
    info["is_main"] = me is threading.main_thread()
    info["ident"] = threading.get_ident() == me.ident
    info["native"] = threading.get_native_id() == me.native_id
    info["differs"] = me.ident != main.ident and me.native_id != main.native_id
    info["main_alive"] = threading.main_thread().is_alive()
t = threading.Thread(target=work, name="w")
print(t.ident, t.native_id)
t.start()
t.join()
print(sorted(info.items()))
print(isinstance(t.ident, int), isinstance(t.native_id, int), t.ident == t.ident)
