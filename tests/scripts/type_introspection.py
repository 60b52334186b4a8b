# types of values, isinstance over the builtin hierarchy, type names and reprs
values = [0, True, 1.5, "s", b"b", bytearray(), [], (), {}, set(), frozenset(), range(1), slice(1), None, ..., NotImplemented, len, print, lambda: 0, iter([]), iter(()), iter(""), iter("é"), iter({}), iter({}.values()), iter({}.items()), iter(set()), iter(range(1)), iter(b""), enumerate([]), zip(), map(str, []), filter(None, []), reversed([]), reversed(range(2)), reversed((1,)), (x for x in []), type, object, object(), int, ValueError(), {}.keys(), {}.values(), {}.items(), [].append, "".upper, property(), classmethod(len), staticmethod(len)]
for v in values:
    t = type(v)
    print(t.__name__, t.__module__ if hasattr(t, "__module__") else "?", isinstance(v, object), callable(v))
print(isinstance(True, int), isinstance(True, bool), isinstance(1, bool), isinstance(1.0, int), isinstance(1, float), type(True) is bool, type(1) is int)
print(issubclass(bool, int), issubclass(int, object), issubclass(type, object), issubclass(object, type), isinstance(type, type), isinstance(object, type), isinstance(int, object))
print(type(type), type(object), type(int), type(ValueError), type(type(None)), type(None).__name__)
print(int.__mro__, bool.__mro__, KeyError.__mro__, dict.__mro__)
print(repr(int), repr(type), repr(object), repr(ValueError), repr(type(None)), str(int), f"{float}")
class C: pass
print(repr(C).startswith("<class '__main__.C'>"), C.__module__, C.__name__, type(C()).__qualname__)
print([t.__name__ for t in (int, float, complex if False else str, list, dict)], type(1).__name__ == "int")
print(isinstance([], (list, tuple)), isinstance((), (list, tuple)), isinstance({}, (list, tuple)), isinstance(1, ()))
print(int.__class__, str.__base__, bool.__base__, object.__base__, list.__subclasses__() == [] or True)
print(type(1) == type(2), type(1) != type(1.0), type("") in (str, bytes), {type(1): "int"}[int])
print(hasattr(int, "from_bytes"), hasattr(str, "maketrans"), hasattr(dict, "fromkeys"), hasattr(object, "__init__"), hasattr(1, "__add__"))
print(sorted(n for n in dir(int) if not n.startswith("_"))[:8], "append" in dir(list), "keys" in dir(dict), "__len__" in dir(str))

print(vars(C) is not None, C().__dict__, C.__dict__["__module__"])
