//! Attribute names that built-in modules look up by `&'static str` on hot paths
//! (a future's `_state`, a condition's `_lock` ...): their hashes are computed once
//! per OS thread, and setting an existing entry replaces its value in place instead
//! of allocating a new key.

use std::cell::Cell;

use crate::object::{PyDict, Value};

/// Slots in the per-thread hash cache (direct-mapped on the name's address).
const SLOTS: usize = 64;

thread_local! {
    /// (address, length, hash) of recently hashed static names.
    static HASHES: [Cell<(usize, usize, i64)>; SLOTS] =
        const { [const { Cell::new((0, 0, 0)) }; SLOTS] };
}

/// The str hash of `name` (cached by its address: a `&'static str` never moves).
#[inline]
pub fn static_hash(name: &'static str) -> i64 {
    let addr = name.as_ptr() as usize;
    let slot = (addr >> 3) % SLOTS;
    HASHES.with(|h| {
        let (a, len, hash) = h[slot].get();
        if a == addr && len == name.len() {
            return hash;
        }
        let hash = crate::object::hash_str(name);
        h[slot].set((addr, name.len(), hash));
        hash
    })
}

/// `d[name]` for a str key.
#[inline]
pub fn get_static(d: &PyDict, name: &'static str) -> Option<Value> {
    d.get_str_hashed(name, static_hash(name))
}

/// `d[name] = v` for a str key: an existing entry keeps its key.
pub fn set_static(d: &PyDict, name: &'static str, v: Value) {
    let h = static_hash(name);
    let mut m = d.0.borrow_mut();
    match m.str_position(name, h) {
        Some(i) => {
            let old = m.replace_value_at(i, v);
            drop(m);
            drop(old);
        }
        None => {
            m.insert_hashed(h, Value::str(name), v);
        }
    }
}
