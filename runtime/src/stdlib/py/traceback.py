"""traceback: extracting, formatting and printing exceptions and stacks (atoll).

Whole reports (format_exception, print_exception, format_exc, print_exc) come
from the native formatter atoll uses for uncaught exceptions, so they are
printed exactly as the interpreter prints them, carets and chained exceptions
included. Extracted entries (extract_tb, extract_stack, StackSummary) carry
file, line number, function and source line; they have no column positions,
so their formatted form has no carets.
"""

import sys
import _traceback
import linecache

__all__ = [
    "extract_stack", "extract_tb", "format_exception", "format_exception_only",
    "format_list", "format_stack", "format_tb", "print_exc", "format_exc",
    "print_exception", "print_last", "print_stack", "print_tb", "clear_frames",
    "FrameSummary", "StackSummary", "TracebackException", "walk_stack", "walk_tb",
]

_NOTHING = object()
_REPEAT_AFTER = 3


class FrameSummary:
    """One entry of a stack: filename, lineno, name and the (stripped) source
    line, read when first asked for. Unpacks as a 4-tuple."""

    __slots__ = ("filename", "lineno", "name", "_line", "locals", "_markers")

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None, line=None):
        self._markers = ""
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        self.locals = None
        if locals:
            self.locals = dict((key, repr(val)) for key, val in locals.items())
        if lookup_line:
            self.line

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = linecache.getline(self.filename, self.lineno) or ""
        return self._line.strip()

    def _fields(self):
        return (self.filename, self.lineno, self.name, self.line)

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return self._fields() == other._fields() and self.locals == other.locals
        if isinstance(other, tuple):
            return self._fields() == other
        return NotImplemented

    def __getitem__(self, pos):
        return self._fields()[pos]

    def __iter__(self):
        return iter(self._fields())

    def __len__(self):
        return 4

    def __repr__(self):
        return "<FrameSummary file {}, line {} in {}>".format(self.filename, self.lineno, self.name)


def _summary(entry):
    if isinstance(entry, FrameSummary):
        return entry
    filename, lineno, name, line = entry
    return FrameSummary(filename, lineno, name, line=line)


class StackSummary(list):
    """A list of FrameSummary entries, oldest first."""

    @classmethod
    def from_list(klass, a_list):
        return klass(_summary(e) for e in a_list)

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True, capture_locals=False):
        entries = []
        for frame, lineno in frame_gen:
            code = frame.f_code
            entries.append(FrameSummary(code.co_filename, lineno, code.co_name,
                                        lookup_line=lookup_lines))
        return klass(_limited(entries, limit))

    def format_frame_summary(self, frame_summary):
        text = '  File "{}", line {}, in {}\n'.format(
            frame_summary.filename, frame_summary.lineno, frame_summary.name)
        if frame_summary.line:
            text += "    {}\n".format(frame_summary.line)
            text += getattr(frame_summary, "_markers", "")
        if frame_summary.locals:
            for key in sorted(frame_summary.locals):
                text += "    %s = %s\n" % (key, frame_summary.locals[key])
        return text

    def format(self):
        out = []
        previous = None
        repeats = 0
        for entry in self:
            key = (entry.filename, entry.lineno, entry.name)
            if key == previous:
                repeats += 1
                if repeats >= _REPEAT_AFTER:
                    continue
            else:
                if repeats > _REPEAT_AFTER - 1:
                    out.append(_repeated(repeats - _REPEAT_AFTER + 1))
                previous = key
                repeats = 0
            out.append(self.format_frame_summary(entry))
        if repeats > _REPEAT_AFTER - 1:
            out.append(_repeated(repeats - _REPEAT_AFTER + 1))
        return out


def _repeated(count):
    return "  [Previous line repeated {} more time{}]\n".format(count, "s" if count > 1 else "")


def _limited(entries, limit):
    if limit is None:
        limit = getattr(sys, "tracebacklimit", None)
        if limit is not None:
            limit = max(limit, 0)
    if limit is None:
        return entries
    if limit >= 0:
        return entries[:limit]
    return entries[limit:]


def walk_tb(tb):
    """(frame, lineno) for each level of a traceback, outermost first."""
    while tb is not None:
        frame, line, tb = tb.tb_frame, tb.tb_lineno, tb.tb_next
        yield frame, line


def walk_stack(f):
    """(frame, lineno) pairs of a frame chain; atoll's frames carry no f_back
    links, so only the frame given is produced."""
    if f is not None:
        yield f, f.f_lineno


def extract_tb(tb, limit=None):
    entries = []
    while tb is not None:
        code = tb.tb_frame.f_code
        entry = FrameSummary(code.co_filename, tb.tb_lineno, code.co_name)
        entry._markers = _traceback.markers(code, tb.tb_lasti, tb.tb_lineno)
        entries.append(entry)
        tb = tb.tb_next
    return StackSummary(_limited(entries, limit))


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    if file is None:
        file = sys.stderr
    for item in format_list(extracted_list):
        print(item, file=file, end="")


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)


