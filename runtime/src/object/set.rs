//! The table behind `set` and `frozenset`: open addressing laid out exactly as
//! CPython's `Objects/setobject.c` lays it out (8 slots at first, linear probes of 9
//! then perturbed jumps, grown at 60% fill), so that iterating a set visits its
//! elements in the same order as CPython does for ints, floats and (with
//! `PYTHONHASHSEED=0`) strings.
//!
//! Keys compare with [`key_eq_static`] where that is decidable without running Python
//! code; the VM's set operations (`vm/mapping.rs`) probe with [`SetMap::probe`] and
//! call `__eq__` themselves when it is not.

use super::dict::{KeyEq, key_eq_static, key_hash};
use super::value::Value;

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

/// One slot: empty (`Null` key, hash 0), dummy (`Null` key, hash -1) or active.
#[derive(Clone)]
struct Slot {
    hash: i64,
    key: Value,
}

impl Slot {
    const EMPTY: Slot = Slot {
        hash: 0,
        key: Value::Null,
    };

    fn is_empty(&self) -> bool {
        self.key.is_null() && self.hash == 0
    }

    fn is_dummy(&self) -> bool {
        self.key.is_null() && self.hash == -1
    }

    fn is_active(&self) -> bool {
        !self.key.is_null()
    }
}

/// The result of probing for a key.
pub enum SetProbe {
    /// The key is at this slot.
    Found(usize),
    /// The key is absent; it would be inserted at this slot (`fresh`: an empty slot,
    /// not a dummy one).
    Absent { slot: usize, fresh: bool },
    /// The slot holds a key with the same hash whose equality needs Python code:
    /// compare, then call [`SetMap::probe_from`] with `resume` if not equal.
    Unsure {
        slot: usize,
        key: Value,
        resume: ProbeState,
    },
}

/// Where a probe sequence stands (to resume it after a Python-level comparison).
#[derive(Clone, Copy)]
pub struct ProbeState {
    i: usize,
    perturb: u64,
    /// Offset inside the current run of linear probes.
    j: usize,
    freeslot: Option<usize>,
}

/// An open-addressing set table with CPython's layout.
#[derive(Clone)]
pub struct SetMap {
    table: Vec<Slot>,
    fill: usize,
    used: usize,
    finger: usize,
    /// Bumped by every change, so a probe interrupted by Python code can tell.
    version: u64,
}

impl Default for SetMap {
    fn default() -> Self {
        SetMap::new()
    }
}

impl SetMap {
    /// An empty table of the minimum size.
    pub fn new() -> SetMap {
        SetMap {
            table: vec![Slot::EMPTY; MIN_SIZE],
            fill: 0,
            used: 0,
            finger: 0,
            version: 0,
        }
    }

    /// An empty table (the capacity hint is ignored: the layout must follow CPython's
    /// growth steps).
    pub fn with_capacity(_n: usize) -> SetMap {
        SetMap::new()
    }

