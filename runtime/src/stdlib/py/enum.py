"""Enumerations (CPython 3.11 behaviour): Enum, IntEnum, StrEnum, ReprEnum,
Flag, IntFlag, auto, unique, verify, member/nonmember, enum.property.

An enum class is built by the EnumType metaclass. The class body runs in an
_EnumDict, which records which names become members (anything that is not a
dunder, a _sunder_, a descriptor or an ignored name) and resolves auto().
EnumType.__new__ then wraps each member value in a _MemberProto whose
__set_name__ (called by type.__new__) turns it into the member: an instance of
the new class, or an alias of an earlier member with the same value.
"""

import builtins as _bltns
import sys
from types import MappingProxyType

__all__ = [
    'EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag',
    'ReprEnum', 'auto', 'unique', 'property', 'verify', 'member', 'nonmember',
    'FlagBoundary', 'STRICT', 'CONFORM', 'EJECT', 'KEEP',
    'global_flag_repr', 'global_enum_repr', 'global_str', 'global_enum',
    'EnumCheck', 'CONTINUOUS', 'NAMED_FLAGS', 'UNIQUE',
    'pickle_by_global_name', 'pickle_by_enum_name',
]

_builtin_property = _bltns.property

# Filled in as the classes below are created; the metaclass checks for None
# while it builds them.
Enum = ReprEnum = Flag = EJECT = KEEP = STRICT = CONFORM = None


class nonmember(object):
    """Wrapper keeping a class attribute from becoming a member."""

    def __init__(self, value):
        self.value = value


class member(object):
    """Wrapper making a class attribute a member even if it would not be."""

    def __init__(self, value):
        self.value = value


def _is_descriptor(obj):
    return any(hasattr(obj, hook) for hook in ('__get__', '__set__', '__delete__'))


def _is_dunder(name):
    """__name__ style (exactly two underscores on each side)."""
    return (len(name) > 4 and name.startswith('__') and name.endswith('__')
            and not name.startswith('___') and not name.endswith('___'))


def _is_sunder(name):
    """_name_ style (exactly one underscore on each side)."""
    return (len(name) > 2 and name.startswith('_') and name.endswith('_')
            and not name.startswith('__') and not name.endswith('__'))


def _is_private(cls_name, name):
    """A name mangled for class cls_name: _Cls__x, not ending in '__'."""
    mangled = f'_{cls_name}__'
    return (len(name) > len(mangled) and name.startswith(mangled)
            and not name.endswith('__'))


def _is_single_bit(num):
    """Whether exactly one bit is set."""
    return num != 0 and num & (num - 1) == 0


def _iter_bits_lsb(num):
    """Each set bit of num (a non-negative int or int-valued member) as a
    value, lowest first."""
    given = num
    if isinstance(num, Enum):
        num = num.value
    if num < 0:
        raise ValueError('%r is not a positive integer' % given)
    position = 0
    while num >> position:
        if (num >> position) & 1:
            yield 1 << position
        position += 1


def show_flag_values(value):
    return list(_iter_bits_lsb(value))


def bin(num, max_bits=None):
    """Binary text with a separate sign digit, negatives in two's
    complement: bin(10) == '0b0 1010', bin(~10) == '0b1 0101'.  max_bits
    pads (with the sign digit) or truncates to that many digits."""
    width = num.bit_length()
    sign = '1' if num < 0 else '0'
    digits = format(num % (1 << width), 'b').zfill(width) if width else ''
    if max_bits is not None and len(digits) < max_bits:
        digits = (sign * max_bits + digits)[-max_bits:]
    return f"0b{sign} {digits}"


def _high_bit(value):
    """Index of the highest bit set, -1 for zero or negative values."""
    return value.bit_length() - 1


class _AutoUnset:
    def __repr__(self):
        return '_auto_null'


_auto_null = _AutoUnset()


