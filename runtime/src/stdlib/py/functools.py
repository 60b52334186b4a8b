"""Higher-order helpers: wrappers, caching, partial application, dispatch."""

__all__ = [
    'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES', 'cache', 'cached_property',
    'cmp_to_key', 'lru_cache', 'partial', 'partialmethod', 'reduce',
    'singledispatch', 'singledispatchmethod', 'total_ordering',
    'update_wrapper', 'wraps',
]

import collections as _collections
from _functools import cmp_to_key

# Attributes copied over by update_wrapper(), and those merged into.
WRAPPER_ASSIGNMENTS = (
    '__module__', '__name__', '__qualname__', '__doc__', '__annotations__')
WRAPPER_UPDATES = ('__dict__', )


def _is_abstract(func):
    return bool(getattr(func, '__isabstractmethod__', False))


def _check_callable_or_descriptor(func):
    if callable(func) or hasattr(func, '__get__'):
        return
    raise TypeError(f"{func!r} is not callable or a descriptor")


# --- wrapping ---------------------------------------------------------------

def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS,
                   updated=WRAPPER_UPDATES):
    """Make `wrapper` look like `wrapped`; return `wrapper`."""
    absent = object()
    for name in assigned:
        value = getattr(wrapped, name, absent)
        if value is not absent:
            setattr(wrapper, name, value)
    for name in updated:
        getattr(wrapper, name).update(getattr(wrapped, name, {}))
    # Set last, so that a __wrapped__ copied through __dict__ is replaced.
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator form of update_wrapper()."""
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned,
                   updated=updated)


# --- total_ordering -----------------------------------------------------------
#
# Each missing comparison is computed from the one the class defines (the
# "root").  Writing a root as "x R y", every other comparison is one of:
#   - the root's negation (< vs >=, <= vs >);
#   - a strict one: (root or its negation) and x != y;
#   - a non-strict one: (root or its negation) or x == y.
# The negation is used when the target points the other way from the root.

_LESS_SIDE = ('__lt__', '__le__')
_STRICT = ('__lt__', '__gt__')
_ROOT_PREFERENCE = ('__lt__', '__le__', '__gt__', '__ge__')


def _ordering_method(root, target):
    same_side = (root in _LESS_SIDE) == (target in _LESS_SIDE)
    if not same_side and (root in _STRICT) != (target in _STRICT):
        def method(self, other):
            outcome = getattr(type(self), root)(self, other)
            if outcome is NotImplemented:
                return outcome
            return not outcome
    elif target in _STRICT:
        def method(self, other):
            outcome = getattr(type(self), root)(self, other)
            if outcome is NotImplemented:
                return outcome
            if not same_side:
                outcome = not outcome
            return outcome and self != other
    else:
        def method(self, other):
            outcome = getattr(type(self), root)(self, other)
            if outcome is NotImplemented:
                return outcome
            if not same_side:
                outcome = not outcome
            return outcome or self == other
    method.__name__ = target
    method.__qualname__ = target
    return method


_DERIVED = {
    root: [(target, _ordering_method(root, target))
           for target in _ROOT_PREFERENCE if target != root]
    for root in _ROOT_PREFERENCE
}


def total_ordering(cls):
    """Class decorator: add the rich comparisons the class leaves out."""
    defined = [name for name in _ROOT_PREFERENCE
               if getattr(cls, name, None) is not getattr(object, name, None)]
    if not defined:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    for target, method in _DERIVED[defined[0]]:
        if target not in defined:
            setattr(cls, target, method)
    return cls


# --- reduce --------------------------------------------------------------------

_NO_START = object()


def reduce(function, sequence, initial=_NO_START):
    """Fold `sequence` from the left with the two-argument `function`."""
    try:
        items = iter(sequence)
    except TypeError:
        raise TypeError("reduce() arg 2 must support iteration") from None
    total = initial
    if total is _NO_START:
        for total in items:
            break
        else:
            raise TypeError("reduce() of empty iterable with no initial value")
    for item in items:
        total = function(total, item)
    return total


# --- partial application ------------------------------------------------------------

class partial:
    """Callable that calls `func` with some arguments filled in ahead."""

    def __new__(cls, func, /, *args, **kwargs):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if isinstance(func, partial) and type(func).__call__ is partial.__call__:
            # Flatten partial(partial(f, a), b) into partial(f, a, b).
            func, args, kwargs = func.func, func.args + args, dict(func.keywords, **kwargs)
        self = object.__new__(cls)
        self.func, self.args, self.keywords = func, args, kwargs
        return self

    def __call__(self, /, *more, **extra):
        preset = self.keywords
        if preset:
            extra = dict(preset, **extra)
        return self.func(*self.args, *more, **extra)

    def __repr__(self):
        shown = [repr(self.func)]
        shown += [repr(a) for a in self.args]
        shown += [f"{key}={value!r}" for key, value in self.keywords.items()]
        owner = type(self)
        prefix = 'functools.partial' if owner is partial else owner.__qualname__
        return f"{prefix}({', '.join(shown)})"



class partialmethod:
    """Like partial(), but binds as a method when looked up on an instance."""

    def __init__(self, func, /, *args, **kwargs):
        _check_callable_or_descriptor(func)
        if isinstance(func, partialmethod):
            func, args, kwargs = func.func, func.args + args, dict(func.keywords, **kwargs)
        self.func, self.args, self.keywords = func, args, kwargs

    def __repr__(self):
        shown = [repr(self.func)]
        shown += [repr(a) for a in self.args]
        shown += [f"{key}={value!r}" for key, value in self.keywords.items()]
        owner = type(self)
        return f"{owner.__module__}.{owner.__qualname__}({', '.join(shown)})"

    def _as_function(self):
        func, args, keywords = self.func, self.args, self.keywords

        def method(instance, /, *more, **extra):
            return func(instance, *args, *more, **{**keywords, **extra})
        method.__isabstractmethod__ = self.__isabstractmethod__
        method._partialmethod = self
        return method

    def __get__(self, obj, cls=None):
        binder = getattr(self.func, '__get__', None)
        if binder is not None:
            bound = binder(obj, cls)
            if bound is not self.func:
                result = partial(bound, *self.args, **self.keywords)
                owner = getattr(bound, '__self__', None)
                if owner is not None:
                    result.__self__ = owner
                return result
        return self._as_function().__get__(obj, cls)

    __isabstractmethod__ = property(lambda self: _is_abstract(self.func))


# --- caching ---------------------------------------------------------------------

_CacheInfo = _collections.namedtuple('CacheInfo', 'hits misses maxsize currsize')
_KEYWORDS_FOLLOW = object()


def _cache_key(args, kwds, typed):
    if not kwds and not typed:
        if len(args) == 1 and type(args[0]) in (int, str):
            return args[0]
        return args
    parts = list(args)
    if kwds:
        parts.append(_KEYWORDS_FOLLOW)
        for pair in kwds.items():
            parts.extend(pair)
    if typed:
        parts.extend([type(a) for a in args])
        parts.extend([type(v) for v in kwds.values()])
    return tuple(parts)


def _memoize(func, maxsize, typed):
    """Wrap `func` with a dictionary cache holding at most `maxsize` entries
    (None: no limit), evicting the least recently used entry."""
    table = {}
    tally = [0, 0]
    none = object()
    limited = maxsize is not None
    key_of = _cache_key

    if maxsize == 0:
        def memoized(*args, **kwds):
            tally[1] += 1
            return func(*args, **kwds)
    else:
        def memoized(*args, **kwds):
            key = key_of(args, kwds, typed)
            found = table.get(key, none)
            if found is not none:
                tally[0] += 1
                if limited:
                    # Re-insert so that dict order tracks recency of use.
                    del table[key]
                    table[key] = found
                return found
            tally[1] += 1
            found = func(*args, **kwds)
            if not limited:
                table[key] = found
            elif key not in table:
                table[key] = found
                if len(table) > maxsize:
                    del table[next(iter(table))]
            return found

    def cache_info():
        """Hit and miss counts, the size limit and the current size."""
        return _CacheInfo(tally[0], tally[1], maxsize, len(table))

    def cache_clear():
        """Empty the cache and reset the counts."""
        table.clear()
        tally[0] = tally[1] = 0

    memoized.cache_info = cache_info
    memoized.cache_clear = cache_clear
    memoized.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
    return memoized


def lru_cache(maxsize=128, typed=False):
    """Decorator caching a function's results by its arguments."""
    if isinstance(maxsize, int):
        maxsize = max(maxsize, 0)
    elif isinstance(typed, bool) and callable(maxsize):
        # Applied without arguments: @lru_cache
        return update_wrapper(_memoize(maxsize, 128, typed), maxsize)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')
    return lambda func: update_wrapper(_memoize(func, maxsize, typed), func)


