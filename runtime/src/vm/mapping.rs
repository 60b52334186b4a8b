//! Hashing and the key operations of dicts and sets with Python semantics: keys
//! that are instances of classes hash with their `__hash__` and compare with their
//! `__eq__`, which may run any code (even mutate the dict being searched: a lookup
//! that sees its table change starts over, as CPython's does).

use std::rc::Rc;

use crate::object::dict::{Unhashable, identity_hash, key_hash};
use crate::object::set::SetProbe;
use crate::object::{PyDict, PySet, Value};
use crate::vm::{PyResult, Vm};

impl Vm {
    /// The `TypeError` for an unhashable key.
    pub fn unhashable(&self, u: Unhashable) -> crate::vm::PyErr {
        self.type_error(format!("unhashable type: '{}'", u.0))
    }

    /// `hash(v)`, calling `__hash__` for instances of classes.
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Str(s) => Ok(s.hash()),
            Value::Int(i) => Ok(crate::object::hash_int(*i)),
            Value::Instance(i) => {
                let f = i.class.lookup("__hash__");
                match f {
                    None => Ok(identity_hash(v)),
                    Some(Value::None) => {
                        Err(self.type_error(format!("unhashable type: '{}'", i.class.name())))
                    }
                    Some(Value::Builtin(b)) if b.name == "__hash__" && i.base.is_none() => {
                        Ok(identity_hash(v))
                    }
                    Some(f) => {
                        let r = self.call0(&f, std::slice::from_ref(v))?;
                        self.hash_result(&r)
                    }
                }
            }
            Value::Tuple(t) => {
                let mut th = crate::object::TupleHasher::new();
                for x in t.0.iter() {
                    let h = match x {
                        Value::Int(i) => crate::object::hash_int(*i),
                        Value::Str(s) => s.hash(),
                        _ => self.hash(x)?,
                    };
                    th.add(h);
                }
                Ok(th.finish(t.0.len()))
            }
            Value::Native(n) => match n.class.lookup("__hash__") {
                Some(Value::None) => {
                    // Native classes are named as CPython names C types: with
                    // their module (`collections.deque`).
                    let name = match n.class.dict.get_str("__module__") {
                        Some(Value::Str(m)) if m.as_str() != "builtins" => {
                            format!("{}.{}", m.as_str(), n.class.name())
                        }
                        _ => n.class.name().to_owned(),
                    };
                    Err(self.type_error(format!("unhashable type: '{name}'")))
                }
                Some(f @ (Value::Function(_) | Value::Builtin(_)))
                    if !self
                        .ctx
                        .types
                        .object
                        .dict
                        .get_str("__hash__")
                        .is_some_and(|o| o.is(&f)) =>
                {
                    let r = self.call0(&f, std::slice::from_ref(v))?;
                    self.hash_result(&r)
                }
                // A native class's own `__hash__` (not `object`'s default).
                Some(Value::Builtin(b))
                    if !matches!(self.ctx.types.object.dict.get_str("__hash__"),
                        Some(Value::Builtin(d)) if Rc::ptr_eq(&d, &b)) =>
                {
                    let r = self.call0(&Value::Builtin(b), std::slice::from_ref(v))?;
                    self.hash_result(&r)
                }
                _ => Ok(identity_hash(v)),
            },
            _ => key_hash(v).map_err(|u| self.unhashable(u)),
        }
    }

    /// Turns what `__hash__` returned into a hash (big ints are reduced as CPython
    /// reduces them).
    fn hash_result(&mut self, r: &Value) -> PyResult<i64> {
        match r {
            Value::Int(h) => Ok(if *h == -1 { -2 } else { *h }),
            Value::BoolW(b) => Ok(b.get() as i64),
            Value::BigInt(b) => Ok(crate::object::hash_big(b)),
            Value::Instance(i) if matches!(i.base, Some(Value::Int(_) | Value::BigInt(_))) => {
                let b = i.base.clone().unwrap_or_default();
                self.hash_result(&b)
            }
            _ => Err(self.type_error("__hash__ method should return an integer")),
        }
    }

    /// Finds `key` in a dict: the entry index, if present.
    fn dict_find(&mut self, d: &PyDict, hash: i64, key: &Value) -> PyResult<Option<usize>> {
        loop {
            let (r, version) = {
                let m = d.0.borrow();
                (m.find_index(hash, key), m.version())
            };
            match r {
                Ok(found) => return Ok(found),
                Err(cands) => {
                    let mut restart = false;
                    for i in cands {
                        let k = match d.0.borrow().entry_at(i) {
                            Some((k, _)) => k.clone(),
                            None => {
                                restart = true;
                                break;
                            }
                        };
                        let eq = self.eq(&k, key)?;
                        if d.0.borrow().version() != version {
                            restart = true;
                            break;
                        }
                        if eq {
                            return Ok(Some(i));
                        }
                    }
                    if !restart {
                        return Ok(None);
                    }
                }
            }
        }
    }

    /// `d[key]` for a dict: `None` when absent.
    pub fn dict_get(&mut self, d: &PyDict, key: &Value) -> PyResult<Option<Value>> {
        if let Value::Str(s) = key {
            let m = d.0.borrow();
            if let Ok(r) = m.find_index(s.hash(), key) {
                return Ok(r.and_then(|i| m.entry_at(i).map(|(_, v)| v.clone())));
            }
        }
        let h = self.hash(key)?;
        let i = self.dict_find(d, h, key)?;
        Ok(i.and_then(|i| d.0.borrow().entry_at(i).map(|(_, v)| v.clone())))
    }

    /// `key in d` for a dict.
    pub fn dict_contains(&mut self, d: &PyDict, key: &Value) -> PyResult<bool> {
        let h = self.hash(key)?;
        Ok(self.dict_find(d, h, key)?.is_some())
    }

    /// `d[k] = v` for a dict.
    pub fn dict_set(&mut self, d: &PyDict, k: Value, v: Value) -> PyResult<()> {
        let h = self.hash(&k)?;
        self.dict_set_hashed(d, h, k, v)
    }

    /// `d[k] = v` with the key's hash known.
    pub fn dict_set_hashed(&mut self, d: &PyDict, h: i64, k: Value, v: Value) -> PyResult<()> {
        match self.dict_find(d, h, &k)? {
            Some(i) => {
                let old = d.0.borrow_mut().replace_value_at(i, v);
                drop(old);
            }
            None => d.0.borrow_mut().insert_new(h, k, v),
        }
        Ok(())
    }

    /// `del d[k]` / `d.pop(k)` for a dict: the removed (key, value), if present.
    pub fn dict_del(&mut self, d: &PyDict, k: &Value) -> PyResult<Option<(Value, Value)>> {
        let h = self.hash(k)?;
        match self.dict_find(d, h, k)? {
            Some(i) => {
                let r = d.0.borrow_mut().remove_at(i);
                Ok(Some(r))
            }
            None => Ok(None),
        }
    }

    /// Probes a set for `key`; `Ok(Found(i))` or `Ok(Absent{..})` (never `Unsure`).
    fn set_probe(&mut self, s: &PySet, hash: i64, key: &Value) -> PyResult<SetProbe> {
        'restart: loop {
            let mut r = s.map.borrow().probe(hash, key);
            loop {
                match r {
                    SetProbe::Unsure {
                        slot,
                        key: k,
                        resume,
                    } => {
                        let version = s.map.borrow().version();
                        let eq = self.eq(&k, key)?;
                        let m = s.map.borrow();
                        if m.version() != version {
                            continue 'restart;
                        }
                        if eq {
                            return Ok(SetProbe::Found(slot));
                        }
                        r = m.probe_from(hash, key, resume);
                    }
                    other => return Ok(other),
                }
            }
        }
    }

    /// `key in s` for a set.
    pub fn set_contains(&mut self, s: &PySet, key: &Value) -> PyResult<bool> {
        let h = match self.hash(key) {
            Ok(h) => h,
            Err(e) => {
                // `{1} in {frozenset({1})}`: a set key is looked up as a frozenset
                if let Value::Set(inner) = key
                    && !inner.frozen
                {
                    let f = Value::Set(Rc::new(PySet {
                        map: std::cell::RefCell::new(inner.map.borrow().clone()),
                        frozen: true,
                    }));
                    return self.set_contains(s, &f);
                }
                return Err(e);
            }
        };
        self.set_contains_hashed(s, h, key)
    }

    /// `key in s` with the key's hash known.
    pub fn set_contains_hashed(&mut self, s: &PySet, h: i64, key: &Value) -> PyResult<bool> {
        Ok(matches!(self.set_probe(s, h, key)?, SetProbe::Found(_)))
    }

    /// `s.add(key)`; returns whether it was added.
    pub fn set_insert(&mut self, s: &PySet, key: Value) -> PyResult<bool> {
        let h = self.hash(&key)?;
        self.set_insert_hashed(s, h, key)
    }

    /// `s.add(key)` with the key's hash known.
    pub fn set_insert_hashed(&mut self, s: &PySet, h: i64, key: Value) -> PyResult<bool> {
        match self.set_probe(s, h, &key)? {
            SetProbe::Absent { slot, fresh } => {
                s.map.borrow_mut().insert_at(slot, fresh, h, key);
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// `s.discard(key)`; returns whether it was present.
    pub fn set_discard(&mut self, s: &PySet, key: &Value) -> PyResult<bool> {
        let h = match self.hash(key) {
            Ok(h) => h,
            Err(e) => {
                if let Value::Set(inner) = key
                    && !inner.frozen
                {
                    let f = Value::Set(Rc::new(PySet {
                        map: std::cell::RefCell::new(inner.map.borrow().clone()),
                        frozen: true,
                    }));
                    return self.set_discard(s, &f);
                }
                return Err(e);
            }
        };
        self.set_discard_hashed(s, h, key)
    }

    /// `s.discard(key)` with the key's hash known.
    pub fn set_discard_hashed(&mut self, s: &PySet, h: i64, key: &Value) -> PyResult<bool> {
        match self.set_probe(s, h, key)? {
            SetProbe::Found(i) => {
                let old = s.map.borrow_mut().remove_at(i);
                drop(old);
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// Adds every element of another set (CPython's `set_merge`).
    pub fn set_merge(&mut self, dst: &PySet, src: &PySet) -> PyResult<()> {
        if std::ptr::eq(dst, src) {
            return Ok(());
        }
        let items: Vec<(Value, i64)> = {
            let s = src.map.borrow();
            if s.is_empty() {
                return Ok(());
            }
            let mut d = dst.map.borrow_mut();
            if d.is_empty() {
                d.merge_into_empty(&s);
                return Ok(());
            }
            d.reserve_for_merge(s.len());
            s.iter_hashed().map(|(k, h)| (k.clone(), h)).collect()
        };
        for (k, h) in items {
            self.set_insert_hashed(dst, h, k)?;
        }
        Ok(())
    }

    /// `s.update(iterable)` (CPython's `set_update_internal`).
    pub fn set_update_from(&mut self, dst: &PySet, other: &Value) -> PyResult<()> {
        match other {
            Value::Set(o) => self.set_merge(dst, o),
            Value::Dict(d) => {
                let items: Vec<(Value, i64)> = {
                    let m = d.0.borrow();
                    let n = m.len();
                    dst.map.borrow_mut().reserve_for_merge(n);
                    let mut v = Vec::with_capacity(n);
                    let mut pos = 0;
                    while let Some((p, k, _)) = m.entry_from(pos) {
                        v.push((k, m.hash_at(p - 1)));
                        pos = p;
                    }
                    v
                };
                for (k, h) in items {
                    self.set_insert_hashed(dst, h, k)?;
                }
                Ok(())
            }
            _ => {
                let it = self.get_iter(other)?;
                while let Some(x) = self.next(&it)? {
                    self.set_insert(dst, x)?;
                }
                Ok(())
            }
        }
    }

    /// A new set or frozenset of the items of an iterable.
    pub fn set_from_iterable(&mut self, it: Option<&Value>, frozen: bool) -> PyResult<Rc<PySet>> {
        let s = Rc::new(PySet::new(frozen));
        if let Some(it) = it {
            let it = self.unwrap_base(it);
            self.set_update_from(&s, &it)?;
        }
        Ok(s)
    }

    /// The built-in value behind an instance of a class derived from a built-in type
    /// (the value itself otherwise).
    #[inline]
    pub fn unwrap_base(&self, v: &Value) -> Value {
        match v {
            Value::Instance(i) if i.base.is_some() => i.base.clone().unwrap_or_default(),
            other => other.clone(),
        }
    }
}
