//! `dict`: an insertion-ordered hash map (entries in a vector, indices in a table).
//!
//! Keys hash and compare with Python semantics for the built-in types (`1`, `1.0`
//! and `True` are the same key). Instances of user classes hash by identity.

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

/// The map behind `dict` (and `set`, with unused values).
#[derive(Clone, Default)]
pub struct DictMap {
    entries: Vec<Entry>,
    table: HashTable<usize>,
    len: usize,
}

/// Why a value can't be a key.
#[derive(Debug)]
pub struct Unhashable(pub &'static str);

/// The hash of a key, or the type name if it's unhashable.
pub fn key_hash(v: &Value) -> Result<i64, Unhashable> {
    Ok(match v {
        Value::Int(i) => hash_int(*i),
        Value::Bool(b) => *b as i64,
        Value::Str(s) => s.hash(),
        Value::Float(f) => hash_float(*f),
        Value::BigInt(b) => hash_big(b),
        Value::None => 0xfca86420,
        Value::Tuple(t) => {
            let mut hs = Vec::with_capacity(t.0.len());
            for x in t.0.iter() {
                hs.push(key_hash(x)?);
            }
            hash_tuple(hs.into_iter())
        }
        Value::Bytes(b) => super::hash::hash_str(&String::from_utf8_lossy(&b.0)),
        Value::List(_) => return Err(Unhashable("list")),
        Value::Dict(_) => return Err(Unhashable("dict")),
        Value::Set(s) if !s.frozen => return Err(Unhashable("set")),
        Value::Slice(_) => return Err(Unhashable("slice")),
        other => {
            let id = other.id();
            id.rotate_right(4)
        }
    })
}

/// Key equality with Python semantics for built-in types; identity otherwise.
pub fn key_eq(a: &Value, b: &Value) -> bool {
    use Value::*;
    match (a, b) {
        (Str(x), Str(y)) => Rc::ptr_eq(x, y) || x.as_str() == y.as_str(),
        (Int(x), Int(y)) => x == y,
        (Int(x), Bool(y)) | (Bool(y), Int(x)) => *x == *y as i64,
        (Bool(x), Bool(y)) => x == y,
        (Float(x), Float(y)) => x == y,
        (Int(x), Float(y)) | (Float(y), Int(x)) => {
            (*x as f64) == *y && y.fract() == 0.0 && *y as i64 == *x
        }
        (Bool(x), Float(y)) | (Float(y), Bool(x)) => (*x as i64 as f64) == *y,
        (BigInt(x), BigInt(y)) => x == y,
        (Tuple(x), Tuple(y)) => {
            x.0.len() == y.0.len() && x.0.iter().zip(y.0.iter()).all(|(p, q)| key_eq(p, q))
        }
        (Bytes(x), Bytes(y)) => x.0 == y.0,
        (Set(x), Set(y)) => {
            let (x, y) = (x.map.borrow(), y.map.borrow());
            x.len() == y.len() && x.keys().all(|k| y.contains(&k))
        }
        _ => a.is(b),
    }
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
            table: HashTable::with_capacity(n),
            len: 0,
        }
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
        let entries = &self.entries;
        self.table
            .find(hash as u64, |&i| {
                let e = &entries[i];
                e.hash == hash && key_eq(&e.key, key)
            })
            .copied()
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
        let h = super::hash::hash_str(key);
        let entries = &self.entries;
        self.table
            .find(h as u64, |&i| {
                let e = &entries[i];
                e.hash == h && e.key.as_str() == Some(key)
            })
            .map(|&i| &entries[i].value)
    }

    /// Looks a str key up by a `PyStr` (its cached hash; no rehashing).
    #[inline]
    pub fn get_pystr(&self, key: &super::str::PyStr) -> Option<&Value> {
        let h = key.hash();
        let entries = &self.entries;
        self.table
            .find(h as u64, |&i| {
                let e = &entries[i];
                e.hash == h
                    && match &e.key {
                        Value::Str(k) => std::ptr::eq(&**k, key) || k.as_str() == key.as_str(),
                        _ => false,
                    }
            })
            .map(|&i| &entries[i].value)
    }

    /// Whether the key is present (unhashable keys are absent).
    pub fn contains(&self, key: &Value) -> bool {
        matches!(self.get(key), Ok(Some(_)))
    }

    /// Inserts with a precomputed hash, returning the old value.
    pub fn insert_hashed(&mut self, hash: i64, key: Value, value: Value) -> Option<Value> {
        if let Some(i) = self.find(hash, &key) {
            return Some(std::mem::replace(&mut self.entries[i].value, value));
        }
        let idx = self.entries.len();
        self.entries.push(Entry { hash, key, value });
        let entries = &self.entries;
        self.table
            .insert_unique(hash as u64, idx, |&i| entries[i].hash as u64);
        self.len += 1;
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
        let entries = &self.entries;
        let found = self.table.find_entry(h as u64, |&i| {
            let e = &entries[i];
            e.hash == h && key_eq(&e.key, key)
        });
        let Ok(occ) = found else { return Ok(None) };
        let (idx, _) = occ.remove();
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
            self.entries.retain(|e| !e.key.is_null());
            let entries = &self.entries;
            let mut t = HashTable::with_capacity(entries.len());
            for (i, e) in entries.iter().enumerate() {
                t.insert_unique(e.hash as u64, i, |&j| entries[j].hash as u64);
            }
            self.table = t;
        }
    }

    /// Removes every entry.
    pub fn clear(&mut self) {
        self.entries.clear();
        self.table.clear();
        self.len = 0;
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

    /// Sets a str key.
    pub fn set_str(&self, key: &str, value: Value) {
        let k = Value::str(key);
        let h = super::hash::hash_str(key);
        self.0.borrow_mut().insert_hashed(h, k, value);
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
