"""A bzip-style bit stream: run-length encoding, Huffman coding, and an
MSB-first bit reader over bytes.

The program builds a deterministic text, run-length encodes it (a run of
4 to 259 equal bytes becomes the 4 bytes followed by a count byte), builds
a canonical Huffman code for the resulting symbols with heapq, writes the
code lengths and the coded symbols into a bytearray most significant bit
first, and then decodes the stream again with a BitReader class that reads
bits one at a time and through a lookup table. It checks the round trip and
prints sizes and checksums.
"""

import sys
import heapq

DEFAULT_SCALE = 150


class BitWriter:
    def __init__(self):
        self.out = bytearray()
        self.acc = 0
        self.nbits = 0

    def write(self, value, width):
        for shift in range(width - 1, -1, -1):
            self.acc = (self.acc << 1) | ((value >> shift) & 1)
            self.nbits += 1
            if self.nbits == 8:
                self.out.append(self.acc)
                self.acc = 0
                self.nbits = 0

    def finish(self):
        if self.nbits:
            self.out.append(self.acc << (8 - self.nbits))
            self.acc = 0
            self.nbits = 0
        return bytes(self.out)


class BitReader:
    def __init__(self, data):
        self.data = data
        self.pos = 0  # in bits

    def bit(self):
        byte = self.data[self.pos >> 3]
        b = (byte >> (7 - (self.pos & 7))) & 1
        self.pos += 1
        return b

    def bits(self, width):
        v = 0
        for _ in range(width):
            v = (v << 1) | self.bit()
        return v

    def peek(self, width):
        """The next `width` bits as an int (zero-padded past the end)."""
        v = 0
        pos = self.pos
        end = len(self.data) * 8
        for _ in range(width):
            if pos < end:
                v = (v << 1) | ((self.data[pos >> 3] >> (7 - (pos & 7))) & 1)
            else:
                v <<= 1
            pos += 1
        return v

    def skip(self, width):
        self.pos += width


def make_text(size):
    words = ["alpha", "beta", "gamma", "delta", "aaaa", "zzzzzz", "the", "of", "bzip", "----------"]
    state = 7
    parts = []
    length = 0
    while length < size:
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        w = words[(state >> 10) % len(words)]
        if (state >> 4) % 7 == 0:
            w = w * ((state >> 20) % 5 + 1)
        parts.append(w)
        length += len(w) + 1
    return " ".join(parts).encode("ascii")[:size]


def rle_encode(data):
    out = bytearray()
    i = 0
    n = len(data)
    while i < n:
        j = i
        while j < n and data[j] == data[i] and j - i < 259:
            j += 1
        run = j - i
        if run >= 4:
            out.extend(data[i : i + 4])
            out.append(run - 4)
        else:
            out.extend(data[i:j])
        i = j
    return bytes(out)


def rle_decode(data):
    out = bytearray()
    i = 0
    n = len(data)
    while i < n:
        b = data[i]
        if i + 3 < n and data[i + 1] == b and data[i + 2] == b and data[i + 3] == b:
            out.extend(data[i : i + 4])
            out.extend(bytes([b]) * data[i + 4])
            i += 5
        else:
            out.append(b)
            i += 1
    return bytes(out)


def code_lengths(freqs):
    """Huffman code lengths for the symbols with nonzero frequency."""
    heap = [(f, sym, (sym,)) for sym, f in enumerate(freqs) if f]
    heapq.heapify(heap)
    lengths = [0] * len(freqs)
    if len(heap) == 1:
        lengths[heap[0][1]] = 1
        return lengths
    while len(heap) > 1:
        f1, k1, s1 = heapq.heappop(heap)
        f2, k2, s2 = heapq.heappop(heap)
        for s in s1 + s2:
            lengths[s] += 1
        heapq.heappush(heap, (f1 + f2, min(k1, k2), s1 + s2))
    return lengths


def canonical_codes(lengths):
    """Assign codes in order of (length, symbol); returns {symbol: (code, length)}."""
    order = sorted((l, s) for s, l in enumerate(lengths) if l)
    codes = {}
    code = 0
    prev = order[0][0]
    for l, s in order:
        code <<= l - prev
        prev = l
        codes[s] = (code, l)
        code += 1
    return codes


def encode(payload):
    freqs = [0] * 256
    for b in payload:
        freqs[b] += 1
    lengths = code_lengths(freqs)
    codes = canonical_codes(lengths)
    w = BitWriter()
    w.write(len(payload), 32)
    for l in lengths:
        w.write(l, 5)
    for b in payload:
        code, l = codes[b]
        w.write(code, l)
    return w.finish(), max(lengths)


def decode_slow(data):
    r = BitReader(data)
    count = r.bits(32)
    lengths = [r.bits(5) for _ in range(256)]
    decode = {(c, l): s for s, (c, l) in canonical_codes(lengths).items()}
    out = bytearray()
    for _ in range(count):
        code = 0
        l = 0
        while True:
            code = (code << 1) | r.bit()
            l += 1
            sym = decode.get((code, l))
            if sym is not None:
                out.append(sym)
                break
    return bytes(out)


def decode_table(data):
    r = BitReader(data)
    count = r.bits(32)
    lengths = [r.bits(5) for _ in range(256)]
    width = max(lengths)
    table = [None] * (1 << width)
    for s, (c, l) in canonical_codes(lengths).items():
        first = c << (width - l)
        for i in range(first, first + (1 << (width - l))):
            table[i] = (s, l)
    out = bytearray()
    for _ in range(count):
        s, l = table[r.peek(width)]
        out.append(s)
        r.skip(l)
    return bytes(out)


def checksum(data):
    a, b = 1, 0
    for byte in data:
        a = (a + byte) % 65521
        b = (b + a) % 65521
    return (b << 16) | a


def main(scale):
    text = make_text(scale * 1000)
    packed = rle_encode(text)
    assert rle_decode(packed) == text
    stream, longest = encode(packed)
    slow = decode_slow(stream)
    fast = decode_table(stream)
    restored = rle_decode(fast)
    print("text bytes: %d, after rle: %d, coded: %d" % (len(text), len(packed), len(stream)))
    print("longest code: %d bits" % longest)
    print("round trip: %s %s" % (slow == packed, restored == text))
    print("checksums: %08x %08x" % (checksum(text), checksum(stream)))
    print("first coded bytes: %s" % " ".join("%02x" % b for b in stream[:12]))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SCALE)
