"""Execute computations asynchronously using threads (CPython 3.11's
concurrent.futures API)."""

from concurrent.futures._base import (
    FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED, CancelledError,
    TimeoutError, InvalidStateError, BrokenExecutor, Future, Executor, wait,
    as_completed)
from concurrent.futures.thread import ThreadPoolExecutor

__all__ = (
    'FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED', 'CancelledError',
    'TimeoutError', 'BrokenExecutor', 'Future', 'Executor', 'wait',
    'as_completed', 'ProcessPoolExecutor', 'ThreadPoolExecutor',
    'InterpreterPoolExecutor',
)


class ProcessPoolExecutor(Executor):
    """Not available in atoll: there is one process. Use ThreadPoolExecutor."""

    def __init__(self, *args, **kwargs):
        raise NotImplementedError(
            "ProcessPoolExecutor is not available in atoll; use ThreadPoolExecutor")


def __getattr__(name):
    # Loaded on first use, as CPython 3.14 does: it brings in the interpreters
    # machinery, which plain thread-pool users don't need.
    if name == 'InterpreterPoolExecutor':
        from concurrent.futures.interpreter import InterpreterPoolExecutor
        globals()['InterpreterPoolExecutor'] = InterpreterPoolExecutor
        return InterpreterPoolExecutor
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
