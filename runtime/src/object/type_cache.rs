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
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};

use super::str::PyStr;
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

/// The name a slot caches.
#[derive(Default)]
enum Key {
    #[default]
    Empty,
    /// A name given as `&str`, compared in full on a hit (the address of its
    /// bytes may have been reused by another string).
    Str(Box<str>),
    /// A name given as a `PyStr`, kept alive here so that its address alone
    /// identifies it (the field is never read: holding it is the point).
    Name(#[allow(dead_code)] Rc<PyStr>),
}

/// One cached lookup.
#[derive(Default)]
struct Slot {
    /// The probe key: address of the name's bytes (`Key::Str`) or of the
    /// `PyStr` (`Key::Name`); 0 = empty.
    addr: usize,
    key: Key,
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
        let table = self.table.try_borrow().ok()?;
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
            if slot.addr == addr
                && let Key::Str(k) = &slot.key
                && &**k == name
            {
                return Some(slot.value.clone());
            }
            i = (i + 1) & (SLOTS - 1);
        }
    }

    /// The cached result for the name `name` in the current epoch.
    #[inline]
    pub fn get_name(&self, name: &Rc<PyStr>) -> Option<Option<Value>> {
        let table = self.table.try_borrow().ok()?;
        let table = table.as_ref()?;
        if table.epoch != epoch() {
            return None;
        }
        let addr = Rc::as_ptr(name) as usize;
        let mut i = Self::home(addr);
        loop {
            let slot = &table.slots[i];
            if slot.addr == 0 {
                return None;
            }
            if slot.addr == addr && matches!(slot.key, Key::Name(_)) {
                return Some(slot.value.clone());
            }
            i = (i + 1) & (SLOTS - 1);
        }
    }

    /// Remembers the result of looking `name` up in epoch `at` (read before the
    /// lookup, so a change during it leaves the entry stale, never wrong).
    pub fn put(&self, name: &str, at: u64, value: Option<Value>) {
        self.insert(name.as_ptr() as usize, Key::Str(name.into()), at, value);
    }

    /// [`LookupCache::put`] for a name given as a `PyStr`.
    pub fn put_name(&self, name: &Rc<PyStr>, at: u64, value: Option<Value>) {
        self.insert(
            Rc::as_ptr(name) as usize,
            Key::Name(name.clone()),
            at,
            value,
        );
    }

    fn insert(&self, addr: usize, key: Key, at: u64, value: Option<Value>) {
        // What the table lets go of is dropped only after the borrow ends:
        // dropping a value may run Python code that looks names up again.
        let mut released: Vec<Slot> = Vec::new();
        {
            let Ok(mut table) = self.table.try_borrow_mut() else {
                return;
            };
            let table = table.get_or_insert_with(|| {
                Box::new(Table {
                    epoch: at,
                    used: 0,
                    slots: std::array::from_fn(|_| Slot::default()),
                })
            });
            if table.epoch != at || table.used >= MAX_FILL {
                let old =
                    std::mem::replace(&mut table.slots, std::array::from_fn(|_| Slot::default()));
                released.extend(old);
                table.used = 0;
                table.epoch = at;
            }
            let same = |k: &Key| match (k, &key) {
                (Key::Str(a), Key::Str(b)) => a == b,
                (Key::Name(_), Key::Name(_)) => true,
                _ => false,
            };
            let mut i = Self::home(addr);
            loop {
                let slot = &mut table.slots[i];
                if slot.addr == 0 {
                    table.used += 1;
                    break;
                }
                if slot.addr == addr && same(&slot.key) {
                    break;
                }
                i = (i + 1) & (SLOTS - 1);
            }
            released.push(std::mem::replace(
                &mut table.slots[i],
                Slot { addr, key, value },
            ));
        }
        drop(released);
    }

    /// Drops every cached value (used when a class is cleared at finalization,
    /// to break reference cycles through cached functions).
    pub fn clear(&self) {
        let old = self.table.try_borrow_mut().ok().and_then(|mut t| t.take());
        drop(old);
    }
}
