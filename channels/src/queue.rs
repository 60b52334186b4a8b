//! [`Queue`]: a multi-producer multi-consumer FIFO of [`Shareable`] items,
//! built on a crossbeam channel.
//!
//! # How close works
//!
//! The queue owns the receiving end of its channel and, until it is closed,
//! one sender. `put` clones that sender (under a read lock held only for a
//! non-blocking attempt) when it has to wait; it then retries through a
//! short spin-and-yield backoff (checking a closed flag each round) and, if
//! the queue is still full, sleeps. `close` sets the flag and drops the
//! queue's sender and the sender of a second, never-used "closed" channel:
//!
//! - a sleeping `put` waits with [`Select`] on "room in the channel" and on
//!   the closed channel; the latter becomes ready when its sender is dropped,
//!   so the putter wakes, drops its sender clone and fails with `Closed`;
//! - once the last sender clone is gone the channel is disconnected, and
//!   crossbeam wakes every blocked receiver, which then drains the items left
//!   and reports `Closed` when there are none.
//!
//! Because a getter only sees "closed" once every sender (including those of
//! puts racing with `close`) is dropped, no item put successfully is ever
//! stranded behind a `Closed` report.

use std::convert::Infallible;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, PoisonError, RwLock};
use std::time::{Duration, Instant};

use crossbeam_channel::{
    Receiver, RecvTimeoutError, Select, SendError, Sender, TryRecvError, TrySendError,
};
use crossbeam_utils::Backoff;

use crate::owner::{Fate, Owners, Ticket};
use crate::{GetError, PutError, Shareable, UnboundPolicy};

/// Source of queue ids: process-wide, never reused.
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// A handle to a FIFO queue of [`Shareable`] items that any number of
/// threads (of any interpreters) put to and get from.
///
/// Handles are cheap to clone ([`Arc`]) and all clones are the same queue,
/// with the same [`id`](Queue::id). A queue is bounded when created with a
/// `maxsize` above zero (`put` then waits for room) and unbounded with zero,
/// as Python's `maxsize <= 0`.
///
/// Blocking calls take an optional timeout and are woken by the channel
/// itself: by an item, by room, or by [`close`](Queue::close); nothing polls.
///
/// ```
/// use atoll_channels::{Queue, Shareable};
/// use std::thread;
///
/// let q = Queue::new(2);
/// let producer = {
///     let q = q.clone();
///     thread::spawn(move || {
///         for i in 0..5 {
///             q.put(i, None).unwrap(); // waits while the queue holds 2 items
///         }
///         q.close();
///     })
/// };
/// let mut got = Vec::new();
/// while let Ok(item) = q.get(None) {
///     got.push(i64::try_from(item).unwrap());
/// }
/// producer.join().unwrap();
/// assert_eq!(got, [0, 1, 2, 3, 4]);
/// ```
#[derive(Clone)]
pub struct Queue {
    inner: Arc<Inner>,
}

struct Inner {
    id: u64,
    maxsize: usize,
    policy: UnboundPolicy,
    items: Receiver<Slot>,
    /// `None` once the queue is closed.
    senders: RwLock<Option<Senders>>,
    /// Never receives; becomes ready (disconnected) when the queue closes.
    closed: Receiver<Infallible>,
    /// Set by `close` before it drops the senders.
    closed_flag: AtomicBool,
    owners: Owners,
    waiting_getters: AtomicUsize,
    waiting_putters: AtomicUsize,
}

/// The senders a queue drops when it is closed.
struct Senders {
    items: Sender<Slot>,
    _closed: Sender<Infallible>,
}

/// An item in the channel, with its owner's ticket if it was put owned.
pub(crate) struct Slot {
    item: Shareable,
    ticket: Option<Arc<Ticket>>,
}

/// How long an operation may wait.
#[derive(Clone, Copy)]
pub(crate) enum Wait {
    No,
    Forever,
    Until(Instant),
}

impl Wait {
    /// Whether the time to wait is up (immediately so for [`Wait::No`]).
    pub(crate) fn expired(self) -> bool {
        match self {
            Wait::No => true,
            Wait::Forever => false,
            Wait::Until(deadline) => Instant::now() >= deadline,
        }
    }

