# Threads meeting at a Barrier between phases of a computation.
#
#   atoll examples/scripts/barrier_rendezvous.py
#
# Each of four workers computes its part of a phase, then waits at the barrier;
# the barrier's action (run by one thread when all have arrived) combines the
# parts before anyone starts the next phase.
import threading

WORKERS = 4
PHASES = 3
parts = [0] * WORKERS
totals = []


def combine():
    totals.append(sum(parts))


barrier = threading.Barrier(WORKERS, action=combine)
arrivals = []
arrivals_lock = threading.Lock()


def worker(w):
    value = w + 1
    for phase in range(PHASES):
        parts[w] = value * (phase + 1)
        index = barrier.wait()
        with arrivals_lock:
            arrivals.append((phase, index))
        # every part of this phase was combined before anybody got here
        value = totals[phase] + w


threads = [threading.Thread(target=worker, args=(w,)) for w in range(WORKERS)]
for t in threads:
    t.start()
for t in threads:
    t.join()

print("totals per phase:", totals)
print("arrival indices per phase:",
      [sorted(i for p, i in arrivals if p == phase) for phase in range(PHASES)])
print("barrier ready for reuse:", barrier.n_waiting, barrier.broken)
