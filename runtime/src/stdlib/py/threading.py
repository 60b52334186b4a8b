"""threading for atoll: Thread objects and the synchronization classes, with
the API of CPython 3.11's module, over the native _thread module.

Lock and RLock are native locks. Condition is a Python class whose hot methods
are native functions of _thread (they expect the attributes _lock and _waiters);
Semaphore's acquire and release are native too (attributes _cond and _value).
Event, Barrier, Timer and Thread are plain Python.
"""

import sys as _sys
import _thread
from time import monotonic as _now

__all__ = """get_ident active_count Condition current_thread enumerate
    main_thread TIMEOUT_MAX Event Lock RLock Semaphore BoundedSemaphore Thread
    Barrier BrokenBarrierError Timer ThreadError ExceptHookArgs setprofile
    settrace local stack_size excepthook get_native_id getprofile
    gettrace""".split()

get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
stack_size = _thread.stack_size
TIMEOUT_MAX = _thread.TIMEOUT_MAX
ThreadError = _thread.error
Lock = _thread.allocate_lock
_NativeRLock = _thread.RLock
local = _thread._local

# atoll (not in CPython): raised in the main thread when every thread of the
# interpreter is blocked for good on its locks, conditions, joins or queues.
DeadlockError = DeadlockError

# set by settrace()/setprofile(); installed in each thread this module starts
_hooks = {'trace': None, 'profile': None}


def settrace(func):
    """Makes func the trace function of the threads started from now on."""
    _hooks['trace'] = func


def gettrace():
    """What settrace() last set (None at first)."""
    return _hooks['trace']


def setprofile(func):
    """Makes func the profile function of the threads started from now on."""
    _hooks['profile'] = func


def getprofile():
    """What setprofile() last set (None at first)."""
    return _hooks['profile']


def RLock(*args, **kwargs):
    """Returns a new reentrant lock (the native one)."""
    return _NativeRLock(*args, **kwargs)


def _describe(obj, detail):
    """The repr shape of Semaphore, Event and Barrier."""
    kind = type(obj)
    return f"<{kind.__module__}.{kind.__qualname__} at {id(obj):#x}: {detail}>"


class Condition:
    """A condition variable over a lock (by default a new RLock; anything with
    acquire() and release() will do). Threads holding the lock wait() until
    another thread notify()s them."""

    def __init__(self, lock=None):
        self._lock = _NativeRLock() if lock is None else lock
        self._waiters = _thread._Waiters()

    # all native: they use the lock's own _is_owned/_release_save/
    # _acquire_restore when it has them
    acquire = _thread._cond_acquire
    release = _thread._cond_release
    __enter__ = _thread._cond_enter
    __exit__ = _thread._cond_exit
    _is_owned = _thread._cond_is_owned
    _release_save = _thread._cond_release_save
    _acquire_restore = _thread._cond_acquire_restore
    wait = _thread._cond_wait
    notify = _thread._cond_notify
    notify_all = _thread._cond_notify_all

    def __repr__(self):
        return f"<Condition({self._lock}, {len(self._waiters)})>"

    def wait_for(self, predicate, timeout=None):
        """wait()s until predicate() returns something true, and returns that;
        after timeout seconds returns predicate()'s last (false) value."""
        outcome = predicate()
        if outcome:
            return outcome
        if timeout is None:
            while not outcome:
                self.wait(None)
                outcome = predicate()
            return outcome
        deadline = _now() + timeout
        budget = timeout
        while True:
            self.wait(budget)
            outcome = predicate()
            if outcome:
                return outcome
            budget = deadline - _now()
            if budget <= 0:
                return outcome

    def notifyAll(self):
        """Old name of notify_all()."""
        self.notify_all()


