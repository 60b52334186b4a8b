"""Container datatypes: deque (native), defaultdict, OrderedDict, Counter,
namedtuple, ChainMap, UserDict, UserList.

Counter, OrderedDict and defaultdict are dict subclasses when the interpreter
supports subclassing dict (with __missing__); otherwise they are built on
_DictBase, a mapping that keeps its items in a real dict and offers dict's
interface. namedtuple classes likewise subclass tuple, or _TupleBase.
"""

__all__ = ['ChainMap', 'Counter', 'OrderedDict', 'UserDict', 'UserList',
           'defaultdict', 'deque', 'namedtuple']

from _collections import deque, _count_elements, _defaultdict_missing, _counter_missing
import keyword as _kw


def _dict_subclassing_works():
    try:
        class _P(dict):
            def __init__(self, factory, *args, **kwds):
                self.factory = factory
                self.update(*args, **kwds)

            def __missing__(self, key):
                return self.factory()
        p = _P(list, {'a': 1}, b=2)
        return (p['a'] == 1 and p['b'] == 2 and p['zz'] == [] and len(p) == 2
                and isinstance(p, dict) and type(p) is _P)
    except Exception:
        return False


def _tuple_subclassing_works():
    try:
        class _P(tuple):
            __slots__ = ()

            def __new__(cls, a, b):
                return tuple.__new__(cls, (a, b))
        p = _P(1, 2)
        return p == (1, 2) and p[1] == 2 and isinstance(p, tuple) and type(p) is _P
    except Exception:
        return False


_sentinel = object()


class _DictBase:
    """A dict-like mapping over a real dict (self._d), for interpreters that
    cannot subclass dict yet."""

    def __init__(self, *args, **kwds):
        self._d = {}
        if args or kwds:
            self.update(*args, **kwds)

    def __getitem__(self, key):
        d = self._d
        if key in d:
            return d[key]
        missing = getattr(type(self), '__missing__', None)
        if missing is not None:
            return missing(self, key)
        raise KeyError(key)

    def __setitem__(self, key, value):
        self._d[key] = value

    def __delitem__(self, key):
        del self._d[key]

    def __contains__(self, key):
        return key in self._d

    def __len__(self):
        return len(self._d)

    def __iter__(self):
        return iter(self._d)

    def __reversed__(self):
        return reversed(list(self._d))

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def get(self, key, default=None):
        return self._d.get(key, default)

    def pop(self, key, default=_sentinel):
        if default is _sentinel:
            return self._d.pop(key)
        return self._d.pop(key, default)

    def popitem(self):
        return self._d.popitem()

    def setdefault(self, key, default=None):
        return self._d.setdefault(key, default)

    def clear(self):
        self._d.clear()

    def update(self, *args, **kwds):
        if len(args) > 1:
            raise TypeError('update expected at most 1 argument, got %d' % len(args))
        if args:
            other = args[0]
            if isinstance(other, _DictBase):
                other = other._d
            if isinstance(other, dict):
                self._d.update(other)
            elif hasattr(other, 'keys'):
                for k in other.keys():
                    self[k] = other[k]
            else:
                for k, v in other:
                    self[k] = v
        for k in kwds:
            self[k] = kwds[k]

    def copy(self):
        new = type(self).__new__(type(self))
        new.__dict__.update(self.__dict__)
        new._d = self._d.copy()
        return new

    def __eq__(self, other):
        if isinstance(other, _DictBase):
            other = other._d
        if isinstance(other, dict):
            return self._d == other
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    __hash__ = None

    def __repr__(self):
        return repr(self._d)

    def __or__(self, other):
        if not isinstance(other, (dict, _DictBase)):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ior__(self, other):
        self.update(other)
        return self

    @classmethod
    def fromkeys(cls, iterable, value=None):
        new = cls()
        for k in iterable:
            new[k] = value
        return new


_DICT = dict if _dict_subclassing_works() else _DictBase
_TUPLE_OK = _tuple_subclassing_works()


def _plain(mapping):
    """A plain dict with the items of a dict or _DictBase."""
    if isinstance(mapping, _DictBase):
        return mapping._d
    return mapping


# --- OrderedDict -----------------------------------------------------------

