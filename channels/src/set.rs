//! [`Set`]: the elements of a shareable `set` or `frozenset`, in insertion
//! order.

use std::hash::{DefaultHasher, Hash, Hasher};

use crate::index::KeyIndex;
use crate::{Shareable, UnhashableError};

/// The elements of a `set` or `frozenset`: unique, hashable values in
/// first-insertion order. ([`Shareable::Set`] and [`Shareable::FrozenSet`]
/// both hold one; they differ only in the Python type built from them.)
///
/// Python sets have no defined order; keeping insertion order makes what a
/// receiver sees (and prints) deterministic.
///
/// ```
/// use atoll_channels::{Set, Shareable};
///
/// let mut s = Set::new();
/// assert_eq!(s.insert(1), Ok(true));
/// assert_eq!(s.insert(1.0), Ok(false)); // 1.0 == 1
/// assert!(s.contains(&true.into()));
/// assert_eq!(Shareable::from(s).to_string(), "{1}");
/// ```
#[derive(Clone, Default)]
pub struct Set {
    items: Vec<Shareable>,
    index: KeyIndex,
}

fn key_of(item: &Shareable) -> &Shareable {
    item
}

impl Set {
    /// An empty set.
    ///
    /// ```
    /// use atoll_channels::Set;
    ///
    /// assert!(Set::new().is_empty());
    /// ```
    pub fn new() -> Set {
        Set::default()
    }

    /// A set of the given items; later duplicates are dropped.
    ///
    /// ```
    /// use atoll_channels::Set;
    ///
    /// assert_eq!(Set::from_items(["a", "b", "a"]).unwrap().len(), 2);
    /// ```
    pub fn from_items<T: Into<Shareable>>(
        items: impl IntoIterator<Item = T>,
    ) -> Result<Set, UnhashableError> {
        let mut set = Set::new();
        for item in items {
            set.insert(item)?;
        }
        Ok(set)
    }

    /// The number of elements.
    ///
    /// ```
    /// use atoll_channels::Set;
    ///
    /// assert_eq!(Set::from_items([1, 2]).unwrap().len(), 2);
    /// ```
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there are no elements.
    ///
    /// ```
    /// use atoll_channels::Set;
    ///
    /// assert!(Set::new().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Adds `item` unless an equal element is present; returns whether it
    /// was added. Fails, leaving the set unchanged, when `item` is not
    /// hashable.
    ///
    /// ```
    /// use atoll_channels::{Set, Shareable};
    ///
    /// let mut s = Set::new();
    /// assert_eq!(s.insert("x"), Ok(true));
    /// assert_eq!(s.insert("x"), Ok(false));
    /// assert!(s.insert(Shareable::dict([(1, 2)]).unwrap()).is_err());
    /// ```
    pub fn insert(&mut self, item: impl Into<Shareable>) -> Result<bool, UnhashableError> {
        let item = item.into();
        if let Some(type_name) = item.unhashable_part() {
            return Err(UnhashableError { type_name });
        }
        let lookup = self.index.lookup(&self.items, key_of, &item);
        if lookup.found.is_some() {
            return Ok(false);
        }
        self.items.push(item);
        self.index.pushed(&self.items, key_of, lookup);
        Ok(true)
    }

    /// Whether an element equal to `item` is present.
    ///
    /// ```
    /// use atoll_channels::Set;
    ///
    /// let s = Set::from_items([(1, 2)]).unwrap();
    /// assert!(s.contains(&(1, 2).into()));
    /// ```
    pub fn contains(&self, item: &Shareable) -> bool {
        self.index.lookup(&self.items, key_of, item).found.is_some()
    }

    /// Removes the element equal to `item`; returns whether there was one.
    /// Takes time linear in the size of the set.
    ///
    /// ```
    /// use atoll_channels::Set;
    ///
    /// let mut s = Set::from_items([1, 2, 3]).unwrap();
    /// assert!(s.remove(&2.into()));
    /// assert!(!s.remove(&2.into()));
    /// assert_eq!(s.len(), 2);
    /// ```
    pub fn remove(&mut self, item: &Shareable) -> bool {
        let Some(pos) = self.index.lookup(&self.items, key_of, item).found else {
            return false;
        };
        self.items.remove(pos);
        self.index.removed(&self.items, pos);
        true
    }

    /// The elements, in insertion order.
    ///
    /// ```
    /// use atoll_channels::{Set, Shareable};
    ///
    /// let s = Set::from_items([2, 1]).unwrap();
    /// assert_eq!(s.as_slice(), [Shareable::Int(2), Shareable::Int(1)]);
    /// ```
    pub fn as_slice(&self) -> &[Shareable] {
        &self.items
    }

    /// Iterates over the elements in insertion order.
    ///
    /// ```
    /// use atoll_channels::Set;
    ///
    /// let s = Set::from_items([1, 2]).unwrap();
    /// assert_eq!(s.iter().count(), 2);
    /// ```
    pub fn iter(&self) -> std::slice::Iter<'_, Shareable> {
        self.items.iter()
    }
}

impl IntoIterator for Set {
    type Item = Shareable;
    type IntoIter = std::vec::IntoIter<Shareable>;

    /// The elements by value, in insertion order.
    ///
    /// ```
    /// use atoll_channels::{Set, Shareable};
    ///
    /// let items: Vec<Shareable> = Set::from_items([1]).unwrap().into_iter().collect();
    /// assert_eq!(items, [Shareable::Int(1)]);
    /// ```
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a> IntoIterator for &'a Set {
    type Item = &'a Shareable;
    type IntoIter = std::slice::Iter<'a, Shareable>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl PartialEq for Set {
    /// Python's set equality: the same elements, in any order.
    fn eq(&self, other: &Set) -> bool {
        self.len() == other.len() && self.iter().all(|item| other.contains(item))
    }
}

impl Eq for Set {}

impl Hash for Set {
    /// Independent of the order of the elements, so equal sets hash equal.
    fn hash<H: Hasher>(&self, state: &mut H) {
        let mut sum = 0u64;
        for item in &self.items {
            let mut h = DefaultHasher::new();
            item.hash(&mut h);
            sum = sum.wrapping_add(h.finish());
        }
        state.write_usize(self.len());
        state.write_u64(sum);
    }
}
