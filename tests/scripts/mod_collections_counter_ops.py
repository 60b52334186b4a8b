from collections import Counter
a = Counter('abracadabra')
b = Counter({'a': 2, 'b': 5, 'z': -1, 'q': 0})
print(a, b, a.total(), a.most_common(2), a.most_common(), sorted(a.elements()))
print(a + b, a - b, a | b, a & b, +b, -b, b - a, Counter() - b)
print(a == Counter('abracadabra'), a != b, a <= a + b, a < a + Counter('x'), a >= a, a > a, Counter('ab') <= Counter('abc'))
print(a == 'x', (a == {}), Counter() == Counter(x=0))
c = Counter(a); c += b; print(c)
c = Counter(a); c -= b; print(c)
c = Counter(a); c |= b; print(c)
c = Counter(a); c &= b; print(c)
c = Counter('aab'); c.update('abc'); c.update({'a': 10}, d=2); print(c)
c.subtract('aaz'); c.subtract({'b': 5}, c=1); print(c)
del c['nope']; del c['a']; print(c, c['missing'])
print(Counter(), repr(Counter(x=1.5, y=2)), Counter(a=[1], b=[0]) if False else '', c.copy() == c, type(c.copy()).__name__)
try:
    Counter.fromkeys('ab')
except NotImplementedError as e:
    print(e)
try:
    a + 1
except TypeError as e:
    print(e)
try:
    a < 1
except TypeError as e:
    print(e)
class Sub(Counter):
    pass
s = Sub('xy')
print(s, type(s + s).__name__, type(s.copy()).__name__, s.__reduce__())
print(list(Counter({'a': 3, 'b': -2, 'c': 0}).elements()))