class OrderedDict(_DICT):
    """dict that also supports order-aware operations (move_to_end, popitem(last=False)) and order-sensitive equality."""

    def popitem(self, last=True):
        if not self:
            raise KeyError('dictionary is empty')
        key = next(reversed(self)) if last else next(iter(self))
        value = self.pop(key)
        return key, value

    def move_to_end(self, key, last=True):
        value = self.pop(key)
        if last:
            self[key] = value
        else:
            rest = list(self.items())
            self.clear()
            self[key] = value
            for k, v in rest:
                self[k] = v

    def __reversed__(self):
        return reversed(list(self.keys()))

    def __repr__(self):
        name = type(self).__name__
        return f'{name}({list(self.items())!r})' if self else f'{name}()'

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return list(self.items()) == list(other.items())
        if isinstance(other, (dict, _DictBase)):
            return dict(self.items()) == dict(_plain(other).items())
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    __hash__ = None

    def copy(self):
        return self.__class__(self)

    def __or__(self, other):
        if not isinstance(other, (dict, _DictBase)):
            return NotImplemented
        new = self.__class__(self)
        new.update(other)
        return new

    @classmethod
    def fromkeys(cls, iterable, value=None):
        self = cls()
        for key in iterable:
            self[key] = value
        return self


# --- defaultdict -----------------------------------------------------------

class defaultdict(_DICT):
    """defaultdict(default_factory=None, /, [...]) --> dict with default factory"""

    def __init__(self, default_factory=None, *args, **kwds):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        self.default_factory = default_factory
        if _DICT is _DictBase:
            self._d = {}
        if args or kwds:
            self.update(*args, **kwds)

    __missing__ = _defaultdict_missing

    def __repr__(self):
        f = self.default_factory
        if f is None:
            fr = 'None'
        elif isinstance(f, type):
            fr = repr(f)
        else:
            fr = repr(f)
        return '%s(%s, %r)' % (type(self).__name__, fr, dict(self.items()))

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __or__(self, other):
        if not isinstance(other, (dict, _DictBase)):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new


# --- namedtuple ------------------------------------------------------------

class _TupleBase:
    """A tuple-like immutable sequence over a real tuple (self._t), for
    interpreters that cannot subclass tuple yet."""

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self._t[i]
        return self._t[i]

    def __len__(self):
        return len(self._t)

    def __iter__(self):
        return iter(self._t)

    def __reversed__(self):
        return reversed(self._t)

    def __contains__(self, x):
        return x in self._t

    def __eq__(self, other):
        if isinstance(other, _TupleBase):
            other = other._t
        if isinstance(other, tuple):
            return self._t == other
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    def __lt__(self, other):
        return self._t < tuple(other)

    def __le__(self, other):
        return self._t <= tuple(other)

    def __gt__(self, other):
        return self._t > tuple(other)

    def __ge__(self, other):
        return self._t >= tuple(other)

    def __hash__(self):
        return hash(self._t)

    def __add__(self, other):
        return self._t + tuple(other)

    def __radd__(self, other):
        return tuple(other) + self._t

    def __mul__(self, n):
        return self._t * n

    __rmul__ = __mul__

    def count(self, x):
        return self._t.count(x)

    def index(self, x, *args):
        return self._t.index(x, *args)

    def __setattr__(self, name, value):
        if name == '_t' and '_t' not in self.__dict__:
            self.__dict__['_t'] = value
            return
        raise AttributeError("can't set attribute")


def _field_getter(index):
    def get(self):
        return self[index]
    return property(get, doc='Alias for field number %d' % index)


def _isidentifier(name):
    """str.isidentifier() spelled out: a letter or '_', then letters,
    digits or '_'."""
    if not isinstance(name, str) or name == '':
        return False
    return all(c == '_' or c.isalpha() or (k > 0 and c.isdigit())
               for k, c in enumerate(name))


def _valid_or_renamed(names):
    """Replace unusable field names (invalid, keywords, leading underscore,
    repeated) by '_<position>'."""
    used = set()
    result = []
    for position, name in enumerate(names):
        unusable = (not _isidentifier(name) or _kw.iskeyword(name)
                    or name.startswith('_') or name in used)
        result.append('_%d' % position if unusable else name)
        used.add(name)
    return result


def _check_names(typename, field_names, renamed):
    for name in (typename, *field_names):
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not _isidentifier(name):
            raise ValueError('Type names and field names must be valid '
                             'identifiers: %r' % name)
        if _kw.iskeyword(name):
            raise ValueError('Type names and field names cannot be a '
                             'keyword: %r' % name)
    used = set()
    for name in field_names:
        if not renamed and name.startswith('_'):
            raise ValueError('Field names cannot start with an underscore: '
                             '%r' % name)
        if name in used:
            raise ValueError('Encountered duplicate field name: %r' % name)
        used.add(name)