    pub(crate) fn from_timeout(timeout: Option<Duration>) -> Wait {
        match timeout.map(|t| Instant::now().checked_add(t)) {
            None | Some(None) => Wait::Forever,
            Some(Some(deadline)) => Wait::Until(deadline),
        }
    }
}

/// Counts a thread as blocked on a queue for as long as it lives.
pub(crate) struct Waiting<'a>(&'a AtomicUsize);

impl<'a> Waiting<'a> {
    pub(crate) fn enter(counter: &'a AtomicUsize) -> Waiting<'a> {
        counter.fetch_add(1, Ordering::Relaxed);
        Waiting(counter)
    }
}

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

/// Why a send failed (the slot comes back with it).
enum SendFailure {
    Full,
    Closed,
    Timeout,
}

/// An item taken from the channel, once its owner's fate is applied.
pub(crate) enum Taken {
    Item(Shareable),
    /// Dropped under [`UnboundPolicy::Remove`]: take the next one.
    Removed,
    Unbound(u64),
}

impl Queue {
    /// A new queue holding at most `maxsize` items, or any number when
    /// `maxsize` is 0, with the default [`UnboundPolicy::Replace`].
    ///
    /// ```
    /// use atoll_channels::Queue;
    ///
    /// let q = Queue::new(10);
    /// assert_eq!(q.maxsize(), 10);
    /// assert!(q.is_empty());
    /// ```
    pub fn new(maxsize: usize) -> Queue {
        Queue::with_unbound_policy(maxsize, UnboundPolicy::default())
    }

    /// A new queue with the given `maxsize` (0: unbounded) and policy for
    /// the items of released owners.
    ///
    /// ```
    /// use atoll_channels::{Queue, UnboundPolicy};
    ///
    /// let q = Queue::with_unbound_policy(0, UnboundPolicy::Remove);
    /// assert_eq!(q.unbound_policy(), UnboundPolicy::Remove);
    /// ```
    pub fn with_unbound_policy(maxsize: usize, policy: UnboundPolicy) -> Queue {
        let (items_tx, items_rx) = if maxsize == 0 {
            crossbeam_channel::unbounded()
        } else {
            crossbeam_channel::bounded(maxsize)
        };
        let (closed_tx, closed_rx) = crossbeam_channel::bounded(0);
        Queue {
            inner: Arc::new(Inner {
                id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
                maxsize,
                policy,
                items: items_rx,
                senders: RwLock::new(Some(Senders {
                    items: items_tx,
                    _closed: closed_tx,
                })),
                closed: closed_rx,
                closed_flag: AtomicBool::new(false),
                owners: Owners::default(),
                waiting_getters: AtomicUsize::new(0),
                waiting_putters: AtomicUsize::new(0),
            }),
        }
    }

    /// The queue's id: unique in the process, shared by all its handles, and
    /// never reused by a later queue.
    ///
    /// ```
    /// use atoll_channels::Queue;
    ///
    /// let (a, b) = (Queue::new(0), Queue::new(0));
    /// assert_ne!(a.id(), b.id());
    /// assert_eq!(a.clone().id(), a.id());
    /// ```
    pub fn id(&self) -> u64 {
        self.inner.id
    }

    /// The capacity given at creation; 0 means unbounded.
    ///
    /// ```
    /// use atoll_channels::Queue;
    ///
    /// assert_eq!(Queue::new(0).maxsize(), 0);
    /// ```
    pub fn maxsize(&self) -> usize {
        self.inner.maxsize
    }

    /// The policy for items of released owners, chosen at creation.
    ///
    /// ```
    /// use atoll_channels::{Queue, UnboundPolicy};
    ///
    /// assert_eq!(Queue::new(0).unbound_policy(), UnboundPolicy::Replace);
    /// ```
    pub fn unbound_policy(&self) -> UnboundPolicy {
        self.inner.policy
    }

