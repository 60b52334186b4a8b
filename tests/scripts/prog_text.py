# text processing: word frequencies, anagram groups, ciphers, palindromes, wrapping
text = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity."""
words = [w.strip(".,").lower() for w in text.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
print(len(words), len(freq), top)
for w, n in top:
    print(f"{w:>8} {'#' * n}")
groups = {}
for w in ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog"]:
    groups.setdefault("".join(sorted(w)), []).append(w)
print(sorted(groups.values(), key=lambda g: (-len(g), g)))
def caesar(s, k):
    out = []
    for ch in s:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + k) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)
enc = caesar("Hello, World!", 3)
print(enc, caesar(enc, -3), caesar("xyz ABC", 5))
def is_pal(s):
    clean = [c.lower() for c in s if c.isalnum()]
    return clean == clean[::-1]
print([s for s in ["A man, a plan, a canal: Panama", "racecar", "hello", "Was it a car or a cat I saw?", ""] if is_pal(s)])
def wrap(s, width):
    lines, cur = [], ""
    for w in s.split():
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}" if cur else w
    if cur:
        lines.append(cur)
    return lines
for line in wrap(text, 32):
    print(f"|{line:<32}|")
print(text.count("it was"), text.lower().count("it was"), text.find("worst"), text.title()[:30], text.swapcase()[:20])
table = str.maketrans("aeiou", "AEIOU", ",.")
print(text.translate(table)[:60])
vowels = {v: sum(c == v for c in text.lower()) for v in "aeiou"}
print(vowels, max(vowels, key=vowels.get))
print(" ".join(w[::-1] for w in "reverse each word".split()), "-".join(reversed("abc")), "x".join("12"))
csv = "name,age,city\nann,31,paris\nbo,25,rome\n"
rows = [line.split(",") for line in csv.strip().splitlines()]
header, *data = rows
print([dict(zip(header, r)) for r in data])
print(f"{'name':<6}|{'age':>4}|{'city':^8}|")
for r in data:
    print(f"{r[0]:<6}|{int(r[1]):>4}|{r[2]:^8}|")
