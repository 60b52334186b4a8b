"""String constants, capwords() and the $-substitution Template class."""

__all__ = [
    "Template", "ascii_letters", "ascii_lowercase", "ascii_uppercase",
    "capwords", "digits", "hexdigits", "octdigits", "printable",
    "punctuation", "whitespace",
]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = ''.join(chr(code) for code in range(ord('a'), ord('z') + 1))
ascii_uppercase = ascii_lowercase.upper()
ascii_letters = f'{ascii_lowercase}{ascii_uppercase}'
digits = ''.join(str(d) for d in range(10))
hexdigits = f'{digits}abcdefABCDEF'
octdigits = digits[:8]
# Every printable ASCII character that is neither a letter, a digit nor space.
punctuation = ''.join(chr(code) for code in range(33, 127) if not chr(code).isalnum())
printable = f'{digits}{ascii_letters}{punctuation}{whitespace}'


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