    /// Puts `item` at the back, waiting for room while the queue is full:
    /// forever with `None`, at most `timeout` otherwise.
    ///
    /// Fails with [`PutError::Closed`] if the queue is or gets closed, and
    /// with [`PutError::Timeout`] when the time runs out; the item comes back
    /// in the error.
    ///
    /// ```
    /// use atoll_channels::{PutError, Queue};
    /// use std::time::Duration;
    ///
    /// let q = Queue::new(1);
    /// q.put("a", None).unwrap();
    /// let err = q.put("b", Some(Duration::from_millis(10))).unwrap_err();
    /// assert!(matches!(err, PutError::Timeout(_)));
    /// ```
    pub fn put(
        &self,
        item: impl Into<Shareable>,
        timeout: Option<Duration>,
    ) -> Result<(), PutError> {
        let slot = Slot {
            item: item.into(),
            ticket: None,
        };
        self.send(slot, Wait::from_timeout(timeout))
            .map_err(|(failure, slot)| put_error(failure, slot.item))
    }

    /// Puts `item` at the back if there is room now; fails with
    /// [`PutError::Full`] otherwise (or [`PutError::Closed`]).
    ///
    /// ```
    /// use atoll_channels::{PutError, Queue};
    ///
    /// let q = Queue::new(1);
    /// q.try_put(1).unwrap();
    /// assert!(matches!(q.try_put(2), Err(PutError::Full(_))));
    /// ```
    pub fn try_put(&self, item: impl Into<Shareable>) -> Result<(), PutError> {
        let slot = Slot {
            item: item.into(),
            ticket: None,
        };
        self.send(slot, Wait::No)
            .map_err(|(failure, slot)| put_error(failure, slot.item))
    }

    /// [`put`](Queue::put), recording that `owner` (an interpreter id) put
    /// the item, so that [`release_owner`](Queue::release_owner) applies the
    /// queue's [`UnboundPolicy`] to it if it is still queued then.
    ///
    /// ```
    /// use atoll_channels::{Queue, Shareable};
    ///
    /// let q = Queue::new(0);
    /// q.put_owned(1, 7, None).unwrap();
    /// assert_eq!(q.get(None), Ok(Shareable::Int(1)));
    /// ```
    pub fn put_owned(
        &self,
        item: impl Into<Shareable>,
        owner: u64,
        timeout: Option<Duration>,
    ) -> Result<(), PutError> {
        self.send_owned(item.into(), owner, Wait::from_timeout(timeout))
    }

    /// [`try_put`](Queue::try_put), recording `owner` as
    /// [`put_owned`](Queue::put_owned) does.
    ///
    /// ```
    /// use atoll_channels::Queue;
    ///
    /// let q = Queue::new(1);
    /// q.try_put_owned("x", 3).unwrap();
    /// assert!(q.try_put_owned("y", 3).is_err());
    /// ```
    pub fn try_put_owned(&self, item: impl Into<Shareable>, owner: u64) -> Result<(), PutError> {
        self.send_owned(item.into(), owner, Wait::No)
    }

    /// Takes the item at the front, waiting while the queue is empty:
    /// forever with `None`, at most `timeout` otherwise.
    ///
    /// Fails with [`GetError::Closed`] once the queue is closed and every
    /// item put before has been taken, with [`GetError::Timeout`] when the
    /// time runs out, and with [`GetError::Unbound`] for an item of a
    /// released owner under [`UnboundPolicy::Error`].
    ///
    /// ```
    /// use atoll_channels::{GetError, Queue, Shareable};
    /// use std::time::Duration;
    ///
    /// let q = Queue::new(0);
    /// q.put(1, None).unwrap();
    /// assert_eq!(q.get(None), Ok(Shareable::Int(1)));
    /// assert_eq!(q.get(Some(Duration::from_millis(5))), Err(GetError::Timeout));
    /// ```
    pub fn get(&self, timeout: Option<Duration>) -> Result<Shareable, GetError> {
        self.take(Wait::from_timeout(timeout))
    }

    /// Takes the item at the front if there is one now; fails with
    /// [`GetError::Empty`] otherwise (or [`GetError::Closed`] once closed and
    /// drained).
    ///
    /// ```
    /// use atoll_channels::{GetError, Queue};
    ///
    /// let q = Queue::new(0);
    /// assert_eq!(q.try_get(), Err(GetError::Empty));
    /// ```
    pub fn try_get(&self) -> Result<Shareable, GetError> {
        self.take(Wait::No)
    }