def _stack_entries():
    # the running stack minus the frames inside this module
    frames = _traceback.stack()
    while frames and frames[-1][0] == __file__:
        frames.pop()
    return [FrameSummary(fn, ln, name) for fn, ln, name in frames]


def extract_stack(f=None, limit=None):
    entries = _stack_entries()
    if limit is not None:
        entries = entries[-limit:] if limit >= 0 else entries[:-limit]
    return StackSummary(entries)


def format_stack(f=None, limit=None):
    return format_list(extract_stack(f, limit=limit))


def print_stack(f=None, limit=None, file=None):
    print_list(extract_stack(f, limit=limit), file=file)


def _value_of(exc, value):
    return exc if value is _NOTHING else value


def format_exception_only(exc, /, value=_NOTHING):
    value = _value_of(exc, value)
    if value is None:
        return ["NoneType: None\n"]
    if isinstance(value, type) and issubclass(value, BaseException):
        return [value.__qualname__ + "\n"]
    return _traceback.format_exception_only(value).splitlines(keepends=True)


def format_exception(exc, /, value=_NOTHING, tb=_NOTHING, limit=None, chain=True):
    value = _value_of(exc, value)
    if value is None:
        return ["NoneType: None\n"]
    if limit is None and chain and getattr(sys, "tracebacklimit", None) is None:
        return _blocks(_traceback.format_exception(value))
    out = []
    tb = value.__traceback__ if tb is _NOTHING else tb
    if tb is not None:
        out.append("Traceback (most recent call last):\n")
        out.extend(format_tb(tb, limit=limit))
    out.extend(format_exception_only(value))
    return out


def _blocks(text):
    """The report split as CPython's format_exception returns it: one string
    per frame (its File line, source line and carets), per chaining message
    and per other line."""
    out = []
    in_frame = False
    for line in text.splitlines(keepends=True):
        if line.startswith("  File ") or line.lstrip(" |").startswith("File "):
            out.append(line)
            in_frame = True
        elif in_frame and line.startswith("    "):
            out[-1] += line
        elif line == "\n" and out and out[-1].startswith("\n") and out[-1].count("\n") == 2:
            out[-1] += line
            in_frame = False
        elif line == "\n" or (out and out[-1] == "\n" and line.endswith(":\n")):
            if out and out[-1] == "\n":
                out[-1] += line
            else:
                out.append(line)
            in_frame = False
        else:
            out.append(line)
            in_frame = False
    return out


def print_exception(exc, /, value=_NOTHING, tb=_NOTHING, limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end="")


def format_exc(limit=None, chain=True):
    return "".join(format_exception(sys.exc_info()[1], limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(sys.exc_info()[1], limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    if not hasattr(sys, "last_value"):
        raise ValueError("no last exception")
    print_exception(sys.last_value, limit=limit, file=file, chain=chain)


def clear_frames(tb):
    """atoll's traceback frames hold no locals: nothing to clear."""


class TracebackException:
    """An exception captured for later formatting: exc_type, the message
    (str of the exception), the extracted stack, and __cause__/__context__
    as TracebackExceptions."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False, _seen=None):
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))
        self.exc_type = exc_type
        self._value = exc_value
        self._str = _safe_str(exc_value)
        self.stack = StackSummary.extract(walk_tb(exc_traceback), limit=limit)
        self.__notes__ = getattr(exc_value, "__notes__", None)
        self.__suppress_context__ = bool(exc_value is not None and exc_value.__suppress_context__)
        self.__cause__ = None
        self.__context__ = None
        if exc_value is not None:
            for attr in ("__cause__", "__context__"):
                linked = getattr(exc_value, attr)
                if linked is not None and id(linked) not in _seen:
                    setattr(self, attr, TracebackException(
                        type(linked), linked, linked.__traceback__, limit=limit, _seen=_seen))
        if exc_type is not None and issubclass(exc_type, SyntaxError):
            self.filename = exc_value.filename
            self.lineno = exc_value.lineno
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.msg = exc_value.msg

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self):
        if self._value is None:
            yield from format_exception_only(None)
        else:
            yield from format_exception_only(self._value)

    def format(self, *, chain=True):
        if self._value is not None and chain:
            yield from format_exception(self._value)
            return
        if self.stack:
            yield "Traceback (most recent call last):\n"
            yield from self.stack.format()
        yield from self.format_exception_only()

    def print(self, *, file=None, chain=True):
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end="")


def _safe_str(value):
    try:
        return str(value)
    except Exception:
        return "<exception str() failed>"
