//! The per-class attribute lookup cache behind [`PyType::lookup`].
//!
//! Looking a name up along a class's MRO hashes the name once per class dict on
//! the way; attribute access, method calls and instance creation do it on every
//! operation. Each class keeps a small direct-mapped cache from name to result
//! (found value or absent), filled on a miss.
//!
//! Invalidation is global and conservative, as CPython's type version tags are
//! in spirit: every class dict the lookup has read is *watched* (a flag in its
//! [`DictMap`](super::dict::DictMap)), and any change to a watched dict bumps
//! one process-wide epoch, which empties every cache at once. Changing a class
//! after creation is rare; lookups are constant.
//!
//! [`PyType::lookup`]: super::types::PyType::lookup

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

use super::value::Value;

/// Bumped by every change to a watched (class) dict, in any interpreter.
///
/// Relaxed ordering suffices: a class belongs to one interpreter, and the
/// threads of one interpreter are ordered by its GIL; changes in other
/// interpreters only cause needless misses.
static EPOCH: AtomicU64 = AtomicU64::new(1);

/// The current epoch (never 0, so an empty slot never matches).
#[inline]
pub fn epoch() -> u64 {
    EPOCH.load(Ordering::Relaxed)
}

/// Records that a watched dict changed: every cached lookup is now stale.
#[inline]
pub fn invalidate_all() {
    EPOCH.fetch_add(1, Ordering::Relaxed);
}

/// Number of slots per class (a power of two).
const SLOTS: usize = 32;

/// One cached lookup.
#[derive(Default)]
struct Slot {
    /// Epoch when filled; 0 = empty.
    epoch: u64,
    /// The name, compared in full on a hit (its address only picks the slot).
    name: Box<str>,
    /// What the lookup found.
    value: Option<Value>,
}

/// A class's lookup cache, allocated on first use.
#[derive(Default)]
pub struct LookupCache {
    slots: RefCell<Option<Box<[Slot; SLOTS]>>>,
}

impl LookupCache {
    /// The slot for `name`: names usually come from code objects or literals,
    /// whose addresses are stable, so the address is a cheap hash.
    #[inline]
    fn index(name: &str) -> usize {
        let p = (name.as_ptr() as u64) ^ (name.len() as u64);
        (p.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SLOTS.trailing_zeros())) as usize
    }

    /// The cached result for `name` in the current epoch: `Some(found)` on a hit.
    #[inline]
    pub fn get(&self, name: &str) -> Option<Option<Value>> {
        let slots = self.slots.borrow();
        let slot = &slots.as_ref()?[Self::index(name)];
        if slot.epoch == epoch() && &*slot.name == name {
            Some(slot.value.clone())
        } else {
            None
        }
    }

    /// Remembers the result of looking `name` up in epoch `at` (read before the
    /// lookup, so a change during it leaves the entry stale, never wrong).
    pub fn put(&self, name: &str, at: u64, value: Option<Value>) {
        let mut slots = self.slots.borrow_mut();
        let slots = slots.get_or_insert_with(Default::default);
        slots[Self::index(name)] = Slot {
            epoch: at,
            name: name.into(),
            value,
        };
    }

    /// Drops every cached value (used when a class is cleared at finalization,
    /// to break reference cycles through cached functions).
    pub fn clear(&self) {
        *self.slots.borrow_mut() = None;
    }
}
