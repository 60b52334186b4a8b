import operator
print(operator.__all__)
names = sorted(n for n in dir(operator) if n.startswith('__') and n.endswith('__')
               and callable(getattr(operator, n)) and n not in ('__loader__',))
print(names)
print(all(getattr(operator, n) is getattr(operator, n[2:-2], None) or
          getattr(operator, n) is getattr(operator, n[2:-2] + '_') for n in names))
print(operator.__add__(2, 3), operator.__not__(0), operator.__call__(max, 1, 5))