def _defaults_by_name(field_names, defaults):
    """Map the last len(defaults) field names to the defaults, in field order."""
    if defaults is None:
        return {}
    defaults = tuple(defaults)
    if len(defaults) > len(field_names):
        raise TypeError('Got more default values than field names')
    if not defaults:
        return {}
    return dict(zip(field_names[-len(defaults):], defaults))


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """A new tuple subclass whose items can also be read as attributes."""
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = [str(name) for name in field_names]
    typename = str(typename)
    if rename:
        field_names = _valid_or_renamed(field_names)
    _check_names(typename, field_names, rename)
    field_defaults = _defaults_by_name(field_names, defaults)
    field_names = tuple(field_names)
    num_fields = len(field_names)
    arg_list = ', '.join(field_names)
    if num_fields == 1:
        arg_list += ','
    qualnew = typename + '.__new__'

    def _bind(args, kwds):
        if len(args) > num_fields:
            most = num_fields + 1
            fewest = most - len(field_defaults)
            accepted = f'from {fewest} to {most}' if fewest != most else str(most)
            raise TypeError('%s() takes %s positional argument%s but %d %s given' % (
                qualnew, accepted, '' if most == 1 else 's',
                len(args) + 1, 'was' if len(args) == 0 else 'were'))
        values = list(args)
        if kwds:
            values += [_sentinel] * (num_fields - len(values))
            for k in kwds:
                if k not in field_names:
                    raise TypeError('%s() got an unexpected keyword argument %r' % (qualnew, k))
                i = field_names.index(k)
                if values[i] is not _sentinel:
                    raise TypeError('%s() got multiple values for argument %r' % (qualnew, k))
                values[i] = kwds[k]
        else:
            values += [_sentinel] * (num_fields - len(values))
        missing = []
        for i, name in enumerate(field_names):
            if values[i] is _sentinel:
                if name in field_defaults:
                    values[i] = field_defaults[name]
                else:
                    missing.append(repr(name))
        if missing:
            if len(missing) == 1:
                names = missing[0]
            elif len(missing) == 2:
                names = missing[0] + ' and ' + missing[1]
            else:
                names = ', '.join(missing[:-1]) + ', and ' + missing[-1]
            raise TypeError('%s() missing %d required positional argument%s: %s' % (
                qualnew, len(missing), '' if len(missing) == 1 else 's', names))
        return tuple(values)

    if _TUPLE_OK:
        def __new__(_cls, *args, **kwds):
            return tuple.__new__(_cls, _bind(args, kwds))

        def _make_tuple(cls, iterable):
            result = tuple.__new__(cls, iterable)
            if len(result) != num_fields:
                raise TypeError(f'Expected {num_fields} arguments, got {len(result)}')
            return result
        bases = (tuple,)
    else:
        def __new__(_cls, *args, **kwds):
            self = object.__new__(_cls)
            self._t = _bind(args, kwds)
            return self

        def _make_tuple(cls, iterable):
            t = tuple(iterable)
            if len(t) != num_fields:
                raise TypeError(f'Expected {num_fields} arguments, got {len(t)}')
            self = object.__new__(cls)
            self._t = t
            return self
        bases = (_TupleBase,)

    def _make(cls, iterable):
        return _make_tuple(cls, iterable)

    def _replace(self, **kwds):
        result = self._make([kwds.pop(name) if name in kwds else getattr(self, name)
                             for name in field_names])
        if kwds:
            raise ValueError(f'Got unexpected field names: {list(kwds)!r}')
        return result

    def __repr__(self):
        return self.__class__.__name__ + '(' + ', '.join(
            '%s=%r' % (name, self[i]) for i, name in enumerate(field_names)) + ')'

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return tuple(self)

    ns = {
        '__doc__': f'{typename}({arg_list})',
        '__slots__': (),
        '_fields': field_names,
        '_field_defaults': field_defaults,
        '__new__': __new__,
        '_make': classmethod(_make),
        '_replace': _replace,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '__getnewargs__': __getnewargs__,
        '__match_args__': field_names,
        '__module__': module if module is not None else '__main__',
    }
    for index, name in enumerate(field_names):
        ns[name] = _field_getter(index)
    return type(typename, bases, ns)


# --- Counter ---------------------------------------------------------------

def _count_key(item):
    return item[1]


