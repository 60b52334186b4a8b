"""In-memory text and binary streams (StringIO, BytesIO) and the io names."""

__all__ = ["StringIO", "BytesIO", "UnsupportedOperation", "SEEK_SET",
           "SEEK_CUR", "SEEK_END", "TextIOBase", "IOBase"]

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class UnsupportedOperation(OSError, ValueError):
    pass


class IOBase:
    _closed_msg = "I/O operation on closed file."
    closed = False
    def __enter__(self):
        self._check_closed()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._check_closed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readable(self):
        return True

    def writable(self):
        return True

    def seekable(self):
        return True

    def flush(self):
        self._check_closed()

    def isatty(self):
        return False

    def close(self):
        self.closed = True

    def _check_closed(self):
        if self.closed:
            raise ValueError(self._closed_msg)

    def readlines(self, hint=-1):
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def writelines(self, lines):
        for line in lines:
            self.write(line)


class TextIOBase(IOBase):
    pass


class _MemIO(IOBase):
    _empty = ''
    _kind = 'str'

    def __init__(self, initial):
        self.closed = False
        self._buf = initial
        self._pos = 0

    def getvalue(self):
        self._check_closed()
        return self._buf

    def write(self, s):
        self._check_closed()
        if not isinstance(s, type(self._empty)):
            raise TypeError(self._write_error(s))
        n = len(s)
        if n == 0:
            return 0
        buf = self._buf
        pos = self._pos
        if pos > len(buf):
            buf = buf + self._pad(pos - len(buf))
        self._buf = buf[:pos] + s + buf[pos + n:]
        self._pos = pos + n
        return n

    def read(self, size=-1):
        self._check_closed()
        if size is None or size < 0:
            end = len(self._buf)
        else:
            end = min(len(self._buf), self._pos + size)
        start = min(self._pos, len(self._buf))
        r = self._buf[start:end]
        self._pos = max(self._pos, end)
        return r

    def readline(self, size=-1):
        self._check_closed()
        buf = self._buf
        start = min(self._pos, len(buf))
        if isinstance(buf, str):
            j = buf[start:].find('\n')
            end = len(buf) if j == -1 else start + j + 1
        else:
            end = len(buf)
            for i in range(start, len(buf)):
                if buf[i] == 10:
                    end = i + 1
                    break
        if size is not None and size >= 0:
            end = min(end, start + size)
        self._pos = end
        return buf[start:end]

    def tell(self):
        self._check_closed()
        return self._pos

    def seek(self, pos, whence=0):
        self._check_closed()
        if whence == 0:
            if pos < 0:
                raise ValueError("Negative seek position %d" % pos)
            self._pos = pos
        elif whence == 1:
            if pos != 0 and self._kind == 'str':
                raise OSError("Can't do nonzero cur-relative seeks")
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            if pos != 0 and self._kind == 'str':
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError("invalid whence (%d, should be 0, 1 or 2)" % whence)
        return self._pos

    def truncate(self, size=None):
        self._check_closed()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError("Negative size value %d" % size)
        self._buf = self._buf[:size]
        return size


class StringIO(_MemIO, TextIOBase):
    """Text I/O implementation using an in-memory buffer."""
    _empty = ''
    _kind = 'str'
    _nl = '\n'
    _closed_msg = "I/O operation on closed file"

    def __init__(self, initial_value='', newline='\n'):
        if initial_value is None:
            initial_value = ''
        if not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s" % type(initial_value).__name__)
        _MemIO.__init__(self, initial_value)

    def _pad(self, n):
        return '\0' * n

    def _write_error(self, s):
        return "string argument expected, got '%s'" % type(s).__name__


class BytesIO(_MemIO):
    """Buffered I/O implementation using an in-memory bytes buffer."""
    _empty = b''
    _kind = 'bytes'
    _nl = b'\n'

    def __init__(self, initial_bytes=b''):
        if not isinstance(initial_bytes, bytes):
            initial_bytes = b''.join(bytes([b]) for b in initial_bytes) if initial_bytes else b''
        _MemIO.__init__(self, initial_bytes)

    def _pad(self, n):
        return b'\0' * n

    def _write_error(self, s):
        return "a bytes-like object is required, not '%s'" % type(s).__name__

    def getbuffer(self):
        return self._buf

    def read1(self, size=-1):
        return self.read(size)