class auto:
    """Placeholder in an enum body: the member gets a generated value."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return f"auto({self.value!r})"


class property:
    """A descriptor for enum attributes such as `name` and `value`: through a
    member it acts as a property; through the enum class it finds the member
    of that name, so members may be called `name` or `value` too."""

    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        self.__doc__ = doc if doc is not None else getattr(fget, '__doc__', None)
        self.name = getattr(fget, '__name__', None)
        self.clsname = None
        self.member = None

    def getter(self, fget):
        return type(self)(fget, self.fset, self.fdel, self.__doc__)

    def setter(self, fset):
        return type(self)(self.fget, fset, self.fdel, self.__doc__)

    def deleter(self, fdel):
        return type(self)(self.fget, self.fset, fdel, self.__doc__)

    def __get__(self, instance, ownerclass=None):
        if instance is None or self.fget is None:
            try:
                return ownerclass._member_map_[self.name]
            except KeyError:
                raise AttributeError('%r has no attribute %r' % (ownerclass, self.name)) from None
        return self.fget(instance)

    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError("<enum %r> cannot set attribute %r" % (self.clsname, self.name))
        return self.fset(instance, value)

    def __delete__(self, instance):
        if self.fdel is None:
            raise AttributeError("<enum %r> cannot delete attribute %r" % (self.clsname, self.name))
        return self.fdel(instance)

    def __set_name__(self, ownerclass, name):
        self.name = name
        self.clsname = ownerclass.__name__


class _MemberProto:
    """A member value between the class suite and the finished class: its
    __set_name__ makes the member."""

    def __init__(self, value):
        self.value = value

    def __set_name__(self, enum_class, member_name):
        delattr(enum_class, member_name)
        value = self.value
        args = value if isinstance(value, tuple) else (value, )
        if enum_class._member_type_ is tuple:
            args = (args, )
        if enum_class._use_args_:
            new_member = enum_class._new_member_(enum_class, *args)
        else:
            new_member = enum_class._new_member_(enum_class)
        if not hasattr(new_member, '_value_'):
            if enum_class._member_type_ is object:
                new_member._value_ = value
            else:
                try:
                    new_member._value_ = enum_class._member_type_(*args)
                except Exception as exc:
                    error = TypeError('_value_ not set in __new__, unable to create it')
                    error.__cause__ = exc
                    raise error
        value = new_member._value_
        new_member._name_ = member_name
        new_member.__objclass__ = enum_class
        new_member.__init__(*args)
        new_member._sort_order_ = len(enum_class._member_names_)
        is_flag = Flag is not None and issubclass(enum_class, Flag)
        if is_flag:
            enum_class._flag_mask_ |= value
            if _is_single_bit(value):
                enum_class._singles_mask_ |= value
            enum_class._all_bits_ = 2 ** ((enum_class._flag_mask_).bit_length()) - 1
        # An earlier member with an equal value makes this name an alias.
        canonical = _find_by_value(enum_class, value)
        if canonical is None:
            if not is_flag or _is_single_bit(value):
                enum_class._member_names_.append(member_name)
        else:
            new_member = canonical
        # A property of that name on a base class keeps working on members.
        found = None
        for base in enum_class.__mro__[1:]:
            attr = base.__dict__.get(member_name)
            if attr is None:
                continue
            if isinstance(attr, (property, _builtin_property)):
                found = attr
                break
            if hasattr(attr, 'fget') and hasattr(attr, 'fset') and hasattr(attr, 'fdel'):
                found = attr
        if found is not None:
            redirect = property()
            redirect.member = new_member
            redirect.__set_name__(enum_class, member_name)
            redirect.fget = found.fget
            redirect.fset = found.fset
            redirect.fdel = found.fdel
            setattr(enum_class, member_name, redirect)
        else:
            setattr(enum_class, member_name, new_member)
        enum_class._member_map_[member_name] = new_member
        try:
            enum_class._value2member_map_.setdefault(value, new_member)
        except TypeError:
            enum_class._unhashable_values_.append(value)


def _find_by_value(enum_class, value):
    """The member with this value, or None."""
    try:
        return enum_class._value2member_map_[value]
    except KeyError:
        return None
    except TypeError:
        for m in enum_class._member_map_.values():
            if m._value_ == value:
                return m
        return None


_ALLOWED_SUNDERS = ('_order_', '_generate_next_value_', '_numeric_repr_', '_missing_',
                    '_ignore_', '_iter_member_', '_iter_member_by_value_',
                    '_iter_member_by_def_')


class _EnumDict(dict):
    """The namespace of an enum class suite: keeps member names in order,
    refuses reused names and resolves auto() values."""

    def __init__(self):
        super().__init__()
        self._member_names = {}
        self._last_values = []
        self._ignore = []
        self._auto_called = False
        self._cls_name = None

    def __setitem__(self, key, value):
        if _is_private(self._cls_name, key):
            pass
        elif _is_sunder(key):
            if key not in _ALLOWED_SUNDERS:
                raise ValueError('_sunder_ names, such as %r, are reserved for future Enum use'
                                 % (key, ))
            if key == '_generate_next_value_':
                if self._auto_called:
                    raise TypeError("_generate_next_value_ must be defined before members")
                gnv = value.__func__ if isinstance(value, staticmethod) else value
                setattr(self, '_generate_next_value', gnv)
            elif key == '_ignore_':
                if isinstance(value, str):
                    value = value.replace(',', ' ').split()
                else:
                    value = list(value)
                self._ignore = value
                already = set(value) & set(self._member_names)
                if already:
                    raise ValueError('_ignore_ cannot specify already set names: %r'
                                     % (already, ))
        elif _is_dunder(key):
            if key == '__order__':
                key = '_order_'
        elif key in self._member_names:
            raise TypeError('%r already defined as %r' % (key, self[key]))
        elif key in self._ignore:
            pass
        elif isinstance(value, nonmember):
            value = value.value
        elif _is_descriptor(value):
            pass
        else:
            if key in self:
                raise TypeError('%r already defined as %r' % (key, self[key]))
            if isinstance(value, member):
                value = value.value
            value, had_auto = self._resolve_auto(key, value)
            self._member_names[key] = None
            if not had_auto:
                self._last_values.append(value)
        super().__setitem__(key, value)

    def _resolve_auto(self, key, value):
        """value with its auto() parts replaced; whether it had any."""
        single = isinstance(value, auto)
        parts = (value, ) if single else value
        if type(parts) is not tuple or not any(isinstance(v, auto) for v in parts):
            return value, False
        resolved = []
        had_auto = False
        for v in parts:
            if isinstance(v, auto):
                had_auto = True
                if v.value is _auto_null:
                    v.value = self._generate_next_value(
                        key, 1, len(self._member_names), self._last_values[:])
                    self._auto_called = True
                v = v.value
                self._last_values.append(v)
            resolved.append(v)
        return (resolved[0] if single else tuple(resolved)), had_auto

    def update(self, members, **more_members):
        if hasattr(members, 'keys'):
            for name in members.keys():
                self[name] = members[name]
        else:
            for name, value in members:
                self[name] = value
        for name, value in more_members.items():
            self[name] = value


class EnumType(type):
    """Metaclass for Enum."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        metacls._check_for_existing_members_(cls, bases)
        enum_dict = _EnumDict()
        enum_dict._cls_name = cls
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        if first_enum is not None:
            enum_dict['_generate_next_value_'] = getattr(first_enum, '_generate_next_value_', None)
        return enum_dict

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        if _simple:
            return super().__new__(metacls, cls, bases, classdict, **kwds)
        classdict.setdefault('_ignore_', []).append('_ignore_')
        for key in classdict['_ignore_']:
            classdict.pop(key, None)
        member_names = list(classdict._member_names)
        invalid = set(member_names) & {'mro', ''}
        if invalid:
            raise ValueError('invalid enum member name(s) %s'
                             % (','.join(repr(n) for n in invalid), ))
        order = classdict.pop('_order_', None)
        ns = dict(classdict.items())
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        new, save_new, use_args = metacls._find_new_(ns, member_type, first_enum)
        ns['_new_member_'] = new
        ns['_use_args_'] = use_args
        for name in member_names:
            ns[name] = _MemberProto(ns[name])
        ns['_member_names_'] = []
        ns['_member_map_'] = {}
        ns['_value2member_map_'] = {}
        ns['_unhashable_values_'] = []
        ns['_member_type_'] = member_type
        ns['_value_repr_'] = metacls._find_data_repr_(cls, bases)
        ns['_boundary_'] = boundary or getattr(first_enum, '_boundary_', None)
        ns['_flag_mask_'] = 0
        ns['_singles_mask_'] = 0
        ns['_all_bits_'] = 0
        ns['_inverted_'] = None
        try:
            error = None
            enum_class = super().__new__(metacls, cls, bases, ns, **kwds)
        except RuntimeError as e:
            # an error in __set_name__ comes wrapped in a RuntimeError
            error = e.__cause__ or e
        if error is not None:
            raise error
        ns.update(enum_class.__dict__)
        if ReprEnum is not None and ReprEnum in bases:
            if member_type is object:
                raise TypeError('ReprEnum subclasses must be mixed with a data type (i.e.'
                                ' int, str, float, etc.)')
            if '__format__' not in ns:
                enum_class.__format__ = member_type.__format__
                ns['__format__'] = enum_class.__format__
            if '__str__' not in ns:
                method = member_type.__str__
                if method is object.__str__:
                    method = member_type.__repr__
                enum_class.__str__ = method
                ns['__str__'] = enum_class.__str__
        for name in ('__repr__', '__str__', '__format__', '__reduce_ex__'):
            if name not in ns:
                enum_method = getattr(first_enum, name)
                found = getattr(enum_class, name)
                if found is getattr(member_type, name) or found is getattr(object, name):
                    setattr(enum_class, name, enum_method)
        is_flag = Flag is not None and issubclass(enum_class, Flag)
        if is_flag:
            for name in ('__or__', '__and__', '__xor__', '__ror__', '__rand__', '__rxor__',
                         '__invert__'):
                if name not in ns:
                    method = getattr(Flag, name)
                    setattr(enum_class, name, method)
                    ns[name] = method
        if Enum is not None:
            if save_new:
                enum_class.__new_member__ = new
            enum_class.__new__ = Enum.__new__
        if order is not None and isinstance(order, str):
            order = order.replace(',', ' ').split()
        if not is_flag and (Flag is not None or cls != 'Flag'):
            for name in ('_boundary_', '_flag_mask_', '_singles_mask_', '_all_bits_',
                         '_inverted_'):
                delattr(enum_class, name)
        elif is_flag:
            values = [m._value_ for m in enum_class]
            if values != sorted(values):
                enum_class._iter_member_ = enum_class._iter_member_by_def_
            if order:
                order = [o for o in order
                         if o not in enum_class._member_map_
                         or _is_single_bit(enum_class[o]._value_)]
        if order:
            order = [o for o in order
                     if o not in enum_class._member_map_ or o in enum_class._member_names_]
            if order != enum_class._member_names_:
                raise TypeError('member order does not match _order_:\n  %r\n  %r'
                                % (enum_class._member_names_, order))
        return enum_class

    def __bool__(cls):
        return True

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        """Color(3) looks a member up by value; Enum('Color', 'RED GREEN')
        creates a new enumeration."""
        if names is not None:
            return cls._create_(value, names, module=module, qualname=qualname,
                                type=type, start=start, boundary=boundary)
        return cls.__new__(cls, value)

    def __contains__(cls, member):
        if isinstance(member, Enum):
            return isinstance(member, cls) and member._name_ in cls._member_map_
        raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'"
                        % (_bltns.type(member).__qualname__, _bltns.type(cls).__qualname__))

    def __delattr__(cls, attr):
        if attr not in cls._member_map_:
            return super().__delattr__(attr)
        raise AttributeError("%r cannot delete member %r." % (cls.__name__, attr))

    def __dir__(cls):
        shown = {'__class__', '__contains__', '__doc__', '__getitem__', '__iter__',
                 '__len__', '__members__', '__module__', '__name__', '__qualname__'}
        shown.update(cls._member_names_)
        if cls._new_member_ is not object.__new__:
            shown.add('__new__')
        if cls.__init_subclass__ is not object.__init_subclass__:
            shown.add('__init_subclass__')
        if cls._member_type_ is not object:
            shown.update(dir(cls._member_type_))
        return sorted(shown)

    def __getattr__(cls, name):
        if not _is_dunder(name) and name in cls._member_map_:
            return cls._member_map_[name]
        raise AttributeError(name)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        members = cls._member_map_
        return (members[name] for name in cls._member_names_)

    def __len__(cls):
        return len(cls._member_names_)

    @_builtin_property
    def __members__(cls):
        """Read-only view of every name (aliases too) and its member."""
        return MappingProxyType(cls._member_map_)

    def __repr__(cls):
        kind = 'flag' if Flag is not None and issubclass(cls, Flag) else 'enum'
        return f"<{kind} {cls.__name__!r}>"

    def __reversed__(cls):
        members = cls._member_map_
        return (members[name] for name in cls._member_names_[::-1])

    def __setattr__(cls, name, value):
        if name in vars(cls).get('_member_map_', ()):
            raise AttributeError(f'cannot reassign member {name!r}')
        super().__setattr__(name, value)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        """The functional API: a new enum class with the given members."""
        metacls = _bltns.type(cls)
        bases = (cls,) if type is None else (type, cls)
        first_enum = cls._get_mixins_(class_name, bases)[1]
        body = metacls.__prepare__(class_name, bases)
        for member_name, member_value in _member_pairs(names, first_enum, start):
            body[member_name] = member_value
        if module is None:
            try:
                module = sys._getframe(2).f_globals['__name__']
            except (AttributeError, ValueError, KeyError):
                module = '__main__'
        body['__module__'] = module
        if qualname is not None:
            body['__qualname__'] = qualname
        return metacls.__new__(metacls, class_name, bases, body, boundary=boundary)

    @classmethod
    def _check_for_existing_members_(mcls, class_name, bases):
        for base in bases:
            for ancestor in base.__mro__:
                if isinstance(ancestor, EnumType) and ancestor._member_names_:
                    raise TypeError(f"<enum {class_name!r}> cannot extend {ancestor!r}")

    @classmethod
    def _get_mixins_(mcls, class_name, bases):
        """(type of the member values, the enum class to build on)."""
        if not bases:
            return object, Enum
        mcls._check_for_existing_members_(class_name, bases)
        last = bases[-1]
        if isinstance(last, EnumType):
            return mcls._find_data_type_(class_name, bases) or object, last
        raise TypeError("new enumerations should be created as "
                        "`EnumName([mixin_type, ...] [data_type,] enum_type)`")

    @classmethod
    def _find_data_repr_(mcls, class_name, bases):
        for base in bases:
            for ancestor in base.__mro__:
                if ancestor is object:
                    continue
                if isinstance(ancestor, EnumType):
                    return ancestor._value_repr_
                own = vars(ancestor)
                if '__repr__' in own:
                    return own['__repr__']
        return None

    @classmethod
    def _find_data_type_(mcls, class_name, bases):
        found = set()
        for base in bases:
            found.update(_data_type_of(base))
        if len(found) > 1:
            raise TypeError('too many data types for %r: %r' % (class_name, found))
        return found.pop() if found else None

    @classmethod
    def _find_new_(mcls, classdict, member_type, first_enum):
        """(the __new__ that creates members, whether this class body gave it,
        whether member values are passed to it)."""
        given = classdict.get('__new__')
        new = given
        if new is None:
            unusable = [None, None.__new__, object.__new__]
            if Enum is not None:
                unusable.append(Enum.__new__)
            candidates = [getattr(source, attr, None)
                          for attr in ('__new_member__', '__new__')
                          for source in (member_type, first_enum)]
            new = next((c for c in candidates if not any(c is u for u in unusable)),
                       object.__new__)
        pass_values = not (first_enum is None or new is object.__new__
                           or (Enum is not None and new is Enum.__new__))
        return new, first_enum is not None and given is not None, pass_values


