//! Owner bookkeeping for PEP 734's `unbounditems`: which items in a queue
//! were put by an owner (an interpreter) that has since been released.
//!
//! Items are never searched for in the channel. Each owned item travels with
//! a shared [`Ticket`] for its owner; [`Owners::release`] marks the owner's
//! current ticket released and forgets it, so items already put carry a
//! released ticket while later puts by the same owner get a fresh one. A
//! getter applies the queue's [`UnboundPolicy`] when it takes an item whose
//! ticket is released.
//!
//! A ticket's state packs the released flag and the number of its items
//! still counted in the queue into one atomic word, so "how many of this
//! owner's items did the release catch" is decided atomically against
//! concurrent gets; that number feeds the count of removed-but-not-yet-
//! discarded items that [`Queue::len`](crate::Queue::len) subtracts.

use std::collections::HashMap;
use std::sync::atomic::{AtomicIsize, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

/// What a queue does with the items still in it that were put by an owner
/// when [`Queue::release_owner`](crate::Queue::release_owner) is called for
/// that owner (PEP 734's `unbounditems`, applied when an interpreter is
/// destroyed). Chosen when the queue is created.
///
/// ```
/// use atoll_channels::{Queue, Shareable, UnboundPolicy};
///
/// let q = Queue::with_unbound_policy(0, UnboundPolicy::Replace);
/// q.put_owned("from interp 2", 2, None).unwrap();
/// q.release_owner(2);
/// assert_eq!(q.try_get(), Ok(Shareable::Unbound));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum UnboundPolicy {
    /// A getter that reaches such an item gets
    /// [`GetError::Unbound`](crate::GetError::Unbound) (the item is taken
    /// out and dropped): PEP 734's `UNBOUND_ERROR`.
    Error,
    /// Such items are dropped: getters skip them and `len` stops counting
    /// them at once. Until a getter reaches them they still take up room in
    /// a bounded queue. PEP 734's `UNBOUND_REMOVE`.
    Remove,
    /// A getter that reaches such an item gets [`Shareable::Unbound`](crate::Shareable::Unbound)
    /// in its place: PEP 734's `UNBOUND` (the default).
    #[default]
    Replace,
}

/// Set in a ticket's state once its owner is released.
const RELEASED: u64 = 1 << 63;

/// One owner's claim on the items it put since its last release.
#[derive(Debug)]
pub(crate) struct Ticket {
    owner: u64,
    /// [`RELEASED`] | number of items counted in the queue.
    state: AtomicU64,
}

/// What a getter should do with an item it took from the channel.
pub(crate) enum Fate {
    /// Hand it out.
    Keep,
    /// Its owner was released: apply the policy.
    Unbound { owner: u64 },
}

/// The tickets of a queue's owners and the count of removed items.
#[derive(Debug, Default)]
pub(crate) struct Owners {
    current: Mutex<HashMap<u64, Arc<Ticket>>>,
    /// Items still in the channel (or being put) whose owner was released
    /// under [`UnboundPolicy::Remove`]. Transiently negative under races.
    removed: AtomicIsize,
}

impl Owners {
    /// The ticket for a new item put by `owner`, already counting the item.
    pub(crate) fn enter(&self, owner: u64, policy: UnboundPolicy) -> Arc<Ticket> {
        let ticket = {
            let mut current = self.current.lock().unwrap_or_else(PoisonError::into_inner);
            Arc::clone(current.entry(owner).or_insert_with(|| {
                Arc::new(Ticket {
                    owner,
                    state: AtomicU64::new(0),
                })
            }))
        };
        let before = ticket.state.fetch_add(1, Ordering::AcqRel);
        if before & RELEASED != 0 {
            // Released between the lookup and the count: dead on arrival.
            self.count_removed(policy, 1);
        }
        ticket
    }

    /// Takes an item off its ticket's count (after a get, or a failed put);
    /// tells whether the owner had been released.
    pub(crate) fn leave(&self, ticket: &Ticket, policy: UnboundPolicy) -> Fate {
        let before = ticket.state.fetch_sub(1, Ordering::AcqRel);
        if before & RELEASED == 0 {
            return Fate::Keep;
        }
        self.count_removed(policy, -1);
        Fate::Unbound {
            owner: ticket.owner,
        }
    }

    /// Marks every item `owner` has put so far as unbound.
    pub(crate) fn release(&self, owner: u64, policy: UnboundPolicy) {
        let ticket = self
            .current
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&owner);
        if let Some(ticket) = ticket {
            let before = ticket.state.fetch_or(RELEASED, Ordering::AcqRel);
            let caught = (before & !RELEASED) as isize;
            self.count_removed(policy, caught);
        }
    }

    /// The number of removed items not yet discarded by a getter.
    pub(crate) fn removed(&self) -> usize {
        self.removed.load(Ordering::Relaxed).max(0) as usize
    }

    fn count_removed(&self, policy: UnboundPolicy, delta: isize) {
        if policy == UnboundPolicy::Remove {
            self.removed.fetch_add(delta, Ordering::Relaxed);
        }
    }
}
