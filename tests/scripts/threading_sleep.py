# time.sleep: never returns early, releases the GIL, checks its argument.
import threading
import time

for d in (0.0005, 0.001, 0.003):
    start = time.perf_counter()
    time.sleep(d)
    print(d, "not early:", time.perf_counter() - start >= d)
time.sleep(0)
for bad in (-1, -0.001):
    try:
        time.sleep(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    time.sleep("1")
except TypeError as e:
    print("TypeError")
try:
    time.sleep(float("nan"))
except ValueError as e:
    print("ValueError:", e)

# sleeping threads overlap: 10 threads x 30 ms take far less than 300 ms
start = time.perf_counter()
ts = [threading.Thread(target=time.sleep, args=(0.03,)) for _ in range(10)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("overlapped:", time.perf_counter() - start < 0.2)
