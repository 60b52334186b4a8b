"""Thread objects and synchronization primitives, with the API of CPython 3.11's
threading module, built on the native _thread module.

Lock and RLock are native. Condition is a Python class whose hot methods
(__enter__, __exit__, wait, notify, notify_all) are native built-ins; Semaphore,
Event, Barrier and Timer are Python on top of Condition, as in CPython.
"""

import sys as _sys
import _thread
from time import monotonic as _time

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread',
           'enumerate', 'main_thread', 'TIMEOUT_MAX',
           'Event', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Thread',
           'Barrier', 'BrokenBarrierError', 'Timer', 'ThreadError',
           'ExceptHookArgs', 'setprofile', 'settrace', 'local', 'stack_size',
           'excepthook', 'get_native_id', 'getprofile', 'gettrace']

_start_new_thread = _thread.start_new_thread
_allocate_lock = _thread.allocate_lock
get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX
stack_size = _thread.stack_size
Lock = _thread.allocate_lock
_CRLock = _thread.RLock
_daemon_threads_allowed = _thread.daemon_threads_allowed

_profile_hook = None
_trace_hook = None


def setprofile(func):
    """Set a profile function for threads started from the threading module."""
    global _profile_hook
    _profile_hook = func


def getprofile():
    """The profiler function set by threading.setprofile()."""
    return _profile_hook


def settrace(func):
    """Set a trace function for threads started from the threading module."""
    global _trace_hook
    _trace_hook = func


def gettrace():
    """The trace function set by threading.settrace()."""
    return _trace_hook


def RLock(*args, **kwargs):
    """A reentrant lock: the thread that holds it may acquire it again."""
    return _CRLock(*args, **kwargs)


class Condition:
    """A condition variable: lets threads wait until notified by another thread.

    The lock defaults to a new RLock; any object with acquire() and release()
    works, as in CPython.
    """

    def __init__(self, lock=None):
        if lock is None:
            lock = _CRLock()
        self._lock = lock
        self._waiters = _thread._Waiters()

    # acquire/release and the _is_owned/_release_save/_acquire_restore protocol
    # go to the lock (its own methods when it has them, as in CPython)
    acquire = _thread._cond_acquire
    release = _thread._cond_release
    _is_owned = _thread._cond_is_owned
    _release_save = _thread._cond_release_save
    _acquire_restore = _thread._cond_acquire_restore
    __enter__ = _thread._cond_enter
    __exit__ = _thread._cond_exit
    wait = _thread._cond_wait
    notify = _thread._cond_notify
    notify_all = _thread._cond_notify_all

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def wait_for(self, predicate, timeout=None):
        """Wait until predicate() is true, at most timeout seconds."""
        result = predicate()
        if result:
            return result
        deadline = None
        remaining = timeout
        while not result:
            if remaining is not None:
                if deadline is None:
                    deadline = _time() + remaining
                else:
                    remaining = deadline - _time()
                    if remaining <= 0:
                        break
            self.wait(remaining)
            result = predicate()
        return result

    def notifyAll(self):
        """Deprecated alias of notify_all()."""
        self.notify_all()


class Semaphore:
    """A counter that acquire() decrements (blocking at zero) and release()
    increments."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" value={self._value}>")

    # acquire/release are native: the same steps as CPython's, on self._cond
    acquire = _thread._sem_acquire
    __enter__ = _thread._sem_acquire
    release = _thread._sem_release
    __exit__ = _thread._sem_exit


class BoundedSemaphore(Semaphore):
    """A semaphore that refuses to be released above its initial value."""

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" value={self._value}/{self._initial_value}>")

    release = _thread._bsem_release


class Event:
    """A flag threads can wait for: set() wakes every waiter."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        cls = self.__class__
        status = 'set' if self._flag else 'unset'
        return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: {status}>"

    def _at_fork_reinit(self):
        self._cond = Condition(Lock())

    def is_set(self):
        return self._flag

    def isSet(self):
        """Deprecated alias of is_set()."""
        return self._flag

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        with self._cond:
            if self._flag:
                return True
            return self._cond.wait(timeout)


class BrokenBarrierError(RuntimeError):
    pass


# atoll (not in CPython): raised in the main thread when every thread of the
# interpreter is blocked for good on its locks, conditions, joins or queues.
DeadlockError = DeadlockError


# Barrier states
_FILLING, _DRAINING, _RESETTING, _BROKEN = 0, 1, -1, -2


