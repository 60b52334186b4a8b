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


_FIELD = 'field'
_FIELD_CLASSVAR = 'classvar'
_FIELD_INITVAR = 'initvar'


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare,
                 metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field('
                f'name={self.name!r},'
                f'type={self.type!r},'
                f'default={self.default!r},'
                f'default_factory={self.default_factory!r},'
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'hash={self.hash!r},'
                f'compare={self.compare!r},'
                f'metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},'
                f'_field_type={self._field_type}'
                ')')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare,
                 metadata, kw_only)


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
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash,
                              frozen, match_args, kw_only)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    try:
        fs = getattr(class_or_instance, '__dataclass_fields__')
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in fs.values() if f._field_type is _FIELD)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def _is_dataclass_instance(obj):
    return hasattr(type(obj), '__dataclass_fields__')


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        result = []
        for f in fields(obj):
            value = _asdict_inner(getattr(obj, f.name), dict_factory)
            result.append((f.name, value))
        return dict_factory(result)
    elif isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    elif isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    elif isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory),
                          _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    else:
        import copy
        return copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory)
                              for f in fields(obj)])
    elif isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    elif isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    else:
        import copy
        return copy.deepcopy(obj)


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in obj.__dataclass_fields__.values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with '
                                 'init=False, it cannot be specified with '
                                 'replace()')
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f"InitVar {f.name!r} "
                                 'must be specified with replace()')
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **kwargs):
    ns = dict(namespace or {})
    anns = {}
    for item in fields:
        if isinstance(item, str):
            anns[item] = 'typing.Any'
        elif len(item) == 2:
            anns[item[0]] = item[1]
        else:
            anns[item[0]] = item[1]
            ns[item[0]] = item[2]
    ns['__annotations__'] = anns
    cls = type(cls_name, bases, ns)
    return dataclass(cls, **kwargs)
