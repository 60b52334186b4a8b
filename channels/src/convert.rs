//! Conversions between Rust values and [`Shareable`].
//!
//! `From` builds a `Shareable` from a Rust value: integers become `int`
//! (an `i64` when it fits, a big int otherwise), `f32`/`f64` become `float`,
//! `&str`/`String` become `str`, `Vec<u8>`/`&[u8]` become `bytes`, any other
//! `Vec<T>` becomes a `list`, Rust tuples become `tuple`s and `Option::None`
//! becomes `None`.
//!
//! `TryFrom<Shareable>` goes back, failing with a [`ConversionError`] that
//! names the expected and the found Python type. The integer targets accept
//! `bool` (a subclass of `int` in Python) and `f64` accepts `int` as Python's
//! `float()` would; nothing else is coerced.

use std::sync::Arc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::{ConversionError, Dict, Queue, Set, Shareable};

impl From<bool> for Shareable {
    fn from(b: bool) -> Self {
        Shareable::Bool(b)
    }
}

macro_rules! from_small_int {
    ($($t:ty),*) => {$(
        impl From<$t> for Shareable {
            fn from(i: $t) -> Self {
                Shareable::Int(i64::from(i))
            }
        }
    )*};
}
from_small_int!(i8, i16, i32, i64, u16, u32);

macro_rules! from_wide_int {
    ($($t:ty),*) => {$(
        impl From<$t> for Shareable {
            fn from(i: $t) -> Self {
                match i64::try_from(i) {
                    Ok(small) => Shareable::Int(small),
                    Err(_) => Shareable::BigInt(Arc::new(BigInt::from(i))),
                }
            }
        }
    )*};
}
from_wide_int!(u64, usize, isize, i128, u128);

impl From<BigInt> for Shareable {
    /// An `int`; uses [`Shareable::Int`] when the value fits in an `i64`.
    fn from(b: BigInt) -> Self {
        match i64::try_from(&b) {
            Ok(small) => Shareable::Int(small),
            Err(_) => Shareable::BigInt(Arc::new(b)),
        }
    }
}

impl From<f64> for Shareable {
    fn from(f: f64) -> Self {
        Shareable::Float(f)
    }
}

impl From<f32> for Shareable {
    fn from(f: f32) -> Self {
        Shareable::Float(f64::from(f))
    }
}

impl From<&str> for Shareable {
    fn from(s: &str) -> Self {
        Shareable::Str(Arc::from(s))
    }
}

impl From<String> for Shareable {
    fn from(s: String) -> Self {
        Shareable::Str(Arc::from(s))
    }
}

impl From<Arc<str>> for Shareable {
    fn from(s: Arc<str>) -> Self {
        Shareable::Str(s)
    }
}

impl From<char> for Shareable {
    fn from(c: char) -> Self {
        Shareable::Str(Arc::from(c.encode_utf8(&mut [0; 4]) as &str))
    }
}

impl From<&[u8]> for Shareable {
    fn from(b: &[u8]) -> Self {
        Shareable::Bytes(Arc::from(b))
    }
}

impl From<Vec<u8>> for Shareable {
    /// `bytes` (a `Vec` of any other item type becomes a `list`).
    fn from(b: Vec<u8>) -> Self {
        Shareable::Bytes(Arc::from(b))
    }
}

impl From<Arc<[u8]>> for Shareable {
    fn from(b: Arc<[u8]>) -> Self {
        Shareable::Bytes(b)
    }
}

impl<T: Into<Shareable>> From<Vec<T>> for Shareable {
    /// A `list`.
    fn from(items: Vec<T>) -> Self {
        Shareable::List(items.into_iter().map(Into::into).collect())
    }
}

impl<T: Into<Shareable>> From<Option<T>> for Shareable {
    /// `None`, or the value.
    fn from(v: Option<T>) -> Self {
        v.map_or(Shareable::None, Into::into)
    }
}

impl From<Dict> for Shareable {
    fn from(d: Dict) -> Self {
        Shareable::Dict(d)
    }
}

impl From<Set> for Shareable {
    /// A (mutable) `set`; use [`Shareable::FrozenSet`] for a `frozenset`.
    fn from(s: Set) -> Self {
        Shareable::Set(s)
    }
}

impl From<Queue> for Shareable {
    fn from(q: Queue) -> Self {
        Shareable::Queue(q)
    }
}

macro_rules! from_tuple {
    ($($name:ident),+) => {
        impl<$($name: Into<Shareable>),+> From<($($name,)+)> for Shareable {
            /// A `tuple`.
            #[allow(non_snake_case)]
            fn from(($($name,)+): ($($name,)+)) -> Self {
                Shareable::Tuple(vec![$($name.into()),+])
            }
        }
    };
}
from_tuple!(A);
from_tuple!(A, B);
from_tuple!(A, B, C);
from_tuple!(A, B, C, D);
from_tuple!(A, B, C, D, E);
from_tuple!(A, B, C, D, E, F);

impl<T: Into<Shareable>> FromIterator<T> for Shareable {
    /// A `list`.
    ///
    /// ```
    /// use atoll_channels::Shareable;
    ///
    /// let squares: Shareable = (1..4).map(|i| i * i).collect();
    /// assert_eq!(squares.to_string(), "[1, 4, 9]");
    /// ```
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        Shareable::List(iter.into_iter().map(Into::into).collect())
    }
}

