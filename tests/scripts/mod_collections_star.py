# from collections import * brings the lazily loaded classes too
# (module __getattr__ consulted for names in __all__).
import sys
import collections
print([n for n in sorted(collections.__all__) if n != "UserString"])
from collections import *
print(ChainMap.__module__, UserDict.__module__, UserList.__name__, deque.__name__, Counter('aab'))
print(collections.ChainMap is ChainMap, ChainMap({'a': 1})['a'])
try:
    collections.not_there
except AttributeError as e:
    print(e)
