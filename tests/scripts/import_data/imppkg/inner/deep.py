print("loading imppkg.inner.deep", __name__, __package__)
from ..sub import val
from .. import PKG_CONST
from . import __name__ as inner_name
total = val + 1