def _data_type_of(base):
    """The data type a base contributes to an enum: the first class in its
    MRO with its own __new__ (or a dataclass), or an enum's member type."""
    first_plain = None
    for ancestor in base.__mro__:
        if ancestor is object:
            continue
        if isinstance(ancestor, EnumType):
            if ancestor._member_type_ is not object:
                return [ancestor._member_type_]
            continue
        own = vars(ancestor)
        if '__new__' in own or '__dataclass_fields__' in own:
            return [first_plain or ancestor]
        first_plain = first_plain or ancestor
    return []


def _member_pairs(names, first_enum, start):
    """(name, value) pairs from the functional API's `names` argument: a
    string or sequence of names (values generated), pairs, or a mapping."""
    if names is None:
        return []
    if isinstance(names, str):
        names = names.replace(',', ' ').split()
    if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
        generated = []
        for count, name in enumerate(names):
            generated.append(first_enum._generate_next_value_(
                name, start, count, generated[:]))
        return list(zip(names, generated))
    if hasattr(names, 'keys') and not isinstance(names, (tuple, list)):
        return [(key, names[key]) for key in names]
    return [tuple(item) for item in names]

EnumMeta = EnumType


_NOT_A_MEMBER = object()


def _member_for_value(cls, value):
    """The member with this value, or _NOT_A_MEMBER; unhashable values are
    compared against every member."""
    if type(value) is cls:
        return value
    try:
        return cls._value2member_map_.get(value, _NOT_A_MEMBER)
    except TypeError:
        for candidate in cls._member_map_.values():
            if candidate._value_ == value:
                return candidate
    return _NOT_A_MEMBER


