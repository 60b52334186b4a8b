"""Word frequencies over generated text, without regular expressions.

A deterministic generator writes SCALE thousand lines of pseudo-English
(words made of syllables, mixed case, punctuation). The program splits the
lines into words by scanning characters, normalizes them, counts words and
word pairs with dicts and collections.Counter, and prints the most common
entries (ties broken alphabetically), plus a few length statistics.
"""

import sys
from collections import Counter

DEFAULT_SCALE = 20

SYLLABLES = ["ta", "ke", "ri", "mon", "sa", "lu", "ve", "dor", "in", "a", "qua", "el", "sh", "to"]
PUNCTUATION = ",.;:!?\"'()"


class TextGen:
    def __init__(self, seed):
        self.state = seed
        self.vocab = []
        for i in range(600):
            n = 1 + self.next(4)
            self.vocab.append("".join(SYLLABLES[self.next(len(SYLLABLES))] for _ in range(n)))

    def next(self, bound):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 9) % bound

    def zipf_word(self):
        # Smaller indexes are much more likely: pick the minimum of three draws.
        i = min(self.next(600), self.next(600), self.next(600))
        return self.vocab[i]

    def line(self):
        words = []
        for _ in range(5 + self.next(10)):
            w = self.zipf_word()
            r = self.next(20)
            if r == 0:
                w = w.upper()
            elif r < 4:
                w = w.capitalize()
            if self.next(8) == 0:
                w += PUNCTUATION[self.next(len(PUNCTUATION))]
            if self.next(30) == 0:
                w = "(" + w + ")"
            words.append(w)
        return " ".join(words)


def split_words(line):
    words = []
    current = []
    for ch in line:
        if ch.isalpha() or ch == "-":
            current.append(ch)
        elif current:
            words.append("".join(current).lower())
            current = []
    if current:
        words.append("".join(current).lower())
    return words


def main(scale):
    gen = TextGen(2024)
    lines = [gen.line() for _ in range(scale * 1000)]
    counts = {}
    pairs = Counter()
    lengths = Counter()
    total = 0
    for line in lines:
        words = split_words(line)
        total += len(words)
        for w in words:
            counts[w] = counts.get(w, 0) + 1
            lengths[len(w)] += 1
        pairs.update(zip(words, words[1:]))
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    print("lines: %d, words: %d, distinct: %d" % (len(lines), total, len(counts)))
    for word, n in ranked[:15]:
        print("%-14s %6d %6.3f%%" % (word, n, 100.0 * n / total))
    print("least common: %s" % ", ".join(w for w, _ in ranked[-5:]))
    print("most common pair count: %d" % pairs.most_common(1)[0][1])
    for (a, b), n in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[:8]:
        print("pair %s %s: %d" % (a, b, n))
    print("lengths: %s" % " ".join("%d:%d" % kv for kv in sorted(lengths.items())))
    longest = max(counts, key=lambda w: (len(w), w))
    print("longest word: %s (%d)" % (longest, len(longest)))
    print("sample: %s" % lines[7])


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SCALE)
