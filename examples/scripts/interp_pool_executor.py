"""InterpreterPoolExecutor, as in the Python 3.14 documentation: a
ThreadPoolExecutor whose workers each run tasks in their own interpreter.

    atoll examples/scripts/interp_pool_executor.py
"""

from concurrent.futures import InterpreterPoolExecutor


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def is_prime(n):
    if n < 2:
        return False
    k = 2
    while k * k <= n:
        if n % k == 0:
            return False
        k += 1
    return True


with InterpreterPoolExecutor(max_workers=2) as executor:
    print(list(executor.map(fib, range(15))))
    numbers = [1000003, 1000033, 1000035, 1000037, 1000039, 1000041]
    for n, prime in zip(numbers, executor.map(is_prime, numbers)):
        print(n, 'is prime:', prime)
    future = executor.submit(pow, 2, 100)
    print(future.result())
