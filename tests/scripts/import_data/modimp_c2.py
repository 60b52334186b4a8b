print("loading modimp_c2")
import modimp_c1
try:
    modimp_c1.Y
except AttributeError as e:
    print("circular:", e)
Z = 5
