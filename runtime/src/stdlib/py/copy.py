"""Generic (shallow and deep) copying operations."""

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error

_atomic = (type(None), int, float, bool, complex if False else int, str, bytes,
           type, range, type(len), type(Ellipsis), type(NotImplemented))


def _is_atomic(x):
    if x is None or x is Ellipsis or x is NotImplemented:
        return True
    return isinstance(x, (int, float, bool, str, bytes, type, range)) or callable(x) and not hasattr(x, '__dict__') and not isinstance(x, (list, dict, set))


def _instance_copy(x):
    cls = type(x)
    y = object.__new__(cls)
    d = getattr(x, '__dict__', None)
    if d is not None:
        y.__dict__.update(d)
    return y


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if cls in (int, float, bool, str, bytes, type(None), tuple, frozenset, type, range):
        return x
    if cls is list:
        return x[:]
    if cls is dict:
        return x.copy()
    if cls is set:
        return x.copy()
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    if callable(x) and not hasattr(x, '__dict__'):
        return x
    if type(x).__name__ in ('function', 'builtin_function_or_method', 'module'):
        return x
    return _instance_copy(x)


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in (int, float, bool, str, bytes, type(None), type, range) or x is Ellipsis or x is NotImplemented:
        return x
    if cls.__name__ in ('function', 'builtin_function_or_method', 'module'):
        return x
    if cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        items = [deepcopy(a, memo) for a in x]
        if d in memo:
            return memo[d]
        same = True
        for k, j in zip(x, items):
            if k is not j:
                same = False
                break
        y = x if same else tuple(items)
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set:
        y = set()
        memo[d] = y
        for a in x:
            y.add(deepcopy(a, memo))
    elif cls is frozenset:
        y = frozenset(deepcopy(a, memo) for a in x)
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        else:
            y = object.__new__(cls)
            memo[d] = y
            state = getattr(x, '__dict__', None)
            if state is not None:
                for k, v in state.items():
                    y.__dict__[k] = deepcopy(v, memo)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]