class Barrier:
    """Lets a fixed number of threads wait for each other."""

    def __init__(self, parties, action=None, timeout=None):
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = _FILLING
        self._count = 0

    def __repr__(self):
        cls = self.__class__
        if self.broken:
            return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: broken>"
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" waiters={self.n_waiting}/{self.parties}>")

    def wait(self, timeout=None):
        """Wait for the other parties; returns this thread's arrival index."""
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            # a barrier still releasing (or resetting) its previous round blocks
            while self._state == _DRAINING or self._state == _RESETTING:
                self._cond.wait()
            if self._state < 0:
                raise BrokenBarrierError
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._trip()
                else:
                    self._await_trip(timeout)
                return index
            finally:
                self._count -= 1
                if self._count == 0 and (self._state == _DRAINING
                                         or self._state == _RESETTING):
                    self._state = _FILLING
                    self._cond.notify_all()

    def _trip(self):
        try:
            if self._action:
                self._action()
            self._state = _DRAINING
            self._cond.notify_all()
        except:
            self._break()
            raise

    def _await_trip(self, timeout):
        if not self._cond.wait_for(lambda: self._state != _FILLING, timeout):
            self._break()
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError

    def reset(self):
        """Back to the initial state; threads waiting get BrokenBarrierError."""
        with self._cond:
            if self._count > 0:
                if self._state == _FILLING or self._state == _BROKEN:
                    self._state = _RESETTING
            else:
                self._state = _FILLING
            self._cond.notify_all()

    def abort(self):
        """Put the barrier in the broken state."""
        with self._cond:
            self._break()

    def _break(self):
        self._state = _BROKEN
        self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        if self._state == _FILLING:
            return self._count
        return 0

    @property
    def broken(self):
        return self._state == _BROKEN


_counter = 0


def _newname(name_template="Thread-%d"):
    global _counter
    _counter += 1
    return name_template % _counter


# Thread objects by ident: started and running (_active), started but not yet
# running their bootstrap (_limbo). The registry of thread states in the
# interpreter is the authority on which threads exist; these map them to objects.
_active_limbo_lock = RLock()
_active = {}
_limbo = {}

_SHUTTING_DOWN = False
_threading_atexits = []


class _ExceptHookArgs:
    """The argument of threading.excepthook: (exc_type, exc_value,
    exc_traceback, thread)."""

    n_fields = 4
    n_sequence_fields = 4
    n_unnamed_fields = 0

    def __init__(self, seq):
        seq = tuple(seq)
        if len(seq) != 4:
            raise TypeError(
                "_thread._ExceptHookArgs() takes a 4-sequence (%d-sequence given)"
                % len(seq))
        self._items = seq

    @property
    def exc_type(self):
        return self._items[0]

    @property
    def exc_value(self):
        return self._items[1]

    @property
    def exc_traceback(self):
        return self._items[2]

    @property
    def thread(self):
        return self._items[3]

    def __len__(self):
        return 4

    def __getitem__(self, i):
        return self._items[i]

    def __iter__(self):
        return iter(self._items)

    def __eq__(self, other):
        if isinstance(other, _ExceptHookArgs):
            other = other._items
        return self._items == other

    def __repr__(self):
        return ("_thread._ExceptHookArgs(exc_type=%r, exc_value=%r, "
                "exc_traceback=%r, thread=%r)" % self._items)


ExceptHookArgs = _ExceptHookArgs
excepthook = _thread._excepthook
__excepthook__ = excepthook


def _invoke_excepthook(thread):
    """Hands the exception being handled to threading.excepthook (called from
    the except clause of a thread's bootstrap)."""
    hook = excepthook
    if hook is None:
        hook = __excepthook__
    try:
        args = ExceptHookArgs([*_sys.exc_info(), thread])
        hook(args)
    except Exception as exc:
        exc.__suppress_context__ = True
        stderr = _sys.stderr
        if stderr is not None:
            print("Exception in threading.excepthook:", file=stderr, flush=True)
        _thread._print_exception(exc)
    finally:
        args = None


