"""InterpreterPoolExecutor (Python 3.14): a ThreadPoolExecutor whose worker
threads each run their tasks in an interpreter of their own.

Each worker creates its interpreter when it runs its first task and runs the
initializer there first. A task's callable, arguments and result cross like
Interpreter.call()'s: a function without a closure crosses by its code (its
globals are the worker interpreter's __main__), built-ins by name, and the
arguments and result must be shareable. When a task raises, the future's
exception is a copy of the original (for built-in exception types) with the
ExecutionFailed summary as its __cause__, or the ExecutionFailed itself.
"""

import builtins as _builtins
import threading

from concurrent import interpreters
from concurrent.futures import _base
from concurrent.futures.thread import ThreadPoolExecutor, BrokenThreadPool

__all__ = ['InterpreterPoolExecutor', 'BrokenInterpreterPool', 'ExecutionFailed']

ExecutionFailed = interpreters.ExecutionFailed


class BrokenInterpreterPool(BrokenThreadPool):
    """Raised when a worker of an InterpreterPoolExecutor failed initializing."""


def _rebuild(excinfo):
    """The original exception again, for a built-in exception type."""
    if excinfo.type.__module__ != 'builtins':
        return None
    cls = getattr(_builtins, excinfo.type.__name__, None)
    if not isinstance(cls, type) or not issubclass(cls, BaseException):
        return None
    try:
        return cls(excinfo.msg) if excinfo.msg else cls()
    except Exception:
        return None


class InterpreterPoolExecutor(ThreadPoolExecutor):
    """Runs calls asynchronously in a pool of at most max_workers threads, each
    with its own interpreter (and so its own GIL)."""

    def __init__(self, max_workers=None, thread_name_prefix='',
                 initializer=None, initargs=()):
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        super().__init__(max_workers, thread_name_prefix)
        self._interp_initializer = initializer
        self._interp_initargs = tuple(initargs)
        self._interps = {}
        self._interps_lock = threading.Lock()
        self._interp_broken = None

    def _worker_interp(self):
        ident = threading.get_ident()
        interp = self._interps.get(ident)
        if interp is not None:
            return interp
        interp = interpreters.create()
        with self._interps_lock:
            self._interps[ident] = interp
        if self._interp_initializer is not None:
            try:
                interp.call(self._interp_initializer, *self._interp_initargs)
            except BaseException as exc:
                self._interp_broken = ('A worker initializer failed, the '
                                       'interpreter pool is not usable anymore')
                raise BrokenInterpreterPool(self._interp_broken) from exc
        return interp

    def _run_task(self, fn, args, kwargs):
        if self._interp_broken:
            raise BrokenInterpreterPool(self._interp_broken)
        interp = self._worker_interp()
        try:
            return interp.call(fn, *args, **kwargs)
        except interpreters.ExecutionFailed as wrapper:
            exc = _rebuild(wrapper.excinfo)
            if exc is None:
                raise
            raise exc from wrapper

    def submit(self, fn, /, *args, **kwargs):
        if self._interp_broken:
            raise BrokenInterpreterPool(self._interp_broken)
        return super().submit(self._run_task, fn, args, kwargs)

    submit.__doc__ = _base.Executor.submit.__doc__

    def shutdown(self, wait=True, *, cancel_futures=False):
        super().shutdown(wait=wait, cancel_futures=cancel_futures)
        if wait:
            with self._interps_lock:
                interps = list(self._interps.values())
                self._interps.clear()
            for interp in interps:
                try:
                    interp.close()
                except interpreters.InterpreterError:
                    pass

    shutdown.__doc__ = _base.Executor.shutdown.__doc__
