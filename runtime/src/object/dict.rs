//! `dict`: an insertion-ordered hash map (entries in a vector, indices in a table).
//!
//! Keys hash and compare with Python semantics for the built-in types (`1`, `1.0`
//! and `True` are the same key). Keys that are instances of classes may define
//! `__eq__` and `__hash__`: the VM (`vm/mapping.rs`) looks such keys up with
//! [`DictMap::find_index`], which leaves the Python-level comparisons to it.

use std::cell::RefCell;
use std::rc::Rc;

use hashbrown::HashTable;

use super::hash::{hash_big, hash_float, hash_int, hash_tuple};
use super::value::Value;

/// One slot of the entry vector; a removed entry keeps its place as `Null` key.
#[derive(Clone)]
struct Entry {
    hash: i64,
    key: Value,
    value: Value,
}

/// The map behind `dict`.
#[derive(Default)]
pub struct DictMap {
    entries: Vec<Entry>,
    /// Positions in `entries` by hash; only built (`indexed`) once the map has
    /// more than [`SMALL`] entry slots. Smaller maps (most instance and keyword
    /// dicts) are searched linearly, comparing cached hashes first.
    table: HashTable<usize>,
    indexed: bool,
    len: usize,
    version: u64,
    /// Identifies this map's layout for lookup caches (see [`DictMap::tag`]); 0
    /// until first asked for, and reset whenever entries move.
    tag: std::cell::Cell<u64>,
    /// A class dict read by a class lookup cache: every change invalidates the
    /// caches (see `object::type_cache`).
    watched: std::cell::Cell<bool>,
    /// Bit `hash & 63` is set for the hash of every key inserted since the map
    /// was last emptied: a clear bit proves a key absent without searching
    /// (attribute lookups that miss an instance dict, method calls).
    key_bits: u64,
}

impl Drop for DictMap {
    fn drop(&mut self) {
        let entries = std::mem::take(&mut self.entries);
        if !entries.is_empty() {
            super::trashcan::dispose(entries);
        }
    }
}

impl Clone for DictMap {
    fn clone(&self) -> DictMap {
        DictMap {
            entries: self.entries.clone(),
            table: self.table.clone(),
            indexed: self.indexed,
            len: self.len,
            version: 0,
            tag: std::cell::Cell::new(0),
            watched: std::cell::Cell::new(false),
            key_bits: self.key_bits,
        }
    }
}

/// Entry slots a map may have before it builds its hash index.
const SMALL: usize = 4;

/// Source of [`DictMap::tag`] values: unique in the process.
static NEXT_TAG: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// The bit of [`DictMap::key_bits`] for a hash.
#[inline(always)]
fn key_bit(hash: i64) -> u64 {
    1 << (hash as u64 & 63)
}

/// Why a value can't be a key.
#[derive(Debug)]
pub struct Unhashable(pub &'static str);

/// The hash of a key of a built-in type, or the type name if it's unhashable.
///
/// Instances of classes hash by identity here; the VM's `Vm::hash` calls a class's
/// `__hash__` and is what dict and set operations use.
pub fn key_hash(v: &Value) -> Result<i64, Unhashable> {
    Ok(match v {
        Value::Int(i) => hash_int(*i),
        Value::BoolW(b) => b.get() as i64,
        Value::Str(s) => s.hash(),
        Value::FloatW(f) => hash_float(f.get()),
        Value::BigInt(b) => hash_big(b),
        Value::None => 0xfca86420,
        Value::Tuple(t) => {
            let mut th = super::hash::TupleHasher::new();
            for x in t.0.iter() {
                th.add(key_hash(x)?);
            }
            th.finish(t.0.len())
        }
        Value::Bytes(b) => super::hash::hash_bytes(&b.0),
        Value::ByteArray(_) => return Err(Unhashable("bytearray")),
        Value::Range(r) => {
            // CPython hashes (len, start, step), with None for what does not matter
            let n = r.len();
            let none = 0xfca86420;
            let parts = match n {
                0 => [hash_int(0), none, none],
                1 => [hash_int(1), hash_int(r.start), none],
                _ => [hash_int(n), hash_int(r.start), hash_int(r.step)],
            };
            hash_tuple(parts.into_iter())
        }
        Value::List(_) => return Err(Unhashable("list")),
        Value::Dict(_) => return Err(Unhashable("dict")),
        Value::Set(s) if !s.frozen => return Err(Unhashable("set")),
        Value::Set(s) => s.map.borrow().frozen_hash(),
        Value::Slice(_) => return Err(Unhashable("slice")),
        other => identity_hash(other),
    })
}

/// `object.__hash__`: derived from the object's address, as CPython does.
pub fn identity_hash(v: &Value) -> i64 {
    let id = v.id();
    let h = id.rotate_right(4);
    if h == -1 { -2 } else { h }
}

/// Whether two keys are equal, when that can be decided without Python code.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum KeyEq {
    Yes,
    No,
    /// An instance of a class is involved: ask the VM (`__eq__`).
    Unknown,
}

