//! Subscripts: `obj[key]`, `obj[key] = v`, `del obj[key]`, slices, and `len()`.

use crate::object::{PySlice, Value};
use crate::vm::{PyResult, Vm};

impl Vm {
    /// `len(v)`.
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        Ok(match v {
            Value::Str(s) => s.char_len(),
            Value::List(l) => l.0.borrow().len(),
            Value::Tuple(t) => t.0.len(),
            Value::Dict(d) => d.len(),
            Value::Set(s) => s.map.borrow().len(),
            Value::Bytes(b) => b.0.len(),
            Value::Range(r) => r.len().max(0) as usize,
            Value::Instance(_) | Value::Native(_) => match self.type_of(v).lookup("__len__") {
                Some(f) => match self.call0(&f, std::slice::from_ref(v))? {
                    Value::Int(n) if n >= 0 => n as usize,
                    Value::Int(_) => return Err(self.value_error("__len__() should return >= 0")),
                    other => {
                        return Err(self.type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            self.type_name(&other)
                        )));
                    }
                },
                None => {
                    return Err(self.type_error(format!(
                        "object of type '{}' has no len()",
                        self.type_name(v)
                    )));
                }
            },
            _ => {
                return Err(self.type_error(format!(
                    "object of type '{}' has no len()",
                    self.type_name(v)
                )));
            }
        })
    }

    /// An index into a sequence of `len` items (negative counts from the end).
    pub fn seq_index(&mut self, key: &Value, len: usize, what: &str) -> PyResult<usize> {
        let i = match key {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            Value::BigInt(_) => {
                return Err(
                    self.index_error("cannot fit 'int' into an index-sized integer".to_string())
                );
            }
            Value::Instance(_) => {
                let r = self.call_method(key, "__index__", &[])?;
                return self.seq_index(&r, len, what);
            }
            _ => {
                return Err(self.type_error(format!(
                    "{what} indices must be integers or slices, not {}",
                    self.type_name(key)
                )));
            }
        };
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            let name = if what == "list" || what == "tuple" || what == "str" {
                what
            } else {
                "index"
            };
            return Err(self.index_error(format!("{name} index out of range")));
        }
        Ok(j as usize)
    }

    /// The (start, stop, step) a slice selects in a sequence of `len` items.
    pub fn slice_indices(&mut self, s: &PySlice, len: usize) -> PyResult<(i64, i64, i64)> {
        let step =
            match &s.step {
                Value::None => 1,
                Value::Int(i) => *i,
                Value::Bool(b) => *b as i64,
                other => return Err(self.type_error(format!(
                    "slice indices must be integers or None or have an __index__ method, got {}",
                    self.type_name(other)
                ))),
            };
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let len = len as i64;
        let conv = |vm: &mut Vm, v: &Value, default: i64| -> PyResult<i64> {
            match v {
                Value::None => Ok(default),
                Value::Int(i) => {
                    let mut i = *i;
                    if i < 0 {
                        i += len;
                        if i < 0 {
                            i = if step < 0 { -1 } else { 0 };
                        }
                    } else if i >= len {
                        i = if step < 0 { len - 1 } else { len };
                    }
                    Ok(i)
                }
                Value::Bool(b) => Ok((*b as i64).min(len)),
                Value::BigInt(b) => Ok(if num_traits::Signed::is_negative(&**b) {
                    if step < 0 { -1 } else { 0 }
                } else if step < 0 {
                    len - 1
                } else {
                    len
                }),
                other => Err(vm.type_error(format!(
                    "slice indices must be integers or None or have an __index__ method, got {}",
                    vm.type_name(other)
                ))),
            }
        };
        let (ds, de) = if step < 0 { (len - 1, -1) } else { (0, len) };
        let start = conv(self, &s.start, ds)?;
        let stop = if s.stop.is_none() {
            de
        } else {
            conv(self, &s.stop, de)?
        };
        Ok((start, stop, step))
    }

    fn slice_positions(&mut self, s: &PySlice, len: usize) -> PyResult<Vec<usize>> {
        let (start, stop, step) = self.slice_indices(s, len)?;
        let mut out = Vec::new();
        let mut i = start;
        if step > 0 {
            while i < stop {
                out.push(i as usize);
                i += step;
            }
        } else {
            while i > stop {
                out.push(i as usize);
                i += step;
            }
        }
        Ok(out)
    }

    /// `obj[key]`.
    pub fn get_item(&mut self, obj: &Value, key: &Value) -> PyResult<Value> {
        match (obj, key) {
            (Value::List(l), Value::Int(i)) => {
                let l = l.0.borrow();
                let n = l.len() as i64;
                let j = if *i < 0 { i + n } else { *i };
                if j >= 0 && j < n {
                    return Ok(l[j as usize].clone());
                }
                return Err(self.index_error("list index out of range"));
            }
            (Value::Tuple(t), Value::Int(i)) => {
                let n = t.0.len() as i64;
                let j = if *i < 0 { i + n } else { *i };
                if j >= 0 && j < n {
                    return Ok(t.0[j as usize].clone());
                }
                return Err(self.index_error("tuple index out of range"));
            }
            (Value::Dict(d), _) => {
                let r = d.0.borrow().get(key).map(|v| v.cloned());
                return match r {
                    Ok(Some(v)) => Ok(v),
                    Ok(None) => Err(self.key_error(key.clone())),
                    Err(u) => Err(self.type_error(format!("unhashable type: '{}'", u.0))),
                };
            }
            _ => {}
        }
        match obj {
            Value::List(l) => match key {
                Value::Slice(s) => {
                    let items = l.0.borrow().clone();
                    let pos = self.slice_positions(s, items.len())?;
                    Ok(Value::list(
                        pos.into_iter().map(|i| items[i].clone()).collect(),
                    ))
                }
                _ => {
                    let n = l.0.borrow().len();
                    let i = self.seq_index(key, n, "list")?;
                    Ok(l.0.borrow()[i].clone())
                }
            },
            Value::Tuple(t) => match key {
                Value::Slice(s) => {
                    let pos = self.slice_positions(s, t.0.len())?;
                    Ok(Value::tuple(
                        pos.into_iter().map(|i| t.0[i].clone()).collect(),
                    ))
                }
                _ => {
                    let i = self.seq_index(key, t.0.len(), "tuple")?;
                    Ok(t.0[i].clone())
                }
            },
            Value::Str(s) => match key {
                Value::Slice(sl) => {
                    let pos = self.slice_positions(sl, s.char_len())?;
                    if s.is_ascii() {
                        let b = s.as_str().as_bytes();
                        let out: String = pos.into_iter().map(|i| b[i] as char).collect();
                        Ok(Value::string(out))
                    } else {
                        let chars: Vec<char> = s.as_str().chars().collect();
                        Ok(Value::string(pos.into_iter().map(|i| chars[i]).collect()))
                    }
                }
                _ => {
                    let i = self.seq_index(key, s.char_len(), "str")?;
                    let mut buf = [0u8; 4];
                    Ok(Value::str(s.char_at(i).encode_utf8(&mut buf)))
                }
            },
            Value::Bytes(b) => match key {
                Value::Slice(sl) => {
                    let pos = self.slice_positions(sl, b.0.len())?;
                    Ok(Value::bytes(pos.into_iter().map(|i| b.0[i]).collect()))
                }
                _ => {
                    let i = self.seq_index(key, b.0.len(), "index")?;
                    Ok(Value::Int(b.0[i] as i64))
                }
            },
            Value::Range(r) => match key {
                Value::Slice(_) => {
                    Err(self.not_implemented_error("range slicing is not supported yet"))
                }
                _ => {
                    let n = r.len().max(0) as usize;
                    let i = self.seq_index(key, n, "range object")?;
                    Ok(Value::Int(r.start + r.step * i as i64))
                }
            },
            Value::Type(t) if !t.builtin || t.lookup("__class_getitem__").is_some() => match t
                .lookup("__class_getitem__")
            {
                Some(f) => self.call0(&f, &[obj.clone(), key.clone()]),
                None => Err(self.type_error(format!("type '{}' is not subscriptable", t.name()))),
            },
            Value::Type(_) => Ok(obj.clone()), // list[int] etc. in annotations
            _ => {
                let t = self.type_of(obj);
                match t.lookup("__getitem__") {
                    Some(f) => self.call0(&f, &[obj.clone(), key.clone()]),
                    None => {
                        Err(self.type_error(format!("'{}' object is not subscriptable", t.name())))
                    }
                }
            }
        }
    }

    /// `obj[key] = v`.
    pub fn set_item(&mut self, obj: &Value, key: Value, v: Value) -> PyResult<()> {
        match obj {
            Value::List(l) => match &key {
                Value::Slice(s) => {
                    let new = self.collect(&v)?;
                    let len = l.0.borrow().len();
                    let (start, stop, step) = self.slice_indices(s, len)?;
                    if step == 1 {
                        let stop = stop.max(start);
                        l.0.borrow_mut().splice(start as usize..stop as usize, new);
                        Ok(())
                    } else {
                        let pos = self.slice_positions(s, len)?;
                        if pos.len() != new.len() {
                            return Err(self.value_error(format!(
                                "attempt to assign sequence of size {} to extended slice of size {}",
                                new.len(),
                                pos.len()
                            )));
                        }
                        let mut lb = l.0.borrow_mut();
                        for (i, x) in pos.into_iter().zip(new) {
                            lb[i] = x;
                        }
                        Ok(())
                    }
                }
                _ => {
                    let n = l.0.borrow().len();
                    let i = self.seq_index(&key, n, "list")?;
                    let old = std::mem::replace(&mut l.0.borrow_mut()[i], v);
                    drop(old);
                    Ok(())
                }
            },
            Value::Dict(d) => self.dict_set(d, key, v),
            _ => {
                let t = self.type_of(obj);
                match t.lookup("__setitem__") {
                    Some(f) => {
                        self.call0(&f, &[obj.clone(), key, v])?;
                        Ok(())
                    }
                    None => Err(self.type_error(format!(
                        "'{}' object does not support item assignment",
                        t.name()
                    ))),
                }
            }
        }
    }

    /// `del obj[key]`.
    pub fn del_item(&mut self, obj: &Value, key: &Value) -> PyResult<()> {
        match obj {
            Value::List(l) => match key {
                Value::Slice(s) => {
                    let len = l.0.borrow().len();
                    let mut pos = self.slice_positions(s, len)?;
                    pos.sort_unstable();
                    let mut lb = l.0.borrow_mut();
                    for i in pos.into_iter().rev() {
                        lb.remove(i);
                    }
                    Ok(())
                }
                _ => {
                    let n = l.0.borrow().len();
                    let i = self.seq_index(key, n, "list")?;
                    let old = l.0.borrow_mut().remove(i);
                    drop(old);
                    Ok(())
                }
            },
            Value::Dict(d) => {
                let r = d.0.borrow_mut().remove(key);
                match r {
                    Ok(Some(_)) => Ok(()),
                    Ok(None) => Err(self.key_error(key.clone())),
                    Err(u) => Err(self.type_error(format!("unhashable type: '{}'", u.0))),
                }
            }
            _ => {
                let t = self.type_of(obj);
                match t.lookup("__delitem__") {
                    Some(f) => {
                        self.call0(&f, &[obj.clone(), key.clone()])?;
                        Ok(())
                    }
                    None => Err(self.type_error(format!(
                        "'{}' object does not support item deletion",
                        t.name()
                    ))),
                }
            }
        }
    }
}
