//! The error types of queue operations, of building dicts and sets, and of
//! converting a [`Shareable`] back into a Rust value.
//!
//! Errors of operations that take an item ([`PutError`]) hand the item back,
//! so a failed put never loses data.

use thiserror::Error;

use crate::Shareable;

/// Why [`Queue::put`](crate::Queue::put) and its relatives did not enqueue an
/// item. Every variant carries the item back.
///
/// ```
/// use atoll_channels::{PutError, Queue, Shareable};
///
/// let q = Queue::new(1);
/// q.try_put(1).unwrap();
/// match q.try_put("two") {
///     Err(PutError::Full(item)) => assert_eq!(item, Shareable::from("two")),
///     other => panic!("unexpected {other:?}"),
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PutError {
    /// The queue is bounded and full, and the caller asked not to wait.
    #[error("queue is full")]
    Full(Shareable),
    /// The queue was closed before the item could be enqueued.
    #[error("queue is closed")]
    Closed(Shareable),
    /// The timeout passed while the queue stayed full.
    #[error("timed out waiting for room in the queue")]
    Timeout(Shareable),
}

impl PutError {
    /// The item that was not enqueued.
    ///
    /// ```
    /// use atoll_channels::{Queue, Shareable};
    ///
    /// let q = Queue::new(0);
    /// q.close();
    /// let err = q.try_put(7).unwrap_err();
    /// assert_eq!(err.into_inner(), Shareable::Int(7));
    /// ```
    pub fn into_inner(self) -> Shareable {
        match self {
            PutError::Full(item) | PutError::Closed(item) | PutError::Timeout(item) => item,
        }
    }

    /// Whether the queue was closed (as opposed to full).
    ///
    /// ```
    /// use atoll_channels::Queue;
    ///
    /// let q = Queue::new(0);
    /// q.close();
    /// assert!(q.try_put(7).unwrap_err().is_closed());
    /// ```
    pub fn is_closed(&self) -> bool {
        matches!(self, PutError::Closed(_))
    }
}

/// Why [`Queue::get`](crate::Queue::get) and its relatives returned no item.
///
/// ```
/// use atoll_channels::{GetError, Queue};
/// use std::time::Duration;
///
/// let q = Queue::new(0);
/// assert_eq!(q.try_get(), Err(GetError::Empty));
/// assert_eq!(q.get(Some(Duration::from_millis(1))), Err(GetError::Timeout));
/// q.close();
/// assert_eq!(q.get(None), Err(GetError::Closed));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Error)]
pub enum GetError {
    /// The queue is empty and the caller asked not to wait.
    #[error("queue is empty")]
    Empty,
    /// The queue is closed and every item in it has been taken.
    #[error("queue is closed and empty")]
    Closed,
    /// The timeout passed while the queue stayed empty.
    #[error("timed out waiting for an item")]
    Timeout,
    /// The next item was put by an owner that has since been released, and
    /// the queue's policy is [`UnboundPolicy::Error`](crate::UnboundPolicy::Error).
    /// The item has been taken out of the queue and dropped.
    #[error("the interpreter {owner} that put this item was destroyed")]
    Unbound {
        /// The owner id given to [`Queue::put_owned`](crate::Queue::put_owned).
        owner: u64,
    },
}

/// Why [`select`](crate::select()) returned no item.
///
/// ```
/// use atoll_channels::{select, Queue, SelectError};
/// use std::time::Duration;
///
/// let (a, b) = (Queue::new(0), Queue::new(0));
/// assert_eq!(select(&[&a, &b], Some(Duration::ZERO)), Err(SelectError::Timeout));
/// a.close();
/// b.close();
/// assert_eq!(select(&[&a, &b], None), Err(SelectError::Closed));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Error)]
pub enum SelectError {
    /// The timeout passed while every queue stayed empty.
    #[error("timed out waiting for an item")]
    Timeout,
    /// Every queue is closed and drained (or the list of queues is empty).
    #[error("every queue is closed and empty")]
    Closed,
    /// The item taken from `queues[index]` was put by a released owner and
    /// that queue's policy is [`UnboundPolicy::Error`](crate::UnboundPolicy::Error).
    #[error("the interpreter {owner} that put the item in queue #{index} was destroyed")]
    Unbound {
        /// Position of the queue in the slice given to `select`.
        index: usize,
        /// The owner id given to [`Queue::put_owned`](crate::Queue::put_owned).
        owner: u64,
    },
}

/// A key of a dict or an element of a set that cannot be hashed: a list,
/// dict or set, or a tuple holding one. The message is Python's.
///
/// ```
/// use atoll_channels::{Set, Shareable};
///
/// let err = Set::new().insert(Shareable::list([1, 2])).unwrap_err();
/// assert_eq!(err.to_string(), "unhashable type: 'list'");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Error)]
#[error("unhashable type: '{type_name}'")]
pub struct UnhashableError {
    /// The Python type name of the offending value (`list`, `dict`, `set`).
    pub type_name: &'static str,
}

/// A [`Shareable`] could not be converted into the Rust type asked for.
///
/// ```
/// use atoll_channels::{ConversionError, Shareable};
///
/// let err = i64::try_from(Shareable::from("7")).unwrap_err();
/// assert_eq!(err, ConversionError::WrongType { expected: "int", found: "str" });
/// assert_eq!(err.to_string(), "expected int, found str");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Error)]
pub enum ConversionError {
    /// The value is of another Python type.
    #[error("expected {expected}, found {found}")]
    WrongType {
        /// The Python type the conversion accepts.
        expected: &'static str,
        /// The Python type of the value.
        found: &'static str,
    },
    /// The value is an int (or float) that does not fit in the target type.
    #[error("value out of range for {target}")]
    OutOfRange {
        /// The Rust type asked for.
        target: &'static str,
    },
}
