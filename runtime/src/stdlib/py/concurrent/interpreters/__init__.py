"""concurrent.interpreters (PEP 734): many interpreters in one process.

Every interpreter owns its GIL, its modules and its objects. `exec` and `call`
run code in another interpreter on the calling OS thread (this interpreter's
GIL is let go meanwhile); `call_in_thread` does it on a new thread. Values
travel between interpreters only through queues and arguments, as copies.

This module is a thin layer over the native `_interpreters` module, which keys
everything by interpreter id.
"""

import threading
from types import SimpleNamespace

import _interpreters
from _interpreters import (
    InterpreterError, InterpreterNotFoundError, NotShareableError,
    is_shareable,
)

from concurrent.interpreters._queues import (
    create as create_queue,
    Queue, QueueEmpty, QueueFull,
)

__all__ = [
    'get_current', 'get_main', 'create', 'list_all', 'is_shareable',
    'Interpreter',
    'InterpreterError', 'InterpreterNotFoundError', 'ExecutionFailed',
    'NotShareableError',
    'create_queue', 'Queue', 'QueueEmpty', 'QueueFull',
]


# How each origin code of `_interpreters.whence()` reads in `Interpreter.whence`.
_ORIGINS = {
    _interpreters.WHENCE_UNKNOWN: 'unknown',
    _interpreters.WHENCE_RUNTIME: 'runtime init',
    _interpreters.WHENCE_LEGACY_CAPI: 'legacy C-API',
    _interpreters.WHENCE_CAPI: 'C-API',
    _interpreters.WHENCE_XI: 'cross-interpreter C-API',
    _interpreters.WHENCE_STDLIB: '_interpreters module',
}


def _snapshot(raw):
    """The `excinfo` of an ExecutionFailed, from the 6-tuple the native layer
    reports about an exception that escaped the other interpreter."""
    name, qualname, module, msg, formatted, errdisplay = raw
    kind = SimpleNamespace(__name__=name, __qualname__=qualname, __module__=module)
    return SimpleNamespace(type=kind, msg=msg, formatted=formatted,
                           errdisplay=errdisplay)


def _summary(info):
    """One line naming the escaped exception, for ExecutionFailed's args."""
    if info.formatted:
        return info.formatted
    name = info.type.__name__
    if name and info.msg:
        return f'{name}: {info.msg}'
    return name or info.msg


class ExecutionFailed(InterpreterError):
    """exec() or call() ended with an exception the other interpreter did not
    handle; `excinfo` describes it (type, msg, formatted, errdisplay)."""

    def __init__(self, excinfo):
        super().__init__(_summary(excinfo))
        self.excinfo = excinfo

    def __str__(self):
        head = str(self.args[0]) if len(self.args) == 1 else str(self.args)
        detail = getattr(self.excinfo, 'errdisplay', None)
        if detail is None:
            return head
        return f'{head}\n\nUncaught in the interpreter:\n\n{detail}'


def _raise_if_failed(raw):
    if raw is not None:
        raise ExecutionFailed(_snapshot(raw))


# One Interpreter object per id, so that `is` and `==` agree.
_by_id = {}


def _handle(id, whence=None):
    found = _by_id.get(id)
    if found is None:
        found = object.__new__(Interpreter)
        found._id = id
        found._whence = _interpreters.whence(id) if whence is None else whence
        _by_id[id] = found
    return found


def create():
    """A new interpreter, idle until code is run in it."""
    return _handle(_interpreters.create(), _interpreters.WHENCE_STDLIB)


def list_all():
    """Every interpreter alive in the process."""
    return [_handle(id, whence) for id, whence in _interpreters.list_all()]


def get_current():
    """The interpreter running this code."""
    return _handle(*_interpreters.get_current())


def get_main():
    """The process's main interpreter."""
    return _handle(*_interpreters.get_main())


class Interpreter:
    """A handle on one interpreter: `id`, `whence`, and the operations below.

    Only interpreters made by create() accept close(), prepare_main(), exec()
    and call().
    """

    def __new__(cls, id, /, _whence=None):
        if not isinstance(id, int):
            raise TypeError(f'id must be an int, got {id!r}')
        return _handle(int(id), _whence)

    def __repr__(self):
        return f'{type(self).__name__}({self._id})'

    def __hash__(self):
        return hash(self._id)

    def __eq__(self, other):
        if isinstance(other, Interpreter):
            return self._id == other._id
        return NotImplemented

    @property
    def id(self):
        return self._id

    @property
    def whence(self):
        return _ORIGINS[self._whence]

    def is_running(self):
        """Whether some thread is running code in the interpreter now."""
        return _interpreters.is_running(self._id)

    def close(self):
        """Finalize the interpreter and free it; closing the interpreter that
        runs this code is an InterpreterError."""
        _by_id.pop(self._id, None)
        return _interpreters.destroy(self._id, restrict=True)

    def prepare_main(self, ns=None, /, **kwargs):
        """Bind shareable values as globals of the interpreter's __main__."""
        values = kwargs if ns is None else dict(ns, **kwargs)
        _interpreters.set___main___attrs(self._id, values, restrict=True)

    def exec(self, code, /):
        """Run source code (or a code object) in the interpreter's __main__.

        Blocks until it is done; other threads of this interpreter go on
        meanwhile. An exception it does not handle becomes ExecutionFailed here.
        """
        _raise_if_failed(_interpreters.exec(self._id, code, restrict=True))

    def call(self, callable, /, *args, **kwargs):
        """Call `callable(*args, **kwargs)` in the interpreter; return its result.

        A function without a closure crosses by its code (its globals become
        the target's __main__); built-ins cross by name. Arguments and result
        must be shareable. An escaping exception becomes ExecutionFailed.
        """
        return self._call(callable, args, kwargs)

    def _call(self, callable, args, kwargs):
        result, raw = _interpreters.call(self._id, callable, args, kwargs,
                                         restrict=True)
        _raise_if_failed(raw)
        return result

    def call_in_thread(self, callable, /, *args, **kwargs):
        """Start and return a thread that makes the call() in the interpreter;
        its result and any exception are dropped."""
        worker = threading.Thread(target=self._call, args=(callable, args, kwargs))
        worker.start()
        return worker


# A submodule is an attribute of its package.
import sys as _sys
_sys.modules['concurrent'].interpreters = _sys.modules[__name__]
del _sys