def cache(user_function, /):
    """Unbounded lru_cache()."""
    return update_wrapper(_memoize(user_function, None, False), user_function)


# --- single dispatch -------------------------------------------------------------

def _is_dispatch_class(candidate):
    if isinstance(candidate, type):
        return True
    members = getattr(candidate, '__args__', None)
    return (type(candidate).__name__ == 'UnionType' and members is not None
            and all(isinstance(m, type) for m in members))


def _dispatch_classes(candidate):
    if isinstance(candidate, type):
        return (candidate,)
    return tuple(candidate.__args__)


def _best_match(cls, registry):
    """The registered implementation for `cls`: its own MRO is searched
    first; a registered class outside the MRO (an ABC it is a virtual subclass
    of) is tried where the MRO leaves its subclasses."""
    mro = cls.__mro__
    virtual = [k for k in registry if k not in mro and issubclass(cls, k)]
    for position, klass in enumerate(mro):
        if klass in registry:
            return registry[klass]
        following = mro[position + 1] if position + 1 < len(mro) else None
        here = [k for k in virtual if issubclass(klass, k)
                and (following is None or not issubclass(following, k))]
        here = [k for k in here
                if not any(o is not k and issubclass(o, k) for o in here)]
        if len(here) > 1:
            raise RuntimeError(f"Ambiguous dispatch: {here[0]} or {here[1]}")
        if here:
            return registry[here[0]]
    return registry.get(object)


