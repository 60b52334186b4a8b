"""The executor-independent half of concurrent.futures, written for atoll:
Future, Executor, wait(), as_completed() and the exceptions.

A Future keeps the attribute layout programs (and the native module _futures)
rely on: _condition, _state, _result, _exception, _waiters, _done_callbacks.
Its state transitions are native; what is left here is the bookkeeping of the
observers that wait() and as_completed() hang on futures.
"""

import sys
import threading
import time
import _thread
import _futures

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'

# Life of a future: PENDING -> RUNNING -> FINISHED, or PENDING -> CANCELLED,
# which becomes CANCELLED_AND_NOTIFIED once its observers have been told.
PENDING = 'PENDING'
RUNNING = 'RUNNING'
CANCELLED = 'CANCELLED'
CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'
FINISHED = 'FINISHED'

# what repr() shows for each state
_STATE_WORDS = {
    PENDING: 'pending', RUNNING: 'running', CANCELLED: 'cancelled',
    CANCELLED_AND_NOTIFIED: 'cancelled', FINISHED: 'finished',
}
# states in which the observers of a future have already been told
_OBSERVED_DONE = frozenset((CANCELLED_AND_NOTIFIED, FINISHED))
# states after which a callback runs at once
_OVER = frozenset((CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED))


class _StderrLogger:
    """Stands in for logging.getLogger("concurrent.futures"): writes the
    message, then the traceback of the exception being handled, to stderr
    (what logging's last-resort handler would print)."""

    name = "concurrent.futures"

    def _write(self, text, args, with_traceback):
        out = sys.stderr
        if out is None:
            return
        out.write((text % args if args else text) + "\n")
        if with_traceback:
            current = sys.exc_info()[1]
            if current is not None:
                _thread._print_exception(current)

    def exception(self, msg, *args):
        self._write(msg, args, True)

    def critical(self, msg, *args, exc_info=False):
        self._write(msg, args, exc_info)

    def error(self, msg, *args, exc_info=False):
        self._write(msg, args, exc_info)


LOGGER = _StderrLogger()


class Error(Exception):
    """Root of the exceptions concurrent.futures defines."""


class CancelledError(Error):
    """Asked for the outcome of a future that was cancelled."""


TimeoutError = TimeoutError


class InvalidStateError(Error):
    """The future's state does not allow this operation."""


# the mode of as_completed()'s observer
_EACH = object()


class _Observer:
    """What wait() and as_completed() put in the _waiters list of each future
    they watch. A future calls add_result, add_exception or add_cancelled when
    it settles; the observer collects it in `settled` and sets `event` when
    its caller should wake up.

    mode FIRST_COMPLETED or _EACH (as_completed): wake on every settlement.
    ALL_COMPLETED: wake when `remaining` reaches zero.
    FIRST_EXCEPTION: the same, or at the first exception.
    """

    def __init__(self, mode, remaining=0):
        self.event = threading.Event()
        self.lock = threading.Lock()
        self.settled = []
        self._mode = mode
        self._remaining = remaining

    def _note(self, future, raised):
        with self.lock:
            self.settled.append(future)
            mode = self._mode
            if mode is _EACH or mode == FIRST_COMPLETED:
                self.event.set()
            elif raised and mode == FIRST_EXCEPTION:
                self.event.set()
            else:
                self._remaining -= 1
                if self._remaining == 0:
                    self.event.set()

    def add_result(self, future):
        self._note(future, False)

    def add_exception(self, future):
        self._note(future, True)

    def add_cancelled(self, future):
        self._note(future, False)

    def take(self):
        """The futures settled since the last take(); re-arms the event."""
        with self.lock:
            got = self.settled
            self.settled = []
            self.event.clear()
        return got


def _hold_all(futures):
    """Acquires the condition of every future (in one global order, so two
    callers cannot deadlock); returns what _let_go_all() needs."""
    ordered = sorted(futures, key=id)
    for f in ordered:
        f._condition.acquire()
    return ordered


def _let_go_all(ordered):
    for f in ordered:
        f._condition.release()


def _detach(future, observer):
    with future._condition:
        future._waiters.remove(observer)


def _observe(futures, mode):
    """Makes an observer for `futures` (whose conditions the caller holds)."""
    if mode is _EACH or mode == FIRST_COMPLETED:
        observer = _Observer(mode)
    elif mode == ALL_COMPLETED or mode == FIRST_EXCEPTION:
        unsettled = 0
        for f in futures:
            if f._state not in _OBSERVED_DONE:
                unsettled += 1
        observer = _Observer(mode, unsettled)
    else:
        raise ValueError("Invalid return condition: %r" % mode)
    for f in futures:
        f._waiters.append(observer)
    return observer


def as_completed(fs, timeout=None):
    """Yields the futures of fs (each once) as they finish or are cancelled,
    those already done first. If the iterator is still waiting timeout seconds
    after this call, it raises TimeoutError."""
    deadline = None if timeout is None else time.monotonic() + timeout
    watched = set(fs)
    total = len(watched)
    held = _hold_all(watched)
    try:
        ready = [f for f in watched if f._state in _OBSERVED_DONE]
        observer = _observe(watched, _EACH)
    finally:
        _let_go_all(held)
    waiting = watched.difference(ready)
    try:
        for f in ready:
            watched.discard(f)
            _detach(f, observer)
            yield f
        del ready
        while waiting:
            if deadline is None:
                budget = None
            else:
                budget = deadline - time.monotonic()
                if budget < 0:
                    raise TimeoutError('%d (of %d) futures unfinished'
                                       % (len(waiting), total))
            observer.event.wait(budget)
            for f in observer.take():
                watched.discard(f)
                waiting.discard(f)
                _detach(f, observer)
                yield f
    finally:
        for f in watched:
            _detach(f, observer)


