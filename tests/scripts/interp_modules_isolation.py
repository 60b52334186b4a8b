import math
import sys
from concurrent import interpreters

interp = interpreters.create()
interp.exec('''if True:
    import math, sys
    math.custom = 'sub'
    sys.custom_flag = 1
    import builtins
    builtins.injected = 'sub builtin'
    print('sub sees', math.custom, injected)
''')
print(hasattr(math, 'custom'), hasattr(sys, 'custom_flag'))
try:
    injected
except NameError:
    print('builtins untouched')
interp.exec('print(math.custom)')
other = interpreters.create()
other.exec('import math; print(hasattr(math, "custom"))')
interp.close()
other.close()