def _multiset_operator(combine, name):
    """Counter operator: combine(own count, other count) for every element
    of either counter, keeping positive results (own elements first)."""
    def operator(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            combined = combine(count, other[elem])
            if combined > 0:
                result[elem] = combined
        for elem, count in other.items():
            if elem not in self:
                combined = combine(0, count)
                if combined > 0:
                    result[elem] = combined
        return result
    operator.__name__ = name
    return operator


def _multiset_comparison(holds, name):
    """Counter comparison: holds(own count, other count) for every element
    of either counter (missing elements count 0)."""
    def comparison(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(holds(self[elem], other[elem])
                   for side in (self, other) for elem in side)
    comparison.__name__ = name
    return comparison


def _strict_comparison(weak_name, name):
    def comparison(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return getattr(self, weak_name)(other) and self != other
    comparison.__name__ = name
    return comparison


def _in_place(update, name):
    """Counter in-place operator: update(self, elem, other count) for each
    element of other, then drop the elements left without a positive count."""
    def operator(self, other):
        for elem, count in list(other.items()):
            update(self, elem, count)
        return self._keep_positive()
    operator.__name__ = name
    return operator


def _raise_to(counter, elem, count):
    if count > counter[elem]:
        counter[elem] = count


def _lower_to(counter, elem, count):
    if count < counter[elem]:
        counter[elem] = count


class Counter(_DICT):
    """A dict mapping elements to how many times they occur (missing
    elements count 0), with multiset arithmetic."""

    def __init__(self, iterable=None, /, **kwds):
        if _DICT is _DictBase:
            self._d = {}
        self.update(iterable, **kwds)

    __missing__ = _counter_missing

    def total(self):
        """The sum of all counts."""
        return sum(self.values())

    def most_common(self, n=None):
        """(element, count) pairs, highest count first (ties in insertion
        order); the first n only when n is given."""
        if n is not None:
            import heapq
            return heapq.nlargest(n, self.items(), key=_count_key)
        return sorted(self.items(), key=_count_key, reverse=True)

    def elements(self):
        """Each element repeated as many times as its count (if positive)."""
        for elem, count in self.items():
            yield from [elem] * count if count > 0 else ()

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        """Add counts: from a mapping of counts, or one per item of an iterable."""
        if iterable is None:
            pass
        elif not hasattr(iterable, 'keys'):
            _count_elements(_plain(self) if _DICT is _DictBase else self, iterable)
        elif self:
            current = self.get
            for elem, count in iterable.items():
                self[elem] = count + current(elem, 0)
        else:
            for elem, count in iterable.items():
                self[elem] = count
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        """Like update(), but subtracting; counts may go to zero or below."""
        if iterable is not None:
            current = self.get
            if hasattr(iterable, 'keys'):
                pairs = iterable.items()
            else:
                pairs = ((elem, 1) for elem in iterable)
            for elem, count in pairs:
                self[elem] = current(elem, 0) - count
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return type(self)(self)

    def __reduce__(self):
        return type(self), (dict(self),)

    def __delitem__(self, elem):
        # Deleting an absent element is not an error.
        if elem in self:
            super().__delitem__(elem)

    def __repr__(self):
        name = type(self).__name__
        if not self:
            return f'{name}()'
        try:
            shown = dict(self.most_common())
        except TypeError:
            # Counts that cannot be ordered: keep insertion order.
            shown = dict(self.items())
        return f'{name}({shown!r})'

    __eq__ = _multiset_comparison(lambda mine, theirs: mine == theirs, '__eq__')
    __le__ = _multiset_comparison(lambda mine, theirs: mine <= theirs, '__le__')
    __ge__ = _multiset_comparison(lambda mine, theirs: mine >= theirs, '__ge__')
    __lt__ = _strict_comparison('__le__', '__lt__')
    __gt__ = _strict_comparison('__ge__', '__gt__')

    def __ne__(self, other):
        if isinstance(other, Counter):
            return not self == other
        return NotImplemented

    __hash__ = None

    __add__ = _multiset_operator(lambda mine, theirs: mine + theirs, '__add__')
    __sub__ = _multiset_operator(lambda mine, theirs: mine - theirs, '__sub__')
    __or__ = _multiset_operator(
        lambda mine, theirs: theirs if mine < theirs else mine, '__or__')
    __and__ = _multiset_operator(
        lambda mine, theirs: mine if mine < theirs else theirs, '__and__')

    def _signed_part(self, keep):
        result = Counter()
        for elem, count in self.items():
            if keep(count):
                result[elem] = count if count > 0 else 0 - count
        return result

    def __pos__(self):
        return self._signed_part(lambda count: count > 0)

    def __neg__(self):
        return self._signed_part(lambda count: count < 0)

    def _keep_positive(self):
        for elem in [elem for elem, count in self.items() if not count > 0]:
            del self[elem]
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    __ior__ = _in_place(_raise_to, '__ior__')

    def __iand__(self, other):
        for elem, count in list(self.items()):
            _lower_to(self, elem, other[elem])
        return self._keep_positive()


# --- ChainMap, UserDict, UserList --------------------------------------------
# They are built on the collections.abc mixins and live in _collections_user,
# loaded on first use so that importing collections stays cheap.

_USER_CLASSES = ('ChainMap', 'UserDict', 'UserList')


def __getattr__(name):
    if name in _USER_CLASSES:
        import _collections_user
        for cls_name in _USER_CLASSES:
            globals()[cls_name] = getattr(_collections_user, cls_name)
        return globals()[name]
    raise AttributeError(f"module 'collections' has no attribute {name!r}")