def _value_lookup_failed(cls, value):
    """Ask cls._missing_ for value; return what it found, or raise the
    error a failed lookup reports."""
    problem = None
    try:
        found = cls._missing_(value)
    except Exception as error:
        problem, found = error, None
    if isinstance(found, cls):
        return found
    ejects = Flag is not None and issubclass(cls, Flag) and cls._boundary_ is EJECT
    if ejects and isinstance(found, int):
        return found
    invalid = ValueError("%r is not a valid %s" % (value, cls.__qualname__))
    if problem is None:
        if found is None:
            raise invalid
        problem = TypeError('error in %s._missing_: returned %r instead of None or a valid member'
                            % (cls.__name__, found))
    if not isinstance(problem, ValueError):
        problem.__context__ = invalid
    raise problem


def _increment_last(start, last_values):
    """auto() for plain enums: one more than the latest value when it is the
    largest so far, otherwise one more than the largest value that allows it."""
    if not last_values:
        return start
    latest = last_values[-1]
    try:
        last_values.sort()
        latest_is_max = latest == last_values[-1]
    except TypeError:
        latest_is_max = False
    if latest_is_max:
        try:
            return latest + 1
        except TypeError:
            pass
    for earlier in last_values[::-1]:
        try:
            return earlier + 1
        except TypeError:
            continue
    return start


