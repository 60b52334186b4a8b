//! The lookup index behind [`Dict`](crate::Dict) and [`Set`](crate::Set):
//! an open-addressing hash table of positions into the owner's vector of
//! entries, so the entries themselves stay in insertion order.
//!
//! Small collections (up to [`LINEAR_MAX`] keys) have no table and are
//! searched linearly, which is faster than hashing for a handful of keys and
//! keeps small dicts free of a second allocation.

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::sync::OnceLock;

use crate::Shareable;

/// Collections with at most this many keys are searched without a table.
const LINEAR_MAX: usize = 8;

/// Marks an empty table slot.
const EMPTY: usize = usize::MAX;

/// The hash of a key, randomly seeded once per process (as CPython seeds its
/// string hash), so crafted keys cannot force collisions.
fn hash_key(key: &Shareable) -> u64 {
    static STATE: OnceLock<RandomState> = OnceLock::new();
    STATE.get_or_init(RandomState::new).hash_one(key)
}

/// Where a lookup found a key, or where a new key would go.
pub(crate) struct Lookup {
    /// Position of the equal key in the entries, if present.
    pub(crate) found: Option<usize>,
    /// The key's hash, when the table exists (reused by [`KeyIndex::pushed`]).
    hash: Option<u64>,
}

/// An optional hash table over a slice of entries, each with a key.
#[derive(Clone, Default)]
pub(crate) struct KeyIndex {
    table: Option<Box<Table>>,
}

#[derive(Clone)]
struct Table {
    /// `hashes[i]` is the hash of the key of entry `i`.
    hashes: Vec<u64>,
    /// Entry positions, or [`EMPTY`]; the length is a power of two at least
    /// twice the number of entries.
    slots: Vec<usize>,
}

impl Table {
    fn with_hashes(hashes: Vec<u64>) -> Table {
        let size = (hashes.len() * 2).next_power_of_two().max(16);
        let mut table = Table {
            hashes,
            slots: vec![EMPTY; size],
        };
        for pos in 0..table.hashes.len() {
            let slot = table.free_slot(table.hashes[pos]);
            table.slots[slot] = pos;
        }
        table
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// The first empty slot on `hash`'s probe sequence.
    fn free_slot(&self, hash: u64) -> usize {
        let mut slot = hash as usize & self.mask();
        while self.slots[slot] != EMPTY {
            slot = (slot + 1) & self.mask();
        }
        slot
    }
}

impl KeyIndex {
    /// Looks `key` up among `entries`.
    pub(crate) fn lookup<T>(
        &self,
        entries: &[T],
        key_of: fn(&T) -> &Shareable,
        key: &Shareable,
    ) -> Lookup {
        let Some(table) = &self.table else {
            return Lookup {
                found: entries.iter().position(|e| key_of(e) == key),
                hash: None,
            };
        };
        let hash = hash_key(key);
        let mut slot = hash as usize & table.mask();
        loop {
            let pos = table.slots[slot];
            if pos == EMPTY {
                return Lookup {
                    found: None,
                    hash: Some(hash),
                };
            }
            if table.hashes[pos] == hash && key_of(&entries[pos]) == key {
                return Lookup {
                    found: Some(pos),
                    hash: Some(hash),
                };
            }
            slot = (slot + 1) & table.mask();
        }
    }

    /// Records that the last entry was just pushed; `lookup` is the failed
    /// lookup of its key made before the push.
    pub(crate) fn pushed<T>(
        &mut self,
        entries: &[T],
        key_of: fn(&T) -> &Shareable,
        lookup: Lookup,
    ) {
        match (&mut self.table, lookup.hash) {
            (Some(table), Some(hash)) => {
                table.hashes.push(hash);
                if table.hashes.len() * 2 > table.slots.len() {
                    **table = Table::with_hashes(std::mem::take(&mut table.hashes));
                } else {
                    let slot = table.free_slot(hash);
                    table.slots[slot] = table.hashes.len() - 1;
                }
            }
            _ => self.rebuild(entries, key_of),
        }
    }

    /// Records that an entry was removed (positions after it shifted).
    pub(crate) fn removed<T>(&mut self, entries: &[T], pos: usize) {
        if let Some(table) = &mut self.table {
            let mut hashes = std::mem::take(&mut table.hashes);
            hashes.remove(pos);
            **table = Table::with_hashes(hashes);
        }
        if entries.len() <= LINEAR_MAX {
            self.table = None;
        }
    }

    /// Builds the table from scratch if `entries` is too long to search
    /// linearly, drops it otherwise.
    pub(crate) fn rebuild<T>(&mut self, entries: &[T], key_of: fn(&T) -> &Shareable) {
        self.table = (entries.len() > LINEAR_MAX).then(|| {
            Box::new(Table::with_hashes(
                entries.iter().map(|e| hash_key(key_of(e))).collect(),
            ))
        });
    }
}
