from collections import ChainMap, UserDict, UserList, OrderedDict
import collections.abc as cabc
base = {'a': 1, 'b': 2}
over = {'b': 20, 'c': 30}
cm = ChainMap(over, base)
print(cm, len(cm), list(cm), cm['b'], cm.get('z', 0), 'a' in cm, dict(cm))
print(list(cm.keys()), list(cm.items()), list(cm.values()), isinstance(cm, cabc.MutableMapping))
child = cm.new_child()
child['a'] = 100
print(child, child.parents, child['a'], cm['a'], cm.new_child({'x': 1}, y=2).maps[0])
try:
    del cm['a']
except KeyError as e:
    print(e)
try:
    cm.pop('zz')
except KeyError as e:
    print(e)
print(cm.pop('zz', 'dflt'), cm.pop('c'), cm)
empty = ChainMap({}, {'q': 1})
try:
    empty.popitem()
except KeyError as e:
    print(e)
print(ChainMap.fromkeys('ab', 0), ChainMap.fromkeys('xy'), ChainMap(), bool(ChainMap({})), bool(empty))
c2 = cm.copy()
c2['new'] = 1
print(cm, c2, cm == dict(cm), cm == {'zz': 1})
print(cm | {'k': 9}, {'k': 9} | cm)
cm |= {'m': 5}
print(cm)
cm.clear()
print(cm, len(cm))

ud = UserDict({'x': 1}, y=2)
print(ud, len(ud), ud['x'], ud.get('q'), 'y' in ud, list(ud), ud.keys(), isinstance(ud, cabc.MutableMapping))
class D(UserDict):
    def __missing__(self, key):
        return key * 2
d = D()
print(d['ab'], d.copy(), type(d.copy()).__name__)
try:
    UserDict()['nope']
except KeyError as e:
    print('KeyError', e)
ud2 = ud | {'z': 3}
print(ud2, type(ud2).__name__, {'w': 0} | ud, ud == {'x': 1, 'y': 2}, ud.pop('x'), ud.setdefault('s', 7), ud)
ud |= {'t': 8}
print(ud, UserDict.fromkeys('ab', 1), ud.copy() == ud)

ul = UserList([3, 1, 2])
print(ul, len(ul), ul[0], ul[1:], type(ul[1:]).__name__, ul + [9], [0] + ul, ul * 2, 2 * ul)
print(ul < [4], ul <= UserList([3, 1, 2]), ul == [3, 1, 2], ul > [3], ul >= [3, 1, 3])
ul.append(5); ul.insert(0, 7); ul.extend(UserList([8])); ul.extend((6,))
print(ul, ul.pop(), ul.pop(0), ul.count(1), ul.index(2))
ul.sort(); print(ul); ul.reverse(); print(ul); ul.remove(8); print(ul)
ul += [1]; ul *= 2
print(ul, 3 in ul, list(reversed(ul)), ul.copy(), isinstance(ul, cabc.MutableSequence))
del ul[0]; ul[0] = 'x'; print(ul)
ul.clear(); print(ul, UserList(), UserList(UserList((1, 2))), UserList(range(3)))
