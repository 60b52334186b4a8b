"""Module docstring of modimp_a."""
print("loading modimp_a", __name__)
__all__ = ["X", "f"]
X = 1
Y = 2
_private = 3
def f():
    return "f from " + __name__
counter = 0