def _public_member_attributes(member):
    """The non-underscore names dir() shows on a member (beyond the fixed
    dunders): instance attributes and class attributes that are not members,
    with properties shadowing members only when they have a getter."""
    kind = type(member)
    members = kind._member_map_
    shown = set(object.__dir__(member)) if kind._member_type_ is not object else set()
    shown.update(name for name in getattr(member, '__dict__', ())
                 if not name.startswith('_') and name not in members)
    for klass in kind.mro():
        for name, attr in vars(klass).items():
            if name.startswith('_'):
                continue
            if not isinstance(attr, property):
                if name not in members:
                    shown.add(name)
            elif attr.fget is not None or name not in members:
                shown.add(name)
            else:
                shown.discard(name)
    return shown


class Enum(metaclass=EnumType):
    """Base class of enumerations: a fixed set of named, unique values.

    Subclass it and assign the members in the class body; Color(1) and
    Color['RED'] look members up by value and by name."""

    def __new__(cls, value):
        # Called only to look members up (they are created with the class).
        found = _member_for_value(cls, value)
        if found is not _NOT_A_MEMBER:
            return found
        if not cls._member_map_:
            raise TypeError("%r has no members defined" % cls)
        return _value_lookup_failed(cls, value)

    def __init__(self, *args, **kwds):
        pass

    def _generate_next_value_(name, start, count, last_values):
        """auto(): one more than the last value (start for the first)."""
        return _increment_last(start, last_values)

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        kind = type(self)
        show = kind._value_repr_ or repr
        return f"<{kind.__name__}.{self._name_}: {show(self._value_)}>"

    def __str__(self):
        return f"{type(self).__name__}.{self._name_}"

    def __dir__(self):
        fixed = {'__class__', '__doc__', '__eq__', '__hash__', '__module__'}
        return sorted(fixed | _public_member_attributes(self))

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return type(self), (self._value_,)

    def __deepcopy__(self, memo):
        return self

    def __copy__(self):
        return self

    @property
    def name(self):
        """The member's name."""
        return self._name_

    @property
    def value(self):
        """The member's value."""
        return self._value_


