//! [`Dict`]: the contents of a shareable `dict`, in insertion order.

use std::hash::{DefaultHasher, Hash, Hasher};

use crate::index::KeyIndex;
use crate::{Shareable, UnhashableError};

/// The entries of a `dict`: key/value pairs in insertion order, with unique,
/// hashable keys (equal as Python compares dict keys, so `1`, `1.0` and
/// `True` are one key).
///
/// Inserting an existing key replaces its value and keeps the key first
/// inserted and its position, as Python's `dict` does. Lookups are linear for
/// up to 8 keys and hashed beyond.
///
/// ```
/// use atoll_channels::{Dict, Shareable};
///
/// let mut d = Dict::new();
/// d.insert("id", 1).unwrap();
/// d.insert("name", "x".repeat(3)).unwrap();
/// d.insert(1, "one").unwrap();
/// d.insert(true, "uno").unwrap(); // True == 1: replaces the value
/// assert_eq!(d.to_string(), "{'id': 1, 'name': 'xxx', 1: 'uno'}");
/// assert_eq!(d.get(&"id".into()), Some(&Shareable::Int(1)));
/// ```
#[derive(Clone, Default)]
pub struct Dict {
    entries: Vec<(Shareable, Shareable)>,
    index: KeyIndex,
}

fn key_of(entry: &(Shareable, Shareable)) -> &Shareable {
    &entry.0
}

impl Dict {
    /// An empty dict.
    ///
    /// ```
    /// use atoll_channels::Dict;
    ///
    /// assert!(Dict::new().is_empty());
    /// ```
    pub fn new() -> Dict {
        Dict::default()
    }

    /// An empty dict with room for `capacity` entries.
    ///
    /// ```
    /// use atoll_channels::Dict;
    ///
    /// let d = Dict::with_capacity(10);
    /// assert_eq!(d.len(), 0);
    /// ```
    pub fn with_capacity(capacity: usize) -> Dict {
        Dict {
            entries: Vec::with_capacity(capacity),
            index: KeyIndex::default(),
        }
    }

    /// A dict of the given pairs, inserted in order.
    ///
    /// ```
    /// use atoll_channels::Dict;
    ///
    /// let d = Dict::from_pairs([(1, "a"), (2, "b")]).unwrap();
    /// assert_eq!(d.len(), 2);
    /// ```
    pub fn from_pairs<K, V>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> Result<Dict, UnhashableError>
    where
        K: Into<Shareable>,
        V: Into<Shareable>,
    {
        let pairs = pairs.into_iter();
        let mut dict = Dict::with_capacity(pairs.size_hint().0);
        for (k, v) in pairs {
            dict.insert(k, v)?;
        }
        Ok(dict)
    }

    /// The number of entries.
    ///
    /// ```
    /// use atoll_channels::Dict;
    ///
    /// assert_eq!(Dict::from_pairs([("a", 1), ("a", 2)]).unwrap().len(), 1);
    /// ```
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    ///
    /// ```
    /// use atoll_channels::Dict;
    ///
    /// assert!(Dict::new().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Sets `key` to `value`, returning the value it replaces. A new key goes
    /// last; an existing key keeps its place (and its original form: after
    /// `insert(1, ..)` then `insert(1.0, ..)` the key is still `1`).
    ///
    /// Fails, leaving the dict unchanged, when the key is not hashable.
    ///
    /// ```
    /// use atoll_channels::{Dict, Shareable};
    ///
    /// let mut d = Dict::new();
    /// assert_eq!(d.insert("k", 1), Ok(None));
    /// assert_eq!(d.insert("k", 2), Ok(Some(Shareable::Int(1))));
    /// assert!(d.insert(Shareable::list([1]), 3).is_err());
    /// ```
    pub fn insert(
        &mut self,
        key: impl Into<Shareable>,
        value: impl Into<Shareable>,
    ) -> Result<Option<Shareable>, UnhashableError> {
        let key = key.into();
        if let Some(type_name) = key.unhashable_part() {
            return Err(UnhashableError { type_name });
        }
        let lookup = self.index.lookup(&self.entries, key_of, &key);
        if let Some(pos) = lookup.found {
            return Ok(Some(std::mem::replace(
                &mut self.entries[pos].1,
                value.into(),
            )));
        }
        self.entries.push((key, value.into()));
        self.index.pushed(&self.entries, key_of, lookup);
        Ok(None)
    }

    /// The value of `key`, if present.
    ///
    /// ```
    /// use atoll_channels::{Dict, Shareable};
    ///
    /// let d = Dict::from_pairs([(1, "one")]).unwrap();
    /// assert_eq!(d.get(&1.0.into()), Some(&Shareable::from("one")));
    /// assert_eq!(d.get(&2.into()), None);
    /// ```
    pub fn get(&self, key: &Shareable) -> Option<&Shareable> {
        let pos = self.index.lookup(&self.entries, key_of, key).found?;
        Some(&self.entries[pos].1)
    }