def singledispatch(func):
    """Turn `func` into a generic function dispatching on its first argument's
    type; add implementations with .register()."""
    registry = {object: func}

    def dispatch(cls):
        impl = registry.get(cls)
        if impl is None:
            impl = _best_match(cls, registry)
        return impl

    def register(cls, func=None):
        if _is_dispatch_class(cls):
            if func is None:
                return partial(register, cls)
        else:
            if func is not None:
                raise TypeError(
                    f"Invalid first argument to `register()`. "
                    f"{cls!r} is not a class or union type."
                )
            annotations = getattr(cls, '__annotations__', {})
            if not annotations:
                raise TypeError(
                    f"Invalid first argument to `register()`: {cls!r}. "
                    f"Use either `@register(some_class)` or plain `@register` "
                    f"on an annotated function."
                )
            func = cls
            argname, cls = next(iter(annotations.items()))
            if not _is_dispatch_class(cls):
                raise TypeError(
                    f"Invalid annotation for {argname!r}. "
                    f"{cls!r} is not a class."
                )
        for klass in _dispatch_classes(cls):
            registry[klass] = func
        return func

    label = getattr(func, '__name__', None) or 'singledispatch function'

    def generic(*args, **kwargs):
        if args:
            return dispatch(args[0].__class__)(*args, **kwargs)
        raise TypeError(f'{label} requires at least 1 positional argument')

    generic.register = register
    generic.dispatch = dispatch
    generic.registry = registry
    generic._clear_cache = lambda: None
    update_wrapper(generic, func)
    return generic


class singledispatchmethod:
    """singledispatch() for methods: dispatches on the first argument after
    self (or cls)."""

    def __init__(self, func):
        _check_callable_or_descriptor(func)
        self.func = func
        self.dispatcher = singledispatch(func)

    def register(self, cls, method=None):
        """Add an implementation, as singledispatch's register() does."""
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        pick = self.dispatcher.dispatch

        def bound(*args, **kwargs):
            chosen = pick(args[0].__class__)
            return chosen.__get__(obj, cls)(*args, **kwargs)
        update_wrapper(bound, self.func)
        bound.register = self.register
        bound.__isabstractmethod__ = _is_abstract(self.func)
        return bound

    __isabstractmethod__ = property(lambda self: _is_abstract(self.func))


# --- cached_property -------------------------------------------------------------

_UNSET = object()


class cached_property:
    """Property computed on first access and then stored in the instance's
    __dict__ under the same name."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__
        self.__module__ = getattr(func, '__module__', None)

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                "Cannot assign the same cached_property to two different names "
                f"({self.attrname!r} and {name!r})."
            )

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        name = self.attrname
        if name is None:
            raise TypeError(
                "Cannot use cached_property instance without calling __set_name__ on it.")
        try:
            storage = instance.__dict__
        except AttributeError:
            raise TypeError(
                f"No '__dict__' attribute on {type(instance).__name__!r} "
                f"instance to cache {name!r} property."
            ) from None
        value = storage.get(name, _UNSET)
        if value is _UNSET:
            value = self.func(instance)
            try:
                storage[name] = value
            except TypeError:
                raise TypeError(
                    f"The '__dict__' attribute on {type(instance).__name__!r} "
                    f"instance does not support item assignment for caching "
                    f"{name!r} property."
                ) from None
        return value
