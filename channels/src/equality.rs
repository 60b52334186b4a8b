//! Equality and hashing of [`Shareable`], following Python's `==` so that
//! dict keys and set elements behave as they do in Python.
//!
//! Numbers compare by value across types: `True == 1 == 1.0 == (1+0j)`, and
//! an int and a float compare exactly (`2**53 + 1 != 2.0**53`), never through
//! a rounding conversion. Equal numbers hash alike: a number whose value is
//! an integer is hashed as that integer, whatever its type.
//!
//! One deliberate difference: a NaN float equals any NaN. Python's
//! `float('nan') != float('nan')`, but containers compare by identity first,
//! so a NaN that crosses as a dict key or a list item still finds itself;
//! with no identity across interpreters, "NaN equals NaN" is the closest
//! rule, and it keeps `==` an equivalence relation as [`Eq`] requires.
//! (The consequence: `{nan: 1, nan: 2}` built from two distinct NaN objects
//! has one key here and two in Python.)
//!
//! Otherwise values of different types are unequal, except that a `set`
//! equals a `frozenset` with the same elements. Queues compare by identity.

use std::hash::{Hash, Hasher};

use num_bigint::BigInt;
use num_traits::FromPrimitive;

use crate::Shareable;

/// A numeric value seen through its type.
#[derive(Clone, Copy)]
enum Num<'a> {
    Int(i64),
    Big(&'a BigInt),
    Float(f64),
    Complex(f64, f64),
}

fn num(v: &Shareable) -> Option<Num<'_>> {
    Some(match v {
        Shareable::Bool(b) => Num::Int(i64::from(*b)),
        Shareable::Int(i) => Num::Int(*i),
        Shareable::BigInt(b) => Num::Big(b),
        Shareable::Float(f) => Num::Float(*f),
        Shareable::Complex { re, im } => Num::Complex(*re, *im),
        _ => return None,
    })
}

fn float_eq(a: f64, b: f64) -> bool {
    a == b || (a.is_nan() && b.is_nan())
}

/// `f` as an `i64`, if it is an integer in range (exactly).
fn float_as_i64(f: f64) -> Option<i64> {
    // 2**63 is exactly representable; every integral float in
    // [-2**63, 2**63) converts exactly.
    const LIMIT: f64 = 9_223_372_036_854_775_808.0;
    (f.fract() == 0.0 && (-LIMIT..LIMIT).contains(&f)).then_some(f as i64)
}

/// `f` as a big integer, if it is a finite integer.
fn float_as_bigint(f: f64) -> Option<BigInt> {
    (f.is_finite() && f.fract() == 0.0)
        .then(|| BigInt::from_f64(f))
        .flatten()
}

fn num_eq(a: Num<'_>, b: Num<'_>) -> bool {
    use Num::*;
    match (a, b) {
        (Complex(ar, ai), Complex(br, bi)) => float_eq(ar, br) && float_eq(ai, bi),
        (Complex(re, im), x) | (x, Complex(re, im)) => im == 0.0 && num_eq(Float(re), x),
        (Int(a), Int(b)) => a == b,
        (Float(a), Float(b)) => float_eq(a, b),
        (Int(i), Float(f)) | (Float(f), Int(i)) => float_as_i64(f) == Some(i),
        (Big(a), Big(b)) => a == b,
        (Big(b), Int(i)) | (Int(i), Big(b)) => *b == BigInt::from(i),
        (Big(b), Float(f)) | (Float(f), Big(b)) => float_as_bigint(f).as_ref() == Some(b),
    }
}