    /// Whether `key` is present.
    ///
    /// ```
    /// use atoll_channels::Dict;
    ///
    /// let d = Dict::from_pairs([("a", 1)]).unwrap();
    /// assert!(d.contains_key(&"a".into()));
    /// ```
    pub fn contains_key(&self, key: &Shareable) -> bool {
        self.index
            .lookup(&self.entries, key_of, key)
            .found
            .is_some()
    }

    /// Removes `key`, returning its value; the other entries keep their
    /// order. Takes time linear in the length of the dict.
    ///
    /// ```
    /// use atoll_channels::{Dict, Shareable};
    ///
    /// let mut d = Dict::from_pairs([("a", 1), ("b", 2), ("c", 3)]).unwrap();
    /// assert_eq!(d.remove(&"b".into()), Some(Shareable::Int(2)));
    /// assert_eq!(d.to_string(), "{'a': 1, 'c': 3}");
    /// ```
    pub fn remove(&mut self, key: &Shareable) -> Option<Shareable> {
        let pos = self.index.lookup(&self.entries, key_of, key).found?;
        let (_, value) = self.entries.remove(pos);
        self.index.removed(&self.entries, pos);
        Some(value)
    }

    /// The entries, in insertion order.
    ///
    /// ```
    /// use atoll_channels::{Dict, Shareable};
    ///
    /// let d = Dict::from_pairs([("a", 1)]).unwrap();
    /// assert_eq!(d.entries()[0], (Shareable::from("a"), Shareable::Int(1)));
    /// ```
    pub fn entries(&self) -> &[(Shareable, Shareable)] {
        &self.entries
    }

    /// Iterates over `(key, value)` in insertion order.
    ///
    /// ```
    /// use atoll_channels::Dict;
    ///
    /// let d = Dict::from_pairs([("a", 1), ("b", 2)]).unwrap();
    /// let keys: Vec<String> = d.iter().map(|(k, _)| k.to_string()).collect();
    /// assert_eq!(keys, ["'a'", "'b'"]);
    /// ```
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&Shareable, &Shareable)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// Iterates over the keys in insertion order.
    ///
    /// ```
    /// use atoll_channels::{Dict, Shareable};
    ///
    /// let d = Dict::from_pairs([("a", 1)]).unwrap();
    /// assert_eq!(d.keys().next(), Some(&Shareable::from("a")));
    /// ```
    pub fn keys(&self) -> impl ExactSizeIterator<Item = &Shareable> {
        self.entries.iter().map(|(k, _)| k)
    }

    /// Iterates over the values in insertion order.
    ///
    /// ```
    /// use atoll_channels::{Dict, Shareable};
    ///
    /// let d = Dict::from_pairs([("a", 1)]).unwrap();
    /// assert_eq!(d.values().next(), Some(&Shareable::Int(1)));
    /// ```
    pub fn values(&self) -> impl ExactSizeIterator<Item = &Shareable> {
        self.entries.iter().map(|(_, v)| v)
    }
}

impl IntoIterator for Dict {
    type Item = (Shareable, Shareable);
    type IntoIter = std::vec::IntoIter<(Shareable, Shareable)>;

    /// The entries by value, in insertion order.
    ///
    /// ```
    /// use atoll_channels::{Dict, Shareable};
    ///
    /// let d = Dict::from_pairs([("a", 1)]).unwrap();
    /// let pairs: Vec<(Shareable, Shareable)> = d.into_iter().collect();
    /// assert_eq!(pairs.len(), 1);
    /// ```
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<'a> IntoIterator for &'a Dict {
    type Item = &'a (Shareable, Shareable);
    type IntoIter = std::slice::Iter<'a, (Shareable, Shareable)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter()
    }
}

impl PartialEq for Dict {
    /// Python's dict equality: the same keys with equal values, in any order.
    fn eq(&self, other: &Dict) -> bool {
        self.len() == other.len() && self.iter().all(|(k, v)| other.get(k) == Some(v))
    }
}

impl Eq for Dict {}

impl Hash for Dict {
    /// Independent of the order of the entries, so equal dicts hash equal.
    fn hash<H: Hasher>(&self, state: &mut H) {
        let mut sum = 0u64;
        for entry in &self.entries {
            let mut h = DefaultHasher::new();
            entry.hash(&mut h);
            sum = sum.wrapping_add(h.finish());
        }
        state.write_usize(self.len());
        state.write_u64(sum);
    }
}
