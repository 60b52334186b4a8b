# wait() with FIRST_COMPLETED, FIRST_EXCEPTION and ALL_COMPLETED.
import threading
from concurrent.futures import (ThreadPoolExecutor, wait, FIRST_COMPLETED,
                                FIRST_EXCEPTION, ALL_COMPLETED)

def boom():
    raise RuntimeError("boom")

with ThreadPoolExecutor(4) as ex:
    gate = threading.Event()
    blocked = ex.submit(gate.wait)
    quick = ex.submit(abs, -1)
    done, not_done = wait([blocked, quick], return_when=FIRST_COMPLETED)
    print(quick in done, blocked in not_done, len(done), len(not_done))
    failing = ex.submit(boom)
    r = wait([blocked, failing], return_when=FIRST_EXCEPTION)
    print(failing in r.done, blocked in r.not_done, type(r).__name__)
    r = wait([blocked], timeout=0.02)
    print(len(r.done), len(r.not_done))
    gate.set()
    r = wait([blocked, quick, failing], return_when=ALL_COMPLETED)
    print(len(r.done), len(r.not_done), r.done == {blocked, quick, failing})
    print(sorted(str(x) for x in [ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION]))
    try:
        wait([ex.submit(gate.wait)], return_when="SOMETIMES")
    except ValueError as e:
        print("ValueError:", e)
    d, nd = wait([])
    print(d, nd)
