"""dataclasses: generate __init__, __repr__, __eq__, ordering and hashing from
the annotated fields of a class (Python 3.11 behaviour for the common options)."""

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar',
           'KW_ONLY', 'MISSING', 'fields', 'asdict', 'astuple', 'make_dataclass',
           'replace', 'is_dataclass']


class FrozenInstanceError(AttributeError):
    pass


class _MISSING_TYPE:
    def __repr__(self):
        return 'MISSING'


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


class InitVar:
    def __init__(self, type):
        self.type = type

    def __class_getitem__(cls, type):
        return InitVar(type)


class _FieldKind:
    """Marker telling what an annotated name became: a field, a class
    variable or an init-only variable."""

    def __init__(self, label):
        self.label = label

    def __repr__(self):
        return self.label


_FIELD = _FieldKind('_FIELD')
_FIELD_CLASSVAR = _FieldKind('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FieldKind('_FIELD_INITVAR')

# Field attributes in the order repr() shows them.
_FIELD_SHOWN = ('name', 'type', 'default', 'default_factory', 'init', 'repr',
                'hash', 'compare', 'metadata', 'kw_only')


class Field:
    """Description of one dataclass field (what field() returns)."""

    def __init__(self, default, default_factory, init, repr, hash, compare,
                 metadata, kw_only):
        self.name = self.type = self._field_type = None
        self.default, self.default_factory = default, default_factory
        self.init, self.repr, self.hash, self.compare = init, repr, hash, compare
        self.metadata = metadata if metadata is not None else {}
        self.kw_only = kw_only

    def __repr__(self):
        parts = [f'{attr}={getattr(self, attr)!r}' for attr in _FIELD_SHOWN]
        parts.append(f'_field_type={self._field_type}')
        return 'Field(' + ','.join(parts) + ')'


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    """Customise one field of a dataclass."""
    if not (default is MISSING or default_factory is MISSING):
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(tp):
    if isinstance(tp, str):
        return tp.startswith('ClassVar') or tp.startswith('typing.ClassVar')
    return getattr(tp, '_name', None) == 'ClassVar'


def _is_initvar(tp):
    if isinstance(tp, str):
        return tp.startswith('InitVar') or tp.startswith('dataclasses.InitVar')
    return tp is InitVar or isinstance(tp, InitVar)


def _get_field(cls, name, tp, default_kw_only):
    default = cls.__dict__.get(name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = name
    f.type = tp
    f._field_type = _FIELD
    if _is_classvar(tp):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(tp):
        f._field_type = _FIELD_INITVAR
    if f._field_type is _FIELD and isinstance(f.default, (list, dict, set)):
        raise ValueError(f'mutable default {type(f.default)} for field '
                         f'{name} is not allowed: use default_factory')
    if f.kw_only is MISSING:
        f.kw_only = default_kw_only
    return f


def _join_names(names):
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return names[0] + ' and ' + names[1]
    return ', '.join(names[:-1]) + ', and ' + names[-1]


def _make_init(cls, fields, frozen, has_post_init):
    init_fields = [f for f in fields if f.init]
    pos_fields = [f for f in init_fields if not f.kw_only]
    kw_fields = [f for f in init_fields if f.kw_only]
    seen_default = False
    for f in pos_fields:
        if f.default is not MISSING or f.default_factory is not MISSING:
            seen_default = True
        elif seen_default:
            raise TypeError(f'non-default argument {f.name!r} follows default argument')
    qual = cls.__qualname__ + '.__init__'
    names = [f.name for f in init_fields]

    def __init__(self, *args, **kwargs):
        if len(args) > len(pos_fields):
            n = len(pos_fields) + 1
            lo = 1 + len([f for f in pos_fields
                          if f.default is MISSING and f.default_factory is MISSING])
            takes = '%d' % n if lo == n else 'from %d to %d' % (lo, n)
            raise TypeError('%s() takes %s positional argument%s but %d %s given' % (
                qual, takes, '' if n == 1 else 's', len(args) + 1,
                'was' if len(args) == 0 else 'were'))
        values = {}
        for f, v in zip(pos_fields, args):
            values[f.name] = v
        for k, v in kwargs.items():
            if k not in names:
                raise TypeError(f'{qual}() got an unexpected keyword argument {k!r}')
            if k in values:
                raise TypeError(f'{qual}() got multiple values for argument {k!r}')
            values[k] = v
        missing = [repr(f.name) for f in pos_fields
                   if f.name not in values and f.default is MISSING and f.default_factory is MISSING]
        if missing:
            raise TypeError('%s() missing %d required positional argument%s: %s' % (
                qual, len(missing), '' if len(missing) == 1 else 's', _join_names(missing)))
        missing = [repr(f.name) for f in kw_fields
                   if f.name not in values and f.default is MISSING and f.default_factory is MISSING]
        if missing:
            raise TypeError('%s() missing %d required keyword-only argument%s: %s' % (
                qual, len(missing), '' if len(missing) == 1 else 's', _join_names(missing)))
        initvars = []
        for f in fields:
            if f.init and f.name in values:
                v = values[f.name]
            elif f.default_factory is not MISSING:
                v = f.default_factory()
            elif f.default is not MISSING:
                v = f.default
            else:
                continue
            if f._field_type is _FIELD_INITVAR:
                initvars.append(v)
                continue
            if frozen:
                self.__dict__[f.name] = v
            else:
                setattr(self, f.name, v)
        if has_post_init:
            self.__post_init__(*initvars)
    return __init__


def _tuple_of(obj, fields):
    return tuple(getattr(obj, f.name) for f in fields)


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen,
                   match_args, kw_only):
    all_fields = {}
    for b in reversed(cls.__mro__[1:]):
        base_fields = b.__dict__.get('__dataclass_fields__')
        if base_fields is not None:
            for f in base_fields.values():
                all_fields[f.name] = f
    anns = cls.__dict__.get('__annotations__', {})
    kw_only_now = kw_only
    own = []
    for name, tp in anns.items():
        if tp is KW_ONLY or tp == 'KW_ONLY' or tp == 'dataclasses.KW_ONLY':
            kw_only_now = True
            continue
        own.append(_get_field(cls, name, tp, kw_only_now))
    for f in own:
        all_fields[f.name] = f
        if isinstance(cls.__dict__.get(f.name), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in anns:
            raise TypeError(f'{name!r} is a field but has no type annotation')
    cls.__dataclass_fields__ = all_fields
    cls.__dataclass_params__ = (init, repr, eq, order, unsafe_hash, frozen)
    fields_list = [f for f in all_fields.values() if f._field_type is _FIELD]
    init_list = [f for f in all_fields.values() if f._field_type in (_FIELD, _FIELD_INITVAR)]

    if init:
        has_post_init = hasattr(cls, '__post_init__')
        cls.__init__ = _make_init(cls, init_list, frozen, has_post_init)

    if repr:
        repr_fields = [f for f in fields_list if f.repr]
        active = set()

        def __repr__(self):
            key = id(self)
            if key in active:
                return '...'
            active.add(key)
            try:
                return self.__class__.__qualname__ + '(' + ', '.join(
                    '%s=%r' % (f.name, getattr(self, f.name)) for f in repr_fields) + ')'
            finally:
                active.discard(key)
        cls.__repr__ = __repr__

    cmp_fields = [f for f in fields_list if f.compare]
    if eq:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return _tuple_of(self, cmp_fields) == _tuple_of(other, cmp_fields)
            return NotImplemented
        cls.__eq__ = __eq__

    if order:
        if not eq:
            raise ValueError('eq must be true if order is true')

        def make(opname, fn):
            def method(self, other):
                if other.__class__ is self.__class__:
                    return fn(_tuple_of(self, cmp_fields), _tuple_of(other, cmp_fields))
                return NotImplemented
            method.__name__ = opname
            return method
        for opname, fn in [('__lt__', lambda a, b: a < b), ('__le__', lambda a, b: a <= b),
                           ('__gt__', lambda a, b: a > b), ('__ge__', lambda a, b: a >= b)]:
            if opname in cls.__dict__:
                raise TypeError(f'Cannot overwrite attribute {opname} in class '
                                f'{cls.__name__}. Consider using functools.total_ordering')
            setattr(cls, opname, make(opname, fn))

    if frozen:
        def __setattr__(self, name, value):
            if type(self) is cls or name in all_fields:
                raise FrozenInstanceError(f'cannot assign to field {name!r}')
            self.__dict__[name] = value

        def __delattr__(self, name):
            if type(self) is cls or name in all_fields:
                raise FrozenInstanceError(f'cannot delete field {name!r}')
            del self.__dict__[name]
        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__

    hash_fields = [f for f in fields_list if (f.compare if f.hash is None else f.hash)]
    has_explicit_hash = '__hash__' in cls.__dict__ and not (
        cls.__dict__['__hash__'] is None and '__eq__' in cls.__dict__ and not eq)
    if unsafe_hash or (eq and frozen):
        def __hash__(self):
            return hash(_tuple_of(self, hash_fields))
        if not (has_explicit_hash and not unsafe_hash):
            cls.__hash__ = __hash__
    elif eq and not has_explicit_hash:
        cls.__hash__ = None

    if match_args:
        cls.__match_args__ = tuple(f.name for f in init_list if f.init and not f.kw_only)
    if not getattr(cls, '__doc__', None):
        pass
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True,
              kw_only=False, slots=False, weakref_slot=False):
    """Class decorator generating __init__, __repr__, __eq__ (and more on
    request) from the class's annotated fields."""
    options = (init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only)

    def decorate(klass):
        return _process_class(klass, *options)
    return decorate if cls is None else decorate(cls)


def fields(class_or_instance):
    """The Field objects of a dataclass (type or instance), in order."""
    table = getattr(class_or_instance, '__dataclass_fields__', None)
    if table is None:
        raise TypeError('must be called with a dataclass type or instance')
    return tuple([f for f in table.values() if f._field_type is _FIELD])


def is_dataclass(obj):
    """Whether obj is a dataclass or an instance of one."""
    klass = obj if isinstance(obj, type) else type(obj)
    return hasattr(klass, '__dataclass_fields__')


def _instance_of_dataclass(obj):
    return hasattr(type(obj), '__dataclass_fields__')


def _unpack(obj, pack):
    """Copy obj recursively, turning each dataclass instance into
    pack(list of (field name, converted value))."""
    if _instance_of_dataclass(obj):
        return pack([(f.name, _unpack(getattr(obj, f.name), pack)) for f in fields(obj)])
    kind = type(obj)
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        # A namedtuple takes its items as separate arguments.
        return kind(*[_unpack(item, pack) for item in obj])
    if isinstance(obj, (list, tuple)):
        return kind(_unpack(item, pack) for item in obj)
    if isinstance(obj, dict):
        return kind((_unpack(k, pack), _unpack(v, pack)) for k, v in obj.items())
    import copy
    return copy.deepcopy(obj)


def asdict(obj, *, dict_factory=dict):
    """The fields of a dataclass instance as a dict, converting nested
    dataclasses, lists, tuples and dicts too."""
    if not _instance_of_dataclass(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _unpack(obj, dict_factory)


def astuple(obj, *, tuple_factory=tuple):
    """The field values of a dataclass instance as a tuple, converting nested
    values as asdict() does."""
    if not _instance_of_dataclass(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _unpack(obj, lambda pairs: tuple_factory([value for _, value in pairs]))


def replace(obj, /, **changes):
    """A new instance like obj, with the given fields changed."""
    if not _instance_of_dataclass(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in obj.__dataclass_fields__.values():
        name = f.name
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if name in changes:
                raise ValueError(f'field {name} is declared with init=False, '
                                 f'it cannot be specified with replace()')
        elif name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f"InitVar {name!r} must be specified with replace()")
            changes[name] = getattr(obj, name)
    return type(obj)(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **kwargs):
    """Create a dataclass from a list of field names, (name, type) or
    (name, type, Field) items."""
    body = dict(namespace) if namespace else {}
    hints = {}
    for spec in fields:
        if isinstance(spec, str):
            hints[spec] = 'typing.Any'
            continue
        hints[spec[0]] = spec[1]
        if len(spec) > 2:
            body[spec[0]] = spec[2]
    body['__annotations__'] = hints
    return dataclass(type(cls_name, bases, body), **kwargs)
