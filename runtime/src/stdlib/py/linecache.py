"""linecache: the lines of source files, read once and kept (atoll).

getline(filename, lineno) gives one line with its line end, or '' when the
file can't be read or has no such line; getlines(filename) gives them all.
"""

__all__ = ["getline", "getlines", "clearcache", "checkcache", "lazycache"]

cache = {}


def getlines(filename, module_globals=None):
    """Every line of the file (each with its line end); [] if unreadable."""
    if filename in cache:
        return cache[filename]
    if not filename or (filename.startswith("<") and filename.endswith(">")):
        return []
    try:
        with open(filename, encoding="utf-8") as f:
            lines = f.readlines()
    except (OSError, UnicodeDecodeError, ValueError):
        return []
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    cache[filename] = lines
    return lines


def getline(filename, lineno, module_globals=None):
    """Line `lineno` (counting from 1) of the file, or ''."""
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ""


def clearcache():
    """Forgets every file read so far."""
    cache.clear()


def checkcache(filename=None):
    """Forgets `filename` (every file when None), so that it is read again."""
    if filename is None:
        cache.clear()
    else:
        cache.pop(filename, None)


def lazycache(filename, module_globals):
    """Nothing to defer here: files are read when first asked for."""
    return False