class Thread:
    """A thread of control: pass a target, or subclass and override run()."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None,
                 args=(), kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    name += f" ({target.__name__})"
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            if daemon and not _daemon_threads_allowed():
                raise RuntimeError('daemon threads are disabled in this (sub)interpreter')
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        self._native_id = None
        self._handle = None
        self._started = False
        self._bootstrapped = False
        self._is_stopped = False
        self._initialized = True
        self._stderr = _sys.stderr

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started:
            status = "started"
        self.is_alive()
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        """Start the thread; returns once it runs on its own OS thread."""
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started:
            raise RuntimeError("threads can only be started once")
        self._started = True
        try:
            handle = _thread._start(self._bootstrap_inner, self._name, self._daemonic)
        except BaseException:
            self._started = False
            raise
        self._handle = handle
        with _active_limbo_lock:
            if self._ident is None:
                self._ident = handle.ident
                self._native_id = handle.native_id
            if not self._bootstrapped:
                _limbo[self._ident] = self

    def run(self):
        """What the thread does: calls the target. Override in a subclass."""
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            del self._target, self._args, self._kwargs

    def _bootstrap_inner(self):
        ident = get_ident()
        with _active_limbo_lock:
            self._bootstrapped = True
            self._ident = ident
            self._native_id = get_native_id()
            _limbo.pop(ident, None)
            _active[ident] = self
        if _trace_hook is not None:
            _sys.settrace(_trace_hook)
        if _profile_hook is not None:
            _sys.setprofile(_profile_hook)
        try:
            self.run()
        except:
            _invoke_excepthook(self)
        finally:
            with _active_limbo_lock:
                self._is_stopped = True
                _active.pop(ident, None)

    def join(self, timeout=None):
        """Wait until the thread ends, at most timeout seconds."""
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started:
            raise RuntimeError("cannot join thread before it is started")
        if self._ident == get_ident():
            raise RuntimeError("cannot join current thread")
        if self._handle is None:
            self._join_without_handle(timeout)
            return
        self._handle.join(timeout)
        if self._handle.is_done():
            self._is_stopped = True

    def _join_without_handle(self, timeout):
        # The main thread (joined from another thread) has no handle.
        from time import sleep
        deadline = None if timeout is None else _time() + max(timeout, 0)
        while not self._is_stopped:
            if deadline is not None and _time() >= deadline:
                return
            sleep(0.005)

    @property
    def name(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._name

    @name.setter
    def name(self, name):
        assert self._initialized, "Thread.__init__() not called"
        self._name = str(name)

    @property
    def ident(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._ident

    @property
    def native_id(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._native_id

    def is_alive(self):
        """Whether the thread has started and not finished yet."""
        assert self._initialized, "Thread.__init__() not called"
        if self._is_stopped or not self._started:
            return False
        if self._handle is not None and self._handle.is_done():
            self._is_stopped = True
            return False
        return True

    @property
    def daemon(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if daemonic and not _daemon_threads_allowed():
            raise RuntimeError('daemon threads are disabled in this interpreter')
        if self._started:
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        """Deprecated getter of daemon."""
        return self.daemon

    def setDaemon(self, daemonic):
        """Deprecated setter of daemon."""
        self.daemon = daemonic

    def getName(self):
        """Deprecated getter of name."""
        return self.name

    def setName(self, name):
        """Deprecated setter of name."""
        self.name = name


class Timer(Thread):
    """Calls a function after a number of seconds, unless cancel() is called
    first."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        """Stop the timer if it hasn't fired yet."""
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class _MainThread(Thread):

    def __init__(self, ident):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._started = True
        self._bootstrapped = True
        self._ident = ident
        self._native_id = get_native_id()
        with _active_limbo_lock:
            _active[ident] = self


class _DummyThread(Thread):
    """A thread not started by threading (a host thread): alive, daemonic, not
    joinable."""

    def __init__(self):
        Thread.__init__(self, name=_newname("Dummy-%d"), daemon=True)
        self._started = True
        self._bootstrapped = True
        self._ident = get_ident()
        self._native_id = get_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self

    def is_alive(self):
        return not self._is_stopped

    def join(self, timeout=None):
        assert False, "cannot join a dummy thread"


def current_thread():
    """The Thread object of the calling thread."""
    try:
        return _active[get_ident()]
    except KeyError:
        if get_ident() == _thread._main_ident():
            return _adopt_main()
        return _DummyThread()


def _adopt_main():
    # A later host thread became the interpreter's main thread.
    global _main_thread
    with _active_limbo_lock:
        _active.pop(_main_thread._ident, None)
        _main_thread._ident = get_ident()
        _main_thread._native_id = get_native_id()
        _main_thread._is_stopped = False
        _active[_main_thread._ident] = _main_thread
    return _main_thread


currentThread = current_thread


def main_thread():
    """The main thread's Thread object."""
    return _main_thread


def enumerate():
    """Every Thread object alive now (from the interpreter's thread registry)."""
    live = set()
    for entry in _thread._registry():
        live.add(entry[0])
    with _active_limbo_lock:
        out = [t for ident, t in _active.items() if ident in live]
        out.extend(t for ident, t in _limbo.items() if ident in live)
    return out


def active_count():
    """The number of Thread objects alive now."""
    return len(enumerate())


activeCount = active_count


def _register_atexit(func, *arg, **kwargs):
    """Run func(*arg, **kwargs) when the interpreter shuts down, before
    non-daemon threads are joined."""
    if _SHUTTING_DOWN:
        raise RuntimeError("can't register atexit after shutdown")
    _threading_atexits.append(lambda: func(*arg, **kwargs))


def _shutdown():
    """Called by the interpreter at shutdown: run the threading atexit calls,
    mark the main thread stopped, join every non-daemon thread."""
    global _SHUTTING_DOWN
    if _main_thread._is_stopped and _SHUTTING_DOWN:
        return
    _SHUTTING_DOWN = True
    for call in reversed(_threading_atexits):
        call()
    _main_thread._is_stopped = True
    me = get_ident()
    while True:
        with _active_limbo_lock:
            pending = [t for t in list(_active.values()) + list(_limbo.values())
                       if not t._daemonic and t._handle is not None
                       and t._ident != me and not t._handle.is_done()]
        if not pending:
            break
        for t in pending:
            t._handle.join()


def _main_ident_or_current():
    ident = _thread._main_ident()
    return get_ident() if ident is None else ident


_main_thread = _MainThread(_main_ident_or_current())

from _thread import _local as local
