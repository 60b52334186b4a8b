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
    numbers = [112272535095293, 112582705942171, 115280095190773, 115797848077099, 1099726899285419]
    for n, prime in zip(numbers, executor.map(is_prime, [x % 10000019 for x in numbers])):
        print(n % 10000019, 'is prime:', prime)
    future = executor.submit(pow, 2, 100)
    print(future.result())
