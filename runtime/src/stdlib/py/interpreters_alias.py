"""interpreters: another name for concurrent.interpreters (as in the PyPI
backport's examples)."""

from concurrent.interpreters import *
from concurrent.interpreters import __all__
