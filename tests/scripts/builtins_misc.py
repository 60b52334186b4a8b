# Assorted builtins and printing.
print(1, "a", None, True, 2.5, [1], (1,), {"k": 1})
print("a", "b", sep="-", end="!\n")
print()
print(len([1, 2]), len("abc"), len({"a": 1}), len((1, 2, 3)), len(range(3, 10)))
print(abs(-3), min([5, 2, 8]), max("hello"), sum(range(5)), sum([0.5, 0.25]))
print(list(reversed("abc")), sorted([3, 1, 2], reverse=True))
print(isinstance(1, int), isinstance(True, int), isinstance(1.0, float), isinstance("s", (int, str)))
print(bool(0), bool(""), bool([]), bool([0]), bool(None), bool("x"))
print(str(1) + str(2), int("7") + 1, float("2.5") * 2)
print(range(5), range(1, 10, 2), list(range(1, 10, 2)))
print(divmod(7, 2), pow(2, 10), pow(2, 10, 1000))
x_list_a = []
x_list_b = []
none_value = None
print(none_value is None, x_list_a is not none_value, x_list_a is x_list_b)
print(repr(None), repr(1.0), repr("s"), repr([1, "s"]))
print(hex(255), oct(8), bin(5))
print(chr(65) + chr(66), ord("z"))
print(list(zip("ab", [1, 2], (True, False))))
print(dict(a=1, b=2), list({"x": 1}.items()))
print(callable(len), callable(1))
x = [1, 2, 3]
print(id(x) == id(x))
print(round(7.25, 1), round(10), int(2.999))