impl From<bool> for KeyEq {
    fn from(b: bool) -> KeyEq {
        if b { KeyEq::Yes } else { KeyEq::No }
    }
}

/// Key equality with Python semantics for built-in types (`1 == 1.0 == True`).
pub fn key_eq_static(a: &Value, b: &Value) -> KeyEq {
    use Value::*;
    match (a, b) {
        (Str(x), Str(y)) => (Rc::ptr_eq(x, y) || x.as_str() == y.as_str()).into(),
        (Int(x), Int(y)) => (x == y).into(),
        (Int(x), BoolW(y)) | (BoolW(y), Int(x)) => (*x == y.get() as i64).into(),
        (BoolW(x), BoolW(y)) => (x == y).into(),
        (FloatW(x), FloatW(y)) => {
            (x.get() == y.get() || x.get().to_bits() == y.get().to_bits()).into()
        }
        (Int(x), FloatW(y)) | (FloatW(y), Int(x)) => {
            ((*x as f64) == y.get() && y.get().fract() == 0.0 && (y.get() as i128) == *x as i128)
                .into()
        }
        (BoolW(x), FloatW(y)) | (FloatW(y), BoolW(x)) => {
            ((x.get() as i64 as f64) == y.get()).into()
        }
        (BigInt(x), BigInt(y)) => (x == y).into(),
        (BigInt(_), Int(_) | BoolW(_)) | (Int(_) | BoolW(_), BigInt(_)) => KeyEq::No,
        (BigInt(x), FloatW(y)) | (FloatW(y), BigInt(x)) => {
            if y.get().fract() != 0.0 || !y.get().is_finite() {
                KeyEq::No
            } else {
                let f: Option<num_bigint::BigInt> = num_traits::FromPrimitive::from_f64(y.get());
                (f.as_ref() == Some(&**x)).into()
            }
        }
        (Tuple(x), Tuple(y)) => {
            if Rc::ptr_eq(x, y) {
                return KeyEq::Yes;
            }
            if x.0.len() != y.0.len() {
                return KeyEq::No;
            }
            for (p, q) in x.0.iter().zip(y.0.iter()) {
                match key_eq_static(p, q) {
                    KeyEq::Yes => {}
                    other => return other,
                }
            }
            KeyEq::Yes
        }
        (Bytes(x), Bytes(y)) => (x.0 == y.0).into(),
        (Range(x), Range(y)) => {
            let n = x.len();
            (n == y.len() && (n == 0 || (x.start == y.start && (n == 1 || x.step == y.step))))
                .into()
        }
        (Set(x), Set(y)) => {
            if Rc::ptr_eq(x, y) {
                return KeyEq::Yes;
            }
            let (x, y) = (x.map.borrow(), y.map.borrow());
            if x.len() != y.len() {
                return KeyEq::No;
            }
            for (k, h) in x.iter_hashed() {
                match y.find_static(h, k) {
                    Some(Some(_)) => {}
                    Some(Option::None) => return KeyEq::No,
                    Option::None => return KeyEq::Unknown,
                }
            }
            KeyEq::Yes
        }
        (Instance(_), _) | (_, Instance(_)) => {
            if a.is(b) {
                KeyEq::Yes
            } else {
                KeyEq::Unknown
            }
        }
        _ => a.is(b).into(),
    }
}

