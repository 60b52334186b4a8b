import string, copy, types

print(string.ascii_letters, string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits)
print(string.punctuation, repr(string.whitespace), len(string.printable))
print(string.capwords("hello   wide world"), string.capwords("a-b c-d", "-"))
t = string.Template("$who likes ${what}, $$5")
print(t.substitute(who="tim", what="kung pao"), t.substitute({"who": "a", "what": "b"}))
print(t.safe_substitute(who="x"), string.Template("$a$b").substitute(a=1, b=2))
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError", e)
try:
    string.Template("bad $").substitute()
except ValueError as e:
    print(e)

a = [1, [2, 3], {"k": [4]}]
b = copy.copy(a)
c = copy.deepcopy(a)
a[1].append(99)
a[2]["k"].append(5)
print(b, c, b[1] is a[1], c[1] is a[1])
class Pt:
    def __init__(self, x, tags):
        self.x, self.tags = x, tags
p = Pt(1, ["a"])
q = copy.copy(p)
r = copy.deepcopy(p)
p.tags.append("b")
print(q.x, q.tags, r.tags, type(r).__name__)
class Custom:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        return Custom("copied " + self.v)
    def __deepcopy__(self, memo):
        return Custom("deep " + self.v)
print(copy.copy(Custom("x")).v, copy.deepcopy(Custom("y")).v)
cyc = [1]
cyc.append(cyc)
dc = copy.deepcopy(cyc)
print(dc[1] is dc, dc[1] is cyc)
shared = [0]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], copy.deepcopy((1, 2)) == (1, 2), copy.copy({1, 2}), copy.deepcopy({"a": (1, [2])}))

ns = types.SimpleNamespace(a=1, b="x")
ns.c = [1]
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b="x", c=[1]), types.SimpleNamespace())
def fn():
    pass
print(isinstance(fn, types.FunctionType), isinstance(len, types.BuiltinFunctionType), isinstance(None, types.NoneType))
print(isinstance((x for x in []), types.GeneratorType), isinstance(types, types.ModuleType))