class DoneAndNotDoneFutures:
    """What wait() returns: a pair (done, not_done) of sets, also readable as
    the attributes done and not_done."""

    def __init__(self, done, not_done):
        self.done = done
        self.not_done = not_done

    def __iter__(self):
        yield self.done
        yield self.not_done

    def __getitem__(self, i):
        return (self.done, self.not_done)[i]

    def __len__(self):
        return 2

    def __eq__(self, other):
        return (self.done, self.not_done) == tuple(other)

    def __repr__(self):
        return f"DoneAndNotDoneFutures(done={self.done!r}, not_done={self.not_done!r})"


def _raised(f):
    return not f.cancelled() and f.exception() is not None


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Blocks until the futures of fs satisfy return_when (FIRST_COMPLETED,
    FIRST_EXCEPTION or ALL_COMPLETED) or timeout seconds pass. Returns the
    sets (done, not_done)."""
    watched = set(fs)
    held = _hold_all(watched)
    try:
        done = {f for f in watched if f._state in _OBSERVED_DONE}
        if done:
            satisfied = (len(done) == len(watched)
                         or return_when == FIRST_COMPLETED
                         or (return_when == FIRST_EXCEPTION
                             and any(_raised(f) for f in done)))
        else:
            satisfied = not watched
        if satisfied:
            return DoneAndNotDoneFutures(done, watched - done)
        observer = _observe(watched, return_when)
    finally:
        _let_go_all(held)
    observer.event.wait(timeout)
    for f in watched:
        _detach(f, observer)
    done.update(observer.settled)
    return DoneAndNotDoneFutures(done, watched - done)


class Future(object):
    """The eventual outcome (value or exception) of a call."""

    def __init__(self):
        """Executors make futures; client code should not."""
        # a threading.Condition() around a fresh RLock, built natively
        self._condition = _futures.new_condition()
        self._state = PENDING
        self._result = None
        self._exception = None
        self._waiters = []
        self._done_callbacks = []

    def _invoke_callbacks(self):
        # called natively once the future is done
        for fn in self._done_callbacks:
            _call_back(fn, self)

    def __repr__(self):
        name = self.__class__.__name__
        with self._condition:
            state = self._state
            words = _STATE_WORDS[state]
            if state != FINISHED:
                return f"<{name} at {id(self):#x} state={words}>"
            if self._exception:
                how, what = 'raised', self._exception
            else:
                how, what = 'returned', self._result
            return (f"<{name} at {id(self):#x} state={words} "
                    f"{how} {type(what).__name__}>")

    # State queries and transitions come from the native _futures module; they
    # run under self._condition and tell self._waiters and the callbacks.
    cancel = _futures.cancel
    cancelled = _futures.cancelled
    running = _futures.running
    done = _futures.done
    result = _futures.result
    exception = _futures.exception
    set_running_or_notify_cancel = _futures.set_running_or_notify_cancel
    set_result = _futures.set_result
    set_exception = _futures.set_exception

    def add_done_callback(self, fn):
        """Arranges for fn(future) to be called when the future is done (right
        away if it already is). Exceptions from fn are logged and ignored."""
        with self._condition:
            later = self._state not in _OVER
            if later:
                self._done_callbacks.append(fn)
        if not later:
            _call_back(fn, self)

    def __class_getitem__(cls, item):
        # Future[int] in an annotation; CPython gives a types.GenericAlias
        return cls


def _call_back(fn, future):
    try:
        fn(future)
    except Exception:
        LOGGER.exception('exception calling callback for %r', future)


_futures._setup(CancelledError, InvalidStateError, PENDING, RUNNING, CANCELLED,
                CANCELLED_AND_NOTIFIED, FINISHED,
                threading.Condition, _thread.RLock, _thread._Waiters)


def _ordered_results(futures, deadline):
    """The iterator Executor.map() returns: the outcome of each future in
    submission order. Whatever is left when it stops (error, timeout, close)
    gets cancelled."""
    futures.reverse()
    try:
        while futures:
            f = futures.pop()
            try:
                if deadline is None:
                    value = f.result()
                else:
                    value = f.result(deadline - time.monotonic())
            finally:
                f.cancel()
            f = None
            yield value
    finally:
        for f in futures:
            f.cancel()


class Executor(object):
    """Base of the executors: submit(), map(), shutdown(), and `with` support
    (leaving the block shuts the executor down, waiting)."""

    def submit(self, fn, /, *args, **kwargs):
        """Schedules fn(*args, **kwargs) and returns the Future of that call."""
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """map(fn, *iterables) with the calls made concurrently (all submitted
        now); the results come in order. TimeoutError if a result is not in
        timeout seconds after this call."""
        deadline = None if timeout is None else time.monotonic() + timeout
        futures = [self.submit(fn, *args) for args in zip(*iterables)]
        return _ordered_results(futures, deadline)

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Releases the executor's resources; with wait, returns once every
        pending call is over. Nothing may be submitted afterwards."""
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


class BrokenExecutor(RuntimeError):
    """The executor can no longer run calls."""
