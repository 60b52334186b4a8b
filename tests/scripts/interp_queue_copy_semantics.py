from concurrent import interpreters

q = interpreters.create_queue()
data = {'items': [1, 2], 'meta': {'n': 2}}
q.put(data)
data['items'].append(3)
data['meta']['n'] = 99
data['extra'] = True
got = q.get()
print(got)
print(got is data, got == data)
lst = [1, [2]]
q.put(lst)
lst[1].append(3)
print(q.get(), lst)
