# Barrier action: called once per round, by one of the parties, before release.
import threading

calls = []
b = threading.Barrier(4, action=lambda: calls.append(len(calls)))
def party():
    b.wait()
    b.wait()
threads = [threading.Thread(target=party) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(calls)

# an action that raises breaks the barrier for everybody
def bad():
    raise ValueError("action failed")
b2 = threading.Barrier(2, action=bad)
results = []
def p2():
    try:
        b2.wait()
        results.append("passed")
    except threading.BrokenBarrierError:
        results.append("broken")
    except ValueError as e:
        results.append("ValueError: %s" % e)
ts = [threading.Thread(target=p2) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(results), b2.broken)