class ReprEnum(Enum):
    """Enum whose str() and format() are those of the mixed-in data type;
    only repr() is the enum's."""


class IntEnum(int, ReprEnum):
    """Enum whose members are ints."""


# StrEnum's constructor checks, mirroring str(object, encoding, errors).
_STR_ARGUMENT_CHECKS = (
    (0, '%r is not a string'),
    (1, 'encoding must be a string, not %r'),
    (2, 'errors must be a string, not %r'),
)


class StrEnum(str, ReprEnum):
    """Enum whose members are strs."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError('too many arguments for str(): %r' % (values, ))
        for position, message in _STR_ARGUMENT_CHECKS:
            if position == 0 and len(values) != 1:
                continue
            if position < len(values) and not isinstance(values[position], str):
                raise TypeError(message % (values[position],))
        text = str(*values)
        made = str.__new__(cls, text)
        made._value_ = text
        return made

    def _generate_next_value_(name, start, count, last_values):
        """auto(): the member's name in lower case."""
        return name.lower()


def pickle_by_global_name(self, proto):
    return self.name


_reduce_ex_by_global_name = pickle_by_global_name


def pickle_by_enum_name(self, proto):
    return getattr, (type(self), self._name_)

class FlagBoundary(StrEnum):
    """What a Flag does with values outside its members: STRICT raises
    (Flag's default), CONFORM drops the extra bits, EJECT returns a plain
    int, KEEP keeps them (IntFlag's default)."""
    STRICT = auto()
    CONFORM = auto()
    EJECT = auto()
    KEEP = auto()


STRICT, CONFORM, EJECT, KEEP = FlagBoundary


def _flag_operator(combine, name):
    def operator(self, other):
        other_value = self._operand(other)
        if other_value is None:
            return NotImplemented
        return type(self)(combine(self._value_, other_value))
    operator.__name__ = name
    return operator


