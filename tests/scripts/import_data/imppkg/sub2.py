print("loading imppkg.sub2", __name__)
from .sub import val as v2
from imppkg import sub
doubled = v2 * 2
