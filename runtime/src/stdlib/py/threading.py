"""Thread objects on top of _thread, as CPython's threading module (a subset)."""

import _thread
from _thread import get_ident, get_native_id

_active = {}
_counter = 0
Lock = _thread.allocate_lock


def _newname(target):
    global _counter
    _counter += 1
    name = "Thread-" + str(_counter)
    if target is not None:
        try:
            name += " (" + target.__name__ + ")"
        except AttributeError:
            pass
    return name


class Thread:
    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        self._target = target
        self._args = args
        self._kwargs = {} if kwargs is None else kwargs
        self._name = _newname(target) if name is None else str(name)
        if daemon is None:
            daemon = current_thread().daemon
        self._daemonic = daemon
        self._ident = None
        self._native_id = None
        self._started = False
        self._handle = None

    def start(self):
        if self._started:
            raise RuntimeError("threads can only be started once")
        self._started = True
        self._handle = _thread._start(self._bootstrap, self._name, self._daemonic)
        self._ident = self._handle.ident
        self._native_id = self._handle.native_id

    def _bootstrap(self):
        self._ident = get_ident()
        self._native_id = get_native_id()
        _active[self._ident] = self
        try:
            self.run()
        except SystemExit:
            pass
        except BaseException as exc:
            _thread._print_exception(self._name, exc)
        finally:
            del _active[self._ident]

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            del self._target, self._args, self._kwargs

    def join(self, timeout=None):
        if not self._started:
            raise RuntimeError("cannot join thread before it is started")
        if self._ident == get_ident():
            raise RuntimeError("cannot join current thread")
        self._handle.join(timeout)

    def is_alive(self):
        return self._started and not self._handle.is_done()

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, value):
        self._name = str(value)

    @property
    def ident(self):
        return self._ident

    @property
    def native_id(self):
        return self._native_id

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, value):
        if self._started:
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = value

    def __repr__(self):
        status = "initial"
        if self._started:
            status = "started"
            if not self.is_alive():
                status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " " + str(self._ident)
        return "<%s(%s, %s)>" % (type(self).__name__, self._name, status)


class _MainThread(Thread):
    def __init__(self, name, ident):
        Thread.__init__(self, name=name, daemon=False)
        self._started = True
        self._ident = ident
        self._native_id = get_native_id()

    def is_alive(self):
        return True


class _DummyThread(_MainThread):
    pass


def current_thread():
    ident = get_ident()
    t = _active.get(ident)
    if t is not None:
        return t
    for entry in _thread._registry():
        if entry[0] == ident:
            t = _MainThread("MainThread", ident) if entry[3] else _DummyThread("Dummy-" + str(ident), ident)
            _active[ident] = t
            return t
    return _DummyThread("Dummy", ident)


currentThread = current_thread


def main_thread():
    for entry in _thread._registry():
        if entry[3]:
            t = _active.get(entry[0])
            return t if t is not None else _MainThread("MainThread", entry[0])
    return current_thread()


def active_count():
    return len(_thread._registry())


activeCount = active_count


def enumerate():
    out = []
    for entry in _thread._registry():
        t = _active.get(entry[0])
        if t is None:
            if entry[3]:
                t = _MainThread(entry[1], entry[0])
            else:
                t = _DummyThread(entry[1], entry[0])
        out.append(t)
    return out
