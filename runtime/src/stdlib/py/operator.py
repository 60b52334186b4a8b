"""The operators of Python as plain functions (all implemented natively in
_operator; this module re-exports them and adds the __dunder__ aliases)."""

import _operator
from _operator import *
from _operator import __doc__

__all__ = sorted(name for name in dir(_operator) if not name.startswith('_'))

# Each operator is also available under its special-method spelling, e.g.
# __add__ for add; names ending in '_' (and_, not_, ...) drop that suffix.
_DUNDER_EXCLUDED = ('attrgetter', 'itemgetter', 'methodcaller', 'countOf',
                    'indexOf', 'is_', 'is_not', 'length_hint', 'truth')


def _install_aliases(namespace):
    for name in __all__:
        if name in _DUNDER_EXCLUDED:
            continue
        namespace['__' + name.rstrip('_') + '__'] = namespace[name]


_install_aliases(globals())
del _install_aliases
