"""The CPU-bound workload shared by primes.py and examples/parallel.rs:
counting primes by trial division, nothing but loops and integer bytecode."""


def count_primes(n):
    count = 0
    i = 2
    while i < n:
        j = 2
        prime = True
        while j * j <= i:
            if i % j == 0:
                prime = False
                break
            j += 1
        if prime:
            count += 1
        i += 1
    return count