    /// The number of items in the queue (not counting items of released
    /// owners under [`UnboundPolicy::Remove`]). A snapshot: other threads
    /// may change it at once.
    ///
    /// ```
    /// use atoll_channels::Queue;
    ///
    /// let q = Queue::new(0);
    /// q.put(1, None).unwrap();
    /// q.put(2, None).unwrap();
    /// assert_eq!(q.len(), 2);
    /// ```
    pub fn len(&self) -> usize {
        self.inner
            .items
            .len()
            .saturating_sub(self.inner.owners.removed())
    }

    /// Whether [`len`](Queue::len) is 0.
    ///
    /// ```
    /// use atoll_channels::Queue;
    ///
    /// assert!(Queue::new(0).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether a bounded queue has no room left (so `put` would wait). An
    /// unbounded queue is never full.
    ///
    /// ```
    /// use atoll_channels::Queue;
    ///
    /// let q = Queue::new(1);
    /// q.put(0, None).unwrap();
    /// assert!(q.is_full());
    /// assert!(!Queue::new(0).is_full());
    /// ```
    pub fn is_full(&self) -> bool {
        self.inner.items.is_full()
    }

    /// Whether [`close`](Queue::close) has been called.
    ///
    /// ```
    /// use atoll_channels::Queue;
    ///
    /// let q = Queue::new(0);
    /// assert!(!q.is_closed());
    /// q.close();
    /// assert!(q.is_closed());
    /// ```
    pub fn is_closed(&self) -> bool {
        self.inner.closed_flag.load(Ordering::Acquire)
    }

    /// Closes the queue, for every handle: later puts fail with
    /// [`PutError::Closed`], and so do puts blocked now (they wake). Items
    /// already in the queue stay; gets take them in order, then fail with
    /// [`GetError::Closed`] instead of waiting, and blocked gets wake.
    ///
    /// Returns whether this call closed the queue (false if it was already
    /// closed).
    ///
    /// ```
    /// use atoll_channels::{GetError, Queue, Shareable};
    ///
    /// let q = Queue::new(0);
    /// q.put("last", None).unwrap();
    /// assert!(q.close());
    /// assert!(!q.close());
    /// assert!(q.put("late", None).unwrap_err().is_closed());
    /// assert_eq!(q.get(None), Ok(Shareable::from("last")));
    /// assert_eq!(q.get(None), Err(GetError::Closed));
    /// ```
    pub fn close(&self) -> bool {
        let mut senders = self
            .inner
            .senders
            .write()
            .unwrap_or_else(PoisonError::into_inner);
        self.inner.closed_flag.store(true, Ordering::Release);
        senders.take().is_some()
    }

    /// Applies the queue's [`UnboundPolicy`] to every item still queued that
    /// was put by `owner` with [`put_owned`](Queue::put_owned), as when that
    /// interpreter is destroyed. Items the owner puts afterwards are not
    /// affected.
    ///
    /// ```
    /// use atoll_channels::{GetError, Queue, Shareable, UnboundPolicy};
    ///
    /// let q = Queue::with_unbound_policy(0, UnboundPolicy::Remove);
    /// q.put_owned("a", 1, None).unwrap();
    /// q.put_owned("b", 2, None).unwrap();
    /// q.release_owner(1);
    /// assert_eq!(q.len(), 1);
    /// assert_eq!(q.try_get(), Ok(Shareable::from("b")));
    /// assert_eq!(q.try_get(), Err(GetError::Empty));
    /// ```
    pub fn release_owner(&self, owner: u64) {
        self.inner.owners.release(owner, self.inner.policy);
    }

    /// The number of live handles to this queue ([`Queue`] clones, including
    /// those inside [`Shareable::Queue`] items anywhere). A runtime's deadlock
    /// detector can tell from it, with [`waiting_getters`](Queue::waiting_getters)
    /// and [`waiting_putters`](Queue::waiting_putters), whether a wait can
    /// still end.
    ///
    /// ```
    /// use atoll_channels::Queue;
    ///
    /// let q = Queue::new(0);
    /// let q2 = q.clone();
    /// assert_eq!(q.handle_count(), 2);
    /// drop(q2);
    /// assert_eq!(q.handle_count(), 1);
    /// ```
    pub fn handle_count(&self) -> usize {
        Arc::strong_count(&self.inner)
    }

