//! Iteration: `iter()`, `next()`, and collecting or unpacking an iterable.

use std::rc::Rc;

use crate::object::{IterState, PyIter, Value};
use crate::vm::eval::Exit;
use crate::vm::{PyResult, Vm};

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
            Value::List(_) | Value::Tuple(_) | Value::Bytes(_) => Self::new_iter(IterState::Seq {
                seq: v.clone(),
                index: 0,
            }),
            Value::Str(s) => Self::new_iter(IterState::Str {
                s: s.clone(),
                byte_pos: 0,
            }),
            Value::Dict(d) => Self::new_iter(IterState::DictKeys {
                dict: d.clone(),
                pos: 0,
            }),
            Value::Set(s) => Self::new_iter(IterState::SetItems {
                set: s.clone(),
                pos: 0,
            }),
            Value::Iter(_) | Value::Generator(_) => v.clone(),
            Value::Instance(i) => {
                if let Some(f) = i.class.lookup("__iter__") {
                    self.call0(&f, std::slice::from_ref(v))?
                } else if i.class.lookup("__getitem__").is_some() {
                    Self::new_iter(IterState::Seq {
                        seq: v.clone(),
                        index: 0,
                    })
                } else {
                    return Err(
                        self.type_error(format!("'{}' object is not iterable", i.class.name()))
                    );
                }
            }
            Value::Native(n) => match n.class.lookup("__iter__") {
                Some(f) => self.call0(&f, std::slice::from_ref(v))?,
                None => {
                    return Err(
                        self.type_error(format!("'{}' object is not iterable", n.class.name()))
                    );
                }
            },
            _ => {
                return Err(
                    self.type_error(format!("'{}' object is not iterable", self.type_name(v)))
                );
            }
        })
    }

    /// `next(it)`: `Ok(None)` when exhausted.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        match it {
            Value::Iter(i) => self.next_builtin(i),
            Value::Generator(g) => {
                let g = g.clone();
                match self.gen_resume(&g, Value::None)? {
                    Exit::Yield(v) => Ok(Some(v)),
                    Exit::Return(_) => Ok(None),
                }
            }
            _ => {
                let t = self.type_of(it);
                let Some(f) = t.lookup("__next__") else {
                    return Err(
                        self.type_error(format!("'{}' object is not an iterator", t.name()))
                    );
                };
                match self.call0(&f, std::slice::from_ref(it)) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if self.err_is(&e, &self.ctx.types.stop_iteration.clone()) => Ok(None),
                    Err(e) => Err(e),
                }
            }
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
                        let mut buf = [0u8; 4];
                        Some(Value::str(c.encode_utf8(&mut buf)))
                    }
                    None => None,
                }
            }
            IterState::DictKeys { dict, pos } => {
                let e = dict.0.borrow().entry_from(*pos);
                e.map(|(p, k, _)| {
                    *pos = p;
                    k
                })
            }
            IterState::DictValues { dict, pos } => {
                let e = dict.0.borrow().entry_from(*pos);
                e.map(|(p, _, v)| {
                    *pos = p;
                    v
                })
            }
            IterState::DictItems { dict, pos } => {
                let e = dict.0.borrow().entry_from(*pos);
                e.map(|(p, k, v)| {
                    *pos = p;
                    Value::tuple(vec![k, v])
                })
            }
            IterState::SetItems { set, pos } => {
                let e = set.map.borrow().entry_from(*pos);
                e.map(|(p, k, _)| {
                    *pos = p;
                    k
                })
            }
            IterState::Enumerate { it, count } => {
                let it = it.clone();
                match self.next(&it)? {
                    Some(v) => {
                        let c = *count;
                        *count += 1;
                        Some(Value::tuple(vec![Value::Int(c), v]))
                    }
                    None => None,
                }
            }
            IterState::Zip { its } => {
                let its = its.clone();
                let mut out = Vec::with_capacity(its.len());
                for it in &its {
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
                let (func, its) = (func.clone(), its.clone());
                let mut args = Vec::with_capacity(its.len());
                for it in &its {
                    match self.next(it)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                Some(self.call0(&func, &args)?)
            }
            IterState::Filter { func, it } => {
                let (func, it) = (func.clone(), it.clone());
                loop {
                    match self.next(&it)? {
                        Some(v) => {
                            let keep = if func.is_none() {
                                self.truthy(&v)?
                            } else {
                                let r = self.call0(&func, std::slice::from_ref(&v))?;
                                self.truthy(&r)?
                            };
                            if keep {
                                break Some(v);
                            }
                        }
                        None => break None,
                    }
                }
            }
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

    /// Unpacks exactly `n` items.
    pub fn unpack(&mut self, v: &Value, n: usize) -> PyResult<Vec<Value>> {
        let items = match v {
            Value::Tuple(t) => t.0.to_vec(),
            Value::List(l) => l.0.borrow().clone(),
            _ => {
                let it = self.get_iter(v)?;
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
