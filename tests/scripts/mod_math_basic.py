import math

def show(label, f, *args):
    try:
        r = f(*args)
        print(label, repr(r), type(r).__name__)
    except Exception as e:
        print(label, type(e).__name__, e)

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
for x in [0, 1, 2, 4, 2.25, 1e300, -1, -0.0, math.inf, math.nan, 10**20, 10**400]:
    show("sqrt", math.sqrt, x)
for x in [1.5, -1.5, 2, -2.0, 0.0, 1e20, -1e20, 3.999999, 10**30, math.inf, math.nan, True]:
    show("floor", math.floor, x)
    show("ceil", math.ceil, x)
    show("trunc", math.trunc, x)
for x in [1, 10, 100, 0.5, 0, -1, 2**1000, 10**400, math.e, math.inf]:
    show("log", math.log, x)
    show("log2", math.log2, x)
    show("log10", math.log10, x)
show("log b", math.log, 8, 2)
show("log b", math.log, 100, 10)
show("log b", math.log, 10**400, 10)
show("log b", math.log, 2**1000, 2)
show("log b1", math.log, 5, 1)
show("log1p", math.log1p, 1e-10)
show("log1p", math.log1p, -1)
for x in [0, 1, -1, 709, 710, -1000, 0.5]:
    show("exp", math.exp, x)
    show("expm1", math.expm1, x)
show("exp2", math.exp2, 10)
for a, b in [(2, 10), (2, 0.5), (-8, 1/3), (0, -1), (0, 0), (10, 400), (-2, 3), (math.inf, 0), (math.nan, 0), (1, math.nan), (2.0, -1)]:
    show("pow", math.pow, a, b)
for a, b in [(7, 3), (-7, 3), (7, -3), (5.5, 2), (1, 0), (math.inf, 1), (3, math.inf)]:
    show("fmod", math.fmod, a, b)
for a, b in [(7, 3), (-7, 3), (5, 2), (7, 2), (1, 0)]:
    show("remainder", math.remainder, a, b)
for x in [-3, 3.5, -0.0, -math.inf]:
    show("fabs", math.fabs, x)
for x in [0.5, 1, -1, 2, math.pi / 4, 0]:
    for f in (math.sin, math.cos, math.tan, math.asin, math.acos, math.atan, math.sinh, math.cosh, math.tanh, math.asinh, math.acosh, math.atanh):
        show(f.__name__, f, x)
show("atan2", math.atan2, 1, 1)
show("atan2", math.atan2, -1, -1)
show("atan2", math.atan2, 0, -1)
show("degrees", math.degrees, math.pi)
show("radians", math.radians, 180)
show("hypot", math.hypot, 3, 4)
show("hypot", math.hypot, 1, 2, 3)
show("hypot", math.hypot)
show("hypot", math.hypot, -5)
show("hypot", math.hypot, math.inf, math.nan)
show("dist", math.dist, (0, 0), (3, 4))
show("dist", math.dist, [1, 2, 3], [4, 5, 6])
show("dist", math.dist, (1,), (1, 2))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(1, 1.05, rel_tol=0.1))
print(math.isclose(0, 1e-12), math.isclose(0, 1e-12, abs_tol=1e-9), math.isclose(math.inf, math.inf))
try:
    math.isclose(1, 2, rel_tol=-1)
except ValueError as e:
    print("isclose", e)
print(math.isfinite(1.0), math.isfinite(math.inf), math.isinf(-math.inf), math.isnan(math.nan), math.isnan(1))
print(math.copysign(3, -0.0), math.copysign(-2, 1), math.copysign(1, math.nan))
print(math.modf(3.5), math.modf(-3.5), math.modf(math.inf), math.modf(0.0))
print(math.frexp(8.0), math.frexp(0.1), math.frexp(-3), math.frexp(0), math.frexp(5e-324))
print(math.ldexp(0.5, 4), math.ldexp(1, -1074), math.ldexp(1, -1075), math.ldexp(3, 2))
show("ldexp", math.ldexp, 1, 2000)
show("ldexp", math.ldexp, 1, 2.0)
for x in [0.5, 1, 5, 10.5, -0.5, -1, 0, 171, 172, 1e-30, -2.5]:
    show("gamma", math.gamma, x)
    show("lgamma", math.lgamma, x)
for x in [0, 0.5, 1, 3, 0.1]:
    show("erf", math.erf, x)
    show("erfc", math.erfc, x)
show("cbrt", math.cbrt, 27)
show("cbrt", math.cbrt, -8)
print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.ulp(1.0), math.ulp(0.0), math.ulp(1e300))
show("sqrt", math.sqrt, "x")
show("sqrt", math.sqrt)
show("sqrt", math.sqrt, 1, 2)
show("floor", math.floor, "x")
show("pow", math.pow, 1)