class Semaphore:
    """A counter: acquire() takes one (waiting while it is zero), release()
    gives back."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        return _describe(self, f"value={self._value}")

    # native: the counting runs under self._cond
    acquire = _thread._sem_acquire
    __enter__ = _thread._sem_acquire
    release = _thread._sem_release
    __exit__ = _thread._sem_exit


class BoundedSemaphore(Semaphore):
    """A Semaphore whose release() raises ValueError rather than go above the
    starting value."""

    def __init__(self, value=1):
        super().__init__(value)
        self._initial_value = value

    def __repr__(self):
        return _describe(self, f"value={self._value}/{self._initial_value}")

    release = _thread._bsem_release


class Event:
    """A boolean flag: wait() blocks until some thread set()s it."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        return _describe(self, "set" if self._flag else "unset")

    def is_set(self):
        """Whether the flag is up."""
        return self._flag

    isSet = is_set

    def set(self):
        """Raises the flag and wakes every waiting thread."""
        cond = self._cond
        with cond:
            self._flag = True
            cond.notify_all()

    def clear(self):
        """Lowers the flag."""
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        """Blocks until the flag is up (at most timeout seconds); returns the
        flag."""
        cond = self._cond
        with cond:
            return self._flag or cond.wait(timeout)


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    """A meeting point for `parties` threads: each wait() blocks until that
    many threads are waiting, then all go on (the last one to arrive runs
    action first)."""

    # Phases: 'gather' while threads arrive; 'release' while a completed
    # round's threads leave; 'reset' while threads leave after reset(); 'broken'.
    # New arrivals wait while threads of a finished round are leaving.

    def __init__(self, parties, action=None, timeout=None):
        self._cond = Condition(Lock())
        self._parties = parties
        self._action = action
        self._default_timeout = timeout
        self._phase = 'gather'
        self._inside = 0

    def __repr__(self):
        if self.broken:
            return _describe(self, "broken")
        return _describe(self, f"waiters={self.n_waiting}/{self.parties}")

    def wait(self, timeout=None):
        """Waits for the round to fill; returns this thread's arrival index
        (0 .. parties-1). BrokenBarrierError if the barrier breaks."""
        if timeout is None:
            timeout = self._default_timeout
        cond = self._cond
        with cond:
            while self._phase == 'release' or self._phase == 'reset':
                cond.wait()
            if self._phase == 'broken':
                raise BrokenBarrierError
            arrival = self._inside
            self._inside = arrival + 1
            try:
                if arrival + 1 == self._parties:
                    self._complete_round()
                else:
                    self._await_round(timeout)
                return arrival
            finally:
                self._leave()

    def _complete_round(self):
        try:
            if self._action:
                self._action()
        except:
            self._break_now()
            raise
        self._phase = 'release'
        self._cond.notify_all()

    def _await_round(self, timeout):
        ended = self._cond.wait_for(lambda: self._phase != 'gather', timeout)
        if not ended:
            self._break_now()
            raise BrokenBarrierError
        if self._phase == 'broken' or self._phase == 'reset':
            raise BrokenBarrierError

    def _leave(self):
        self._inside -= 1
        if self._inside == 0 and self._phase in ('release', 'reset'):
            # the last one out opens the barrier to the next round
            self._phase = 'gather'
            self._cond.notify_all()

    def _break_now(self):
        self._phase = 'broken'
        self._cond.notify_all()

    def reset(self):
        """Returns the barrier to its empty state; threads waiting in it get
        BrokenBarrierError."""
        with self._cond:
            if self._inside == 0:
                self._phase = 'gather'
            elif self._phase in ('gather', 'broken'):
                self._phase = 'reset'
            self._cond.notify_all()

    def abort(self):
        """Breaks the barrier: waiting and future wait() calls raise
        BrokenBarrierError (until reset())."""
        with self._cond:
            self._break_now()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._inside if self._phase == 'gather' else 0

    @property
    def broken(self):
        return self._phase == 'broken'


# Default thread names "Thread-N" and "Dummy-N" share one counter.
_name_serial = [0]


def _next_name(template):
    _name_serial[0] += 1
    return template % _name_serial[0]


# Thread objects by ident. _active: threads whose bootstrap has begun (and the
# main and dummy threads); _limbo: started, bootstrap not begun yet. Which
# threads exist is the interpreter's thread registry's business; these only
# find the objects.
_active_limbo_lock = _NativeRLock()
_active = {}
_limbo = {}

_exit_calls = []
_exit_started = False


class _ExceptHookArgs:
    """What threading.excepthook receives: a 4-item sequence with the
    attributes exc_type, exc_value, exc_traceback and thread."""

    n_fields = n_sequence_fields = 4
    n_unnamed_fields = 0

    def __init__(self, seq):
        items = tuple(seq)
        if len(items) != 4:
            raise TypeError("_thread._ExceptHookArgs() takes a 4-sequence "
                            f"({len(items)}-sequence given)")
        self._items = items

    exc_type = property(lambda self: self._items[0])
    exc_value = property(lambda self: self._items[1])
    exc_traceback = property(lambda self: self._items[2])
    thread = property(lambda self: self._items[3])

    def __len__(self):
        return 4

    def __getitem__(self, i):
        return self._items[i]

    def __iter__(self):
        return iter(self._items)

    def __eq__(self, other):
        mine = self._items
        if isinstance(other, _ExceptHookArgs):
            return mine == other._items
        return mine == other

    def __repr__(self):
        kind, value, tb, thread = self._items
        return (f"_thread._ExceptHookArgs(exc_type={kind!r}, "
                f"exc_value={value!r}, exc_traceback={tb!r}, "
                f"thread={thread!r})")