/// Key equality for built-in types; instances compare by identity.
pub fn key_eq(a: &Value, b: &Value) -> bool {
    key_eq_static(a, b) == KeyEq::Yes
}

impl DictMap {
    /// An empty map.
    pub fn new() -> DictMap {
        DictMap::default()
    }

    /// An empty map with room for `n` entries.
    pub fn with_capacity(n: usize) -> DictMap {
        DictMap {
            entries: Vec::with_capacity(n),
            table: HashTable::with_capacity(if n > SMALL { n } else { 0 }),
            indexed: n > SMALL,
            len: 0,
            version: 0,
            tag: std::cell::Cell::new(0),
            watched: std::cell::Cell::new(false),
            key_bits: 0,
        }
    }

    /// Marks the map as a class dict that lookup caches depend on: from now on
    /// every change to it invalidates them.
    #[inline]
    pub fn watch(&self) {
        self.watched.set(true);
    }

    /// Records a change: bumps the version and invalidates class lookup caches
    /// if they read this map.
    #[inline]
    fn changed(&mut self) {
        self.version += 1;
        if self.watched.get() {
            super::type_cache::invalidate_all();
        }
    }

    /// A number that identifies this map and the positions of its entries, for
    /// lookup caches (the eval loop's global-name cache): unique in the process,
    /// and replaced when entries move (`clear`, compaction). While the tag is
    /// unchanged, an entry found at a position stays there until it is removed
    /// (its key becomes `Null`), and a key that was absent is still absent as long
    /// as [`DictMap::raw_len`] is unchanged (new keys are always appended).
    #[inline]
    pub fn tag(&self) -> u64 {
        let t = self.tag.get();
        if t != 0 {
            return t;
        }
        let t = NEXT_TAG.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.tag.set(t);
        t
    }

    /// Number of entry slots, removed ones included.
    #[inline]
    pub fn raw_len(&self) -> usize {
        self.entries.len()
    }

    /// Position of the entry of a key of a built-in type (for caches, with
    /// [`DictMap::tag`]).
    #[inline]
    pub fn find_position(&self, hash: i64, key: &Value) -> Option<usize> {
        self.find(hash, key)
    }

    /// The value of the live entry at position `pos`, if any.
    #[inline]
    pub fn value_at(&self, pos: usize) -> Option<&Value> {
        match self.entries.get(pos) {
            Some(e) if !e.key.is_null() => Some(&e.value),
            _ => None,
        }
    }

    /// The value at position `pos` if that entry is live and its key is the str
    /// `key` (for attribute caches holding a position hint).
    #[inline(always)]
    pub fn value_if_key_at(&self, pos: usize, key: &super::str::PyStr) -> Option<&Value> {
        match self.entries.get(pos) {
            Some(Entry {
                hash,
                key: Value::Str(k),
                value,
            }) if std::ptr::eq(&**k, key)
                || (*hash == key.hash() && k.as_str() == key.as_str()) =>
            {
                Some(value)
            }
            _ => None,
        }
    }

    /// Replaces the value at position `pos` if that entry is live and its key is
    /// the very str object `key` (an interned attribute name); gives `value`
    /// back otherwise. The old value is returned for the caller to drop.
    #[inline(always)]
    pub fn replace_if_key_is(
        &mut self,
        pos: usize,
        key: &super::str::PyStr,
        value: Value,
    ) -> Result<Value, Value> {
        match self.entries.get_mut(pos) {
            Some(Entry {
                key: Value::Str(k),
                value: slot,
                ..
            }) if std::ptr::eq(&**k, key) => {
                let old = std::mem::replace(slot, value);
                self.version += 1;
                if self.watched.get() {
                    super::type_cache::invalidate_all();
                }
                Ok(old)
            }
            _ => Err(value),
        }
    }

