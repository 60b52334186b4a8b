//! [`Shareable`]: the data that may cross between interpreters, with its
//! constructors and accessors.
//!
//! Conversions from and to Rust types are in `convert.rs`, equality and
//! hashing in `equality.rs`, the Python `repr` in `repr.rs`.

use std::sync::Arc;

use num_bigint::BigInt;

use crate::{Dict, Queue, Set, UnhashableError};

/// A value that can cross from one interpreter to another.
///
/// Crossing copies: the receiving side builds fresh objects from a
/// `Shareable`, so no object identity crosses, with one exception: a
/// [`Queue`] crosses by identity (both sides hold the same queue).
/// [`Clone`] is a deep copy of the containers; `str`, `bytes` and big `int`
/// payloads are immutable and shared behind an [`Arc`] instead of being copied
/// again.
///
/// Equality and hashing follow Python's `==` for the values that can be dict
/// keys (so `1`, `1.0`, `True` and `(1+0j)` are the same key), except that a
/// NaN float equals itself; see [`PartialEq`](#impl-PartialEq-for-Shareable).
/// [`Display`](std::fmt::Display) and [`Debug`] print Python's `repr`.
///
/// ```
/// use atoll_channels::{Dict, Shareable};
///
/// let mut row = Dict::new();
/// row.insert("id", 1).unwrap();
/// row.insert("name", "x").unwrap();
/// let msg = Shareable::tuple([Shareable::from(row), Shareable::from(2.5)]);
/// assert_eq!(msg.to_string(), "({'id': 1, 'name': 'x'}, 2.5)");
/// ```
///
/// Values are trees (only a queue handle can refer back to a queue), so
/// there are no cycles; a runtime converting its objects should still bound
/// the nesting depth, since dropping, comparing and printing recurse.
#[derive(Clone)]
pub enum Shareable {
    /// `None`.
    None,
    /// `bool`.
    Bool(bool),
    /// An `int` that fits in an `i64`.
    Int(i64),
    /// An `int` outside the `i64` range. The constructors only use this
    /// variant for values that do not fit in an `i64`, but equality and
    /// hashing do not rely on it.
    BigInt(Arc<BigInt>),
    /// `float`.
    Float(f64),
    /// `complex`.
    Complex {
        /// The real part.
        re: f64,
        /// The imaginary part.
        im: f64,
    },
    /// `str`.
    Str(Arc<str>),
    /// `bytes`.
    Bytes(Arc<[u8]>),
    /// `tuple`.
    Tuple(Vec<Shareable>),
    /// `list` (copied, so a mutation on one side is not seen on the other).
    List(Vec<Shareable>),
    /// `dict`, in insertion order, with hashable keys.
    Dict(Dict),
    /// `set`, in insertion order, with hashable elements.
    Set(Set),
    /// `frozenset`, in insertion order, with hashable elements.
    FrozenSet(Set),
    /// A queue handle; crosses by identity.
    Queue(Queue),
    /// The marker left in place of an item whose owner was released from a
    /// queue with [`UnboundPolicy::Replace`](crate::UnboundPolicy::Replace)
    /// (PEP 734's `UNBOUND`).
    Unbound,
}

impl Shareable {
    /// A `tuple` of the given items.
    ///
    /// ```
    /// use atoll_channels::Shareable;
    ///
    /// assert_eq!(Shareable::tuple([1]).to_string(), "(1,)");
    /// assert_eq!(Shareable::tuple(Vec::<Shareable>::new()).to_string(), "()");
    /// ```
    pub fn tuple<T: Into<Shareable>>(items: impl IntoIterator<Item = T>) -> Shareable {
        Shareable::Tuple(items.into_iter().map(Into::into).collect())
    }

    /// A `list` of the given items.
    ///
    /// ```
    /// use atoll_channels::Shareable;
    ///
    /// assert_eq!(Shareable::list(["a", "b"]).to_string(), "['a', 'b']");
    /// ```
    pub fn list<T: Into<Shareable>>(items: impl IntoIterator<Item = T>) -> Shareable {
        Shareable::List(items.into_iter().map(Into::into).collect())
    }

