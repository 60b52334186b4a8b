# Barrier: parties meet; each gets a distinct index; the barrier is reusable.
import threading

b = threading.Barrier(3)
print(b.parties, b.n_waiting, b.broken)
indices = []
rounds = []
lock = threading.Lock()

def party(i):
    for r in range(3):
        idx = b.wait()
        with lock:
            indices.append((r, idx))
            rounds.append(r)

threads = [threading.Thread(target=party, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(indices))
print("rounds in order:", rounds == sorted(rounds))
print(b.n_waiting, b.broken)
print(repr(b).startswith("<threading.Barrier at 0x"), repr(b).endswith(": waiters=0/3>"))
