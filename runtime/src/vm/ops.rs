//! Operators: binary, in-place and unary operators on built-in values, and the
//! special-method protocol for everything else (`__add__`, then the reflected
//! `__radd__`, tried first when the right operand's class is a subclass that overrides
//! it; `NotImplemented` moves on), with CPython's error messages.

use std::rc::Rc;

use num_bigint::BigInt;

use crate::bytecode::{BinOp, UnOp};
use crate::object::{Int, PyDict, PySet, Value};
use crate::vm::{PyErr, PyResult, Vm};

/// The operator as CPython's error messages spell it.
pub(crate) fn op_symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::MatMul => "@",
        BinOp::TrueDiv => "/",
        BinOp::FloorDiv => "//",
        BinOp::Mod => "%",
        BinOp::Pow => "** or pow()",
        BinOp::LShift => "<<",
        BinOp::RShift => ">>",
        BinOp::And => "&",
        BinOp::Or => "|",
        BinOp::Xor => "^",
    }
}

fn inplace_symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+=",
        BinOp::Sub => "-=",
        BinOp::Mul => "*=",
        BinOp::MatMul => "@=",
        BinOp::TrueDiv => "/=",
        BinOp::FloorDiv => "//=",
        BinOp::Mod => "%=",
        BinOp::Pow => "**=",
        BinOp::LShift => "<<=",
        BinOp::RShift => ">>=",
        BinOp::And => "&=",
        BinOp::Or => "|=",
        BinOp::Xor => "^=",
    }
}

/// The special methods of a binary operator: (normal, reflected, in-place).
pub(crate) fn dunder(op: BinOp) -> (&'static str, &'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__", "__iadd__"),
        BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
        BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
        BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
        BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
        BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinOp::And => ("__and__", "__rand__", "__iand__"),
        BinOp::Or => ("__or__", "__ror__", "__ior__"),
        BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
    }
}

/// Whether two looked-up special methods are the same object.
fn same_method(a: &Option<Value>, b: &Option<Value>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => match (x, y) {
            (Value::Builtin(p), Value::Builtin(q)) => p.name == q.name && Rc::ptr_eq(p, q),
            _ => x.is(y),
        },
        (None, None) => true,
        _ => false,
    }
}

