//! Hashes with CPython's numeric semantics: `hash(1) == hash(1.0) == hash(True)`.

/// The modulus of CPython's numeric hash, 2**61 - 1.
const MODULUS: u64 = (1u64 << 61) - 1;

/// `hash(i)` for an int, as CPython computes it.
pub fn hash_int(i: i64) -> i64 {
    let neg = i < 0;
    let mut h = (i.unsigned_abs() % MODULUS) as i64;
    if neg {
        h = -h;
    }
    if h == -1 { -2 } else { h }
}

/// `hash(x)` for a big int, as CPython computes it.
pub fn hash_big(b: &num_bigint::BigInt) -> i64 {
    use num_bigint::Sign;
    let m = num_bigint::BigUint::from(MODULUS);
    let r = (b.magnitude() % m).iter_u64_digits().next().unwrap_or(0) as i64;
    let h = if b.sign() == Sign::Minus { -r } else { r };
    if h == -1 { -2 } else { h }
}

/// `hash(f)` for a float, as CPython computes it (equal to the int's hash when
/// integral).
pub fn hash_float(f: f64) -> i64 {
    if f.is_nan() {
        return 0;
    }
    if f.is_infinite() {
        return if f > 0.0 { 314159 } else { -314159 };
    }
    let (mut m, mut e) = frexp(f.abs());
    let sign: i64 = if f < 0.0 { -1 } else { 1 };
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (61 - 28));
        m *= 268435456.0; // 2**28
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e % 61
    } else {
        61 - 1 - ((-1 - e) % 61)
    };
    x = ((x << e) & MODULUS) | (x >> (61 - e));
    let h = x as i64 * sign;
    if h == -1 { -2 } else { h }
}

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 {
        return (0.0, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // subnormal: scale up
        let (m, e) = frexp(x * (1u64 << 54) as f64);
        return (m, e - 54);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, e)
}

/// `hash(s)` for a str, as CPython computes it with `PYTHONHASHSEED=0`: SipHash-1-3
/// with a zero key over the string's code units (1, 2 or 4 bytes each, as CPython
/// stores it). CPython randomizes the key by default, so programs can't rely on the
/// value; matching the unrandomized hash makes set iteration order match.
pub fn hash_str(s: &str) -> i64 {
    if s.is_ascii() {
        return hash_bytes(s.as_bytes());
    }
    let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let mut buf: Vec<u8> = Vec::with_capacity(s.len() * 2);
    if max < 0x100 {
        buf.extend(s.chars().map(|c| c as u32 as u8));
    } else if max < 0x10000 {
        for c in s.chars() {
            buf.extend_from_slice(&(c as u32 as u16).to_le_bytes());
        }
    } else {
        for c in s.chars() {
            buf.extend_from_slice(&(c as u32).to_le_bytes());
        }
    }
    hash_bytes(&buf)
}

/// `hash(b)` for bytes (CPython's `_Py_HashBytes` with a zero key).
pub fn hash_bytes(b: &[u8]) -> i64 {
    if b.is_empty() {
        return 0;
    }
    let h = siphash13(0, 0, b) as i64;
    if h == -1 { -2 } else { h }
}

#[inline(always)]
fn half_round(a: &mut u64, b: &mut u64, c: &mut u64, d: &mut u64, s: u32, t: u32) {
    *a = a.wrapping_add(*b);
    *c = c.wrapping_add(*d);
    *b = b.rotate_left(s) ^ *a;
    *d = d.rotate_left(t) ^ *c;
    *a = a.rotate_left(32);
}

#[inline(always)]
fn sip_round(v: &mut [u64; 4]) {
    let [v0, v1, v2, v3] = v;
    half_round(v0, v1, v2, v3, 13, 16);
    half_round(v2, v1, v0, v3, 17, 21);
}

/// SipHash-1-3 as in CPython's `Python/pyhash.c`.
fn siphash13(k0: u64, k1: u64, src: &[u8]) -> u64 {
    let mut b: u64 = (src.len() as u64) << 56;
    let mut v = [
        k0 ^ 0x736f6d6570736575,
        k1 ^ 0x646f72616e646f6d,
        k0 ^ 0x6c7967656e657261,
        k1 ^ 0x7465646279746573,
    ];
    let mut chunks = src.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let mi = u64::from_le_bytes(w);
        v[3] ^= mi;
        sip_round(&mut v);
        v[0] ^= mi;
    }
    let rest = chunks.remainder();
    let mut t = [0u8; 8];
    t[..rest.len()].copy_from_slice(rest);
    b |= u64::from_le_bytes(t);
    v[3] ^= b;
    sip_round(&mut v);
    v[0] ^= b;
    v[2] ^= 0xff;
    sip_round(&mut v);
    sip_round(&mut v);
    sip_round(&mut v);
    (v[0] ^ v[1]) ^ (v[2] ^ v[3])
}

const XX_P1: u64 = 11400714785074694791;
const XX_P2: u64 = 14029467366897019727;
const XX_P5: u64 = 2870177450012600261;

/// CPython's tuple hash (xxHash-based), fed one element hash at a time, so
/// that hashing a tuple needs no buffer.
pub struct TupleHasher(u64);

impl TupleHasher {
    /// A hasher for a tuple's first element.
    #[inline]
    pub fn new() -> TupleHasher {
        TupleHasher(XX_P5)
    }

    /// Mixes in the next element's hash.
    #[inline]
    pub fn add(&mut self, h: i64) {
        let acc = self.0.wrapping_add((h as u64).wrapping_mul(XX_P2));
        self.0 = acc.rotate_left(31).wrapping_mul(XX_P1);
    }

    /// The hash of a tuple of `len` elements, all added.
    #[inline]
    pub fn finish(self, len: usize) -> i64 {
        let acc = self.0.wrapping_add(len as u64 ^ (XX_P5 ^ 3527539));
        if acc == u64::MAX {
            return 1546275796;
        }
        acc as i64
    }
}

impl Default for TupleHasher {
    fn default() -> TupleHasher {
        TupleHasher::new()
    }
}

/// Combines element hashes as CPython's tuple hash does (xxHash-based).
pub fn hash_tuple(items: impl ExactSizeIterator<Item = i64>) -> i64 {
    let len = items.len();
    let mut t = TupleHasher::new();
    for h in items {
        t.add(h);
    }
    t.finish(len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_hashes_match_cpython() {
        assert_eq!(hash_int(-1), -2);
        assert_eq!(hash_float(1.0), 1);
        assert_eq!(hash_float(0.5), 1152921504606846976);
        assert_eq!(hash_float(-2.5), -1152921504606846978);
        assert_eq!(hash_int(1 << 62), 2);
        assert_eq!(hash_tuple([1i64, 2].into_iter()), -3550055125485641917);
        // PYTHONHASHSEED=0 python3 -c 'print(hash("abc"))'
        assert_eq!(hash_str("abc"), -4594863902769663758);
        assert_eq!(hash_str(""), 0);
        assert_eq!(hash_str("hello world!"), 839851713330019024);
        assert_eq!(hash_str("abcdefghijklmnop"), -7712962755478248686);
        assert_eq!(hash_str("\u{e9}"), 6047309291227476195);
        assert_eq!(hash_str("\u{65e5}\u{672c}"), 6243316497235261705);
        assert_eq!(hash_str("\u{1f600}"), -3536540696076613844);
    }
}
