//! Subscripts: `obj[key]`, `obj[key] = v`, `del obj[key]`, slices, and `len()`.

use std::rc::Rc;

use crate::object::{PyRange, PySlice, Value};
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
            Value::ByteArray(b) => b.0.borrow().len(),
            Value::Range(r) => r.len().max(0) as usize,
            Value::Instance(_) | Value::Native(_) | Value::Type(_) => {
                match self.call_special(v, "__len__", &[])? {
                    Some(n) => return self.len_result(&n),
                    None => {
                        return Err(self.type_error(format!(
                            "object of type '{}' has no len()",
                            self.type_name(v)
                        )));
                    }
                }
            }
            _ => {
                return Err(self.type_error(format!(
                    "object of type '{}' has no len()",
                    self.type_name(v)
                )));
            }
        })
    }

    fn len_result(&mut self, n: &Value) -> PyResult<usize> {
        match self.unwrap_base(n) {
            Value::Int(n) if n >= 0 => Ok(n as usize),
            Value::BoolW(b) => Ok(b.get() as usize),
            Value::Int(_) => Err(self.value_error("__len__() should return >= 0")),
            Value::BigInt(b) => {
                if num_traits::Signed::is_negative(&*b) {
                    Err(self.value_error("__len__() should return >= 0"))
                } else {
                    Err(self.overflow_error("cannot fit 'int' into an index-sized integer"))
                }
            }
            other => Err(self.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(&other)
            ))),
        }
    }

    /// `operator.index(v)` as i64: ints, bools and objects with `__index__` (None when
    /// `v` is not an integer; big ints are clamped to the i64 range).
    pub fn index_value(&mut self, v: &Value) -> PyResult<Option<i64>> {
        Ok(Some(match v {
            Value::Int(i) => *i,
            Value::BoolW(b) => b.get() as i64,
            Value::BigInt(b) => {
                if num_traits::Signed::is_negative(&**b) {
                    i64::MIN
                } else {
                    i64::MAX
                }
            }
            Value::Instance(_) | Value::Native(_) => {
                match self.call_special(v, "__index__", &[])? {
                    Some(r) => match self.unwrap_base(&r) {
                        r @ (Value::Int(_) | Value::BoolW(_) | Value::BigInt(_)) => {
                            return self.index_value(&r);
                        }
                        other => {
                            return Err(self.type_error(format!(
                                "__index__ returned non-int (type {})",
                                self.type_name(&other)
                            )));
                        }
                    },
                    None => return Ok(None),
                }
            }
            _ => return Ok(None),
        }))
    }

    /// An index into a sequence of `len` items (negative counts from the end).
    pub fn seq_index(&mut self, key: &Value, len: usize, what: &str) -> PyResult<usize> {
        let i = match key {
            Value::BigInt(_) => {
                return Err(
                    self.index_error("cannot fit 'int' into an index-sized integer".to_string())
                );
            }
            _ => match self.index_value(key)? {
                Some(i) => i,
                None => {
                    let msg = match what {
                        "str" => format!(
                            "string indices must be integers, not '{}'",
                            self.type_name(key)
                        ),
                        "range object" => format!(
                            "range indices must be integers or slices, not {}",
                            self.type_name(key)
                        ),
                        "index" => format!(
                            "byte indices must be integers or slices, not {}",
                            self.type_name(key)
                        ),
                        "list assignment" => format!(
                            "list indices must be integers or slices, not {}",
                            self.type_name(key)
                        ),
                        _ => format!(
                            "{what} indices must be integers or slices, not {}",
                            self.type_name(key)
                        ),
                    };
                    return Err(self.type_error(msg));
                }
            },
        };
        let j = if i < 0 {
            i.saturating_add(len as i64)
        } else {
            i
        };
        if j < 0 || j >= len as i64 {
            let msg = match what {
                "str" => "string index out of range".to_owned(),
                "index" => "index out of range".to_owned(),
                "pop" => "pop index out of range".to_owned(),
                w => format!("{w} index out of range"),
            };
            return Err(self.index_error(msg));
        }
        Ok(j as usize)
    }

    /// A slice bound: None, or an int (clamped to i64).
    fn slice_bound(&mut self, v: &Value) -> PyResult<Option<i64>> {
        if v.is_none() {
            return Ok(None);
        }
        match self.index_value(v)? {
            Some(i) => Ok(Some(i)),
            None => Err(self
                .type_error("slice indices must be integers or None or have an __index__ method")),
        }
    }

    /// The (start, stop, step) a slice selects in a sequence of `len` items
    /// (`slice.indices(len)`).
    pub fn slice_indices(&mut self, s: &PySlice, len: usize) -> PyResult<(i64, i64, i64)> {
        let step = self.slice_bound(&s.step)?.unwrap_or(1);
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let step = step.max(-i64::MAX);
        let len = len as i64;
        let adjust = |i: i64| -> i64 {
            if i < 0 {
                let i = i.saturating_add(len);
                if i < 0 {
                    if step < 0 { -1 } else { 0 }
                } else {
                    i
                }
            } else if i >= len {
                if step < 0 { len - 1 } else { len }
            } else {
                i
            }
        };
        let (ds, de) = if step < 0 { (len - 1, -1) } else { (0, len) };
        let start = match self.slice_bound(&s.start)? {
            None => ds,
            Some(i) => adjust(i),
        };
        let stop = match self.slice_bound(&s.stop)? {
            None => de,
            Some(i) => adjust(i),
        };
        Ok((start, stop, step))
    }

    /// The positions a slice selects in a sequence of `len` items.
    pub fn slice_positions(&mut self, s: &PySlice, len: usize) -> PyResult<Vec<usize>> {
        let (start, stop, step) = self.slice_indices(s, len)?;
        let mut out = Vec::new();
        let mut i = start;
        if step > 0 {
            while i < stop {
                out.push(i as usize);
                i = match i.checked_add(step) {
                    Some(n) => n,
                    None => break,
                };
            }
        } else {
            while i > stop {
                out.push(i as usize);
                i = match i.checked_add(step) {
                    Some(n) => n,
                    None => break,
                };
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
                return match self.dict_get(d, key)? {
                    Some(v) => Ok(v),
                    None => Err(self.key_error(key.clone())),
                };
            }
            (Value::Str(s), Value::Int(i)) => {
                let n = s.char_len() as i64;
                let j = if *i < 0 { i + n } else { *i };
                if j >= 0 && j < n {
                    return Ok(self.ctx.char_str(s.char_at(j as usize)));
                }
                return Err(self.index_error("string index out of range"));
            }
            (Value::Instance(inst), _) => {
                // A dict subclass that keeps dict's `__getitem__` (Counter,
                // defaultdict): look up directly, then `__missing__`.
                if let Some(Value::Dict(d)) = &inst.base
                    && self.inherits_dict_slot(&inst.class, "__getitem__")
                {
                    return match self.dict_get(d, key)? {
                        Some(v) => Ok(v),
                        None => match self.call_special(
                            obj,
                            "__missing__",
                            std::slice::from_ref(key),
                        )? {
                            Some(v) => Ok(v),
                            None => Err(self.key_error(key.clone())),
                        },
                    };
                }
            }
            _ => {}
        }
        match obj {
            Value::List(l) => match key {
                Value::Slice(s) => {
                    let n = l.0.borrow().len();
                    let (start, stop, step) = self.slice_indices(s, n)?;
                    let items = l.0.borrow();
                    Ok(Value::list(slice_of(&items, start, stop, step)))
                }
                _ => {
                    let n = l.0.borrow().len();
                    let i = self.seq_index(key, n, "list")?;
                    let v = l.0.borrow().get(i).cloned();
                    v.ok_or_else(|| self.index_error("list index out of range"))
                }
            },
            Value::Tuple(t) => match key {
                Value::Slice(s) => {
                    let (start, stop, step) = self.slice_indices(s, t.0.len())?;
                    if start == 0 && step == 1 && stop as usize == t.0.len() {
                        return Ok(obj.clone());
                    }
                    Ok(Value::tuple(slice_of(&t.0, start, stop, step)))
                }
                _ => {
                    let i = self.seq_index(key, t.0.len(), "tuple")?;
                    Ok(t.0[i].clone())
                }
            },
            Value::Str(s) => match key {
                Value::Slice(sl) => {
                    let (start, stop, step) = self.slice_indices(sl, s.char_len())?;
                    if step == 1 {
                        if start >= stop {
                            return Ok(Value::str(""));
                        }
                        if stop - start == 1 {
                            return Ok(self.ctx.char_str(s.char_at(start as usize)));
                        }
                        return Ok(Value::Str(Rc::new(s.substr(start as usize, stop as usize))));
                    }
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
                    Ok(self.ctx.char_str(s.char_at(i)))
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
            Value::ByteArray(b) => match key {
                Value::Slice(sl) => {
                    let data = b.0.borrow().clone();
                    let pos = self.slice_positions(sl, data.len())?;
                    Ok(Value::bytearray(pos.into_iter().map(|i| data[i]).collect()))
                }
                _ => {
                    let n = b.0.borrow().len();
                    let i = self.seq_index(key, n, "bytearray")?;
                    Ok(Value::Int(b.0.borrow()[i] as i64))
                }
            },
            Value::Range(r) => match key {
                Value::Slice(sl) => {
                    let n = r.len().max(0) as usize;
                    let (start, stop, step) = self.slice_indices(sl, n)?;
                    let nstart = r.start + start * r.step;
                    let nstop = r.start + stop * r.step;
                    Ok(Value::Range(Rc::new(PyRange {
                        start: nstart,
                        stop: nstop,
                        step: r.step * step,
                    })))
                }
                _ => {
                    let n = r.len().max(0) as usize;
                    let i = self.seq_index(key, n, "range object")?;
                    Ok(Value::Int(r.start + r.step * i as i64))
                }
            },
            Value::Type(t) => {
                if let Some(f) = t.lookup("__class_getitem__") {
                    let f = self.bind_class_attr_for_type(f, t)?;
                    return self.call0(&f, std::slice::from_ref(key));
                }
                let meta = self.type_of(obj);
                if !std::rc::Rc::ptr_eq(&meta, &self.ctx.types.type_)
                    && let Some(r) =
                        self.call_special(obj, "__getitem__", std::slice::from_ref(key))?
                {
                    return Ok(r);
                }
                if crate::stdlib::methods::generic_subscriptable(self, t) {
                    // list[int] and friends in annotations
                    return Ok(self.generic_alias(obj.clone(), key.clone()));
                }
                Err(self.type_error(format!("type '{}' is not subscriptable", t.name())))
            }
            _ => match self.call_special(obj, "__getitem__", std::slice::from_ref(key))? {
                Some(v) => Ok(v),
                None => Err(self.type_error(format!(
                    "'{}' object is not subscriptable",
                    self.type_name(obj)
                ))),
            },
        }
    }

    fn bind_class_attr_for_type(
        &mut self,
        f: Value,
        t: &Rc<crate::object::PyType>,
    ) -> PyResult<Value> {
        match &f {
            Value::Function(_) => Ok(Value::Method(Rc::new(crate::object::BoundMethod {
                func: f,
                self_: Value::Type(t.clone()),
            }))),
            _ => {
                let tv = Value::Type(t.clone());
                self.get_attr_str(&tv, "__class_getitem__")
            }
        }
    }

    /// `obj[key]` for an in-range int index into a list or tuple, without the
    /// general path (the eval loop's fast path); `None` for anything else.
    #[inline(always)]
    pub fn subscr_fast(obj: &Value, key: &Value) -> Option<Value> {
        let Value::Int(i) = key else { return None };
        let i = *i;
        match obj {
            Value::List(l) => {
                let l = l.0.borrow();
                let j = if i < 0 { i + l.len() as i64 } else { i };
                l.get(usize::try_from(j).ok()?).map(Value::dup)
            }
            Value::Tuple(t) => {
                let j = if i < 0 { i + t.0.len() as i64 } else { i };
                t.0.get(usize::try_from(j).ok()?).map(Value::dup)
            }
            _ => None,
        }
    }

    /// `obj[key] = v` for an in-range int index into a list (the eval loop's
    /// fast path): the old item when stored, or `v` back for the general path.
    #[inline(always)]
    pub fn store_subscr_fast(obj: &Value, key: &Value, v: Value) -> Result<Value, Value> {
        if let (Value::List(l), Value::Int(i)) = (obj, key) {
            let mut l = l.0.borrow_mut();
            let j = if *i < 0 { *i + l.len() as i64 } else { *i };
            if let Some(slot) = usize::try_from(j).ok().and_then(|j| l.get_mut(j)) {
                return Ok(std::mem::replace(slot, v));
            }
        }
        Err(v)
    }

    /// Whether `class` (a subclass of dict) inherits dict's own method `name`
    /// rather than overriding it.
    #[inline]
    pub fn inherits_dict_slot(&self, class: &crate::object::PyType, name: &str) -> bool {
        match (class.lookup(name), self.ctx.types.dict.lookup(name)) {
            (Some(Value::Builtin(a)), Some(Value::Builtin(b))) => Rc::ptr_eq(&a, &b),
            _ => false,
        }
    }

    /// `obj[key] = v`.
    pub fn set_item(&mut self, obj: &Value, key: Value, v: Value) -> PyResult<()> {
        if let Value::Instance(inst) = obj
            && let Some(Value::Dict(d)) = &inst.base
            && self.inherits_dict_slot(&inst.class, "__setitem__")
        {
            return self.dict_set(d, key, v);
        }
        match obj {
            Value::List(l) => match &key {
                Value::Slice(s) => {
                    let new = if let Value::List(src) = &v
                        && Rc::ptr_eq(src, l)
                    {
                        src.0.borrow().clone()
                    } else {
                        match self.collect(&v) {
                            Ok(items) => items,
                            Err(e) if self.err_is(&e, &self.ctx.types.type_error.clone()) => {
                                return Err(self.type_error("can only assign an iterable"));
                            }
                            Err(e) => return Err(e),
                        }
                    };
                    let len = l.0.borrow().len();
                    let (start, stop, step) = self.slice_indices(s, len)?;
                    if step == 1 {
                        let stop = stop.max(start);
                        let old: Vec<Value> =
                            l.0.borrow_mut()
                                .splice(start as usize..stop as usize, new)
                                .collect();
                        drop(old);
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
                    let i = self.seq_index(&key, n, "list assignment")?;
                    let old = std::mem::replace(&mut l.0.borrow_mut()[i], v);
                    drop(old);
                    Ok(())
                }
            },
            Value::Dict(d) => self.dict_set(d, key, v),
            Value::ByteArray(b) => match &key {
                Value::Slice(s) => {
                    let new = match self.bytes_like(&v) {
                        Some(x) => x,
                        None => {
                            let items = self.collect(&v)?;
                            let mut out = Vec::with_capacity(items.len());
                            for x in items {
                                out.push(self.byte_value(&x)?);
                            }
                            out
                        }
                    };
                    let len = b.0.borrow().len();
                    let (start, stop, step) = self.slice_indices(s, len)?;
                    if step == 1 {
                        let stop = stop.max(start);
                        b.0.borrow_mut().splice(start as usize..stop as usize, new);
                        Ok(())
                    } else {
                        let pos = self.slice_positions(s, len)?;
                        if pos.len() != new.len() {
                            return Err(self.value_error(format!(
                                "attempt to assign bytes of size {} to extended slice of size {}",
                                new.len(),
                                pos.len()
                            )));
                        }
                        let mut bb = b.0.borrow_mut();
                        for (i, x) in pos.into_iter().zip(new) {
                            bb[i] = x;
                        }
                        Ok(())
                    }
                }
                _ => {
                    let n = b.0.borrow().len();
                    let i = self.seq_index(&key, n, "bytearray")?;
                    let x = self.byte_value(&v)?;
                    b.0.borrow_mut()[i] = x;
                    Ok(())
                }
            },
            _ => match self.call_special(obj, "__setitem__", &[key, v])? {
                Some(_) => Ok(()),
                None => Err(self.type_error(format!(
                    "'{}' object does not support item assignment",
                    self.type_name(obj)
                ))),
            },
        }
    }

    /// An int in range(256).
    pub fn byte_value(&mut self, v: &Value) -> PyResult<u8> {
        match self.index_value(v)? {
            Some(n) if (0..256).contains(&n) => Ok(n as u8),
            Some(_) => Err(self.value_error("byte must be in range(0, 256)")),
            None => Err(self.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(v)
            ))),
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
                    let mut removed = Vec::with_capacity(pos.len());
                    {
                        let mut lb = l.0.borrow_mut();
                        for i in pos.into_iter().rev() {
                            removed.push(lb.remove(i));
                        }
                    }
                    drop(removed);
                    Ok(())
                }
                _ => {
                    let n = l.0.borrow().len();
                    let i = self.seq_index(key, n, "list assignment")?;
                    let old = l.0.borrow_mut().remove(i);
                    drop(old);
                    Ok(())
                }
            },
            Value::ByteArray(b) => match key {
                Value::Slice(s) => {
                    let len = b.0.borrow().len();
                    let mut pos = self.slice_positions(s, len)?;
                    pos.sort_unstable();
                    let mut bb = b.0.borrow_mut();
                    for i in pos.into_iter().rev() {
                        bb.remove(i);
                    }
                    Ok(())
                }
                _ => {
                    let n = b.0.borrow().len();
                    let i = self.seq_index(key, n, "bytearray")?;
                    b.0.borrow_mut().remove(i);
                    Ok(())
                }
            },
            Value::Dict(d) => match self.dict_del(d, key)? {
                Some(old) => {
                    drop(old);
                    Ok(())
                }
                None => Err(self.key_error(key.clone())),
            },
            _ => match self.call_special(obj, "__delitem__", std::slice::from_ref(key))? {
                Some(_) => Ok(()),
                None => {
                    // CPython words it differently on its sequence-protocol path
                    let t = self.type_of(obj);
                    let seq_path = Rc::ptr_eq(&t, &self.ctx.types.mappingproxy)
                        && !matches!(key, Value::Int(_) | Value::BoolW(_) | Value::BigInt(_));
                    let verb = if seq_path { "does not" } else { "doesn't" };
                    Err(self.type_error(format!(
                        "'{}' object {verb} support item deletion",
                        t.name()
                    )))
                }
            },
        }
    }
}

/// The items of `items[start:stop:step]`, for bounds already clamped by
/// `slice_indices`.
fn slice_of(items: &[Value], start: i64, stop: i64, step: i64) -> Vec<Value> {
    if step == 1 {
        return if start < stop {
            items[start as usize..stop as usize].to_vec()
        } else {
            Vec::new()
        };
    }
    let mut out = Vec::new();
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        out.push(items[i as usize].clone());
        i += step;
    }
    out
}