    /// Position of the live entry whose key is the str `key` (its cached hash).
    #[inline]
    pub fn position_pystr(&self, key: &super::str::PyStr) -> Option<usize> {
        self.position(key.hash(), |k| match k {
            Value::Str(k) => std::ptr::eq(&**k, key) || k.as_str() == key.as_str(),
            _ => false,
        })
    }

    /// Position of the live entry with this hash whose key satisfies `eq`.
    #[inline]
    fn position(&self, hash: i64, mut eq: impl FnMut(&Value) -> bool) -> Option<usize> {
        if self.key_bits & key_bit(hash) == 0 {
            return None;
        }
        let entries = &self.entries;
        if !self.indexed {
            return entries
                .iter()
                .position(|e| e.hash == hash && !e.key.is_null() && eq(&e.key));
        }
        self.table
            .find(hash as u64, |&i| {
                let e = &entries[i];
                e.hash == hash && eq(&e.key)
            })
            .copied()
    }

    /// Builds the hash index over the entries (when the map outgrows [`SMALL`]).
    fn build_index(&mut self) {
        let entries = &self.entries;
        let mut t = HashTable::with_capacity(entries.len() * 2);
        for (i, e) in entries.iter().enumerate() {
            if !e.key.is_null() {
                t.insert_unique(e.hash as u64, i, |&j| entries[j].hash as u64);
            }
        }
        self.table = t;
        self.indexed = true;
    }

    /// Number of live entries.
    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether it has no entries.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn find(&self, hash: i64, key: &Value) -> Option<usize> {
        self.position(hash, |k| key_eq(k, key))
    }

    /// Finds a key: `Ok(Some(i))` at entry `i`, `Ok(None)` absent, or `Err(candidates)`:
    /// the entries with the same hash whose equality needs Python code (`__eq__`).
    pub fn find_index(&self, hash: i64, key: &Value) -> Result<Option<usize>, Vec<usize>> {
        let entries = &self.entries;
        let mut unsure = Vec::new();
        let mut check = |i: usize| {
            let e = &entries[i];
            if e.hash != hash || e.key.is_null() {
                return false;
            }
            match key_eq_static(&e.key, key) {
                KeyEq::Yes => true,
                KeyEq::No => false,
                KeyEq::Unknown => {
                    unsure.push(i);
                    false
                }
            }
        };
        let found = if self.indexed {
            self.table.find(hash as u64, |&i| check(i)).copied()
        } else {
            (0..entries.len()).find(|&i| check(i))
        };
        match found {
            Some(i) => Ok(Some(i)),
            None if unsure.is_empty() => Ok(None),
            None => Err(unsure),
        }
    }

    /// The (key, value) of entry `i` if it is live.
    pub fn entry_at(&self, i: usize) -> Option<(&Value, &Value)> {
        let e = self.entries.get(i)?;
        (!e.key.is_null()).then_some((&e.key, &e.value))
    }

    /// Replaces the value of live entry `i`, returning the old one.
    pub fn replace_value_at(&mut self, i: usize, value: Value) -> Value {
        self.changed();
        std::mem::replace(&mut self.entries[i].value, value)
    }

