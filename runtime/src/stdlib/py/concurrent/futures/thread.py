"""concurrent.futures.ThreadPoolExecutor, written for atoll.

A pool starts its threads lazily. Each submit() queues a task; if some worker is
sitting idle it will pick the task up, otherwise (below max_workers) the pool
starts one more worker. All workers of a pool read one SimpleQueue. A None in
that queue means "stop": the worker that reads it puts it back for the next one,
so a single None stops them all.
"""

import itertools
import os
import threading
from queue import Empty, SimpleQueue

from concurrent.futures import _base

# Every worker still registered, mapped to the queue it reads. At interpreter
# exit (before non-daemon threads are joined) each queue gets a stop marker
# and every worker is joined, so idle workers never hold the exit up.
_registered = {}
_exiting = False
_exit_guard = threading.Lock()


def _stop_every_pool():
    global _exiting
    with _exit_guard:
        _exiting = True
    snapshot = list(_registered.items())
    for _, tasks in snapshot:
        tasks.put(None)
    for worker, _ in snapshot:
        worker.join()


threading._register_atexit(_stop_every_pool)


class _Call:
    """One submitted call and the future that reports on it."""

    __slots__ = ('future', 'fn', 'args', 'kwargs')

    def __init__(self, future, func, pos, named):
        self.future = future
        self.fn = func
        self.args = pos
        self.kwargs = named

    def run(self):
        future = self.future
        if future.set_running_or_notify_cancel():
            try:
                outcome = self.fn(*self.args, **self.kwargs)
            except BaseException as error:
                future.set_exception(error)
                # the traceback holds this frame: let go of the call
                self = future = None
            else:
                future.set_result(outcome)


def _serve(pool, tasks, initializer, initargs):
    """The body of a worker thread of `pool`."""
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            _base.LOGGER.critical('Exception in initializer:', exc_info=True)
            pool._mark_broken()
            return
    take = tasks.get
    now_idle = pool._idle.release
    try:
        while True:
            task = take()
            if task is None:
                # stop marker (shutdown() or interpreter exit): leave it for
                # the other workers of the pool
                pool._closed = True
                tasks.put(None)
                return
            task.run()
            task = None
            now_idle()
    except BaseException:
        _base.LOGGER.critical('Exception in worker', exc_info=True)


class BrokenThreadPool(_base.BrokenExecutor):
    """The pool cannot run calls: one of its threads' initializer raised."""


_pool_numbers = itertools.count()


class ThreadPoolExecutor(_base.Executor):
    """An Executor whose calls run on a pool of at most max_workers threads."""

    def __init__(self, max_workers=None, thread_name_prefix='',
                 initializer=None, initargs=()):
        if max_workers is None:
            # leave room for threads blocked on I/O, but not hundreds of them
            cores = os.cpu_count() or 1
            max_workers = min(cores + 4, 32)
        elif max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if not (initializer is None or callable(initializer)):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._work_queue = SimpleQueue()
        self._threads = set()
        # released by a worker each time it finishes a call and goes back to
        # waiting: submit() takes one instead of starting a thread
        self._idle = threading.Semaphore(0)
        self._guard = threading.Lock()
        self._closed = False
        self._broken_reason = None
        if not thread_name_prefix:
            thread_name_prefix = "ThreadPoolExecutor-%d" % next(_pool_numbers)
        self._name_prefix = thread_name_prefix
        self._init_call = (initializer, initargs)

    def submit(self, fn, /, *args, **kwargs):
        """Queues fn(*args, **kwargs) for a worker; returns its Future."""
        with self._guard, _exit_guard:
            if self._broken_reason is not None:
                raise BrokenThreadPool(self._broken_reason)
            if self._closed:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _exiting:
                raise RuntimeError('cannot schedule new futures after '
                                   'interpreter shutdown')
            future = _base.Future()
            self._work_queue.put(_Call(future, fn, args, kwargs))
            if not self._idle.acquire(False):
                self._grow()
            return future

    def _grow(self):
        """Starts one more worker unless the pool is at max_workers."""
        count = len(self._threads)
        if count >= self._max_workers:
            return
        initializer, initargs = self._init_call
        # the worker holds the pool itself (CPython: a weak reference), so a
        # pool lives until its workers stop
        worker = threading.Thread(
            name=f"{self._name_prefix}_{count}", target=_serve,
            args=(self, self._work_queue, initializer, initargs))
        worker.start()
        self._threads.add(worker)
        _registered[worker] = self._work_queue

    def _pending(self):
        """Takes every call still waiting in the queue out of it."""
        calls = []
        while True:
            try:
                task = self._work_queue.get_nowait()
            except Empty:
                return calls
            if task is not None:
                calls.append(task)

    def _mark_broken(self):
        with self._guard:
            self._broken_reason = ('A thread initializer failed, the thread '
                                   'pool is not usable anymore')
            for task in self._pending():
                task.future.set_exception(BrokenThreadPool(self._broken_reason))

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Refuses new calls and stops the workers once the queue is empty.
        cancel_futures cancels the calls that have not started; wait joins
        the workers before returning."""
        with self._guard:
            self._closed = True
            if cancel_futures:
                for task in self._pending():
                    task.future.cancel()
            self._work_queue.put(None)
        if wait:
            for worker in self._threads:
                worker.join()
                _registered.pop(worker, None)
