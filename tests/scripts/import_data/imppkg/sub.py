print("loading imppkg.sub", __name__, __package__)
val = 42