fn wrong(expected: &'static str, found: &Shareable) -> ConversionError {
    ConversionError::WrongType {
        expected,
        found: found.type_name(),
    }
}

impl TryFrom<Shareable> for bool {
    type Error = ConversionError;

    /// A `bool` only; ints are not truth-tested.
    fn try_from(v: Shareable) -> Result<Self, Self::Error> {
        v.as_bool().ok_or_else(|| wrong("bool", &v))
    }
}

macro_rules! try_into_int {
    ($($t:ty),*) => {$(
        impl TryFrom<Shareable> for $t {
            type Error = ConversionError;

            /// An `int` or `bool` whose value fits.
            fn try_from(v: Shareable) -> Result<Self, Self::Error> {
                let out_of_range = ConversionError::OutOfRange { target: stringify!($t) };
                match &v {
                    Shareable::Int(i) => <$t>::try_from(*i).map_err(|_| out_of_range),
                    Shareable::Bool(b) => Ok(<$t>::from(*b)),
                    Shareable::BigInt(b) => <$t>::try_from(&**b).map_err(|_| out_of_range),
                    _ => Err(wrong("int", &v)),
                }
            }
        }
    )*};
}
try_into_int!(i32, i64, u32, u64, usize, i128, u128);

impl TryFrom<Shareable> for BigInt {
    type Error = ConversionError;

    /// An `int` or `bool`.
    fn try_from(v: Shareable) -> Result<Self, Self::Error> {
        match v {
            Shareable::Int(i) => Ok(BigInt::from(i)),
            Shareable::Bool(b) => Ok(BigInt::from(u8::from(b))),
            Shareable::BigInt(b) => Ok(Arc::unwrap_or_clone(b)),
            other => Err(wrong("int", &other)),
        }
    }
}

impl TryFrom<Shareable> for f64 {
    type Error = ConversionError;

    /// A `float`, or an `int`/`bool` converted as Python's `float()` does
    /// (an int too large for a float is out of range).
    fn try_from(v: Shareable) -> Result<Self, Self::Error> {
        let out_of_range = ConversionError::OutOfRange { target: "f64" };
        match &v {
            Shareable::Float(f) => Ok(*f),
            Shareable::Int(i) => Ok(*i as f64),
            Shareable::Bool(b) => Ok(f64::from(u8::from(*b))),
            Shareable::BigInt(b) => b.to_f64().filter(|f| f.is_finite()).ok_or(out_of_range),
            _ => Err(wrong("float", &v)),
        }
    }
}

impl TryFrom<Shareable> for String {
    type Error = ConversionError;

    /// A `str`.
    fn try_from(v: Shareable) -> Result<Self, Self::Error> {
        v.as_str()
            .map(str::to_owned)
            .ok_or_else(|| wrong("str", &v))
    }
}

impl TryFrom<Shareable> for Arc<str> {
    type Error = ConversionError;

    /// A `str`, without copying the text.
    fn try_from(v: Shareable) -> Result<Self, Self::Error> {
        match v {
            Shareable::Str(s) => Ok(s),
            other => Err(wrong("str", &other)),
        }
    }
}

impl TryFrom<Shareable> for Vec<u8> {
    type Error = ConversionError;

    /// A `bytes`.
    fn try_from(v: Shareable) -> Result<Self, Self::Error> {
        v.as_bytes()
            .map(<[u8]>::to_vec)
            .ok_or_else(|| wrong("bytes", &v))
    }
}

impl TryFrom<Shareable> for Arc<[u8]> {
    type Error = ConversionError;

    /// A `bytes`, without copying the contents.
    fn try_from(v: Shareable) -> Result<Self, Self::Error> {
        match v {
            Shareable::Bytes(b) => Ok(b),
            other => Err(wrong("bytes", &other)),
        }
    }
}

impl TryFrom<Shareable> for Vec<Shareable> {
    type Error = ConversionError;

    /// The items of a `list` or `tuple`.
    fn try_from(v: Shareable) -> Result<Self, Self::Error> {
        match v {
            Shareable::List(items) | Shareable::Tuple(items) => Ok(items),
            other => Err(wrong("list", &other)),
        }
    }
}

impl TryFrom<Shareable> for Dict {
    type Error = ConversionError;

    /// A `dict`.
    fn try_from(v: Shareable) -> Result<Self, Self::Error> {
        match v {
            Shareable::Dict(d) => Ok(d),
            other => Err(wrong("dict", &other)),
        }
    }
}

impl TryFrom<Shareable> for Set {
    type Error = ConversionError;

    /// The elements of a `set` or `frozenset`.
    fn try_from(v: Shareable) -> Result<Self, Self::Error> {
        match v {
            Shareable::Set(s) | Shareable::FrozenSet(s) => Ok(s),
            other => Err(wrong("set", &other)),
        }
    }
}

impl TryFrom<Shareable> for Queue {
    type Error = ConversionError;

    /// A queue handle.
    fn try_from(v: Shareable) -> Result<Self, Self::Error> {
        match v {
            Shareable::Queue(q) => Ok(q),
            other => Err(wrong("Queue", &other)),
        }
    }
}
