# import statement forms, packages, relative imports, module attributes and errors
import sys
sys.dont_write_bytecode = True
sys.path.insert(0, "import_data")
print(type(sys).__name__, sys.__name__)
import sys as system
print(system is sys)
from sys import maxsize as ms, platform
print(ms == sys.maxsize, platform == sys.platform)
try:
    import no_such_module_xyz
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from sys import no_such_name
except ImportError as e:
    print(type(e).__name__, e.name)
try:
    import no_such_pkg.sub
except ImportError as e:
    print(type(e).__name__, e)
print(issubclass(ModuleNotFoundError, ImportError))

import modimp_a
import modimp_a as again
print(again is modimp_a, modimp_a.X, modimp_a.f(), modimp_a.__name__, modimp_a.__doc__)
print(modimp_a.__file__.rsplit("/", 1)[-1], repr(modimp_a.__package__))
print([n for n in dir(modimp_a) if not n.startswith("__")])
print(sys.modules["modimp_a"] is modimp_a)
modimp_a.counter += 1
import modimp_a
print(modimp_a.counter)
try:
    modimp_a.zzz
except AttributeError as e:
    print(type(e).__name__, e)
try:
    from modimp_a import nope
except ImportError as e:
    print(type(e).__name__, e.name, e.path.rsplit("/", 1)[-1], str(e).split(" (")[0])
ns = {}
exec("from modimp_a import *", ns)
print(sorted(k for k in ns if k != "__builtins__"))

import imppkg.inner.deep
print(imppkg.inner.deep.total, imppkg.inner.deep.PKG_CONST, imppkg.inner.deep.inner_name)
print(imppkg.val, imppkg.sub2.doubled, imppkg.sub.val, imppkg.PKG_CONST)
print(imppkg.__name__, imppkg.__package__, imppkg.inner.__package__)
print(imppkg.__file__.rsplit("/", 2)[-2:], type(imppkg.__path__).__name__)
from imppkg import inner
from imppkg.inner import deep
print(inner is imppkg.inner, deep is imppkg.inner.deep)
from imppkg.sub import val as v
print(v)
print(sorted(k for k in sys.modules if k.startswith("imppkg")))

for attempt in range(2):
    try:
        import modimp_err
    except ValueError as e:
        print(attempt, type(e).__name__, e, "modimp_err" in sys.modules)

import modimp_c1
print(modimp_c1.use())

import modimp_rel_top

def local_import():
    import modimp_a as la
    from imppkg import val
    return la.Y + val
print(local_import())
print("local_import" in dir(), "la" in dir())
try:
    exec("from . import x")
except ImportError as e:
    print(type(e).__name__, e)
try:
    __import__("no_such_thing_either")
except ImportError as e:
    print(type(e).__name__, e)
m = __import__("imppkg.sub")
print(m.__name__)
m = __import__("imppkg.sub", fromlist=["val"])
print(m.__name__)
import imppkg.sub as s
print(s.__name__, s.val)
try:
    import modimp_a.X
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    import imppkg.missing
except ImportError as e:
    print(type(e).__name__, e, e.name)
e = ImportError("msg", name="nm", path="pth")
print(e, e.name, e.path, e.args)
ModuleType = type(sys)
fake = ModuleType("fake_mod", "fake doc")
fake.value = 99
print(fake.__name__, fake.__doc__, repr(fake)[:17])
sys.modules["fake_mod"] = fake
import fake_mod
from fake_mod import value
print(fake_mod is fake, value)
sys.modules["blocked_mod"] = None
try:
    import blocked_mod
except ImportError as e:
    print(type(e).__name__, e)
print(repr(sys)[:20])
