"""String building and formatting: f-strings with format specs, %-formatting,
str.format, join, padding and alignment, number formatting (hex, octal,
binary, thousands separators, exponents), and str methods (split, replace,
strip, upper, center, zfill).

The program formats SCALE thousand records into report lines in several
styles, builds a table, parses some of the lines back, and prints lengths,
checksums and sample lines.
"""

import sys

DEFAULT_SCALE = 25

NAMES = ["ada", "brian", "chen", "dolores", "eun-ji", "farid", "gita", "hugo", "ines", "jomo"]
CITIES = ["Lagos", "Lima", "Oslo", "Pune", "Quito", "Riga", "Seoul", "Tunis"]


def records(n):
    state = 11
    for i in range(n):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        name = NAMES[state % len(NAMES)]
        city = CITIES[(state >> 5) % len(CITIES)]
        amount = ((state >> 8) % 2000000 - 500000) / 100.0
        count = (state >> 3) % 5000
        yield i, name, city, amount, count


def style_fstring(i, name, city, amount, count):
    return f"{i:06d} | {name.title():<8} | {city:^7} | {amount:>12,.2f} | {count:#06x} | {count / 7:.3e}"


def style_percent(i, name, city, amount, count):
    return "%-6d %s/%s %+.2f %o %5.1f%%" % (i, name.upper(), city.lower(), amount, count, count / 50.0)


def style_format(i, name, city, amount, count):
    return "{0}:{1!r}:{2:>10}:{3:b}:{4:,}".format(i, name, city.center(9, "*"), count, int(amount * 100))


def style_concat(i, name, city, amount, count):
    parts = [str(i).zfill(5), name[::-1], city[:3], str(round(amount)), str(count).rjust(6, ".")]
    return "-".join(parts)


def parse_percent(line):
    head, rest = line.split(" ", 1)
    who, amount, octal, pct = rest.split()
    name, city = who.split("/")
    return int(head), name.lower(), city.title(), float(amount), int(octal, 8), float(pct.rstrip("%"))


def checksum(text):
    h = 5381
    for ch in text:
        h = (h * 33 + ord(ch)) & 0xFFFFFFFF
    return h


def main(scale):
    styles = [style_fstring, style_percent, style_format, style_concat]
    lengths = [0] * len(styles)
    sums = [0] * len(styles)
    samples = []
    parsed_ok = 0
    table = []
    for rec in records(scale * 1000):
        for k, style in enumerate(styles):
            line = style(*rec)
            lengths[k] += len(line)
            sums[k] = (sums[k] * 7 + checksum(line)) & 0xFFFFFFFF
            if rec[0] < 2:
                samples.append(line)
        back = parse_percent(style_percent(*rec))
        if back[0] == rec[0] and back[1] == rec[1] and back[4] == rec[4] and abs(back[3] - rec[3]) < 0.006:
            parsed_ok += 1
        if rec[0] % 997 == 0:
            table.append(rec)
    for k, style in enumerate(styles):
        print("%-15s chars=%-9d checksum=%08x" % (style.__name__, lengths[k], sums[k]))
    print("parsed back: %d" % parsed_ok)
    for line in samples:
        print(line)
    width = max(len(r[1]) for r in table) + 2
    header = "| " + "id".rjust(6) + " | " + "name".ljust(width) + " | " + "amount".rjust(12) + " |"
    print(header)
    print("|" + "-" * (len(header) - 2) + "|")
    for i, name, city, amount, count in table[:6]:
        print("| %6d | %s | %12s |" % (i, name.ljust(width), format(amount, ",.2f")))
    total = sum(r[3] for r in table)
    print(f"rows={len(table)} total={total:_.2f} mean={total / len(table):+.4g} {'ok':*^10}")
    words = " ".join(r[2] for r in table).replace("o", "0").split("0")
    print(len(words), max(words, key=len).strip(), "|".join(sorted(set(w.strip()[:2] for w in words if w.strip()))))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SCALE)
