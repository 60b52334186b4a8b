# Shows the GIL switch interval at work: two CPU-bound threads append to one
# list; the shorter the interval, the more often the list changes hands.
#
#   atoll examples/scripts/switching.py
#   ATOLL_LOG=atoll::gil=debug atoll examples/scripts/switching.py
import sys
import threading


def spin(tag, log, n):
    i = 0
    while i < n:
        log.append(tag)
        i += 1


def handovers(interval, n):
    sys.setswitchinterval(interval)
    log = []
    a = threading.Thread(target=spin, args=("a", log, n))
    b = threading.Thread(target=spin, args=("b", log, n))
    a.start()
    b.start()
    a.join()
    b.join()
    changes = 0
    i = 1
    while i < len(log):
        if log[i] != log[i - 1]:
            changes += 1
        i += 1
    return changes


n = 200000
for interval in [0.05, 0.005, 0.001]:
    print("switch interval", interval, "s:", handovers(interval, n), "hand-overs")
sys.setswitchinterval(0.005)
