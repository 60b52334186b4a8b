from concurrent import interpreters


def count_primes(lo, hi):
    n = 0
    for k in range(max(lo, 2), hi):
        d = 2
        while d * d <= k:
            if k % d == 0:
                break
            d += 1
        else:
            n += 1
    return n


interps = [interpreters.create() for _ in range(4)]
results = interpreters.create_queue()


def job(q, lo, hi):
    q.put((lo, count_primes(lo, hi)))


for interp in interps:
    interp.prepare_main(count_primes=None)
    interp.exec('''
def count_primes(lo, hi):
    n = 0
    for k in range(max(lo, 2), hi):
        d = 2
        while d * d <= k:
            if k % d == 0:
                break
            d += 1
        else:
            n += 1
    return n
''')
threads = [interp.call_in_thread(job, results, i * 500, (i + 1) * 500)
           for i, interp in enumerate(interps)]
for t in threads:
    t.join()
parts = sorted(results.get() for _ in interps)
print(parts)
print(sum(n for _, n in parts), count_primes(0, 2000))
for interp in interps:
    interp.close()
