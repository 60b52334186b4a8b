//! The greatest common divisor of big integers by Lehmer's algorithm (Knuth,
//! TAOCP vol. 2, 4.5.2, Algorithm L), as CPython computes `math.gcd`: Euclid's
//! steps are simulated on the leading 62 bits and applied to the full numbers in
//! one combination, instead of one bit at a time as num-bigint's binary gcd does.
//! `fractions.Fraction` arithmetic spends most of its time here.

use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::{ToPrimitive, Zero};

/// `gcd(a, b)`, non-negative.
pub(crate) fn gcd(a: &BigInt, b: &BigInt) -> BigInt {
    BigInt::from(gcd_unsigned(a.magnitude(), b.magnitude()))
}

/// `s*a + t*b`, `None` if it would be negative (which Lehmer's cofactors rule out).
fn combine(a: &BigUint, b: &BigUint, s: i64, t: i64) -> Option<BigUint> {
    let sa = a * s.unsigned_abs();
    let tb = b * t.unsigned_abs();
    match (s >= 0, t >= 0) {
        (true, true) => Some(sa + tb),
        (true, false) => (sa >= tb).then(|| sa - tb),
        (false, true) => (tb >= sa).then(|| tb - sa),
        (false, false) => None,
    }
}

/// The 62 bits of `n` starting at bit `shift` (`n >> shift`, for numbers of at
/// most `shift + 62` bits), without shifting the whole number.
fn bits_at(n: &BigUint, shift: u64) -> u64 {
    let (idx, off) = ((shift / 64) as usize, (shift % 64) as u32);
    let mut digits = n.iter_u64_digits();
    let lo = digits.nth(idx).unwrap_or(0);
    let hi = digits.next().unwrap_or(0);
    let v = if off == 0 {
        lo
    } else {
        (lo >> off) | (hi << (64 - off))
    };
    v & ((1u64 << 62) - 1)
}

/// gcd of two magnitudes.
fn gcd_unsigned(a: &BigUint, b: &BigUint) -> BigUint {
    let (mut a, mut b) = if a >= b {
        (a.clone(), b.clone())
    } else {
        (b.clone(), a.clone())
    };
    while b.bits() > 64 {
        // The leading 62 bits: the simulation then stays within i64 (the
        // cofactors never exceed the leading part in magnitude).
        let shift = a.bits() - 62;
        let mut x = bits_at(&a, shift) as i64;
        let mut y = bits_at(&b, shift) as i64;
        let (mut ca, mut cb, mut cc, mut cd) = (1i64, 0i64, 0i64, 1i64);
        loop {
            let (na, nb, dc, dd) = (x + ca, x + cb, y + cc, y + cd);
            if dc <= 0 || dd <= 0 || na < 0 || nb < 0 {
                break;
            }
            let q = na / dc;
            if q != nb / dd {
                break;
            }
            (ca, cc) = (cc, ca - q * cc);
            (cb, cd) = (cd, cb - q * cd);
            (x, y) = (y, x - q * y);
        }
        let combined = if cb == 0 {
            None
        } else {
            combine(&a, &b, ca, cb).zip(combine(&a, &b, cc, cd))
        };
        match combined {
            Some((na, nb)) => {
                a = na;
                b = nb;
            }
            None => {
                let r = &a % &b;
                a = b;
                b = r;
            }
        }
    }
    if b.is_zero() {
        return a;
    }
    let small = b.to_u64().unwrap_or(0);
    let r = (&a % small).to_u64().unwrap_or(0);
    BigUint::from(small.gcd(&r))
}

#[cfg(test)]
mod tests {
    use super::gcd;
    use num_bigint::BigInt;
    use num_integer::Integer;

    /// Deterministic big numbers with shared factors.
    fn numbers() -> Vec<BigInt> {
        let mut state: u64 = 12345;
        let mut next = move || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            state >> 11
        };
        let mut out = Vec::new();
        for digits in [1usize, 2, 3, 5, 8, 20] {
            let mut n = BigInt::from(1);
            for _ in 0..digits {
                n = n * BigInt::from(next()) + BigInt::from(next() % 1000);
            }
            out.push(n);
        }
        out
    }

    #[test]
    fn matches_binary_gcd() {
        let ns = numbers();
        let common = BigInt::from(3u32).pow(150) * BigInt::from(7u32).pow(40);
        for a in &ns {
            for b in &ns {
                assert_eq!(gcd(a, b), a.gcd(b));
                let (x, y) = (a * &common, b * &common);
                assert_eq!(gcd(&x, &y), x.gcd(&y));
                assert_eq!(gcd(&-x.clone(), &y), x.gcd(&y));
            }
        }
        assert_eq!(gcd(&BigInt::from(0), &common), common);
        assert_eq!(gcd(&common, &BigInt::from(0)), common);
    }
}