impl PartialEq for Shareable {
    /// Python's `==`, except that NaN equals NaN (see the module docs of
    /// `equality.rs`, summarised on [`Shareable`]).
    ///
    /// ```
    /// use atoll_channels::Shareable;
    ///
    /// assert_eq!(Shareable::from(1), Shareable::from(1.0));
    /// assert_eq!(Shareable::from(true), Shareable::complex(1.0, 0.0));
    /// assert_ne!(Shareable::from((1,)), Shareable::list([1]));
    /// assert_eq!(Shareable::from(f64::NAN), Shareable::from(f64::NAN));
    /// ```
    fn eq(&self, other: &Shareable) -> bool {
        use Shareable as S;
        if let (Some(a), Some(b)) = (num(self), num(other)) {
            return num_eq(a, b);
        }
        match (self, other) {
            (S::None, S::None) | (S::Unbound, S::Unbound) => true,
            (S::Str(a), S::Str(b)) => a == b,
            (S::Bytes(a), S::Bytes(b)) => a == b,
            (S::Tuple(a), S::Tuple(b)) | (S::List(a), S::List(b)) => a == b,
            (S::Dict(a), S::Dict(b)) => a == b,
            (S::Set(a) | S::FrozenSet(a), S::Set(b) | S::FrozenSet(b)) => a == b,
            (S::Queue(a), S::Queue(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for Shareable {}

/// Type tags fed to the hasher, so values of unrelated types rarely collide.
mod tag {
    pub const NONE: u8 = 0;
    pub const INTEGER: u8 = 1;
    pub const FLOAT: u8 = 2;
    pub const COMPLEX: u8 = 3;
    pub const STR: u8 = 4;
    pub const BYTES: u8 = 5;
    pub const TUPLE: u8 = 6;
    pub const LIST: u8 = 7;
    pub const DICT: u8 = 8;
    pub const SET: u8 = 9;
    pub const QUEUE: u8 = 10;
    pub const UNBOUND: u8 = 11;
}

fn hash_i64<H: Hasher>(i: i64, state: &mut H) {
    state.write_u8(tag::INTEGER);
    state.write_i64(i);
}

/// Hashes an integer value held in a big int (in range of `i64` or not).
fn hash_bigint<H: Hasher>(b: &BigInt, state: &mut H) {
    match i64::try_from(b) {
        Ok(i) => hash_i64(i, state),
        Err(_) => {
            state.write_u8(tag::INTEGER);
            b.hash(state);
        }
    }
}

/// The bits of a non-integral float, with every NaN alike.
fn float_bits(f: f64) -> u64 {
    if f.is_nan() {
        f64::NAN.to_bits()
    } else if f == 0.0 {
        0 // -0.0 == 0.0
    } else {
        f.to_bits()
    }
}

fn hash_float<H: Hasher>(f: f64, state: &mut H) {
    if let Some(i) = float_as_i64(f) {
        hash_i64(i, state);
    } else if let Some(b) = float_as_bigint(f) {
        hash_bigint(&b, state);
    } else {
        state.write_u8(tag::FLOAT);
        state.write_u64(float_bits(f));
    }
}

impl Hash for Shareable {
    /// Consistent with `==`: equal values hash equal, across numeric types
    /// and between `set` and `frozenset`. Lists, dicts and sets hash too
    /// (by content) although they cannot be dict keys.
    ///
    /// ```
    /// use atoll_channels::Shareable;
    /// use std::hash::{BuildHasher, RandomState};
    ///
    /// let s = RandomState::new();
    /// assert_eq!(s.hash_one(Shareable::from(3)), s.hash_one(Shareable::from(3.0)));
    /// ```
    fn hash<H: Hasher>(&self, state: &mut H) {
        match self {
            Shareable::None => state.write_u8(tag::NONE),
            Shareable::Bool(b) => hash_i64(i64::from(*b), state),
            Shareable::Int(i) => hash_i64(*i, state),
            Shareable::BigInt(b) => hash_bigint(b, state),
            Shareable::Float(f) => hash_float(*f, state),
            Shareable::Complex { re, im } => {
                if *im == 0.0 {
                    hash_float(*re, state);
                } else {
                    state.write_u8(tag::COMPLEX);
                    state.write_u64(float_bits(*re));
                    state.write_u64(float_bits(*im));
                }
            }
            Shareable::Str(s) => {
                state.write_u8(tag::STR);
                s.hash(state);
            }
            Shareable::Bytes(b) => {
                state.write_u8(tag::BYTES);
                b.hash(state);
            }
            Shareable::Tuple(items) => {
                state.write_u8(tag::TUPLE);
                items.hash(state);
            }
            Shareable::List(items) => {
                state.write_u8(tag::LIST);
                items.hash(state);
            }
            Shareable::Dict(d) => {
                state.write_u8(tag::DICT);
                d.hash(state);
            }
            Shareable::Set(s) | Shareable::FrozenSet(s) => {
                state.write_u8(tag::SET);
                s.hash(state);
            }
            Shareable::Queue(q) => {
                state.write_u8(tag::QUEUE);
                state.write_u64(q.id());
            }
            Shareable::Unbound => state.write_u8(tag::UNBOUND),
        }
    }
}
