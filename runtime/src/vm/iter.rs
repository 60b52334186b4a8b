//! Iteration: `iter()`, `next()`, and collecting or unpacking an iterable.

use std::rc::Rc;

use crate::object::{Generator, IterState, PyIter, Value};
use crate::vm::eval::Exit;
use crate::vm::{Args, PyResult, Vm};

impl Vm {
    /// A new built-in iterator.
    pub fn new_iter(state: IterState) -> Value {
        Value::Iter(Rc::new(PyIter(std::cell::RefCell::new(state))))
    }

    /// `iter(v)`.
    pub fn get_iter(&mut self, v: &Value) -> PyResult<Value> {
        Ok(match v {
            Value::Range(r) => Self::new_iter(IterState::Range {
                next: r.start,
                stop: r.stop,
                step: r.step,
            }),
            Value::List(_) | Value::Tuple(_) | Value::Bytes(_) | Value::ByteArray(_) => {
                Self::new_iter(IterState::Seq {
                    seq: v.clone(),
                    index: 0,
                })
            }
            Value::Str(s) => Self::new_iter(IterState::Str {
                s: s.clone(),
                byte_pos: 0,
            }),
            Value::Dict(d) => Self::new_iter(IterState::DictKeys {
                dict: d.clone(),
                pos: 0,
                len: d.len(),
            }),
            Value::Set(s) => Self::new_iter(IterState::SetItems {
                set: s.clone(),
                pos: 0,
                len: s.map.borrow().len(),
            }),
            Value::Iter(_) => v.clone(),
            Value::Generator(g) => {
                if g.coroutine || g.is_async_gen {
                    return Err(
                        self.type_error(format!("'{}' object is not iterable", self.type_name(v)))
                    );
                }
                v.clone()
            }
            Value::Instance(_) | Value::Native(_) | Value::Type(_) => {
                let t = self.type_of(v);
                if let Some(f) = t.lookup("__iter__") {
                    if f.is_none() {
                        return Err(
                            self.type_error(format!("'{}' object is not iterable", t.name()))
                        );
                    }
                    let it = match self.call_special(v, "__iter__", &[])? {
                        Some(it) => it,
                        None => Value::None,
                    };
                    if !self.is_iterator(&it) {
                        return Err(self.type_error(format!(
                            "iter() returned non-iterator of type '{}'",
                            self.type_name(&it)
                        )));
                    }
                    it
                } else if t.lookup("__getitem__").is_some() && !matches!(v, Value::Type(_)) {
                    Self::new_iter(IterState::SeqIter {
                        seq: v.clone(),
                        index: 0,
                    })
                } else {
                    return Err(self.type_error(format!("'{}' object is not iterable", t.name())));
                }
            }
            _ => {
                return Err(
                    self.type_error(format!("'{}' object is not iterable", self.type_name(v)))
                );
            }
        })
    }

    /// Whether `v` is an iterator (has `__next__`).
    pub fn is_iterator(&self, v: &Value) -> bool {
        match v {
            Value::Iter(_) => true,
            Value::Generator(g) => !g.coroutine && !g.is_async_gen,
            _ => self.type_of(v).lookup("__next__").is_some(),
        }
    }