    /// A `dict` of the given pairs, in order; a later pair with an equal key
    /// replaces the value and keeps the first key's position, as in Python.
    ///
    /// ```
    /// use atoll_channels::Shareable;
    ///
    /// let d = Shareable::dict([("a", 1), ("b", 2), ("a", 3)]).unwrap();
    /// assert_eq!(d.to_string(), "{'a': 3, 'b': 2}");
    /// assert!(Shareable::dict([(Shareable::list([1]), 1)]).is_err());
    /// ```
    pub fn dict<K, V>(pairs: impl IntoIterator<Item = (K, V)>) -> Result<Shareable, UnhashableError>
    where
        K: Into<Shareable>,
        V: Into<Shareable>,
    {
        Dict::from_pairs(pairs).map(Shareable::Dict)
    }

    /// A `set` of the given items, in first-insertion order, without
    /// duplicates.
    ///
    /// ```
    /// use atoll_channels::Shareable;
    ///
    /// assert_eq!(Shareable::set([3, 1, 3]).unwrap().to_string(), "{3, 1}");
    /// assert_eq!(Shareable::set(Vec::<i64>::new()).unwrap().to_string(), "set()");
    /// ```
    pub fn set<T: Into<Shareable>>(
        items: impl IntoIterator<Item = T>,
    ) -> Result<Shareable, UnhashableError> {
        Set::from_items(items).map(Shareable::Set)
    }

    /// A `frozenset` of the given items, in first-insertion order, without
    /// duplicates.
    ///
    /// ```
    /// use atoll_channels::Shareable;
    ///
    /// let f = Shareable::frozenset(["x"]).unwrap();
    /// assert_eq!(f.to_string(), "frozenset({'x'})");
    /// assert_eq!(f, Shareable::set(["x"]).unwrap()); // as in Python
    /// ```
    pub fn frozenset<T: Into<Shareable>>(
        items: impl IntoIterator<Item = T>,
    ) -> Result<Shareable, UnhashableError> {
        Set::from_items(items).map(Shareable::FrozenSet)
    }

    /// A `complex` number.
    ///
    /// ```
    /// use atoll_channels::Shareable;
    ///
    /// assert_eq!(Shareable::complex(1.0, -2.0).to_string(), "(1-2j)");
    /// ```
    pub fn complex(re: f64, im: f64) -> Shareable {
        Shareable::Complex { re, im }
    }