    /// The number of threads now blocked in [`get`](Queue::get) (or in
    /// [`select`](crate::select()) over this queue). Calls that return at
    /// once are not counted.
    ///
    /// ```
    /// use atoll_channels::Queue;
    /// use std::{thread, time::Duration};
    ///
    /// let q = Queue::new(0);
    /// let getter = { let q = q.clone(); thread::spawn(move || q.get(None)) };
    /// while q.waiting_getters() == 0 {
    ///     thread::sleep(Duration::from_millis(1));
    /// }
    /// q.put(1, None).unwrap();
    /// getter.join().unwrap().unwrap();
    /// assert_eq!(q.waiting_getters(), 0);
    /// ```
    pub fn waiting_getters(&self) -> usize {
        self.inner.waiting_getters.load(Ordering::Relaxed)
    }

    /// The number of threads now blocked in [`put`](Queue::put) on a full
    /// queue.
    ///
    /// ```
    /// use atoll_channels::Queue;
    /// use std::{thread, time::Duration};
    ///
    /// let q = Queue::new(1);
    /// q.put(0, None).unwrap();
    /// let putter = { let q = q.clone(); thread::spawn(move || q.put(1, None)) };
    /// while q.waiting_putters() == 0 {
    ///     thread::sleep(Duration::from_millis(1));
    /// }
    /// q.get(None).unwrap();
    /// putter.join().unwrap().unwrap();
    /// ```
    pub fn waiting_putters(&self) -> usize {
        self.inner.waiting_putters.load(Ordering::Relaxed)
    }

    fn send_owned(&self, item: Shareable, owner: u64, wait: Wait) -> Result<(), PutError> {
        let policy = self.inner.policy;
        let slot = Slot {
            item,
            ticket: Some(self.inner.owners.enter(owner, policy)),
        };
        self.send(slot, wait).map_err(|(failure, slot)| {
            if let Some(ticket) = &slot.ticket {
                self.inner.owners.leave(ticket, policy);
            }
            put_error(failure, slot.item)
        })
    }

    /// Sends `slot` into the channel, waiting as `wait` allows.
    fn send(&self, slot: Slot, wait: Wait) -> Result<(), (SendFailure, Slot)> {
        // Fast path: a non-blocking attempt under the read lock. Only the
        // slow path clones the sender, so that `close` can go ahead while
        // putters wait.
        let (sender, slot) = {
            let senders = self
                .inner
                .senders
                .read()
                .unwrap_or_else(PoisonError::into_inner);
            let Some(senders) = senders.as_ref() else {
                return Err((SendFailure::Closed, slot));
            };
            let slot = match senders.items.try_send(slot) {
                Ok(()) => return Ok(()),
                Err(TrySendError::Full(slot)) => slot,
                // The queue owns the receiver, so this does not happen.
                Err(TrySendError::Disconnected(slot)) => return Err((SendFailure::Closed, slot)),
            };
            if let Wait::No = wait {
                return Err((SendFailure::Full, slot));
            }
            (senders.items.clone(), slot)
        };
        let _waiting = Waiting::enter(&self.inner.waiting_putters);
        // Spin and yield briefly before sleeping, as crossbeam's own `send`
        // does: under contention room usually appears within microseconds,
        // and a futex sleep and wake cost far more.
        let backoff = Backoff::new();
        let mut slot = slot;
        while !backoff.is_completed() {
            backoff.snooze();
            if self.inner.closed_flag.load(Ordering::Acquire) {
                return Err((SendFailure::Closed, slot));
            }
            slot = match sender.try_send(slot) {
                Ok(()) => return Ok(()),
                Err(TrySendError::Full(slot)) => slot,
                Err(TrySendError::Disconnected(slot)) => return Err((SendFailure::Closed, slot)),
            };
            if wait.expired() {
                return Err((SendFailure::Timeout, slot));
            }
        }
        let mut sel = Select::new();
        let room = sel.send(&sender);
        sel.recv(&self.inner.closed);
        let op = match wait {
            Wait::Until(deadline) => match sel.select_deadline(deadline) {
                Ok(op) => op,
                Err(_) => return Err((SendFailure::Timeout, slot)),
            },
            _ => sel.select(),
        };
        if op.index() == room {
            op.send(&sender, slot)
                .map_err(|SendError(slot)| (SendFailure::Closed, slot))
        } else {
            // The closed channel is ready only once disconnected.
            let _ = op.recv(&self.inner.closed);
            Err((SendFailure::Closed, slot))
        }
    }