    /// `next(it)`: `Ok(None)` when exhausted.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        match it {
            Value::Iter(i) => self.next_iter(i),
            Value::Generator(g) => self.gen_next(g),
            _ => self.next_slot(it),
        }
    }

    /// The next item of a built-in iterator: ranges, lists and tuples step in
    /// place; the other kinds go through [`Vm::next_builtin`].
    #[inline]
    fn next_iter(&mut self, i: &Rc<PyIter>) -> PyResult<Option<Value>> {
        if let Ok(mut st) = i.0.try_borrow_mut() {
            match &mut *st {
                IterState::Range { next, stop, step } => {
                    let cur = *next;
                    return Ok(
                        if (*step > 0 && cur < *stop) || (*step < 0 && cur > *stop) {
                            *next = cur.saturating_add(*step);
                            Some(Value::Int(cur))
                        } else {
                            None
                        },
                    );
                }
                IterState::Seq {
                    seq: Value::List(l),
                    index,
                } => {
                    let v = l.0.borrow().get(*index).map(Value::dup);
                    if v.is_some() {
                        *index += 1;
                    } else {
                        *st = IterState::Exhausted;
                    }
                    return Ok(v);
                }
                IterState::Seq {
                    seq: Value::Tuple(t),
                    index,
                } => {
                    let v = t.0.get(*index).map(Value::dup);
                    if v.is_some() {
                        *index += 1;
                    } else {
                        *st = IterState::Exhausted;
                    }
                    return Ok(v);
                }
                _ => {}
            }
        }
        self.next_builtin(i)
    }

    /// The next item of a generator (`None` when it returns).
    #[inline]
    pub(crate) fn gen_next(&mut self, g: &Rc<Generator>) -> PyResult<Option<Value>> {
        match self.gen_resume(g, Value::None)? {
            Exit::Yield(v) => Ok(Some(v)),
            Exit::Return(_) => Ok(None),
        }
    }

    /// `next(it)` for an object whose class defines `__next__`: itertools
    /// objects advance directly (no `StopIteration` at the end); a plain
    /// function or built-in `__next__` is called without building an argument
    /// vector.
    fn next_slot(&mut self, it: &Value) -> PyResult<Option<Value>> {
        let t = self.type_of(it);
        let f = t.lookup("__next__");
        let r = match &f {
            Some(Value::Builtin(b)) if b.bound.is_none() => {
                if let Value::Native(n) = it
                    && crate::stdlib::itertools::is_it_next(b.func)
                    && let Some(cell) = n.get::<crate::stdlib::itertools::ItObj>()
                {
                    return crate::stdlib::itertools::advance(self, it, cell);
                }
                (b.func)(self, Args::new(std::slice::from_ref(it)))
            }
            Some(Value::Function(func)) => {
                let func = func.clone();
                self.call_function(&func, Args::new(std::slice::from_ref(it)))
            }
            Some(_) => match self.call_special(it, "__next__", &[]) {
                Ok(Some(v)) => Ok(v),
                Ok(None) => Ok(Value::Null),
                Err(e) => Err(e),
            },
            None => {
                return Err(self.type_error(format!(
                    "'{}' object is not an iterator",
                    self.type_name(it)
                )));
            }
        };
        match r {
            Ok(v) if v.is_null() => Err(self.type_error(format!(
                "'{}' object is not an iterator",
                self.type_name(it)
            ))),
            Ok(v) => Ok(Some(v)),
            Err(e) if self.err_is(&e, &self.ctx.types.stop_iteration.clone()) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn next_builtin(&mut self, i: &Rc<PyIter>) -> PyResult<Option<Value>> {
        // Take the state out while calling back into Python, so the iterator may be
        // used re-entrantly without a RefCell conflict.
        let mut state = std::mem::replace(&mut *i.0.borrow_mut(), IterState::Exhausted);
        let r = self.step(&mut state);
        let done = matches!(r, Ok(None));
        if !done {
            *i.0.borrow_mut() = state;
        }
        r
    }

    fn step(&mut self, st: &mut IterState) -> PyResult<Option<Value>> {
        Ok(match st {
            IterState::Exhausted => None,
            IterState::Range { next, stop, step } => {
                let cur = *next;
                if (*step > 0 && cur < *stop) || (*step < 0 && cur > *stop) {
                    *next = cur.saturating_add(*step);
                    Some(Value::Int(cur))
                } else {
                    None
                }
            }
            IterState::Seq { seq, index } => {
                let v = match seq {
                    Value::List(l) => l.0.borrow().get(*index).cloned(),
                    Value::Tuple(t) => t.0.get(*index).cloned(),
                    Value::Bytes(b) => b.0.get(*index).map(|x| Value::Int(*x as i64)),
                    Value::ByteArray(b) => b.0.borrow().get(*index).map(|x| Value::Int(*x as i64)),
                    other => {
                        let other = other.clone();
                        match self.get_item(&other, &Value::Int(*index as i64)) {
                            Ok(v) => Some(v),
                            Err(e)
                                if self.err_is(&e, &self.ctx.types.index_error.clone())
                                    || self.err_is(&e, &self.ctx.types.stop_iteration.clone()) =>
                            {
                                None
                            }
                            Err(e) => return Err(e),
                        }
                    }
                };
                *index += 1;
                v
            }
            IterState::Str { s, byte_pos } => {
                let rest = &s.as_str()[*byte_pos..];
                match rest.chars().next() {
                    Some(c) => {
                        *byte_pos += c.len_utf8();
                        Some(self.ctx.char_str(c))
                    }
                    None => None,
                }
            }
            IterState::DictKeys { dict, pos, len } => {
                if dict.len() != *len {
                    *len = usize::MAX;
                    return Err(self.runtime_error("dictionary changed size during iteration"));
                }
                let e = dict.0.borrow().entry_from(*pos);
                e.map(|(p, k, _)| {
                    *pos = p;
                    k
                })
            }
            IterState::DictValues { dict, pos, len } => {
                if dict.len() != *len {
                    *len = usize::MAX;
                    return Err(self.runtime_error("dictionary changed size during iteration"));
                }
                let e = dict.0.borrow().entry_from(*pos);
                e.map(|(p, _, v)| {
                    *pos = p;
                    v
                })
            }
            IterState::DictItems { dict, pos, len } => {
                if dict.len() != *len {
                    *len = usize::MAX;
                    return Err(self.runtime_error("dictionary changed size during iteration"));
                }
                let e = dict.0.borrow().entry_from(*pos);
                e.map(|(p, k, v)| {
                    *pos = p;
                    Value::tuple_of([k, v])
                })
            }
            IterState::DictReversed {
                dict,
                pos,
                len,
                kind,
            } => {
                if dict.len() != *len {
                    *len = usize::MAX;
                    return Err(self.runtime_error("dictionary changed size during iteration"));
                }
                let e = dict.0.borrow().entry_before(*pos);
                e.map(|(p, k, v)| {
                    *pos = p;
                    match kind {
                        0 => k,
                        1 => v,
                        _ => Value::tuple_of([k, v]),
                    }
                })
            }
            IterState::SetItems { set, pos, len } => {
                if set.map.borrow().len() != *len {
                    *len = usize::MAX;
                    return Err(self.runtime_error("Set changed size during iteration"));
                }
                let e = set.map.borrow().next_from(*pos);
                e.map(|(p, k)| {
                    *pos = p;
                    k
                })
            }
            IterState::SeqIter { seq, index } => {
                let seq = seq.clone();
                match self.get_item(&seq, &Value::Int(*index as i64)) {
                    Ok(v) => {
                        *index += 1;
                        Some(v)
                    }
                    Err(e)
                        if self.err_is(&e, &self.ctx.types.index_error.clone())
                            || self.err_is(&e, &self.ctx.types.stop_iteration.clone()) =>
                    {
                        None
                    }
                    Err(e) => return Err(e),
                }
            }
            IterState::ZipStrict { its } => {
                let mut out = Vec::with_capacity(its.len());
                for (i, it) in its.iter().enumerate() {
                    match self.next(it)? {
                        Some(v) => out.push(v),
                        None => {
                            if i > 0 {
                                let s = if i == 1 { " " } else { "s 1-" };
                                return Err(self.value_error(format!(
                                    "zip() argument {} is shorter than argument{s}{}",
                                    i + 1,
                                    i
                                )));
                            }
                            for (j, other) in its.iter().enumerate().skip(1) {
                                if self.next(other)?.is_some() {
                                    let s = if j == 1 { " " } else { "s 1-" };
                                    return Err(self.value_error(format!(
                                        "zip() argument {} is longer than argument{s}{}",
                                        j + 1,
                                        j
                                    )));
                                }
                            }
                            return Ok(None);
                        }
                    }
                }
                if out.is_empty() {
                    None
                } else {
                    Some(Value::tuple(out))
                }
            }
            IterState::Enumerate { it, count } => match self.next(it)? {
                Some(v) => {
                    let c = *count;
                    *count += 1;
                    Some(Value::tuple_of([Value::Int(c), v]))
                }
                None => None,
            },
            IterState::Zip { its } => {
                let mut out = Vec::with_capacity(its.len());
                for it in its.iter() {
                    match self.next(it)? {
                        Some(v) => out.push(v),
                        None => return Ok(None),
                    }
                }
                if out.is_empty() {
                    None
                } else {
                    Some(Value::tuple(out))
                }
            }
            IterState::Map { func, its } => {
                let mut args = Vec::with_capacity(its.len());
                for it in its.iter() {
                    match self.next(it)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                Some(self.call0(func, &args)?)
            }
            IterState::Filter { func, it } => loop {
                match self.next(it)? {
                    Some(v) => {
                        let keep = if func.is_none() {
                            self.truthy(&v)?
                        } else {
                            let r = self.call0(func, std::slice::from_ref(&v))?;
                            self.truthy(&r)?
                        };
                        if keep {
                            break Some(v);
                        }
                    }
                    None => break None,
                }
            },
            IterState::Reversed { seq, index } => {
                if *index == 0 {
                    None
                } else {
                    *index -= 1;
                    let seq = seq.clone();
                    Some(self.get_item(&seq, &Value::Int(*index as i64))?)
                }
            }
            IterState::Callable { func, sentinel } => {
                let (func, sentinel) = (func.clone(), sentinel.clone());
                let v = self.call0(&func, &[])?;
                if self.eq(&v, &sentinel)? {
                    None
                } else {
                    Some(v)
                }
            }
        })
    }

    /// All items of an iterable.
    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => Ok(l.0.borrow().clone()),
            Value::Tuple(t) => Ok(t.0.to_vec()),
            _ => {
                let it = self.get_iter(v)?;
                let mut out = Vec::new();
                while let Some(x) = self.next(&it)? {
                    out.push(x);
                }
                Ok(out)
            }
        }
    }

    /// `iter(v)` for unpacking (`cannot unpack non-iterable X object`).
    pub fn unpack_iter(&mut self, v: &Value) -> PyResult<Value> {
        match self.get_iter(v) {
            Ok(it) => Ok(it),
            Err(e)
                if self.err_is(&e, &self.ctx.types.type_error.clone())
                    && !self.is_iterable_type(v) =>
            {
                Err(self.type_error(format!(
                    "cannot unpack non-iterable {} object",
                    self.type_name(v)
                )))
            }
            Err(e) => Err(e),
        }
    }

    /// Whether `v`'s type can be iterated at all.
    fn is_iterable_type(&self, v: &Value) -> bool {
        match v {
            Value::Instance(_) | Value::Native(_) => {
                let t = self.type_of(v);
                t.lookup("__iter__").is_some() || t.lookup("__getitem__").is_some()
            }
            Value::Int(_)
            | Value::BigInt(_)
            | Value::FloatW(_)
            | Value::BoolW(_)
            | Value::None
            | Value::Function(_)
            | Value::Builtin(_)
            | Value::Type(_)
            | Value::Module(_) => false,
            _ => true,
        }
    }

    /// Unpacking of a tuple or list of exactly `n` items: pushes them onto
    /// `stack` last first (the order `UnpackSequence` leaves them in), without
    /// building a vector; a tuple referenced from nowhere else gives its items
    /// up. Anything else is handed back untouched.
    #[inline]
    pub(crate) fn unpack_onto(seq: Value, n: usize, stack: &mut Vec<Value>) -> Result<(), Value> {
        match seq {
            Value::Tuple(mut t) if t.0.len() == n => {
                match Rc::get_mut(&mut t) {
                    Some(owned) => {
                        let items = std::mem::take(&mut owned.0).into_vec();
                        stack.extend(items.into_iter().rev());
                    }
                    None => stack.extend(t.0.iter().rev().map(Value::dup)),
                }
                Ok(())
            }
            Value::List(l) => {
                {
                    let items = l.0.borrow();
                    if items.len() == n {
                        stack.extend(items.iter().rev().map(Value::dup));
                        return Ok(());
                    }
                }
                Err(Value::List(l))
            }
            other => Err(other),
        }
    }

    /// Unpacks exactly `n` items.
    pub fn unpack(&mut self, v: &Value, n: usize) -> PyResult<Vec<Value>> {
        let items = match v {
            Value::Tuple(t) => t.0.to_vec(),
            Value::List(l) => l.0.borrow().clone(),
            _ => {
                let it = self.unpack_iter(v)?;
                let mut out = Vec::with_capacity(n);
                while let Some(x) = self.next(&it)? {
                    out.push(x);
                    if out.len() > n {
                        return Err(
                            self.value_error(format!("too many values to unpack (expected {n})"))
                        );
                    }
                }
                out
            }
        };
        if items.len() > n {
            return Err(self.value_error(format!("too many values to unpack (expected {n})")));
        }
        if items.len() < n {
            return Err(self.value_error(format!(
                "not enough values to unpack (expected {n}, got {})",
                items.len()
            )));
        }
        Ok(items)
    }
}