    /// The Python name of this value's type (`"int"`, `"dict"`, `"Queue"`...).
    ///
    /// ```
    /// use atoll_channels::Shareable;
    ///
    /// assert_eq!(Shareable::None.type_name(), "NoneType");
    /// assert_eq!(Shareable::from(u64::MAX).type_name(), "int");
    /// assert_eq!(Shareable::Unbound.type_name(), "UnboundItem");
    /// ```
    pub fn type_name(&self) -> &'static str {
        match self {
            Shareable::None => "NoneType",
            Shareable::Bool(_) => "bool",
            Shareable::Int(_) | Shareable::BigInt(_) => "int",
            Shareable::Float(_) => "float",
            Shareable::Complex { .. } => "complex",
            Shareable::Str(_) => "str",
            Shareable::Bytes(_) => "bytes",
            Shareable::Tuple(_) => "tuple",
            Shareable::List(_) => "list",
            Shareable::Dict(_) => "dict",
            Shareable::Set(_) => "set",
            Shareable::FrozenSet(_) => "frozenset",
            Shareable::Queue(_) => "Queue",
            Shareable::Unbound => "UnboundItem",
        }
    }

    /// Whether this value may be a dict key or a set element: everything
    /// except lists, dicts, sets, and tuples holding one of those.
    ///
    /// ```
    /// use atoll_channels::Shareable;
    ///
    /// assert!(Shareable::tuple([1, 2]).is_hashable());
    /// assert!(!Shareable::tuple([Shareable::list([1])]).is_hashable());
    /// ```
    pub fn is_hashable(&self) -> bool {
        self.unhashable_part().is_none()
    }

    /// The type name of the first unhashable value in `self`, if any.
    pub(crate) fn unhashable_part(&self) -> Option<&'static str> {
        match self {
            Shareable::List(_) | Shareable::Dict(_) | Shareable::Set(_) => Some(self.type_name()),
            Shareable::Tuple(items) => items.iter().find_map(Shareable::unhashable_part),
            _ => None,
        }
    }

    /// Whether this is `None`.
    ///
    /// ```
    /// use atoll_channels::Shareable;
    ///
    /// assert!(Shareable::from(None::<i64>).is_none());
    /// ```
    pub fn is_none(&self) -> bool {
        matches!(self, Shareable::None)
    }

    /// The value of a `bool`.
    ///
    /// ```
    /// use atoll_channels::Shareable;
    ///
    /// assert_eq!(Shareable::from(true).as_bool(), Some(true));
    /// assert_eq!(Shareable::from(1).as_bool(), None);
    /// ```
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Shareable::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The value of an `int` (or `bool`, a subclass of `int`) that fits in
    /// an `i64`.
    ///
    /// ```
    /// use atoll_channels::Shareable;
    ///
    /// assert_eq!(Shareable::from(-3).as_i64(), Some(-3));
    /// assert_eq!(Shareable::from(true).as_i64(), Some(1));
    /// assert_eq!(Shareable::from(u64::MAX).as_i64(), None);
    /// ```
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Shareable::Int(i) => Some(*i),
            Shareable::Bool(b) => Some(i64::from(*b)),
            Shareable::BigInt(b) => i64::try_from(&**b).ok(),
            _ => None,
        }
    }

    /// The value of a `float`.
    ///
    /// ```
    /// use atoll_channels::Shareable;
    ///
    /// assert_eq!(Shareable::from(0.5).as_f64(), Some(0.5));
    /// assert_eq!(Shareable::from(1).as_f64(), None);
    /// ```
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Shareable::Float(f) => Some(*f),
            _ => None,
        }
    }

    /// The text of a `str`.
    ///
    /// ```
    /// use atoll_channels::Shareable;
    ///
    /// assert_eq!(Shareable::from("hi").as_str(), Some("hi"));
    /// ```
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Shareable::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The contents of a `bytes`.
    ///
    /// ```
    /// use atoll_channels::Shareable;
    ///
    /// assert_eq!(Shareable::from(&b"ab"[..]).as_bytes(), Some(&b"ab"[..]));
    /// ```
    pub fn as_bytes(&self) -> Option<&[u8]> {
        match self {
            Shareable::Bytes(b) => Some(b),
            _ => None,
        }
    }

    /// The items of a `tuple` or `list`.
    ///
    /// ```
    /// use atoll_channels::Shareable;
    ///
    /// let t = Shareable::from((1, "a"));
    /// assert_eq!(t.as_slice().unwrap()[1], Shareable::from("a"));
    /// ```
    pub fn as_slice(&self) -> Option<&[Shareable]> {
        match self {
            Shareable::Tuple(items) | Shareable::List(items) => Some(items),
            _ => None,
        }
    }

    /// The entries of a `dict`.
    ///
    /// ```
    /// use atoll_channels::Shareable;
    ///
    /// let d = Shareable::dict([("k", 1)]).unwrap();
    /// assert_eq!(d.as_dict().unwrap().get(&"k".into()), Some(&Shareable::Int(1)));
    /// ```
    pub fn as_dict(&self) -> Option<&Dict> {
        match self {
            Shareable::Dict(d) => Some(d),
            _ => None,
        }
    }

    /// The elements of a `set` or `frozenset`.
    ///
    /// ```
    /// use atoll_channels::Shareable;
    ///
    /// let s = Shareable::frozenset([1, 2]).unwrap();
    /// assert!(s.as_set().unwrap().contains(&2.0.into()));
    /// ```
    pub fn as_set(&self) -> Option<&Set> {
        match self {
            Shareable::Set(s) | Shareable::FrozenSet(s) => Some(s),
            _ => None,
        }
    }

    /// The queue of a queue handle.
    ///
    /// ```
    /// use atoll_channels::{Queue, Shareable};
    ///
    /// let q = Queue::new(0);
    /// let s = Shareable::from(q.clone());
    /// assert_eq!(s.as_queue().map(Queue::id), Some(q.id()));
    /// ```
    pub fn as_queue(&self) -> Option<&Queue> {
        match self {
            Shareable::Queue(q) => Some(q),
            _ => None,
        }
    }
}

impl Default for Shareable {
    /// `None`.
    ///
    /// ```
    /// use atoll_channels::Shareable;
    ///
    /// assert!(Shareable::default().is_none());
    /// ```
    fn default() -> Self {
        Shareable::None
    }
}
