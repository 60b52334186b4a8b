# Names importable from concurrent.futures and its submodules.
import concurrent.futures
import concurrent.futures.thread
from concurrent.futures import (ThreadPoolExecutor, Future, Executor, wait,
                                as_completed, CancelledError, TimeoutError,
                                BrokenExecutor, InvalidStateError,
                                FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED)
from concurrent.futures.thread import ThreadPoolExecutor as TPE, BrokenThreadPool
from concurrent.futures._base import Future as BaseFuture, PENDING, FINISHED
from concurrent import futures

print(TPE is ThreadPoolExecutor, BaseFuture is Future, futures is concurrent.futures)
print(concurrent.futures.thread.ThreadPoolExecutor is ThreadPoolExecutor)
print(issubclass(ThreadPoolExecutor, Executor), issubclass(BrokenThreadPool, BrokenExecutor))
print(PENDING, FINISHED, FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED)
print(sorted(concurrent.futures.__all__)[:6])
print(CancelledError.__module__, BrokenThreadPool.__module__, Future.__module__)
print(concurrent.futures.__name__, concurrent.futures._base.__name__)