ExceptHookArgs = _ExceptHookArgs
excepthook = __excepthook__ = _thread._excepthook


def _report_failure(thread):
    """Passes the exception being handled (a thread's run() raised it) to
    threading.excepthook; if the hook itself raises, reports that."""
    hook = excepthook if excepthook is not None else __excepthook__
    info = None
    try:
        info = ExceptHookArgs((*_sys.exc_info(), thread))
        hook(info)
    except Exception as hook_error:
        hook_error.__suppress_context__ = True
        err = _sys.stderr
        if err is not None:
            print("Exception in threading.excepthook:", file=err, flush=True)
        _thread._print_exception(hook_error)
    finally:
        info = None


def _need_init(thread):
    assert thread._initialized, "Thread.__init__() not called"


class Thread:
    """A thread of control. Give a target (called with args and kwargs), or
    subclass and override run(); start() runs it on a new OS thread."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None,
                 args=(), kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        if name:
            name = str(name)
        else:
            name = _next_name("Thread-%d")
            if target is not None:
                try:
                    label = target.__name__
                except AttributeError:
                    pass
                else:
                    name = f"{name} ({label})"
        if daemon is None:
            daemon = current_thread().daemon
        elif daemon and not _thread.daemon_threads_allowed():
            raise RuntimeError('daemon threads are disabled in this (sub)interpreter')
        self._target = target
        self._args = args
        self._kwargs = {} if kwargs is None else kwargs
        self._name = name
        self._daemonic = daemon
        self._ident = None
        self._native_id = None
        self._os_thread = None
        self._started = False
        self._began = False
        self._over = False
        self._initialized = True

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        self.is_alive()
        if self._over:
            words = "stopped"
        elif self._started:
            words = "started"
        else:
            words = "initial"
        if self._daemonic:
            words += " daemon"
        if self._ident is not None:
            words = f"{words} {self._ident}"
        return f"<{type(self).__name__}({self._name}, {words})>"

    def start(self):
        """Starts run() on a new thread; at most once per Thread object."""
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started:
            raise RuntimeError("threads can only be started once")
        self._started = True
        try:
            handle = _thread._start(self._bootstrap_inner, self._name,
                                    self._daemonic)
        except BaseException:
            self._started = False
            raise
        self._os_thread = handle
        with _active_limbo_lock:
            if self._ident is None:
                self._ident = handle.ident
                self._native_id = handle.native_id
            if not self._began:
                _limbo[self._ident] = self

    def run(self):
        """The thread's work; by default calls the target given to __init__."""
        try:
            fn = self._target
            if fn is not None:
                fn(*self._args, **self._kwargs)
        finally:
            # drop the references (the target may hold the thread)
            del self._target, self._args, self._kwargs

    def _bootstrap_inner(self):
        me = get_ident()
        with _active_limbo_lock:
            self._began = True
            self._ident = me
            self._native_id = get_native_id()
            _limbo.pop(me, None)
            _active[me] = self
        if _hooks['trace'] is not None:
            _sys.settrace(_hooks['trace'])
        if _hooks['profile'] is not None:
            _sys.setprofile(_hooks['profile'])
        try:
            self.run()
        except:
            _report_failure(self)
        finally:
            with _active_limbo_lock:
                self._over = True
                _active.pop(me, None)

    def join(self, timeout=None):
        """Blocks until the thread ends, or timeout seconds pass (then check
        is_alive())."""
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started:
            raise RuntimeError("cannot join thread before it is started")
        if self._ident == get_ident():
            raise RuntimeError("cannot join current thread")
        handle = self._os_thread
        if handle is None:
            self._poll_until_over(timeout)
        else:
            handle.join(timeout)
            if handle.is_done():
                self._over = True

    def _poll_until_over(self, timeout):
        # Only the main thread has no handle (another thread joins it).
        from time import sleep
        limit = None if timeout is None else _now() + max(timeout, 0)
        while not self._over:
            if limit is not None and _now() >= limit:
                return
            sleep(0.005)

    @property
    def name(self):
        _need_init(self)
        return self._name

    @name.setter
    def name(self, name):
        _need_init(self)
        self._name = str(name)

    @property
    def ident(self):
        _need_init(self)
        return self._ident

    @property
    def native_id(self):
        _need_init(self)
        return self._native_id

    def is_alive(self):
        """True from start() until run() returns."""
        _need_init(self)
        if not self._started or self._over:
            return False
        handle = self._os_thread
        if handle is not None and handle.is_done():
            self._over = True
            return False
        return True

    @property
    def daemon(self):
        _need_init(self)
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if daemonic and not _thread.daemon_threads_allowed():
            raise RuntimeError('daemon threads are disabled in this interpreter')
        if self._started:
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    # the pre-property spellings
    def isDaemon(self):
        return self.daemon

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def getName(self):
        return self.name

    def setName(self, name):
        self.name = name


