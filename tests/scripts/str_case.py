# str case mapping and predicates
words = ["hello", "Hello", "HELLO", "hello world", "they're bill's friends", "ß", "ǆungla", "123abc", "", "  ", "MiXeD cAsE", "ﬁsh", "İstanbul", "Σίσυφος", "a1b2 c3"]
for w in words:
    print(repr(w), w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold())
    print(w.isupper(), w.islower(), w.istitle(), w.isalpha(), w.isalnum(), w.isdigit(), w.isdecimal(), w.isnumeric(), w.isspace(), w.isidentifier(), w.isprintable(), w.isascii())
for s in ["123", "١٢٣", "²", "½", "12.5", "-1", "0x1f", "Ⅻ", "\t\n ", "\x1f", "a\x00", "_x1", "1x", "class", "héllo", "\u200b"]:
    print(repr(s), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(), s.isspace(), s.isidentifier(), s.isprintable())
print("Hello World".istitle(), "Hello world".istitle(), "HELLO".istitle(), "A".istitle(), "1A".istitle(), "A1 B2".istitle())
print("ABC".isupper(), "ABC1".isupper(), "1".isupper(), "abc".islower(), "abc1".islower(), "1".islower())
