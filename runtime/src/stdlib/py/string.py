"""A collection of string constants and helpers (capwords, Template)."""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join(w[:1].upper() + w[1:].lower() for w in s.split(sep))


def _is_ident_start(c):
    return c == '_' or ('a' <= c <= 'z') or ('A' <= c <= 'Z')


def _is_ident_char(c):
    return _is_ident_start(c) or ('0' <= c <= '9')


class Template:
    """A string class for supporting $-substitutions."""
    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _scan(self, mapping, safe):
        s = self.template
        out = []
        i = 0
        n = len(s)
        d = self.delimiter
        while i < n:
            c = s[i]
            if c != d:
                out.append(c)
                i += 1
                continue
            if i + 1 < n and s[i + 1] == d:
                out.append(d)
                i += 2
                continue
            if i + 1 < n and s[i + 1] == '{':
                j = s[i + 2:].find('}')
                if j != -1:
                    j += i + 2
                name = s[i + 2:j] if j != -1 else ''
                if j != -1 and name and _is_ident_start(name[0]) and all(_is_ident_char(ch) for ch in name):
                    if name in mapping:
                        out.append(str(mapping[name]))
                    elif safe:
                        out.append(s[i:j + 1])
                    else:
                        raise KeyError(name)
                    i = j + 1
                    continue
            elif i + 1 < n and _is_ident_start(s[i + 1]):
                j = i + 1
                while j < n and _is_ident_char(s[j]):
                    j += 1
                name = s[i + 1:j]
                if name in mapping:
                    out.append(str(mapping[name]))
                elif safe:
                    out.append(s[i:j])
                else:
                    raise KeyError(name)
                i = j
                continue
            if safe:
                out.append(c)
                i += 1
                continue
            lines = s[:i].split('\n')
            raise ValueError('Invalid placeholder in string: line %d, col %d' %
                             (len(lines), len(lines[-1]) + 1))
        return ''.join(out)

    def substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = {**mapping, **kws}
        return self._scan(mapping, False)

    def safe_substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = {**mapping, **kws}
        return self._scan(mapping, True)
