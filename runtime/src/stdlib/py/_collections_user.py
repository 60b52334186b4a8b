"""ChainMap, UserDict and UserList for the collections module (which loads
this module the first time one of them is asked for)."""

import _collections_abc as _abc
from collections import _DICT, _plain, _sentinel

# The classes are collections' own.
__name__ = 'collections'


# --- ChainMap --------------------------------------------------------------

def _first_mapping_error(key=_sentinel):
    if key is _sentinel:
        return KeyError('No keys found in the first mapping.')
    return KeyError(f'Key not found in the first mapping: {key!r}')


class ChainMap(_abc.MutableMapping):
    """Several mappings searched in order as one; writes and deletions go
    to the first mapping only."""

    def __init__(self, *maps):
        self.maps = list(maps) if maps else [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for layer in self.maps:
            if key in layer:
                return layer[key]
        return self.__missing__(key)

    def get(self, key, default=None):
        if key in self:
            return self[key]
        return default

    def _merged_keys(self):
        # Later mappings first, so that dict order matches first appearance
        # in the last mapping (what iterating a ChainMap yields).
        seen = {}
        for layer in self.maps[::-1]:
            seen.update(dict.fromkeys(layer))
        return seen

    def __len__(self):
        return len(self._merged_keys())

    def __iter__(self):
        return iter(self._merged_keys())

    def __contains__(self, key):
        for layer in self.maps:
            if key in layer:
                return True
        return False

    def __bool__(self):
        return any(self.maps)

    def __repr__(self):
        inner = ', '.join([repr(layer) for layer in self.maps])
        return f'{type(self).__name__}({inner})'

    @classmethod
    def fromkeys(cls, iterable, *args):
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        """A new ChainMap: a copy of the first mapping, then the same others."""
        first, *rest = self.maps
        return type(self)(first.copy(), *rest)

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        """A ChainMap with a new first mapping (m, or a new dict) in front."""
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return type(self)(m, *self.maps)

    @property
    def parents(self):
        """The chain without its first mapping."""
        return type(self)(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        first = self.maps[0]
        if key not in first:
            raise _first_mapping_error(key)
        del first[key]

    def popitem(self):
        first = self.maps[0]
        if not first:
            raise _first_mapping_error()
        return first.popitem()

    def pop(self, key, *args):
        first = self.maps[0]
        if key in first or args:
            return first.pop(key, *args)
        raise _first_mapping_error(key)

    def clear(self):
        self.maps[0].clear()

    def __ior__(self, other):
        self.maps[0].update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, _abc.Mapping):
            return NotImplemented
        result = self.copy()
        result.maps[0].update(other)
        return result

    def __ror__(self, other):
        if not isinstance(other, _abc.Mapping):
            return NotImplemented
        combined = dict(other)
        for layer in self.maps[::-1]:
            combined.update(layer)
        return type(self)(combined)


# --- UserDict, UserList ----------------------------------------------------

class UserDict(_abc.MutableMapping):
    """A mapping that keeps its items in the plain dict `self.data`; meant
    to be subclassed."""

    def __init__(self, dict=None, /, **kwargs):
        self.data = {}
        for source in (dict, kwargs):
            if source:
                self.update(source)

    def __len__(self):
        return len(self.data)

    def __getitem__(self, key):
        data = self.data
        if key in data:
            return data[key]
        fallback = getattr(type(self), '__missing__', None)
        if fallback is None:
            raise KeyError(key)
        return fallback(self, key)

    def __setitem__(self, key, item):
        self.data[key] = item

    def __delitem__(self, key):
        del self.data[key]

    def __iter__(self):
        return iter(self.data)

    def __contains__(self, key):
        return key in self.data

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __repr__(self):
        return repr(self.data)

    def _other_data(self, other):
        return other.data if isinstance(other, UserDict) else other

    def __or__(self, other):
        if isinstance(other, (UserDict, _DICT)):
            return type(self)(self.data | _plain(self._other_data(other)))
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, (UserDict, _DICT)):
            return type(self)(_plain(self._other_data(other)) | self.data)
        return NotImplemented

    def __ior__(self, other):
        self.data |= _plain(self._other_data(other))
        return self

    def __copy__(self):
        clone = type(self).__new__(type(self))
        clone.__dict__.update(self.__dict__)
        clone.__dict__['data'] = self.data.copy()
        return clone

    def copy(self):
        if type(self) is UserDict:
            return UserDict(self.data.copy())
        import copy
        saved = self.data
        try:
            self.data = {}
            clone = copy.copy(self)
        finally:
            self.data = saved
        clone.update(self)
        return clone

    @classmethod
    def fromkeys(cls, iterable, value=None):
        made = cls()
        for key in iterable:
            made[key] = value
        return made


def _list_data(other):
    return other.data if isinstance(other, UserList) else other


def _user_list_comparison(name):
    compare = getattr(list, name)

    def method(self, other):
        return compare(self.data, _list_data(other))
    method.__name__ = name
    return method


class UserList(_abc.MutableSequence):
    """A list-like sequence keeping its items in the plain list `self.data`;
    meant to be subclassed."""

    def __init__(self, initlist=None):
        self.data = []
        if initlist is None:
            return
        if type(initlist) is type(self.data):
            self.data[:] = initlist
        elif isinstance(initlist, UserList):
            self.data[:] = initlist.data[:]
        else:
            self.data = list(initlist)

    def __repr__(self):
        return repr(self.data)

    __lt__ = _user_list_comparison('__lt__')
    __le__ = _user_list_comparison('__le__')
    __eq__ = _user_list_comparison('__eq__')
    __gt__ = _user_list_comparison('__gt__')
    __ge__ = _user_list_comparison('__ge__')

    def __contains__(self, item):
        return item in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return type(self)(self.data[i])
        return self.data[i]

    def __setitem__(self, i, item):
        self.data[i] = item

    def __delitem__(self, i):
        del self.data[i]

    def __iter__(self):
        return iter(self.data)

    def __add__(self, other):
        if isinstance(other, UserList):
            return type(self)(self.data + other.data)
        if isinstance(other, type(self.data)):
            return type(self)(self.data + other)
        return type(self)(self.data + list(other))

    def __radd__(self, other):
        if isinstance(other, UserList):
            return type(self)(other.data + self.data)
        if isinstance(other, type(self.data)):
            return type(self)(other + self.data)
        return type(self)(list(other) + self.data)

    def __iadd__(self, other):
        self.data += _list_data(other) if isinstance(other, (UserList, list)) else list(other)
        return self

    def __mul__(self, n):
        return type(self)(self.data * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self.data *= n
        return self

    def __copy__(self):
        clone = type(self).__new__(type(self))
        clone.__dict__.update(self.__dict__)
        clone.__dict__['data'] = self.data[:]
        return clone

    def append(self, item):
        self.data.append(item)

    def insert(self, i, item):
        self.data.insert(i, item)

    def pop(self, i=-1):
        return self.data.pop(i)

    def remove(self, item):
        self.data.remove(item)

    def clear(self):
        self.data.clear()

    def copy(self):
        return type(self)(self)

    def count(self, item):
        return self.data.count(item)

    def index(self, item, *args):
        return self.data.index(item, *args)

    def reverse(self):
        self.data.reverse()

    def sort(self, /, *args, **kwds):
        self.data.sort(*args, **kwds)

    def extend(self, other):
        self.data.extend(_list_data(other))