class Timer(Thread):
    """A thread that calls function(*args, **kwargs) after `interval`
    seconds, unless cancel() comes first."""

    def __init__(self, interval, function, args=None, kwargs=None):
        super().__init__()
        self.interval = interval
        self.function = function
        self.args = [] if args is None else args
        self.kwargs = {} if kwargs is None else kwargs
        self.finished = Event()

    def cancel(self):
        """Stops the timer if it has not fired yet."""
        self.finished.set()

    def run(self):
        done = self.finished
        done.wait(self.interval)
        if not done.is_set():
            self.function(*self.args, **self.kwargs)
        done.set()


def _adopt(thread, ident):
    """Makes `thread` the running object of thread `ident`."""
    thread._started = thread._began = True
    thread._ident = ident
    thread._native_id = get_native_id()
    with _active_limbo_lock:
        _active[ident] = thread


class _MainThread(Thread):
    """The Thread object of the interpreter's main thread."""

    def __init__(self, ident):
        super().__init__(name="MainThread", daemon=False)
        _adopt(self, ident)


class _DummyThread(Thread):
    """Stands for a thread threading did not start (a host thread): always
    alive and daemonic, and not joinable."""

    def __init__(self):
        super().__init__(name=_next_name("Dummy-%d"), daemon=True)
        _adopt(self, get_ident())

    def is_alive(self):
        return not self._over

    def join(self, timeout=None):
        assert False, "cannot join a dummy thread"


def current_thread():
    """The Thread object of the calling thread."""
    me = get_ident()
    found = _active.get(me)
    if found is not None:
        return found
    if me == _thread._main_ident():
        return _claim_main(me)
    return _DummyThread()


def _claim_main(ident):
    # A different host thread has become the interpreter's main thread.
    main = _main_thread
    with _active_limbo_lock:
        _active.pop(main._ident, None)
        main._ident = ident
        main._native_id = get_native_id()
        main._over = False
        _active[ident] = main
    return main


currentThread = current_thread


def main_thread():
    """The Thread object of the main thread."""
    return _main_thread


def enumerate():
    """The Thread objects of all threads alive now."""
    alive = {entry[0] for entry in _thread._registry()}
    with _active_limbo_lock:
        known = list(_active.items()) + list(_limbo.items())
    return [t for ident, t in known if ident in alive]


def active_count():
    """len(enumerate())"""
    return len(enumerate())


activeCount = active_count


def _register_atexit(func, *arg, **kwargs):
    """Arranges for func(*arg, **kwargs) to run at interpreter shutdown,
    before the non-daemon threads are joined (last registered runs first)."""
    if _exit_started:
        raise RuntimeError("can't register atexit after shutdown")
    _exit_calls.append((func, arg, kwargs))


def _unfinished_others(me):
    with _active_limbo_lock:
        candidates = list(_active.values()) + list(_limbo.values())
    return [t for t in candidates
            if not t._daemonic and t._os_thread is not None
            and t._ident != me and not t._os_thread.is_done()]


def _shutdown():
    """Run by the interpreter as it shuts down: the _register_atexit calls,
    then the main thread counts as stopped and the non-daemon threads are
    joined."""
    global _exit_started
    if _exit_started and _main_thread._over:
        return
    _exit_started = True
    while _exit_calls:
        func, arg, kwargs = _exit_calls.pop()
        func(*arg, **kwargs)
    _main_thread._over = True
    me = get_ident()
    while True:
        waiting = _unfinished_others(me)
        if not waiting:
            return
        for t in waiting:
            t._os_thread.join()


def _first_main_ident():
    ident = _thread._main_ident()
    return get_ident() if ident is None else ident


_main_thread = _MainThread(_first_main_ident())