    /// Takes the next item, applying the owner policy.
    fn take(&self, wait: Wait) -> Result<Shareable, GetError> {
        loop {
            let slot = self.recv(wait)?;
            match self.settle(slot) {
                Taken::Item(item) => return Ok(item),
                Taken::Removed => continue,
                Taken::Unbound(owner) => return Err(GetError::Unbound { owner }),
            }
        }
    }

    /// Receives the next slot from the channel, waiting as `wait` allows.
    fn recv(&self, wait: Wait) -> Result<Slot, GetError> {
        let items = &self.inner.items;
        match items.try_recv() {
            Ok(slot) => return Ok(slot),
            Err(TryRecvError::Disconnected) => return Err(GetError::Closed),
            Err(TryRecvError::Empty) => {}
        }
        let _waiting;
        match wait {
            Wait::No => Err(GetError::Empty),
            Wait::Forever => {
                _waiting = Waiting::enter(&self.inner.waiting_getters);
                items.recv().map_err(|_| GetError::Closed)
            }
            Wait::Until(deadline) => {
                _waiting = Waiting::enter(&self.inner.waiting_getters);
                items.recv_deadline(deadline).map_err(|e| match e {
                    RecvTimeoutError::Timeout => GetError::Timeout,
                    RecvTimeoutError::Disconnected => GetError::Closed,
                })
            }
        }
    }

    /// Applies the owner policy to a slot taken from the channel.
    pub(crate) fn settle(&self, slot: Slot) -> Taken {
        let Some(ticket) = &slot.ticket else {
            return Taken::Item(slot.item);
        };
        match self.inner.owners.leave(ticket, self.inner.policy) {
            Fate::Keep => Taken::Item(slot.item),
            Fate::Unbound { owner } => match self.inner.policy {
                UnboundPolicy::Remove => Taken::Removed,
                UnboundPolicy::Replace => Taken::Item(Shareable::Unbound),
                UnboundPolicy::Error => Taken::Unbound(owner),
            },
        }
    }

    /// The receiving end of the channel, for [`select`](crate::select()).
    pub(crate) fn receiver(&self) -> &Receiver<Slot> {
        &self.inner.items
    }

    /// The counter of blocked getters, for [`select`](crate::select()).
    pub(crate) fn getters_counter(&self) -> &AtomicUsize {
        &self.inner.waiting_getters
    }
}

fn put_error(failure: SendFailure, item: Shareable) -> PutError {
    match failure {
        SendFailure::Full => PutError::Full(item),
        SendFailure::Closed => PutError::Closed(item),
        SendFailure::Timeout => PutError::Timeout(item),
    }
}

impl PartialEq for Queue {
    /// Handles are equal when they are the same queue.
    ///
    /// ```
    /// use atoll_channels::Queue;
    ///
    /// let q = Queue::new(0);
    /// assert_eq!(q, q.clone());
    /// assert_ne!(q, Queue::new(0));
    /// ```
    fn eq(&self, other: &Queue) -> bool {
        self.inner.id == other.inner.id
    }
}

impl Eq for Queue {}

impl Hash for Queue {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.inner.id.hash(state);
    }
}

impl fmt::Display for Queue {
    /// Python's repr of a queue: `Queue(ID)`.
    ///
    /// ```
    /// use atoll_channels::Queue;
    ///
    /// let q = Queue::new(0);
    /// assert_eq!(q.to_string(), format!("Queue({})", q.id()));
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Queue({})", self.inner.id)
    }
}

impl fmt::Debug for Queue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Queue")
            .field("id", &self.inner.id)
            .field("maxsize", &self.inner.maxsize)
            .field("len", &self.len())
            .field("closed", &self.is_closed())
            .finish()
    }
}
