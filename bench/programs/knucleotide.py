"""K-nucleotide: count k-mers of a DNA sequence read from stdin.

Reads a FASTA-like file (see gen_fasta.py), keeps section >THREE, and
uses its first SCALE thousand nucleotides. For k = 1 and 2 it prints the
frequencies in percent, sorted by decreasing count; for every k from 3 to 18
it counts all k-mers and prints the number of distinct ones and the most
common; finally it prints the counts of a few fixed sequences.
"""

import sys
from collections import Counter, defaultdict

DEFAULT_SCALE = 1000
QUERIES = ["GGT", "GGTA", "GGTATT", "GGTATTTTAATT", "GGTATTTTAATTTATAGT"]


def read_section(stream, name):
    marker = ">" + name
    parts = []
    inside = False
    for line in stream:
        if line.startswith(">"):
            if inside:
                break
            inside = line.startswith(marker)
        elif inside:
            parts.append(line.strip())
    return "".join(parts).upper()


def count_kmers(seq, k):
    counts = defaultdict(int)
    for i in range(len(seq) - k + 1):
        counts[seq[i : i + k]] += 1
    return counts


def frequencies(seq, k):
    counts = Counter(seq[i : i + k] for i in range(len(seq) - k + 1))
    total = sum(counts.values())
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return ["%s %.3f" % (key, 100.0 * n / total) for key, n in ranked]


def main(scale):
    seq = read_section(sys.stdin, "THREE")[: scale * 1000]
    print("sequence length: %d" % len(seq))
    for k in (1, 2):
        for line in frequencies(seq, k):
            print(line)
        print()
    tables = {}
    for k in range(3, 19):
        counts = count_kmers(seq, k)
        tables[k] = counts
        best = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        print("k=%2d distinct=%6d top=%s x%d" % (k, len(counts), best[0], best[1]))
    print()
    for q in QUERIES:
        print("%d\t%s" % (tables[len(q)].get(q, 0), q))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SCALE)
