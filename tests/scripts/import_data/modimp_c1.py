print("loading modimp_c1")
import modimp_c2
Y = 10
def use():
    return modimp_c2.Z + Y