class Flag(Enum, boundary=STRICT):
    """Members are bit flags that combine with |, & , ^ and ~."""

    _numeric_repr_ = repr

    def _generate_next_value_(name, start, count, last_values):
        """Twice the highest bit used so far (start, or 1, for the first)."""
        if count == 0:
            return 1 if start is None else start
        highest = max(last_values)
        try:
            top = _high_bit(highest)
        except Exception:
            raise TypeError('invalid flag value %r' % highest) from None
        return 1 << (top + 1)

    @classmethod
    def _iter_member_by_value_(cls, value):
        """Members whose single bit is in value, lowest bit first."""
        lookup = cls._value2member_map_
        for bit in _iter_bits_lsb(value & cls._flag_mask_):
            yield lookup.get(bit)

    _iter_member_ = _iter_member_by_value_

    @classmethod
    def _iter_member_by_def_(cls, value):
        """Members whose single bit is in value, in definition order."""
        chosen = list(cls._iter_member_by_value_(value))
        chosen.sort(key=lambda member: member._sort_order_)
        yield from chosen

    @classmethod
    def _apply_boundary(cls, value):
        """Bring an out-of-range value within the flags per the boundary;
        returns (value, done) where done means `value` is the final answer."""
        everything = cls._all_bits_
        mask = cls._flag_mask_
        in_range = ~everything <= value <= everything
        if in_range and not value & (everything ^ mask):
            return value, False
        rule = cls._boundary_
        if rule is STRICT:
            width = max(value.bit_length(), mask.bit_length())
            raise ValueError("%r invalid value %r\n    given %s\n  allowed %s"
                             % (cls, value, bin(value, width), bin(mask, width)))
        if rule is CONFORM:
            return value & mask, False
        if rule is EJECT:
            return value, True
        if rule is KEEP:
            if value < 0:
                value += max(everything + 1, 1 << value.bit_length())
            return value, False
        raise ValueError('%r unknown flag boundary %r' % (cls, rule))

    @classmethod
    def _missing_(cls, value):
        """Build (and remember) the pseudo-member for a combination of flags."""
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        value, done = cls._apply_boundary(value)
        if done:
            return value
        negative = None
        if value < 0:
            negative = value
            value += cls._all_bits_ + 1
        singles = cls._singles_mask_
        stray = value & ~cls._flag_mask_
        if stray and cls._boundary_ is not KEEP:
            raise ValueError('%s(%r) -->  unknown values %r [%s]'
                             % (cls.__name__, value, stray, bin(stray)))
        base_type = cls._member_type_
        pseudo = object.__new__(cls) if base_type is object else base_type.__new__(cls, value)
        if not hasattr(pseudo, '_value_'):
            pseudo._value_ = value
        pseudo._name_ = cls._compose_name(value, value & singles, value & ~singles)
        pseudo = cls._value2member_map_.setdefault(value, pseudo)
        if negative is not None:
            cls._value2member_map_[negative] = pseudo
        return pseudo

    @classmethod
    def _compose_name(cls, value, single_bits, multi_bits):
        """'A|B' naming the members that make up value (None if none do),
        with any leftover bits shown as a number when the boundary allows."""
        if not (single_bits or multi_bits):
            return None
        parts = [m for m in cls._iter_member_(single_bits)]
        covered = 0
        for member in parts:
            covered |= member._value_
        if multi_bits:
            value = single_bits | multi_bits
            for member in cls._member_map_.values():
                bits = member._value_
                if member not in parts and bits and bits & value == bits:
                    parts.append(member)
                    covered |= bits
        leftover = value ^ covered
        if not covered:
            return None
        if leftover and cls._boundary_ is STRICT:
            raise ValueError('%r: no members with value %r' % (cls, leftover))
        name = '|'.join([member._name_ for member in parts])
        if leftover:
            name += '|' + cls._numeric_repr_(leftover)
        return name

    def __contains__(self, other):
        """Whether every flag of other is set in self."""
        if not isinstance(other, type(self)):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (type(other).__qualname__, type(self).__qualname__))
        return self._value_ & other._value_ == other._value_

    def __iter__(self):
        """The single flags set in self."""
        return iter(list(self._iter_member_(self._value_)))

    def __len__(self):
        return self._value_.bit_count()

    def __repr__(self):
        kind = type(self)
        show = kind._value_repr_ or repr
        label = kind.__name__ if self._name_ is None else f"{kind.__name__}.{self._name_}"
        return f"<{label}: {show(self._value_)}>"

    def __str__(self):
        kind = type(self).__name__
        if self._name_ is not None:
            return f"{kind}.{self._name_}"
        return f"{kind}({self._value_!r})"

    def __bool__(self):
        return self._value_ != 0

    def _operand(self, other):
        """other's value if it can combine with self, else None."""
        if isinstance(other, type(self)):
            return other._value_
        base_type = self._member_type_
        if base_type is not object and isinstance(other, base_type):
            return other
        return None

    __or__ = __ror__ = _flag_operator(lambda a, b: a | b, '__or__')
    __and__ = __rand__ = _flag_operator(lambda a, b: a & b, '__and__')
    __xor__ = __rxor__ = _flag_operator(lambda a, b: a ^ b, '__xor__')

    def __invert__(self):
        if self._inverted_ is None:
            keeps_bits = self._boundary_ in (EJECT, KEEP)
            flipped = ~self._value_ if keeps_bits else self._singles_mask_ & ~self._value_
            self._inverted_ = type(self)(flipped)
        return self._inverted_


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """Support for integer-based Flags."""