    /// Number of elements.
    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }

    /// Whether it has no elements.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// The change counter.
    pub fn version(&self) -> u64 {
        self.version
    }

    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// Starts probing for `hash`.
    pub fn probe(&self, hash: i64, key: &Value) -> SetProbe {
        let st = ProbeState {
            i: (hash as u64 as usize) & self.mask(),
            perturb: hash as u64,
            j: 0,
            freeslot: None,
        };
        self.probe_from(hash, key, st)
    }

    /// Continues a probe after an `Unsure` slot turned out not to be equal.
    pub fn probe_from(&self, hash: i64, key: &Value, mut st: ProbeState) -> SetProbe {
        let mask = self.mask();
        loop {
            let probes = if st.i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            while st.j <= probes {
                let idx = st.i + st.j;
                st.j += 1;
                let slot = &self.table[idx];
                if slot.is_empty() {
                    return match st.freeslot {
                        Some(f) => SetProbe::Absent {
                            slot: f,
                            fresh: false,
                        },
                        None => SetProbe::Absent {
                            slot: idx,
                            fresh: true,
                        },
                    };
                }
                if slot.hash == hash && slot.is_active() {
                    match key_eq_static(&slot.key, key) {
                        KeyEq::Yes => return SetProbe::Found(idx),
                        KeyEq::No => {}
                        KeyEq::Unknown => {
                            return SetProbe::Unsure {
                                slot: idx,
                                key: slot.key.clone(),
                                resume: st,
                            };
                        }
                    }
                } else if slot.is_dummy() {
                    st.freeslot = Some(idx);
                }
            }
            st.j = 0;
            st.perturb >>= PERTURB_SHIFT;
            st.i = (st
                .i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(st.perturb as usize))
                & mask;
        }
    }

    /// Finds a key whose equality is decidable without Python code (`None` when
    /// unsure: use the VM).
    pub fn find_static(&self, hash: i64, key: &Value) -> Option<Option<usize>> {
        match self.probe(hash, key) {
            SetProbe::Found(i) => Some(Some(i)),
            SetProbe::Absent { .. } => Some(None),
            SetProbe::Unsure { .. } => None,
        }
    }

    /// Stores a key known to be absent at the slot a probe returned.
    pub fn insert_at(&mut self, slot: usize, fresh: bool, hash: i64, key: Value) {
        self.version += 1;
        self.table[slot] = Slot { hash, key };
        self.used += 1;
        if fresh {
            self.fill += 1;
            if self.fill * 5 >= self.mask() * 3 {
                let n = if self.used > 50000 {
                    self.used * 2
                } else {
                    self.used * 4
                };
                self.resize(n);
            }
        }
    }

    /// Removes the key at `slot` (leaving a dummy), returning it.
    pub fn remove_at(&mut self, slot: usize) -> Value {
        self.version += 1;
        let old = std::mem::replace(
            &mut self.table[slot],
            Slot {
                hash: -1,
                key: Value::Null,
            },
        );
        self.used -= 1;
        old.key
    }

    /// The key and hash at `slot`.
    pub fn slot(&self, slot: usize) -> Option<(&Value, i64)> {
        let s = self.table.get(slot)?;
        s.is_active().then_some((&s.key, s.hash))
    }

    fn insert_clean(table: &mut [Slot], hash: i64, key: Value) {
        let mask = table.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if table[i].key.is_null() {
                table[i] = Slot { hash, key };
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in 1..=LINEAR_PROBES {
                    if table[i + j].key.is_null() {
                        table[i + j] = Slot { hash, key };
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Rebuilds the table with room for more than `minused` elements.
    fn resize(&mut self, minused: usize) {
        self.version += 1;
        let mut newsize = MIN_SIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        if newsize == MIN_SIZE && self.table.len() == MIN_SIZE && self.fill == self.used {
            return;
        }
        let old = std::mem::replace(&mut self.table, vec![Slot::EMPTY; newsize]);
        for s in old {
            if s.is_active() {
                Self::insert_clean(&mut self.table, s.hash, s.key);
            }
        }
        self.fill = self.used;
    }

    /// Resizes away dummies after many removals (as `difference_update` does).
    pub fn purge_dummies(&mut self) {
        if self.fill - self.used > self.mask() / 4 {
            let n = if self.used > 50000 {
                self.used * 2
            } else {
                self.used * 4
            };
            self.resize(n);
        }
    }

    /// Makes room before merging `incoming` more elements (CPython's one big resize in
    /// `set_merge`).
    pub fn reserve_for_merge(&mut self, incoming: usize) {
        if (self.fill + incoming) * 5 >= self.mask() * 3 {
            self.resize((self.used + incoming) * 2);
        }
    }

    /// Copies another table's elements into this empty one (`set(other_set)`), as
    /// `set_merge` does.
    pub fn merge_into_empty(&mut self, other: &SetMap) {
        if other.used == 0 {
            return;
        }
        self.reserve_for_merge(other.used);
        self.version += 1;
        if self.fill == 0 && self.table.len() == other.table.len() && other.fill == other.used {
            self.table = other.table.clone();
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        if self.fill == 0 {
            for s in &other.table {
                if s.is_active() {
                    Self::insert_clean(&mut self.table, s.hash, s.key.clone());
                }
            }
            self.fill = other.used;
            self.used = other.used;
        }
    }

    /// Removes every element (back to the minimum size).
    pub fn clear(&mut self) {
        self.version += 1;
        self.table = vec![Slot::EMPTY; MIN_SIZE];
        self.fill = 0;
        self.used = 0;
    }

    /// The (key, hash) pairs in table order.
    pub fn iter_hashed(&self) -> impl Iterator<Item = (&Value, i64)> {
        self.table
            .iter()
            .filter(|s| s.is_active())
            .map(|s| (&s.key, s.hash))
    }

    /// Elements, cloned, in iteration order.
    pub fn keys(&self) -> impl Iterator<Item = Value> + '_ {
        self.iter_hashed().map(|(k, _)| k.clone())
    }

    /// The element at raw position `pos` or later: (next pos, key).
    pub fn next_from(&self, mut pos: usize) -> Option<(usize, Value)> {
        while pos < self.table.len() {
            let s = &self.table[pos];
            pos += 1;
            if s.is_active() {
                return Some((pos, s.key.clone()));
            }
        }
        None
    }

    /// `pop()`: removes an element starting from the search finger, as CPython does.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while !self.table[i].is_active() {
            i += 1;
            if i > mask {
                i = 0;
            }
        }
        self.finger = i + 1;
        Some(self.remove_at(i))
    }

    /// `hash(frozenset)`, as CPython computes it.
    pub fn frozen_hash(&self) -> i64 {
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
        }
        let mut hash: u64 = 0;
        for s in &self.table {
            hash ^= shuffle(s.hash as u64);
        }
        if (self.table.len() - self.fill) & 1 == 1 {
            hash ^= shuffle(0);
        }
        if (self.fill - self.used) & 1 == 1 {
            hash ^= shuffle(-1i64 as u64);
        }
        hash ^= (self.used as u64 + 1).wrapping_mul(1927868237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69069).wrapping_add(907133923);
        if hash == u64::MAX {
            hash = 590923713;
        }
        hash as i64
    }

    // ---- convenience for keys of built-in types (no Python-level __eq__/__hash__) --

    /// Whether a key of a built-in type is present (unhashable keys are absent).
    pub fn contains(&self, key: &Value) -> bool {
        match key_hash(key) {
            Ok(h) => matches!(self.find_static(h, key), Some(Some(_))),
            Err(_) => false,
        }
    }

    /// Adds a key of a built-in type; `Err` if unhashable. Returns whether it was new.
    pub fn insert(
        &mut self,
        key: Value,
        _value: Value,
    ) -> Result<Option<Value>, super::dict::Unhashable> {
        let h = key_hash(&key)?;
        match self.probe(h, &key) {
            SetProbe::Found(_) | SetProbe::Unsure { .. } => Ok(Some(Value::None)),
            SetProbe::Absent { slot, fresh } => {
                self.insert_at(slot, fresh, h, key);
                Ok(None)
            }
        }
    }

    /// Removes a key of a built-in type.
    pub fn remove(
        &mut self,
        key: &Value,
    ) -> Result<Option<(Value, Value)>, super::dict::Unhashable> {
        let h = key_hash(key)?;
        match self.find_static(h, key) {
            Some(Some(i)) => Ok(Some((self.remove_at(i), Value::None))),
            _ => Ok(None),
        }
    }

    /// Looks a key of a built-in type up (the value is always None).
    pub fn get(&self, key: &Value) -> Result<Option<&Value>, super::dict::Unhashable> {
        let h = key_hash(key)?;
        Ok(match self.find_static(h, key) {
            Some(Some(_)) => Some(&Value::None),
            _ => None,
        })
    }
}