impl Vm {
    /// `a op b`.
    #[inline]
    pub fn binary_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            let (x, y) = (*x, *y);
            let fast = match op {
                BinOp::Add => x.checked_add(y).map(Value::Int),
                BinOp::Sub => x.checked_sub(y).map(Value::Int),
                BinOp::Mul => x.checked_mul(y).map(Value::Int),
                BinOp::Mod if y > 0 => Some(Value::Int(x.rem_euclid(y))),
                BinOp::FloorDiv if y > 0 => Some(Value::Int(x.div_euclid(y))),
                BinOp::And => Some(Value::Int(x & y)),
                BinOp::Or => Some(Value::Int(x | y)),
                BinOp::Xor => Some(Value::Int(x ^ y)),
                _ => None,
            };
            if let Some(v) = fast {
                return Ok(v);
            }
        }
        if let (Value::FloatW(x), Value::FloatW(y)) = (a, b) {
            match op {
                BinOp::Add => return Ok(Value::Float(x.get() + y.get())),
                BinOp::Sub => return Ok(Value::Float(x.get() - y.get())),
                BinOp::Mul => return Ok(Value::Float(x.get() * y.get())),
                _ => {}
            }
        }
        match self.binary_builtin(op, a, b)? {
            Some(v) => Ok(v),
            None => self.binary_dunder(op, a, b, None),
        }
    }

    /// The special-method protocol for `a op b`; `inplace` names the in-place operator
    /// for the error message.
    fn binary_dunder(
        &mut self,
        op: BinOp,
        a: &Value,
        b: &Value,
        inplace: Option<&str>,
    ) -> PyResult<Value> {
        let (l, r, _) = dunder(op);
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let left = ta.lookup(l);
        let same = Rc::ptr_eq(&ta, &tb);
        let right = if same { None } else { tb.lookup(r) };
        let mut right_done = false;
        if right.is_some() && tb.is_subtype(&ta) && !same_method(&right, &ta.lookup(r)) {
            right_done = true;
            let f = right.clone().unwrap_or_default();
            let v = self.call0(&f, &[b.clone(), a.clone()])?;
            if !matches!(v, Value::NotImplemented) {
                return Ok(v);
            }
        }
        if let Some(f) = left {
            let v = self.call0(&f, &[a.clone(), b.clone()])?;
            if !matches!(v, Value::NotImplemented) {
                return Ok(v);
            }
        }
        if !right_done && let Some(f) = right {
            let v = self.call0(&f, &[b.clone(), a.clone()])?;
            if !matches!(v, Value::NotImplemented) {
                return Ok(v);
            }
        }
        Err(self.binary_type_error(op, a, b, inplace))
    }

    /// The `TypeError` CPython raises when no operand supports `op`.
    fn binary_type_error(&self, op: BinOp, a: &Value, b: &Value, inplace: Option<&str>) -> PyErr {
        let (ua, ub) = (self.unwrap_base(a), self.unwrap_base(b));
        let tb = self.type_name(b);
        match (&ua, op) {
            (Value::Str(_), BinOp::Add) => {
                return self.type_error(format!("can only concatenate str (not \"{tb}\") to str"));
            }
            (Value::List(_), BinOp::Add) => {
                return self
                    .type_error(format!("can only concatenate list (not \"{tb}\") to list"));
            }
            (Value::Tuple(_), BinOp::Add) => {
                return self.type_error(format!(
                    "can only concatenate tuple (not \"{tb}\") to tuple"
                ));
            }
            (Value::Bytes(_) | Value::ByteArray(_), BinOp::Add) => {
                return self.type_error(format!("can't concat {tb} to {}", self.type_name(a)));
            }
            (
                Value::Str(_)
                | Value::List(_)
                | Value::Tuple(_)
                | Value::Bytes(_)
                | Value::ByteArray(_),
                BinOp::Mul,
            ) if !matches!(ub, Value::Int(_) | Value::BoolW(_) | Value::BigInt(_)) => {
                return self
                    .type_error(format!("can't multiply sequence by non-int of type '{tb}'"));
            }
            _ => {}
        }
        if op == BinOp::Mul
            && matches!(
                ub,
                Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_)
            )
            && !matches!(ua, Value::Int(_) | Value::BoolW(_) | Value::BigInt(_))
        {
            return self.type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                self.type_name(a)
            ));
        }
        self.type_error(format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            inplace.unwrap_or(op_symbol(op)),
            self.type_name(a),
            tb
        ))
    }

    /// `a op= b`.
    pub fn inplace_op(&mut self, op: BinOp, a: Value, b: &Value) -> PyResult<Value> {
        match (&a, op) {
            (Value::Int(_) | Value::FloatW(_), _)
                if op != BinOp::MatMul
                    && matches!(b, Value::Int(_) | Value::FloatW(_) | Value::BoolW(_)) =>
            {
                return self.binary_op(op, &a, b);
            }
            (Value::List(l), BinOp::Add) => {
                let items = self.collect(b)?;
                l.0.borrow_mut().extend(items);
                return Ok(a);
            }
            (Value::List(l), BinOp::Mul) => {
                if let Some(n) = self.repeat_count(b)? {
                    let items = l.0.borrow().clone();
                    *l.0.borrow_mut() = self.repeat(&items, n)?;
                    return Ok(a);
                }
            }
            (Value::ByteArray(x), BinOp::Add) => {
                let other = self.bytes_like(b);
                if let Some(o) = other {
                    x.0.borrow_mut().extend_from_slice(&o);
                    return Ok(a);
                }
            }
            (Value::ByteArray(x), BinOp::Mul) => {
                if let Some(n) = self.repeat_count(b)? {
                    let items = x.0.borrow().clone();
                    *x.0.borrow_mut() = items.repeat(n);
                    return Ok(a);
                }
            }
            (Value::Set(s), BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor) if !s.frozen => {
                if let Value::Set(o) = b {
                    let s = s.clone();
                    let o = o.clone();
                    self.set_inplace(op, &s, &o)?;
                    return Ok(a);
                }
                return Err(self.binary_type_error(op, &a, b, Some(inplace_symbol(op))));
            }
            (Value::Dict(d), BinOp::Or) => {
                let d = d.clone();
                self.dict_update(&d, b, false)?;
                return Ok(a);
            }
            (Value::Instance(_) | Value::Native(_), _) => {
                let (_, _, iname) = dunder(op);
                let t = self.type_of(&a);
                if let Some(f) = t.lookup(iname) {
                    let v = self.call0(&f, &[a.clone(), b.clone()])?;
                    if !matches!(v, Value::NotImplemented) {
                        return Ok(v);
                    }
                }
            }
            _ => {}
        }
        if op == BinOp::MatMul
            && !matches!(a, Value::Instance(_) | Value::Native(_))
            && !matches!(b, Value::Instance(_) | Value::Native(_))
        {
            return Err(self.binary_type_error(op, &a, b, Some(inplace_symbol(op))));
        }
        match self.binary_builtin(op, &a, b)? {
            Some(v) => Ok(v),
            None => self.binary_dunder(op, &a, b, Some(inplace_symbol(op))),
        }
    }

    /// The bytes of a bytes-like value.
    pub(crate) fn bytes_like(&self, v: &Value) -> Option<Vec<u8>> {
        match v {
            Value::Bytes(b) => Some(b.0.to_vec()),
            Value::ByteArray(b) => Some(b.0.borrow().clone()),
            Value::Instance(i) => i.base.as_ref().and_then(|b| self.bytes_like(b)),
            _ => None,
        }
    }

    /// `a op b` for built-in operand types; None when they don't support it.
    pub(crate) fn binary_builtin(
        &mut self,
        op: BinOp,
        a: &Value,
        b: &Value,
    ) -> PyResult<Option<Value>> {
        if let (Some(x), Some(y)) = (Int::of(a), Int::of(b)) {
            if let (Value::BoolW(p), Value::BoolW(q)) = (a, b) {
                match op {
                    BinOp::And => return Ok(Some(Value::Bool(p.get() & q.get()))),
                    BinOp::Or => return Ok(Some(Value::Bool(p.get() | q.get()))),
                    BinOp::Xor => return Ok(Some(Value::Bool(p.get() ^ q.get()))),
                    _ => {}
                }
            }
            return self.int_op(op, x, y).map(Some);
        }
        let fa = match a {
            Value::FloatW(f) => Some(f.get()),
            _ => Int::of(a).map(|i| i.to_f64()),
        };
        let fb = match b {
            Value::FloatW(f) => Some(f.get()),
            _ => Int::of(b).map(|i| i.to_f64()),
        };
        // floats have no `@`, shifts or bitwise operators: those fall through
        // to the general path, whose error names the operands' real types
        if let (Some(x), Some(y)) = (fa, fb)
            && (matches!(a, Value::FloatW(_)) || matches!(b, Value::FloatW(_)))
            && !matches!(
                op,
                BinOp::MatMul | BinOp::LShift | BinOp::RShift | BinOp::And | BinOp::Or | BinOp::Xor
            )
        {
            if (x.is_infinite() && !matches!(a, Value::FloatW(_)))
                || (y.is_infinite() && !matches!(b, Value::FloatW(_)))
            {
                return Err(self.overflow_error("int too large to convert to float"));
            }
            return self.float_op(op, x, y).map(Some);
        }
        Ok(match (a, b, op) {
            (Value::Str(x), Value::Str(y), BinOp::Add) => {
                let mut s = String::with_capacity(x.as_str().len() + y.as_str().len());
                s.push_str(x.as_str());
                s.push_str(y.as_str());
                Some(Value::string(s))
            }
            (Value::Str(x), _, BinOp::Mul) | (_, Value::Str(x), BinOp::Mul) => {
                let n = self.repeat_count(if matches!(a, Value::Str(_)) { b } else { a })?;
                if let Some(n) = n {
                    self.check_room(x.as_str().len().checked_mul(n))?;
                }
                n.map(|n| Value::string(x.as_str().repeat(n)))
            }
            (Value::Str(x), _, BinOp::Mod) => {
                Some(Value::string(self.percent_format(x.as_str(), b)?))
            }
            (Value::Bytes(_) | Value::ByteArray(_), _, BinOp::Mod) => {
                let fmt = self.bytes_like(a).unwrap_or_default();
                let out = self.bytes_percent_format(&fmt, b)?;
                Some(if matches!(a, Value::Bytes(_)) {
                    Value::bytes(out)
                } else {
                    Value::bytearray(out)
                })
            }
            (Value::List(x), Value::List(y), BinOp::Add) => {
                let mut v = x.0.borrow().clone();
                v.extend(y.0.borrow().iter().cloned());
                Some(Value::list(v))
            }
            (Value::Tuple(x), Value::Tuple(y), BinOp::Add) => {
                let mut v = x.0.to_vec();
                v.extend(y.0.iter().cloned());
                Some(Value::tuple(v))
            }
            (Value::Bytes(_) | Value::ByteArray(_), _, BinOp::Add) => {
                match (self.bytes_like(a), self.bytes_like(b)) {
                    (Some(mut x), Some(y)) => {
                        x.extend_from_slice(&y);
                        Some(if matches!(a, Value::Bytes(_)) {
                            Value::bytes(x)
                        } else {
                            Value::bytearray(x)
                        })
                    }
                    _ => None,
                }
            }
            (Value::Bytes(x), _, BinOp::Mul) | (_, Value::Bytes(x), BinOp::Mul) => {
                let n = self.repeat_count(if matches!(a, Value::Bytes(_)) { b } else { a })?;
                if let Some(n) = n {
                    self.check_room(x.0.len().checked_mul(n))?;
                }
                n.map(|n| Value::bytes(x.0.repeat(n)))
            }
            (Value::ByteArray(x), _, BinOp::Mul) | (_, Value::ByteArray(x), BinOp::Mul) => {
                let n = self.repeat_count(if matches!(a, Value::ByteArray(_)) {
                    b
                } else {
                    a
                })?;
                n.map(|n| Value::bytearray(x.0.borrow().repeat(n)))
            }
            (Value::List(x), _, BinOp::Mul) | (_, Value::List(x), BinOp::Mul) => {
                let n = self.repeat_count(if matches!(a, Value::List(_)) { b } else { a })?;
                match n {
                    Some(n) => {
                        let items = x.0.borrow().clone();
                        Some(Value::list(self.repeat(&items, n)?))
                    }
                    None => None,
                }
            }
            (Value::Tuple(x), _, BinOp::Mul) | (_, Value::Tuple(x), BinOp::Mul) => {
                let n = self.repeat_count(if matches!(a, Value::Tuple(_)) { b } else { a })?;
                match n {
                    Some(n) => Some(Value::tuple(self.repeat(&x.0, n)?)),
                    None => None,
                }
            }
            (Value::Set(x), Value::Set(y), BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor) => {
                let (x, y) = (x.clone(), y.clone());
                Some(Value::Set(self.set_binop(op, &x, &y)?))
            }
            (Value::Dict(x), Value::Dict(y), BinOp::Or) => {
                let m = x.0.borrow().clone();
                let d = Rc::new(PyDict(std::cell::RefCell::new(m)));
                self.dict_update(&d, &Value::Dict(y.clone()), false)?;
                Some(Value::Dict(d))
            }
            _ => None,
        })
    }

    /// A set operator on two sets (the result has the left operand's kind).
    pub(crate) fn set_binop(
        &mut self,
        op: BinOp,
        x: &Rc<PySet>,
        y: &Rc<PySet>,
    ) -> PyResult<Rc<PySet>> {
        let frozen = x.frozen;
        match op {
            BinOp::Or => {
                let out = Rc::new(PySet::new(frozen));
                self.set_merge(&out, x)?;
                self.set_merge(&out, y)?;
                Ok(out)
            }
            BinOp::And => self.set_intersection(x, &Value::Set(y.clone()), frozen),
            BinOp::Sub => self.set_difference(x, &Value::Set(y.clone()), frozen),
            _ => {
                let out = Rc::new(PySet::new(frozen));
                self.set_merge(&out, y)?;
                self.set_symmetric_update(&out, x)?;
                Ok(out)
            }
        }
    }

    /// `s op= other` for sets.
    fn set_inplace(&mut self, op: BinOp, s: &Rc<PySet>, o: &Rc<PySet>) -> PyResult<()> {
        match op {
            BinOp::Or => self.set_merge(s, o),
            BinOp::Sub => self.set_difference_update(s, &Value::Set(o.clone())),
            BinOp::Xor => {
                if Rc::ptr_eq(s, o) {
                    s.map.borrow_mut().clear();
                    return Ok(());
                }
                self.set_symmetric_update(s, o)
            }
            _ => {
                let r = self.set_intersection(s, &Value::Set(o.clone()), false)?;
                let m = r.map.borrow().clone();
                *s.map.borrow_mut() = m;
                Ok(())
            }
        }
    }

    /// CPython's `set_intersection`: a new set of the elements of `s` also in `other`.
    pub(crate) fn set_intersection(
        &mut self,
        s: &Rc<PySet>,
        other: &Value,
        frozen: bool,
    ) -> PyResult<Rc<PySet>> {
        let out = Rc::new(PySet::new(frozen));
        if let Value::Set(o) = other {
            if Rc::ptr_eq(s, o) {
                self.set_merge(&out, s)?;
                return Ok(out);
            }
            let (big, small) = if o.map.borrow().len() > s.map.borrow().len() {
                (o.clone(), s.clone())
            } else {
                (s.clone(), o.clone())
            };
            let items: Vec<(Value, i64)> = small
                .map
                .borrow()
                .iter_hashed()
                .map(|(k, h)| (k.clone(), h))
                .collect();
            for (k, h) in items {
                if self.set_contains_hashed(&big, h, &k)? {
                    self.set_insert_hashed(&out, h, k)?;
                }
            }
            return Ok(out);
        }
        let it = self.get_iter(other)?;
        while let Some(k) = self.next(&it)? {
            let h = self.hash(&k)?;
            if self.set_contains_hashed(s, h, &k)? {
                self.set_insert_hashed(&out, h, k)?;
                if out.map.borrow().len() >= s.map.borrow().len() {
                    break;
                }
            }
        }
        Ok(out)
    }

    /// CPython's `set_difference`.
    pub(crate) fn set_difference(
        &mut self,
        s: &Rc<PySet>,
        other: &Value,
        frozen: bool,
    ) -> PyResult<Rc<PySet>> {
        let other_size = match other {
            Value::Set(o) => Some(o.map.borrow().len()),
            Value::Dict(d) => Some(d.len()),
            _ => None,
        };
        let copy_and_diff = match other_size {
            None => true,
            Some(n) => (s.map.borrow().len() >> 2) > n,
        };
        if copy_and_diff {
            let out = Rc::new(PySet::new(frozen));
            self.set_merge(&out, s)?;
            self.set_difference_update(&out, other)?;
            return Ok(out);
        }
        let out = Rc::new(PySet::new(frozen));
        let items: Vec<(Value, i64)> = s
            .map
            .borrow()
            .iter_hashed()
            .map(|(k, h)| (k.clone(), h))
            .collect();
        for (k, h) in items {
            let present = match other {
                Value::Set(o) => self.set_contains_hashed(o, h, &k)?,
                Value::Dict(d) => self.dict_contains(d, &k)?,
                _ => false,
            };
            if !present {
                self.set_insert_hashed(&out, h, k)?;
            }
        }
        Ok(out)
    }

    /// CPython's `set_difference_update_internal`.
    pub(crate) fn set_difference_update(&mut self, s: &Rc<PySet>, other: &Value) -> PyResult<()> {
        if let Value::Set(o) = other {
            if Rc::ptr_eq(s, o) {
                s.map.borrow_mut().clear();
                return Ok(());
            }
            let o = if (o.map.borrow().len() >> 3) > s.map.borrow().len() {
                self.set_intersection(s, other, false)?
            } else {
                o.clone()
            };
            let items: Vec<(Value, i64)> = o
                .map
                .borrow()
                .iter_hashed()
                .map(|(k, h)| (k.clone(), h))
                .collect();
            for (k, h) in items {
                self.set_discard_hashed(s, h, &k)?;
            }
        } else {
            let it = self.get_iter(other)?;
            while let Some(k) = self.next(&it)? {
                self.set_discard(s, &k)?;
            }
        }
        s.map.borrow_mut().purge_dummies();
        Ok(())
    }

    /// CPython's `set_symmetric_difference_update` with another set.
    pub(crate) fn set_symmetric_update(&mut self, s: &Rc<PySet>, o: &Rc<PySet>) -> PyResult<()> {
        let items: Vec<(Value, i64)> = o
            .map
            .borrow()
            .iter_hashed()
            .map(|(k, h)| (k.clone(), h))
            .collect();
        for (k, h) in items {
            if !self.set_discard_hashed(s, h, &k)? {
                self.set_insert_hashed(s, h, k)?;
            }
        }
        Ok(())
    }

    /// `n` as a repeat count (`seq * n`); None if `n` is not an int.
    pub(crate) fn repeat_count(&mut self, n: &Value) -> PyResult<Option<usize>> {
        match n {
            Value::Int(i) => Ok(Some((*i).max(0) as usize)),
            Value::BoolW(b) => Ok(Some(b.get() as usize)),
            Value::BigInt(b) => {
                if num_traits::Signed::is_negative(&**b) {
                    Ok(Some(0))
                } else {
                    Err(self.overflow_error("cannot fit 'int' into an index-sized integer"))
                }
            }
            Value::Instance(i) if i.class.lookup("__index__").is_some() => {
                let v = self.call_method(n, "__index__", &[])?;
                self.repeat_count(&v)
            }
            _ => Ok(None),
        }
    }

    /// `op a`.
    pub fn unary_op(&mut self, op: UnOp, a: &Value) -> PyResult<Value> {
        match (op, a) {
            (UnOp::Not, v) => Ok(Value::Bool(!self.truthy(v)?)),
            (UnOp::Neg, Value::Int(i)) => Ok(match i.checked_neg() {
                Some(n) => Value::Int(n),
                None => Value::from_big(-BigInt::from(*i)),
            }),
            (UnOp::Neg, Value::BoolW(b)) => Ok(Value::Int(-(b.get() as i64))),
            (UnOp::Neg, Value::BigInt(b)) => Ok(Value::from_big(-(**b).clone())),
            (UnOp::Neg, Value::FloatW(f)) => Ok(Value::Float(-f.get())),
            (UnOp::Pos, Value::Int(_) | Value::BigInt(_) | Value::FloatW(_)) => Ok(a.clone()),
            (UnOp::Pos, Value::BoolW(b)) => Ok(Value::Int(b.get() as i64)),
            (UnOp::Invert, Value::Int(i)) => Ok(Value::Int(!i)),
            (UnOp::Invert, Value::BoolW(b)) => Ok(Value::Int(!(b.get() as i64))),
            (UnOp::Invert, Value::BigInt(b)) => Ok(Value::from_big(-(**b).clone() - 1)),
            (_, Value::Instance(_) | Value::Native(_)) => {
                let name = match op {
                    UnOp::Neg => "__neg__",
                    UnOp::Pos => "__pos__",
                    _ => "__invert__",
                };
                match self.call_special(a, name, &[])? {
                    Some(v) => Ok(v),
                    None => Err(self.bad_unary(op, a)),
                }
            }
            _ => Err(self.bad_unary(op, a)),
        }
    }

    fn bad_unary(&self, op: UnOp, a: &Value) -> PyErr {
        let sym = match op {
            UnOp::Neg => "unary -",
            UnOp::Pos => "unary +",
            UnOp::Invert => "unary ~",
            UnOp::Not => "not",
        };
        self.type_error(format!(
            "bad operand type for {sym}: '{}'",
            self.type_name(a)
        ))
    }

    /// A new set (or frozenset) from items.
    pub fn new_set(&mut self, items: Vec<Value>, frozen: bool) -> PyResult<Value> {
        let s = Rc::new(PySet::new(frozen));
        for v in items {
            self.set_insert(&s, v)?;
        }
        Ok(Value::Set(s))
    }

    /// `s.add(v)`.
    pub fn set_add(&mut self, s: &Value, v: Value) -> PyResult<()> {
        if let Value::Set(s) = self.unwrap_base(s) {
            self.set_insert(&s, v)?;
        }
        Ok(())
    }

    /// `d.update(m)`; with `merge`, a repeated key is a TypeError (`f(**a, **b)`).
    pub fn dict_update(&mut self, d: &PyDict, m: &Value, merge: bool) -> PyResult<()> {
        let pairs: Vec<(Value, Value)> = match self.unwrap_base(m) {
            Value::Dict(src) if !matches!(m, Value::Instance(i) if i.class.lookup("keys").is_some_and(|k| !matches!(k, Value::Builtin(_)))) => {
                src.0
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect()
            }
            _ => {
                if let Some(keys) = self.get_attr_opt(m, "keys")? {
                    let ks = self.call0(&keys, &[])?;
                    let mut out = Vec::new();
                    for k in self.collect(&ks)? {
                        let v = self.get_item(m, &k)?;
                        out.push((k, v));
                    }
                    out
                } else if merge {
                    return Err(self.type_error(format!(
                        "argument after ** must be a mapping, not {}",
                        self.type_name(m)
                    )));
                } else {
                    let mut out = Vec::new();
                    let it = self.get_iter(m).map_err(|e| {
                        if self.err_is(&e, &self.ctx.types.type_error.clone()) {
                            self.type_error(format!(
                                "'{}' object is not iterable",
                                self.type_name(m)
                            ))
                        } else {
                            e
                        }
                    })?;
                    let mut i = 0;
                    while let Some(item) = self.next(&it)? {
                        let kv = match self.collect(&item) {
                            Ok(kv) => kv,
                            Err(_) => {
                                return Err(self.type_error(format!(
                                    "cannot convert dictionary update sequence element #{i} to a sequence"
                                )));
                            }
                        };
                        if kv.len() != 2 {
                            return Err(self.value_error(format!(
                                "dictionary update sequence element #{i} has length {}; 2 is required",
                                kv.len()
                            )));
                        }
                        out.push((kv[0].clone(), kv[1].clone()));
                        i += 1;
                    }
                    out
                }
            }
        };
        for (k, v) in pairs {
            if merge && self.dict_contains(d, &k)? {
                let r = self.repr(&k)?;
                return Err(
                    self.type_error(format!("got multiple values for keyword argument {r}"))
                );
            }
            self.dict_set(d, k, v)?;
        }
        Ok(())
    }
}
