//! `int`: small ints are unboxed `i64`; results that overflow grow into `BigInt`.

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use super::value::Value;

/// A borrowed view of an int value of either width.
#[derive(Clone, Copy)]
pub enum Int<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl Int<'_> {
    /// The view of `v` if it is an int (bools are ints).
    pub fn of(v: &Value) -> Option<Int<'_>> {
        match v {
            Value::Int(i) => Some(Int::Small(*i)),
            Value::BoolW(b) => Some(Int::Small(b.get() as i64)),
            Value::BigInt(b) => Some(Int::Big(b)),
            _ => None,
        }
    }

    /// As a big integer.
    pub fn to_big(self) -> BigInt {
        match self {
            Int::Small(i) => BigInt::from(i),
            Int::Big(b) => b.clone(),
        }
    }

    /// As f64 (may be inf for huge values).
    pub fn to_f64(self) -> f64 {
        match self {
            Int::Small(i) => i as f64,
            Int::Big(b) => b.to_f64().unwrap_or(f64::INFINITY),
        }
    }
}

/// A value from a big integer, small when it fits in i64.
pub fn int_from_big(b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::BigInt(Rc::new(b)),
    }
}
