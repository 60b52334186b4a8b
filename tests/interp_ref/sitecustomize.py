"""Reference runs only (tests/regen_interp_expected.sh): makes the PyPI backport
`backports.interpreters` importable as `concurrent.interpreters` and
`interpreters` under CPython 3.13, in every interpreter (site runs this file at
startup)."""

import sys

try:
    from backports import interpreters as _interpreters
except ImportError:
    pass
else:
    import concurrent
    sys.modules['concurrent.interpreters'] = _interpreters
    sys.modules['concurrent.interpreters._queues'] = _interpreters._queues
    sys.modules['interpreters'] = _interpreters
    concurrent.interpreters = _interpreters
