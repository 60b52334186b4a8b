# Daemon threads can be joined like any other; is_alive follows their life.
import threading
import time

results = []
def work(n):
    time.sleep(0.001 * n)
    results.append(n)
ds = [threading.Thread(target=work, args=(n,), daemon=True) for n in range(4)]
for d in ds:
    d.start()
for d in ds:
    d.join()
print(sorted(results), [d.is_alive() for d in ds], [d.daemon for d in ds])
print(repr(ds[0]).startswith("<Thread(Thread-1 (work), stopped daemon "))
