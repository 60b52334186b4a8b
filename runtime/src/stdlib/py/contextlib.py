"""Building blocks for `with` statements: generator-based managers, stacks of
managers, and small ready-made ones."""

__all__ = [
    "AbstractContextManager", "AbstractAsyncContextManager", "ContextDecorator",
    "ExitStack", "aclosing", "asynccontextmanager", "chdir", "closing",
    "contextmanager", "nullcontext", "redirect_stderr", "redirect_stdout",
    "suppress",
]

import abc
import sys
from functools import wraps as _wraps


def _has_methods(cls, names):
    """True when every name is found on cls's MRO and is not None there."""
    for name in names:
        for klass in cls.__mro__:
            if name in klass.__dict__:
                if klass.__dict__[name] is None:
                    return False
                break
        else:
            return False
    return True


class AbstractContextManager(abc.ABC):
    """Base for context managers: __enter__ returns self; any class with
    __enter__ and __exit__ counts as a subclass."""

    def __enter__(self):
        return self

    @abc.abstractmethod
    def __exit__(self, exc_type, exc_value, traceback):
        return None

    @classmethod
    def __subclasshook__(cls, other):
        if cls is AbstractContextManager:
            return _has_methods(other, ("__enter__", "__exit__")) or NotImplemented
        return NotImplemented


class AbstractAsyncContextManager(abc.ABC):
    """Asynchronous counterpart of AbstractContextManager."""

    async def __aenter__(self):
        return self

    @abc.abstractmethod
    async def __aexit__(self, exc_type, exc_value, traceback):
        return None

    @classmethod
    def __subclasshook__(cls, other):
        if cls is AbstractAsyncContextManager:
            return _has_methods(other, ("__aenter__", "__aexit__")) or NotImplemented
        return NotImplemented


class ContextDecorator:
    """Mixin letting a context manager also decorate a function, the call
    then running inside the `with` block."""

    def _recreate_cm(self):
        return self

    def __call__(self, func):
        @_wraps(func)
        def managed(*args, **kwargs):
            with self._recreate_cm():
                return func(*args, **kwargs)
        return managed


# --- generator-based managers ------------------------------------------------

class _FromGenerator:
    """State shared by the managers made from (async) generator functions:
    the running generator, and the recipe to start another."""

    def __init__(self, func, args, kwargs):
        self.gen = func(*args, **kwargs)
        self.func = func
        self.args = args
        self.kwds = kwargs
        self.__doc__ = getattr(func, "__doc__", None) or type(self).__doc__

    def _forget_recipe(self):
        # The recipe is no longer needed once entered.
        del self.func
        del self.args
        del self.kwds


class _GeneratorContextManager(_FromGenerator, ContextDecorator, AbstractContextManager):
    """What @contextmanager functions return."""

    def _recreate_cm(self):
        # A fresh manager for each decorated call.
        return type(self)(self.func, self.args, self.kwds)

    def __enter__(self):
        self._forget_recipe()
        for value in self.gen:
            return value
        raise RuntimeError("generator didn't yield")

    def __exit__(self, typ, value, tb):
        if typ is None:
            for _ in self.gen:
                raise RuntimeError("generator didn't stop")
            return False
        if value is None:
            value = typ()
        try:
            self.gen.throw(value)
        except BaseException as raised:
            return _swallowed_by_generator(raised, value, tb)
        raise RuntimeError("generator didn't stop after throw()")


def _swallowed_by_generator(raised, sent, traceback):
    """Decide the outcome of throwing `sent` into a manager's generator, which
    ended by raising `raised`: True when the original exception is to be
    suppressed, False when it is to propagate; anything else is re-raised."""
    if isinstance(raised, StopIteration):
        # The generator finished: it handled the exception, unless what
        # finished it is the very StopIteration thrown in.
        return raised is not sent
    if raised is sent:
        raised.__traceback__ = traceback
        return False
    if isinstance(raised, RuntimeError) and isinstance(sent, StopIteration) \
            and raised.__cause__ is sent:
        # PEP 479 turned our StopIteration into a RuntimeError.
        sent.__traceback__ = traceback
        return False
    raise raised


class _AsyncGeneratorContextManager(_FromGenerator, AbstractAsyncContextManager):
    """What @asynccontextmanager functions return."""

    async def __aenter__(self):
        self._forget_recipe()
        async for value in self.gen:
            return value
        raise RuntimeError("generator didn't yield")

    async def __aexit__(self, typ, value, tb):
        if typ is None:
            try:
                await self.gen.__anext__()
            except StopAsyncIteration:
                return False
            raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            await self.gen.athrow(value)
        except BaseException as raised:
            if isinstance(raised, StopAsyncIteration):
                return raised is not value
            if isinstance(raised, RuntimeError) and \
                    isinstance(value, (StopIteration, StopAsyncIteration)) and \
                    raised.__cause__ is value:
                return False
            if raised is value:
                return False
            raise
        raise RuntimeError("generator didn't stop after athrow()")


def contextmanager(func):
    """Decorator turning a generator function that yields once into a
    factory of context managers."""
    @_wraps(func)
    def factory(*args, **kwargs):
        return _GeneratorContextManager(func, args, kwargs)
    return factory


