"""Multiple interpreters in the same process (concurrent.interpreters, PEP 734).

Each interpreter has its own GIL, modules and objects. Code runs in another
interpreter on the calling thread (exec, call) or on a new thread
(call_in_thread); data moves between interpreters through queues, which copy.
"""

import threading
import types as _types

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


_EXEC_FAILURE_STR = """
{superstr}

Uncaught in the interpreter:

{formatted}
""".strip()


def _excinfo(info):
    name, qualname, module, msg, formatted, errdisplay = info
    exctype = _types.SimpleNamespace(
        __name__=name, __qualname__=qualname, __module__=module)
    return _types.SimpleNamespace(
        type=exctype, msg=msg, formatted=formatted, errdisplay=errdisplay)


class ExecutionFailed(InterpreterError):
    """An unhandled exception happened during execution.

    This is raised from Interpreter.exec() and Interpreter.call().
    """

    def __init__(self, excinfo):
        msg = excinfo.formatted
        if not msg:
            if excinfo.type and excinfo.msg:
                msg = f'{excinfo.type.__name__}: {excinfo.msg}'
            else:
                msg = excinfo.type.__name__ or excinfo.msg
        super().__init__(msg)
        self.excinfo = excinfo

    def __str__(self):
        superstr = str(self.args[0]) if len(self.args) == 1 else str(self.args)
        try:
            formatted = self.excinfo.errdisplay
        except Exception:
            return superstr
        else:
            return _EXEC_FAILURE_STR.format(
                superstr=superstr,
                formatted=formatted,
            )


def create():
    """Return a new (idle) interpreter."""
    id = _interpreters.create()
    return Interpreter(id, _whence=_interpreters.WHENCE_STDLIB)


def list_all():
    """Return all existing interpreters."""
    return [Interpreter(id, _whence=whence)
            for id, whence in _interpreters.list_all()]


def get_current():
    """Return the currently running interpreter."""
    id, whence = _interpreters.get_current()
    return Interpreter(id, _whence=whence)


def get_main():
    """Return the main interpreter."""
    id, whence = _interpreters.get_main()
    return Interpreter(id, _whence=whence)


_known = {}


class Interpreter:
    """A single interpreter.

    Attributes:

    "id" - the unique process-global ID number for the interpreter
    "whence" - indicates where the interpreter was created

    If the interpreter wasn't created by this module then any method that
    modifies the interpreter will fail, i.e. .close(), .prepare_main(),
    .exec(), and .call()
    """

    _WHENCE_TO_STR = {
        _interpreters.WHENCE_UNKNOWN: 'unknown',
        _interpreters.WHENCE_RUNTIME: 'runtime init',
        _interpreters.WHENCE_LEGACY_CAPI: 'legacy C-API',
        _interpreters.WHENCE_CAPI: 'C-API',
        _interpreters.WHENCE_XI: 'cross-interpreter C-API',
        _interpreters.WHENCE_STDLIB: '_interpreters module',
    }

    def __new__(cls, id, /, _whence=None):
        # There is only one instance for any given ID.
        if not isinstance(id, int):
            raise TypeError(f'id must be an int, got {id!r}')
        id = int(id)
        self = _known.get(id)
        if self is None:
            if _whence is None:
                _whence = _interpreters.whence(id)
            self = super().__new__(cls)
            self._id = id
            self._whence = _whence
            _known[id] = self
        return self

    def __repr__(self):
        return f'{type(self).__name__}({self.id})'

    def __hash__(self):
        return hash(self._id)

    def __eq__(self, other):
        if not isinstance(other, Interpreter):
            return NotImplemented
        return self._id == other._id

    @property
    def id(self):
        return self._id

    @property
    def whence(self):
        return self._WHENCE_TO_STR[self._whence]

    def is_running(self):
        """Return whether or not the identified interpreter is running."""
        return _interpreters.is_running(self._id)

    # Everything past here is available only to interpreters created by
    # interpreters.create().

    def close(self):
        """Finalize and destroy the interpreter.

        Attempting to destroy the current interpreter results
        in an InterpreterError.
        """
        _known.pop(self._id, None)
        return _interpreters.destroy(self._id, restrict=True)

    def prepare_main(self, ns=None, /, **kwargs):
        """Bind the given values into the interpreter's __main__.

        The values must be shareable.
        """
        ns = dict(ns, **kwargs) if ns is not None else kwargs
        _interpreters.set___main___attrs(self._id, ns, restrict=True)

    def exec(self, code, /):
        """Run the given source code in the interpreter.

        This is essentially the same as calling the builtin "exec" with this
        interpreter, using the __dict__ of its __main__ module as both globals
        and locals. There is no return value.

        If the code raises an unhandled exception then an ExecutionFailed
        exception is raised, which summarizes the unhandled exception.

        This blocks the current thread until done; meanwhile other threads of
        the calling interpreter run (its GIL is released).
        """
        excinfo = _interpreters.exec(self._id, code, restrict=True)
        if excinfo is not None:
            raise ExecutionFailed(_excinfo(excinfo))

    def _call(self, callable, args, kwargs):
        res, excinfo = _interpreters.call(self._id, callable, args, kwargs,
                                          restrict=True)
        if excinfo is not None:
            raise ExecutionFailed(_excinfo(excinfo))
        return res

    def call(self, callable, /, *args, **kwargs):
        """Call the object in the interpreter with given args/kwargs.

        A function without a closure crosses by its code (its globals are the
        target's __main__); built-ins cross by name. Arguments and the return
        value must be shareable. If the callable raises an exception then an
        ExecutionFailed exception is raised, much like Interpreter.exec().
        """
        return self._call(callable, args, kwargs)

    def call_in_thread(self, callable, /, *args, **kwargs):
        """Return a new thread that calls the object in the interpreter.

        The return value and any raised exception are discarded.
        """
        t = threading.Thread(target=self._call, args=(callable, args, kwargs))
        t.start()
        return t


# A submodule is an attribute of its package.
import sys as _sys
_sys.modules['concurrent'].interpreters = _sys.modules[__name__]
del _sys
