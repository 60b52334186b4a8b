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
const SLOTS: usize = 64;
/// The table is emptied when it holds this many names.
const MAX_FILL: usize = 48;

/// One cached lookup.
#[derive(Default)]
struct Slot {
    /// Address of the name's bytes when cached (the probe key); 0 = empty.
    addr: usize,
    /// The name, compared in full on a hit (the address may have been reused).
    name: Box<str>,
    /// What the lookup found.
    value: Option<Value>,
}

/// The open-addressing table behind a [`LookupCache`].
struct Table {
    /// Epoch the entries belong to.
    epoch: u64,
    used: usize,
    slots: [Slot; SLOTS],
}

/// A class's lookup cache: a small open-addressing table keyed by the address
/// of the name (names usually come from code objects or literals, whose bytes
/// don't move), allocated on first use.
#[derive(Default)]
pub struct LookupCache {
    table: RefCell<Option<Box<Table>>>,
}

impl LookupCache {
    #[inline]
    fn home(addr: usize) -> usize {
        ((addr as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SLOTS.trailing_zeros()))
            as usize
    }

    /// The cached result for `name` in the current epoch: `Some(found)` on a hit.
    #[inline]
    pub fn get(&self, name: &str) -> Option<Option<Value>> {
        let table = self.table.borrow();
        let table = table.as_ref()?;
        if table.epoch != epoch() {
            return None;
        }
        let addr = name.as_ptr() as usize;
        let mut i = Self::home(addr);
        loop {
            let slot = &table.slots[i];
            if slot.addr == 0 {
                return None;
            }
            if slot.addr == addr && &*slot.name == name {
                return Some(slot.value.clone());
            }
            i = (i + 1) & (SLOTS - 1);
        }
    }

    /// Remembers the result of looking `name` up in epoch `at` (read before the
    /// lookup, so a change during it leaves the entry stale, never wrong).
    pub fn put(&self, name: &str, at: u64, value: Option<Value>) {
        let mut table = self.table.borrow_mut();
        let table = table.get_or_insert_with(|| {
            Box::new(Table {
                epoch: at,
                used: 0,
                slots: std::array::from_fn(|_| Slot::default()),
            })
        });
        if table.epoch != at || table.used >= MAX_FILL {
            table.slots = std::array::from_fn(|_| Slot::default());
            table.used = 0;
            table.epoch = at;
        }
        let addr = name.as_ptr() as usize;
        let mut i = Self::home(addr);
        loop {
            let slot = &mut table.slots[i];
            if slot.addr == 0 {
                table.used += 1;
                break;
            }
            if slot.addr == addr && &*slot.name == name {
                break;
            }
            i = (i + 1) & (SLOTS - 1);
        }
        table.slots[i] = Slot {
            addr,
            name: name.into(),
            value,
        };
    }

    /// Drops every cached value (used when a class is cleared at finalization,
    /// to break reference cycles through cached functions).
    pub fn clear(&self) {
        *self.table.borrow_mut() = None;
    }
}