def asynccontextmanager(func):
    """Decorator turning an async generator function that yields once into
    a factory of asynchronous context managers."""
    @_wraps(func)
    def factory(*args, **kwargs):
        return _AsyncGeneratorContextManager(func, args, kwargs)
    return factory


# --- small managers ------------------------------------------------------------

class closing(AbstractContextManager):
    """Call thing.close() on leaving the block; the block gets `thing`."""

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc):
        self.thing.close()


class aclosing(AbstractAsyncContextManager):
    """Await thing.aclose() on leaving the block."""

    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, *exc):
        await self.thing.aclose()


class nullcontext(AbstractContextManager, AbstractAsyncContextManager):
    """A manager that does nothing and gives `enter_result` to the block."""

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *exc):
        pass

    async def __aenter__(self):
        return self.enter_result

    async def __aexit__(self, *exc):
        pass


class suppress(AbstractContextManager):
    """Silence the listed exception types raised in the block."""

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, kind, exc, tb):
        if kind is None:
            return False
        return issubclass(kind, self._exceptions)


class _SwapSysStream(AbstractContextManager):
    """Point a sys stream (named by `_stream`) elsewhere for the block."""

    _stream = None

    def __init__(self, new_target):
        self._target = new_target
        self._saved = []

    def __enter__(self):
        name = self._stream
        self._saved.append(getattr(sys, name))
        setattr(sys, name, self._target)
        return self._target

    def __exit__(self, *exc):
        setattr(sys, self._stream, self._saved.pop())


class redirect_stdout(_SwapSysStream):
    """Send sys.stdout to another file-like object for the block."""
    _stream = "stdout"


class redirect_stderr(_SwapSysStream):
    """Send sys.stderr to another file-like object for the block."""
    _stream = "stderr"


class chdir(AbstractContextManager):
    """Change the working directory for the block."""

    def __init__(self, path):
        self.path = path
        self._previous = []

    def __enter__(self):
        import os
        self._previous.append(os.getcwd())
        os.chdir(self.path)

    def __exit__(self, *exc):
        import os
        os.chdir(self._previous.pop())


# --- ExitStack -------------------------------------------------------------------

_NO_EXCEPTION = (None, None, None)


def _protocol_error(cls, what):
    return TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does "
                     f"not support the {what} protocol")


def _bind_exit(manager, exit_method):
    def call_exit(*details):
        return exit_method(manager, *details)
    call_exit.__self__ = manager
    return call_exit


def _attach_context(new_exc, old_exc, outer):
    """Make new_exc's context chain lead to old_exc instead of `outer` (the
    exception being handled around the stack), as if new_exc had been
    raised while old_exc was being handled."""
    link = new_exc
    while True:
        context = link.__context__
        if context is None or context is old_exc:
            return
        if context is outer:
            break
        link = context
    link.__context__ = old_exc


class ExitStack(AbstractContextManager):
    """A stack of exit callbacks, run last-in first-out when the stack
    closes; a callback returning true suppresses the current exception."""

    def __init__(self):
        self._exit_callbacks = []

    def pop_all(self):
        """Move every callback to a new stack and return it."""
        moved = type(self)()
        moved._exit_callbacks, self._exit_callbacks = self._exit_callbacks, []
        return moved

    def push(self, exit):
        """Add an __exit__-style callback, or a manager's __exit__ method."""
        exit_method = getattr(type(exit), "__exit__", None)
        if exit_method is None:
            self._exit_callbacks.append((True, exit))
        else:
            self._exit_callbacks.append((True, _bind_exit(exit, exit_method)))
        return exit

    def enter_context(self, cm):
        """Enter `cm` and schedule its __exit__; return what __enter__ gave."""
        kind = type(cm)
        try:
            enter, exit_method = kind.__enter__, kind.__exit__
        except AttributeError:
            raise _protocol_error(kind, "context manager") from None
        value = enter(cm)
        self._exit_callbacks.append((True, _bind_exit(cm, exit_method)))
        return value

    def callback(self, callback, /, *args, **kwds):
        """Schedule callback(*args, **kwds); it cannot suppress exceptions."""
        def run_callback(exc_type, exc, tb):
            callback(*args, **kwds)
        run_callback.__wrapped__ = callback
        self._exit_callbacks.append((False, run_callback))
        return callback

    def close(self):
        """Run every callback now."""
        self.__exit__(*_NO_EXCEPTION)

    def __enter__(self):
        return self

    def __exit__(self, *details):
        exc_details = details
        outer = sys.exc_info()[1]
        had_exception = exc_details[0] is not None
        current = exc_details[1]
        suppressed = False
        failed = False
        while self._exit_callbacks:
            _, run = self._exit_callbacks.pop()
            try:
                handled = run(*exc_details)
            except BaseException as new_exc:
                if current is not None:
                    _attach_context(new_exc, current, outer)
                current = new_exc
                exc_details = (type(new_exc), new_exc, new_exc.__traceback__)
                failed = True
                continue
            if handled:
                suppressed = True
                failed = False
                current = None
                exc_details = _NO_EXCEPTION
        if failed:
            saved = current.__context__
            try:
                raise current
            except BaseException:
                current.__context__ = saved
                raise
        return had_exception and suppressed
