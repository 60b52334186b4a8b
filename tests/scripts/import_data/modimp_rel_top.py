try:
    from . import something
except ImportError as e:
    print(type(e).__name__, e)
