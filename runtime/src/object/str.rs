//! `str`: immutable Unicode text, indexed by code point, with a cached hash.

use std::cell::Cell;

/// A Python `str`. Stored as UTF-8; `char_len` makes `len()` O(1) and ASCII strings
/// index in O(1).
pub struct PyStr {
    s: Box<str>,
    char_len: usize,
    hash: Cell<i64>,
}

impl PyStr {
    /// A new str.
    ///
    /// ```
    /// let s = atoll_runtime::object::PyStr::new("héllo");
    /// assert_eq!(s.char_len(), 5);
    /// ```
    pub fn new(s: &str) -> PyStr {
        PyStr::from_string(s.to_owned())
    }

    /// A new str, taking the string.
    pub fn from_string(s: String) -> PyStr {
        let char_len = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        };
        PyStr {
            s: s.into_boxed_str(),
            char_len,
            hash: Cell::new(-1),
        }
    }

    /// A str of the chars `start..stop` of this one (`start < stop <=
    /// char_len`): ASCII text is cut without scanning it.
    pub fn substr(&self, start: usize, stop: usize) -> PyStr {
        if self.is_ascii() {
            PyStr {
                s: self.s[start..stop].into(),
                char_len: stop - start,
                hash: Cell::new(-1),
            }
        } else {
            let a = self.byte_offset(start);
            let b = a + self.s[a..]
                .char_indices()
                .nth(stop - start)
                .map(|(b, _)| b)
                .unwrap_or(self.s.len() - a);
            PyStr {
                s: self.s[a..b].into(),
                char_len: stop - start,
                hash: Cell::new(-1),
            }
        }
    }

    /// The text.
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.s
    }

    /// Length in code points.
    #[inline]
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Whether every code point is ASCII (byte index == char index).
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.s.len()
    }

    /// The code point at char index `i` (in range).
    pub fn char_at(&self, i: usize) -> char {
        if self.is_ascii() {
            self.s.as_bytes()[i] as char
        } else {
            self.s.chars().nth(i).unwrap_or('\0')
        }
    }

    /// Byte offset of char index `i` (`i <= char_len`).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i
        } else {
            self.s
                .char_indices()
                .nth(i)
                .map(|(b, _)| b)
                .unwrap_or(self.s.len())
        }
    }

    /// The str's hash (cached).
    #[inline]
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = super::hash::hash_str(&self.s);
        self.hash.set(h);
        h
    }
}

impl std::fmt::Debug for PyStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.s, f)
    }
}