    /// Appends an entry whose key is known to be absent.
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        self.changed();
        let idx = self.entries.len();
        self.entries.push(Entry { hash, key, value });
        self.key_bits |= key_bit(hash);
        if self.indexed {
            let entries = &self.entries;
            self.table
                .insert_unique(hash as u64, idx, |&i| entries[i].hash as u64);
        } else if self.entries.len() > SMALL {
            self.build_index();
        }
        self.len += 1;
    }

    /// Removes live entry `i`, returning its (key, value).
    pub fn remove_at(&mut self, i: usize) -> (Value, Value) {
        self.changed();
        let hash = self.entries[i].hash;
        if self.indexed
            && let Ok(occ) = self.table.find_entry(hash as u64, |&j| j == i)
        {
            occ.remove();
        }
        let e = std::mem::replace(
            &mut self.entries[i],
            Entry {
                hash: 0,
                key: Value::Null,
                value: Value::Null,
            },
        );
        self.len -= 1;
        self.maybe_compact();
        (e.key, e.value)
    }

    /// The change counter (bumped by every insertion or removal of a key).
    pub fn version(&self) -> u64 {
        self.version
    }

    /// The hash stored with live entry `i`.
    pub fn hash_at(&self, i: usize) -> i64 {
        self.entries[i].hash
    }

    /// Looks a key up with a precomputed hash.
    pub fn get_hashed(&self, hash: i64, key: &Value) -> Option<&Value> {
        self.find(hash, key).map(|i| &self.entries[i].value)
    }

    /// Looks a key up; `Err` if the key is unhashable.
    pub fn get(&self, key: &Value) -> Result<Option<&Value>, Unhashable> {
        let h = key_hash(key)?;
        Ok(self.get_hashed(h, key))
    }

    /// Looks a str key up.
    pub fn get_str(&self, key: &str) -> Option<&Value> {
        self.get_str_hashed(key, super::hash::hash_str(key))
    }

    /// Looks a str key up with its precomputed hash.
    pub fn get_str_hashed(&self, key: &str, h: i64) -> Option<&Value> {
        self.position(h, |k| k.as_str() == Some(key))
            .map(|i| &self.entries[i].value)
    }

    /// Position of the live entry whose key is the str `key` of hash `h`.
    #[inline]
    pub fn str_position(&self, key: &str, h: i64) -> Option<usize> {
        self.position(h, |k| k.as_str() == Some(key))
    }

    /// Looks a str key up by a `PyStr` (its cached hash; no rehashing).
    #[inline]
    pub fn get_pystr(&self, key: &super::str::PyStr) -> Option<&Value> {
        let h = key.hash();
        self.position(h, |k| match k {
            Value::Str(k) => std::ptr::eq(&**k, key) || k.as_str() == key.as_str(),
            _ => false,
        })
        .map(|i| &self.entries[i].value)
    }

    /// Whether the key is present (unhashable keys are absent).
    pub fn contains(&self, key: &Value) -> bool {
        matches!(self.get(key), Ok(Some(_)))
    }

    /// Inserts with a precomputed hash, returning the old value.
    pub fn insert_hashed(&mut self, hash: i64, key: Value, value: Value) -> Option<Value> {
        if let Some(i) = self.find(hash, &key) {
            return Some(self.replace_value_at(i, value));
        }
        self.insert_new(hash, key, value);
        None
    }

    /// Inserts, returning the old value; `Err` if the key is unhashable.
    pub fn insert(&mut self, key: Value, value: Value) -> Result<Option<Value>, Unhashable> {
        let h = key_hash(&key)?;
        Ok(self.insert_hashed(h, key, value))
    }

    /// Removes a key, returning its (key, value).
    pub fn remove(&mut self, key: &Value) -> Result<Option<(Value, Value)>, Unhashable> {
        let h = key_hash(key)?;
        let idx = if self.indexed {
            let entries = &self.entries;
            let found = self.table.find_entry(h as u64, |&i| {
                let e = &entries[i];
                e.hash == h && key_eq(&e.key, key)
            });
            let Ok(occ) = found else { return Ok(None) };
            occ.remove().0
        } else {
            match self.find(h, key) {
                Some(i) => i,
                None => return Ok(None),
            }
        };
        self.changed();
        let e = std::mem::replace(
            &mut self.entries[idx],
            Entry {
                hash: 0,
                key: Value::Null,
                value: Value::Null,
            },
        );
        self.len -= 1;
        self.maybe_compact();
        Ok(Some((e.key, e.value)))
    }

    fn maybe_compact(&mut self) {
        if self.entries.len() > 16 && self.len * 2 < self.entries.len() {
            self.tag.set(0);
            self.entries.retain(|e| !e.key.is_null());
            self.build_index();
        }
    }

    /// Removes every entry.
    pub fn clear(&mut self) {
        self.changed();
        self.tag.set(0);
        self.entries.clear();
        self.table.clear();
        self.indexed = false;
        self.len = 0;
        self.key_bits = 0;
    }

    /// The live (key, value) pairs in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries
            .iter()
            .filter(|e| !e.key.is_null())
            .map(|e| (&e.key, &e.value))
    }

    /// Live keys, cloned, in order.
    pub fn keys(&self) -> impl Iterator<Item = Value> + '_ {
        self.iter().map(|(k, _)| k.clone())
    }

    /// The entry at raw position `pos` or later that is live: (next pos, key, value).
    pub fn entry_from(&self, mut pos: usize) -> Option<(usize, Value, Value)> {
        while pos < self.entries.len() {
            let e = &self.entries[pos];
            pos += 1;
            if !e.key.is_null() {
                return Some((pos, e.key.clone(), e.value.clone()));
            }
        }
        None
    }

    /// The last live entry before raw position `pos` (for reverse iteration; start with
    /// `usize::MAX`): (its pos, key, value).
    pub fn entry_before(&self, pos: usize) -> Option<(usize, Value, Value)> {
        let mut i = pos.min(self.entries.len());
        while i > 0 {
            i -= 1;
            let e = &self.entries[i];
            if !e.key.is_null() {
                return Some((i, e.key.clone(), e.value.clone()));
            }
        }
        None
    }

    /// Removes and returns the last entry (`popitem`).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        while let Some(e) = self.entries.last() {
            if e.key.is_null() {
                self.entries.pop();
                continue;
            }
            let key = e.key.clone();
            return self.remove(&key).ok().flatten();
        }
        None
    }
}

