//! # atoll-channels
//!
//! The data that may cross between atoll interpreters, and the queues that
//! carry it. This crate knows nothing of interpreters: a Rust host can use it
//! alone, and the runtime builds Python's `concurrent.interpreters` queues on
//! top of it.
//!
//! - [`Shareable`] is plain data: `None`, `bool`, `int` of any size,
//!   `float`, `complex`, `str`, `bytes`, `tuple`, and (beyond CPython's
//!   shareable types) `list`, `dict`, `set` and `frozenset` of shareables,
//!   plus [`Queue`] handles. Equality, hashing and `repr` follow Python.
//! - [`Queue`] is a bounded or unbounded multi-producer multi-consumer FIFO
//!   of shareables, on a crossbeam channel, that can be closed.
//! - [`select()`] waits on several queues at once.
//!
//! ```
//! use atoll_channels::{Queue, Shareable};
//! use std::thread;
//!
//! let q = Queue::new(64);
//! let worker = {
//!     let q = q.clone();
//!     thread::spawn(move || {
//!         let job = q.get(None).unwrap();
//!         let n = i64::try_from(job.as_dict().unwrap().get(&"n".into()).unwrap().clone()).unwrap();
//!         n * 2
//!     })
//! };
//! q.put(Shareable::dict([("n", 21)]).unwrap(), None).unwrap();
//! assert_eq!(worker.join().unwrap(), 42);
//! ```
//!
//! ## What crosses, and how
//!
//! A `Shareable` owns its data: converting an object to one copies it, and
//! the receiving interpreter builds fresh objects from it, so no object
//! identity crosses and a mutation on one side is never seen on the other.
//! `str`, `bytes` and big `int` payloads are immutable and sit behind an
//! [`Arc`](std::sync::Arc), so cloning a `Shareable` (a deep copy of its
//! containers) does not copy them again. The one thing that crosses by
//! identity is a queue handle: both sides then hold the same queue.
//!
//! ## Guarantees of a queue
//!
//! - **Nothing lost, nothing duplicated.** Every item a `put` accepted is
//!   returned by exactly one `get` (or `select`), unless the queue is
//!   dropped with items still in it, or the item's owner is released under
//!   [`UnboundPolicy::Remove`]. A `put` that fails returns the item in its
//!   error.
//! - **FIFO per producer.** Items one thread puts are got in the order it
//!   put them. Items of different producers interleave in the order their
//!   puts took effect (the channel's order).
//! - **Happens-before.** Everything a thread did before a successful `put`
//!   is visible to the thread whose `get` returns that item (the channel
//!   synchronises with release/acquire ordering).
//! - **Close.** After [`Queue::close`], every `put` fails with
//!   [`PutError::Closed`], including those blocked at the time; the items
//!   in the queue stay and are got in order; then `get` fails with
//!   [`GetError::Closed`] instead of waiting, and blocked getters wake. A
//!   `put` racing with `close` either fails or its item is got before any
//!   getter sees `Closed`.
//! - **No polling.** Blocked `put`, `get` and `select` spin and yield
//!   briefly (crossbeam's backoff), then sleep until the channel wakes them
//!   (an item, room, close, or the timeout).
//! - **Sizes are snapshots.** [`Queue::len`], [`Queue::is_empty`],
//!   [`Queue::is_full`] and the waiting counters may be stale as soon as
//!   they return.
//!
//! A queue lives as long as any handle to it. A queue that holds a handle to
//! itself among its items (directly or nested) keeps itself alive until
//! that item is taken out.

#![warn(missing_docs)]

mod convert;
mod dict;
mod equality;
mod error;
mod index;
mod owner;
mod queue;
mod repr;
mod select;
mod set;
mod shareable;

pub use dict::Dict;
pub use error::{ConversionError, GetError, PutError, SelectError, UnhashableError};
pub use owner::UnboundPolicy;
pub use queue::Queue;
pub use select::select;
pub use set::Set;
pub use shareable::Shareable;
