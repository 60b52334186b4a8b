print("loading imppkg", __name__, __package__)
from .sub import val
from . import sub2
PKG_CONST = "pkg"