/// A `dict` object.
#[derive(Default)]
pub struct PyDict(pub RefCell<DictMap>);

impl PyDict {
    /// A new empty dict.
    pub fn new() -> PyDict {
        PyDict::default()
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.0.borrow().len()
    }

    /// Whether it is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Gets a str key.
    pub fn get_str(&self, key: &str) -> Option<Value> {
        self.0.borrow().get_str(key).cloned()
    }

    /// Gets a str key with its precomputed hash.
    pub fn get_str_hashed(&self, key: &str, h: i64) -> Option<Value> {
        self.0.borrow().get_str_hashed(key, h).cloned()
    }

    /// Sets a str key.
    pub fn set_str(&self, key: &str, value: Value) {
        self.set_str_hashed(key, super::hash::hash_str(key), value);
    }

    /// Sets a str key whose hash (`hash_str(key)`) is already known.
    pub fn set_str_hashed(&self, key: &str, hash: i64, value: Value) {
        self.0
            .borrow_mut()
            .insert_hashed(hash, Value::str(key), value);
    }

    /// Makes room for `additional` more entries.
    pub fn reserve(&self, additional: usize) {
        self.0.borrow_mut().entries.reserve(additional);
    }

    /// Gets a key with a known hash (no Python-level equality involved).
    pub fn get_item(&self, key: &Value) -> Result<Option<Value>, Unhashable> {
        Ok(self.0.borrow().get(key)?.cloned())
    }

    /// Sets a key.
    pub fn set_item(&self, key: Value, value: Value) -> Result<(), Unhashable> {
        let h = key_hash(&key)?;
        // drop the old value after releasing the borrow (its destructor may run code)
        let old = self.0.borrow_mut().insert_hashed(h, key, value);
        drop(old);
        Ok(())
    }
}