def _aliases(enumeration):
    """(alias, canonical name) for every alias of the enumeration."""
    return [(alias, member.name) for alias, member in enumeration.__members__.items()
            if alias != member.name]


def _describe_aliases(pairs):
    return ', '.join([f"{alias} -> {name}" for alias, name in pairs])


def unique(enumeration):
    """Class decorator rejecting enumerations in which two names share a value."""
    pairs = _aliases(enumeration)
    if pairs:
        raise ValueError(f'duplicate values found in {enumeration!r}: {_describe_aliases(pairs)}')
    return enumeration


def _power_of_two(value):
    return value >= 1 and value & (value - 1) == 0


def _module_prefix(member):
    return type(member).__module__.rpartition('.')[2] + '.'


def global_enum_repr(self):
    """Repr a member as module.NAME rather than Class.NAME."""
    return _module_prefix(self) + self._name_


def global_flag_repr(self):
    """Repr a flag as module.NAME, or module.A|module.B for a combination."""
    prefix = _module_prefix(self)
    if self._name_ is None:
        return f"{prefix}{type(self).__name__}({self._value_!r})"
    if _is_single_bit(self._value_):
        return prefix + self._name_
    keep_numbers = self._boundary_ is FlagBoundary.KEEP
    pieces = self._name_.split('|') if keep_numbers else self.name.split('|')
    return '|'.join(piece if keep_numbers and piece[0].isdigit() else prefix + piece
                    for piece in pieces)


def global_str(self):
    """str() of a member as just NAME."""
    if self._name_ is not None:
        return self._name_
    return f"{type(self).__name__}({self._value_!r})"


def global_enum(cls, update_str=False):
    """Class decorator: module-style reprs, and the members copied into the
    defining module's namespace."""
    cls.__repr__ = global_flag_repr if issubclass(cls, Flag) else global_enum_repr
    if update_str or not issubclass(cls, ReprEnum):
        cls.__str__ = global_str
    home = sys.modules.get(cls.__module__)
    if home is not None:
        vars(home).update(cls.__members__)
    return cls


class EnumCheck(StrEnum):
    """Properties that verify() can require of an enumeration."""
    CONTINUOUS = "no skipped integer values"
    NAMED_FLAGS = "multi-flag aliases may not contain unnamed flags"
    UNIQUE = "one name per value"


CONTINUOUS, NAMED_FLAGS, UNIQUE = EnumCheck


def _require_unique(enumeration, kind):
    pairs = _aliases(enumeration)
    if pairs:
        raise ValueError(f'aliases found in {enumeration!r}: {_describe_aliases(pairs)}')


def _require_continuous(enumeration, kind):
    present = {member.value for member in enumeration}
    if len(present) < 2:
        return
    low, high = min(present), max(present)
    if kind == 'flag':
        expected = [1 << bit for bit in range(_high_bit(low) + 1, _high_bit(high))]
    else:
        expected = range(low + 1, high)
    gaps = [value for value in expected if value not in present]
    if gaps:
        text = 'invalid %s %r: missing values %s' % (
            kind, enumeration.__name__, ', '.join(map(str, gaps)))
        raise ValueError(text[:256])


def _require_named_flags(enumeration, kind):
    canonical = enumeration._member_names_
    known = [member.value for member in enumeration]
    offenders = []
    unnamed = 0
    for name, alias in enumeration._member_map_.items():
        if name in canonical or alias.value < 0:
            continue
        lacking = [bit for bit in _iter_bits_lsb(alias.value) if bit not in known]
        if lacking:
            offenders.append(name)
            unnamed |= sum(lacking)
    if not offenders:
        return
    if len(offenders) > 1:
        who = 'aliases %s and %s are missing' % (', '.join(offenders[:-1]), offenders[-1])
    else:
        who = 'alias %s is missing' % offenders[0]
    what = ('value 0x%x' if _is_single_bit(unnamed) else 'combined values of 0x%x') % unnamed
    raise ValueError('invalid Flag %r: %s %s [use enum.show_flag_values(value)'
                     ' for details]' % (enumeration.__name__, who, what))


_CHECKERS = {
    UNIQUE: _require_unique,
    CONTINUOUS: _require_continuous,
    NAMED_FLAGS: _require_named_flags,
}


class verify:
    """Class decorator checking an enumeration for the given EnumCheck
    properties."""

    def __init__(self, *checks):
        self.checks = checks

    def __call__(self, enumeration):
        if Flag is not None and issubclass(enumeration, Flag):
            kind = 'flag'
        elif issubclass(enumeration, Enum):
            kind = 'enum'
        else:
            raise TypeError("the 'verify' decorator only works with Enum and Flag")
        for check in self.checks:
            _CHECKERS[check](enumeration, kind)
        return enumeration
