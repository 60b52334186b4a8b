"""Writes a deterministic FASTA-like DNA file for knucleotide.py to stdout.

Usage: python3 bench/gen_fasta.py LENGTH > FILE

The committed inputs: bench/data/knucleotide_input.txt (LENGTH 60000, the
benchmark input) and bench/programs/knucleotide.stdin (LENGTH 5000, the test input).

Three sections (>ONE, >TWO, >THREE), each LENGTH nucleotides in lines of 60,
drawn from a linear congruential generator with per-section base weights;
section THREE also splices in copies of a few fixed motifs now and then, so
that long k-mers occur more than once.
"""

import sys

MOTIFS = ["GGTATTTTAATTTATAGT", "GGTACCA", "TTAGGG", "ACGTACGTAC"]


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def next_float(self):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return self.state / 2147483648.0


def section(rng, length, weights, motif_rate):
    bases = "ACGT"
    out = []
    while len(out) < length:
        r = rng.next_float()
        if r < motif_rate:
            out.extend(MOTIFS[int(rng.next_float() * len(MOTIFS))])
            continue
        r = rng.next_float()
        acc = 0.0
        for base, w in zip(bases, weights):
            acc += w
            if r < acc:
                out.append(base)
                break
        else:
            out.append("T")
    return "".join(out[:length])


def main(length):
    rng = Lcg(42)
    parts = [
        (">ONE uniform sample", (0.25, 0.25, 0.25, 0.25), 0.0),
        (">TWO skewed sample", (0.35, 0.15, 0.15, 0.35), 0.0),
        (">THREE sample with motifs", (0.3, 0.2, 0.2, 0.3), 0.02),
    ]
    lines = []
    for header, weights, rate in parts:
        seq = section(rng, length, weights, rate)
        lines.append(header)
        for i in range(0, len(seq), 60):
            lines.append(seq[i : i + 60].lower())
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
