//! Operators with Python's semantics: arithmetic (ints grow into big ints, floor
//! division and modulo follow the divisor's sign), comparisons, truth, containment,
//! subscripts, and the dunder-method fallback for instances.

use std::cmp::Ordering;
use std::rc::Rc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::bytecode::{BinOp, CmpOp, UnOp};
use crate::object::dict::key_hash;
use crate::object::{DictMap, Int, PyDict, PySet, Value};
use crate::vm::{PyResult, Vm};

fn op_symbol(op: BinOp) -> &'static str {
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

fn dunder(op: BinOp) -> (&'static str, &'static str, &'static str) {
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

fn cmp_dunder(op: CmpOp) -> (&'static str, &'static str, &'static str) {
    match op {
        CmpOp::Lt => ("__lt__", "__gt__", "<"),
        CmpOp::Le => ("__le__", "__ge__", "<="),
        CmpOp::Eq => ("__eq__", "__eq__", "=="),
        CmpOp::Ne => ("__ne__", "__ne__", "!="),
        CmpOp::Gt => ("__gt__", "__lt__", ">"),
        CmpOp::Ge => ("__ge__", "__le__", ">="),
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
        if let (Value::Float(x), Value::Float(y)) = (a, b) {
            match op {
                BinOp::Add => return Ok(Value::Float(x + y)),
                BinOp::Sub => return Ok(Value::Float(x - y)),
                BinOp::Mul => return Ok(Value::Float(x * y)),
                _ => {}
            }
        }
        match self.binary_builtin(op, a, b)? {
            Some(v) => Ok(v),
            None => self.binary_dunder(op, a, b),
        }
    }

    fn binary_dunder(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        let (l, r, _) = dunder(op);
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        if !ta.builtin
            && let Some(f) = ta.lookup(l)
        {
            let v = self.call0(&f, &[a.clone(), b.clone()])?;
            if !matches!(v, Value::NotImplemented) {
                return Ok(v);
            }
        }
        if !tb.builtin
            && !Rc::ptr_eq(&ta, &tb)
            && let Some(f) = tb.lookup(r)
        {
            let v = self.call0(&f, &[b.clone(), a.clone()])?;
            if !matches!(v, Value::NotImplemented) {
                return Ok(v);
            }
        }
        Err(self.type_error(format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            op_symbol(op),
            ta.name(),
            tb.name()
        )))
    }

    /// `a op= b`.
    pub fn inplace_op(&mut self, op: BinOp, a: Value, b: &Value) -> PyResult<Value> {
        match (&a, op) {
            (Value::List(l), BinOp::Add) => {
                let items = self.collect(b)?;
                l.0.borrow_mut().extend(items);
                return Ok(a);
            }
            (Value::Instance(i), _) => {
                let (_, _, iname) = dunder(op);
                if let Some(f) = i.class.lookup(iname) {
                    let v = self.call0(&f, &[a.clone(), b.clone()])?;
                    if !matches!(v, Value::NotImplemented) {
                        return Ok(v);
                    }
                }
            }
            _ => {}
        }
        self.binary_op(op, &a, b)
    }

    fn binary_builtin(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        if let (Some(x), Some(y)) = (Int::of(a), Int::of(b)) {
            if matches!((a, b), (Value::Bool(_), Value::Bool(_)))
                && let (Value::Bool(p), Value::Bool(q)) = (a, b)
            {
                match op {
                    BinOp::And => return Ok(Some(Value::Bool(*p & *q))),
                    BinOp::Or => return Ok(Some(Value::Bool(*p | *q))),
                    BinOp::Xor => return Ok(Some(Value::Bool(*p ^ *q))),
                    _ => {}
                }
            }
            return self.int_op(op, x, y).map(Some);
        }
        let fa = match a {
            Value::Float(f) => Some(*f),
            _ => Int::of(a).map(|i| i.to_f64()),
        };
        let fb = match b {
            Value::Float(f) => Some(*f),
            _ => Int::of(b).map(|i| i.to_f64()),
        };
        if let (Some(x), Some(y)) = (fa, fb)
            && (matches!(a, Value::Float(_)) || matches!(b, Value::Float(_)))
        {
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
                n.map(|n| Value::string(x.as_str().repeat(n)))
            }
            (Value::Str(x), _, BinOp::Mod) => {
                Some(Value::string(self.percent_format(x.as_str(), b)?))
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
            (Value::Bytes(x), Value::Bytes(y), BinOp::Add) => {
                let mut v = x.0.to_vec();
                v.extend_from_slice(&y.0);
                Some(Value::bytes(v))
            }
            (Value::List(x), _, BinOp::Mul) | (_, Value::List(x), BinOp::Mul) => {
                let n = self.repeat_count(if matches!(a, Value::List(_)) { b } else { a })?;
                n.map(|n| Value::list(repeat(&x.0.borrow(), n)))
            }
            (Value::Tuple(x), _, BinOp::Mul) | (_, Value::Tuple(x), BinOp::Mul) => {
                let n = self.repeat_count(if matches!(a, Value::Tuple(_)) { b } else { a })?;
                n.map(|n| Value::tuple(repeat(&x.0, n)))
            }
            (Value::Set(x), Value::Set(y), BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor) => {
                let (x, y) = (x.map.borrow(), y.map.borrow());
                let mut out = DictMap::new();
                match op {
                    BinOp::Or => {
                        for k in x.keys().chain(y.keys()) {
                            let _ = out.insert(k, Value::None);
                        }
                    }
                    BinOp::And => {
                        for k in x.keys().filter(|k| y.contains(k)) {
                            let _ = out.insert(k, Value::None);
                        }
                    }
                    BinOp::Sub => {
                        for k in x.keys().filter(|k| !y.contains(k)) {
                            let _ = out.insert(k, Value::None);
                        }
                    }
                    _ => {
                        for k in x
                            .keys()
                            .filter(|k| !y.contains(k))
                            .chain(y.keys().filter(|k| !x.contains(k)))
                        {
                            let _ = out.insert(k, Value::None);
                        }
                    }
                }
                Some(Value::Set(Rc::new(PySet {
                    map: std::cell::RefCell::new(out),
                    frozen: false,
                })))
            }
            (Value::Dict(x), Value::Dict(y), BinOp::Or) => {
                let mut m = x.0.borrow().clone();
                for (k, v) in y.0.borrow().iter() {
                    let _ = m.insert(k.clone(), v.clone());
                }
                Some(Value::Dict(Rc::new(PyDict(std::cell::RefCell::new(m)))))
            }
            _ => None,
        })
    }

    fn repeat_count(&mut self, n: &Value) -> PyResult<Option<usize>> {
        match n {
            Value::Int(i) => Ok(Some((*i).max(0) as usize)),
            Value::Bool(b) => Ok(Some(*b as usize)),
            Value::BigInt(_) => {
                Err(self.overflow_error("cannot fit 'int' into an index-sized integer"))
            }
            _ => Ok(None),
        }
    }

    fn int_op(&mut self, op: BinOp, x: Int<'_>, y: Int<'_>) -> PyResult<Value> {
        if let (Int::Small(a), Int::Small(b)) = (x, y) {
            let r = match op {
                BinOp::Add => a.checked_add(b),
                BinOp::Sub => a.checked_sub(b),
                BinOp::Mul => a.checked_mul(b),
                BinOp::FloorDiv => {
                    if b == 0 {
                        return Err(self.zero_division_error("integer division or modulo by zero"));
                    }
                    a.checked_div(b).map(|q| {
                        if (a % b != 0) && ((a < 0) != (b < 0)) {
                            q - 1
                        } else {
                            q
                        }
                    })
                }
                BinOp::Mod => {
                    if b == 0 {
                        return Err(self.zero_division_error("integer division or modulo by zero"));
                    }
                    a.checked_rem(b).map(|r| {
                        if r != 0 && ((r < 0) != (b < 0)) {
                            r + b
                        } else {
                            r
                        }
                    })
                }
                BinOp::TrueDiv => {
                    if b == 0 {
                        return Err(self.zero_division_error("division by zero"));
                    }
                    if a.unsigned_abs() < (1 << 53) && b.unsigned_abs() < (1 << 53) {
                        return Ok(Value::Float(a as f64 / b as f64));
                    }
                    None
                }
                BinOp::Pow => {
                    if b < 0 {
                        if a == 0 {
                            return Err(self
                                .zero_division_error("0.0 cannot be raised to a negative power"));
                        }
                        return Ok(Value::Float((a as f64).powf(b as f64)));
                    }
                    u32::try_from(b).ok().and_then(|e| a.checked_pow(e))
                }
                BinOp::LShift => {
                    if b < 0 {
                        return Err(self.value_error("negative shift count"));
                    }
                    if a == 0 {
                        Some(0)
                    } else if b < 63 {
                        a.checked_shl(b as u32).filter(|r| r >> b == a)
                    } else {
                        None
                    }
                }
                BinOp::RShift => {
                    if b < 0 {
                        return Err(self.value_error("negative shift count"));
                    }
                    Some(if b >= 64 {
                        if a < 0 { -1 } else { 0 }
                    } else {
                        a >> b
                    })
                }
                BinOp::And => Some(a & b),
                BinOp::Or => Some(a | b),
                BinOp::Xor => Some(a ^ b),
                BinOp::MatMul => {
                    return Err(
                        self.type_error("unsupported operand type(s) for @: 'int' and 'int'")
                    );
                }
            };
            if let Some(r) = r {
                return Ok(Value::Int(r));
            }
        }
        let (a, b) = (x.to_big(), y.to_big());
        Ok(match op {
            BinOp::Add => Value::from_big(a + b),
            BinOp::Sub => Value::from_big(a - b),
            BinOp::Mul => Value::from_big(a * b),
            BinOp::FloorDiv => {
                if b.is_zero() {
                    return Err(self.zero_division_error("integer division or modulo by zero"));
                }
                Value::from_big(a.div_floor(&b))
            }
            BinOp::Mod => {
                if b.is_zero() {
                    return Err(self.zero_division_error("integer division or modulo by zero"));
                }
                Value::from_big(a.mod_floor(&b))
            }
            BinOp::TrueDiv => {
                if b.is_zero() {
                    return Err(self.zero_division_error("division by zero"));
                }
                Value::Float(big_true_div(&a, &b))
            }
            BinOp::Pow => {
                if b.is_negative() {
                    return Ok(Value::Float(
                        a.to_f64()
                            .unwrap_or(f64::INFINITY)
                            .powf(b.to_f64().unwrap_or(0.0)),
                    ));
                }
                let Some(e) = b.to_u32() else {
                    return Err(self.overflow_error("exponent too large"));
                };
                Value::from_big(num_traits::pow::Pow::pow(a, e))
            }
            BinOp::LShift => {
                let Some(s) = b.to_usize() else {
                    return Err(self.overflow_error("too many digits in integer"));
                };
                Value::from_big(a << s)
            }
            BinOp::RShift => {
                let s = b.to_usize().unwrap_or(usize::MAX);
                let r = if s > a.bits() as usize + 1 {
                    if a.is_negative() {
                        BigInt::from(-1)
                    } else {
                        BigInt::zero()
                    }
                } else {
                    a.div_floor(&(BigInt::from(1) << s))
                };
                Value::from_big(r)
            }
            BinOp::And => Value::from_big(a & b),
            BinOp::Or => Value::from_big(a | b),
            BinOp::Xor => Value::from_big(a ^ b),
            BinOp::MatMul => {
                return Err(self.type_error("unsupported operand type(s) for @: 'int' and 'int'"));
            }
        })
    }

    fn float_op(&mut self, op: BinOp, a: f64, b: f64) -> PyResult<Value> {
        Ok(Value::Float(match op {
            BinOp::Add => a + b,
            BinOp::Sub => a - b,
            BinOp::Mul => a * b,
            BinOp::TrueDiv => {
                if b == 0.0 {
                    return Err(self.zero_division_error("float division by zero"));
                }
                a / b
            }
            BinOp::FloorDiv => {
                if b == 0.0 {
                    return Err(self.zero_division_error("float floor division by zero"));
                }
                float_divmod(a, b).0
            }
            BinOp::Mod => {
                if b == 0.0 {
                    return Err(self.zero_division_error("float modulo"));
                }
                float_divmod(a, b).1
            }
            BinOp::Pow => {
                if a == 0.0 && b < 0.0 {
                    return Err(
                        self.zero_division_error("0.0 cannot be raised to a negative power")
                    );
                }
                if a < 0.0 && b.fract() != 0.0 {
                    return Err(self.not_implemented_error("complex numbers are not supported yet"));
                }
                let r = a.powf(b);
                if r.is_infinite() && a.is_finite() && b.is_finite() {
                    return Err(self.overflow_error("(34, 'Numerical result out of range')"));
                }
                r
            }
            _ => {
                return Err(self.type_error(format!(
                    "unsupported operand type(s) for {}: 'float' and 'float'",
                    op_symbol(op)
                )));
            }
        }))
    }

    /// `op a`.
    pub fn unary_op(&mut self, op: UnOp, a: &Value) -> PyResult<Value> {
        match (op, a) {
            (UnOp::Not, v) => Ok(Value::Bool(!self.truthy(v)?)),
            (UnOp::Neg, Value::Int(i)) => Ok(match i.checked_neg() {
                Some(n) => Value::Int(n),
                None => Value::from_big(-BigInt::from(*i)),
            }),
            (UnOp::Neg, Value::Bool(b)) => Ok(Value::Int(-(*b as i64))),
            (UnOp::Neg, Value::BigInt(b)) => Ok(Value::from_big(-(**b).clone())),
            (UnOp::Neg, Value::Float(f)) => Ok(Value::Float(-f)),
            (UnOp::Pos, Value::Int(_) | Value::BigInt(_) | Value::Float(_)) => Ok(a.clone()),
            (UnOp::Pos, Value::Bool(b)) => Ok(Value::Int(*b as i64)),
            (UnOp::Invert, Value::Int(i)) => Ok(Value::Int(!i)),
            (UnOp::Invert, Value::Bool(b)) => Ok(Value::Int(!(*b as i64))),
            (UnOp::Invert, Value::BigInt(b)) => Ok(Value::from_big(-(**b).clone() - 1)),
            (_, Value::Instance(i)) => {
                let name = match op {
                    UnOp::Neg => "__neg__",
                    UnOp::Pos => "__pos__",
                    _ => "__invert__",
                };
                match i.class.lookup(name) {
                    Some(f) => self.call0(&f, std::slice::from_ref(a)),
                    None => Err(self.bad_unary(op, a)),
                }
            }
            _ => Err(self.bad_unary(op, a)),
        }
    }

    fn bad_unary(&self, op: UnOp, a: &Value) -> crate::vm::PyErr {
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

    /// Truth value (`bool(v)`).
    #[inline]
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        if let Some(b) = v.is_truthy_simple() {
            return Ok(b);
        }
        if let Value::Instance(_) | Value::Native(_) = v {
            let class = self.type_of(v);
            if let Some(f) = class.lookup("__bool__") {
                return match self.call0(&f, std::slice::from_ref(v))? {
                    Value::Bool(b) => Ok(b),
                    other => Err(self.type_error(format!(
                        "__bool__ should return bool, returned {}",
                        self.type_name(&other)
                    ))),
                };
            }
            if let Some(f) = class.lookup("__len__") {
                let n = self.call0(&f, std::slice::from_ref(v))?;
                return self.truthy(&n);
            }
        }
        Ok(true)
    }

    /// `a == b` as a Rust bool.
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            return Ok(x == y);
        }
        if let (Value::Str(x), Value::Str(y)) = (a, b) {
            return Ok(x.as_str() == y.as_str());
        }
        if a.is(b) && !matches!(a, Value::Float(_)) {
            return Ok(true);
        }
        let v = self.compare(CmpOp::Eq, a, b)?;
        self.truthy(&v)
    }

    /// `a op b` (rich comparison).
    pub fn compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            return Ok(Value::Bool(cmp_result(op, x.cmp(y))));
        }
        if let Some(ord) = self.builtin_cmp(a, b)? {
            return Ok(Value::Bool(match ord {
                Some(o) => cmp_result(op, o),
                None => op == CmpOp::Ne, // NaN
            }));
        }
        let (l, r, sym) = cmp_dunder(op);
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        if !ta.builtin
            && let Some(f) = ta.lookup(l)
        {
            let v = self.call0(&f, &[a.clone(), b.clone()])?;
            if !matches!(v, Value::NotImplemented) {
                return Ok(v);
            }
        }
        if !tb.builtin
            && let Some(f) = tb.lookup(r)
        {
            let v = self.call0(&f, &[b.clone(), a.clone()])?;
            if !matches!(v, Value::NotImplemented) {
                return Ok(v);
            }
        }
        if op == CmpOp::Ne
            && !ta.builtin
            && let Some(f) = ta.lookup("__eq__")
        {
            let v = self.call0(&f, &[a.clone(), b.clone()])?;
            if !matches!(v, Value::NotImplemented) {
                return Ok(Value::Bool(!self.truthy(&v)?));
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(a.is(b))),
            CmpOp::Ne => Ok(Value::Bool(!a.is(b))),
            _ => Err(self.type_error(format!(
                "'{sym}' not supported between instances of '{}' and '{}'",
                ta.name(),
                tb.name()
            ))),
        }
    }

    /// Ordering of built-in values: `Some(None)` for unordered floats (NaN), `None`
    /// when the built-in types don't compare.
    fn builtin_cmp(&mut self, a: &Value, b: &Value) -> PyResult<Option<Option<Ordering>>> {
        if let (Some(x), Some(y)) = (Int::of(a), Int::of(b)) {
            return Ok(Some(Some(match (x, y) {
                (Int::Small(p), Int::Small(q)) => p.cmp(&q),
                _ => x.to_big().cmp(&y.to_big()),
            })));
        }
        match (a, b) {
            (Value::Float(x), Value::Float(y)) => return Ok(Some(x.partial_cmp(y))),
            (Value::Float(x), _) if Int::of(b).is_some() => {
                return Ok(Some(cmp_float_int(*x, Int::of(b).unwrap_or(Int::Small(0)))));
            }
            (_, Value::Float(y)) if Int::of(a).is_some() => {
                return Ok(Some(
                    cmp_float_int(*y, Int::of(a).unwrap_or(Int::Small(0))).map(Ordering::reverse),
                ));
            }
            (Value::Str(x), Value::Str(y)) => return Ok(Some(Some(x.as_str().cmp(y.as_str())))),
            (Value::Bytes(x), Value::Bytes(y)) => return Ok(Some(Some(x.0.cmp(&y.0)))),
            (Value::None, Value::None) => return Ok(Some(Some(Ordering::Equal))),
            (Value::List(x), Value::List(y)) => {
                let (x, y) = (x.0.borrow().clone(), y.0.borrow().clone());
                return self.seq_cmp(&x, &y).map(Some);
            }
            (Value::Tuple(x), Value::Tuple(y)) => {
                let (x, y) = (x.clone(), y.clone());
                return self.seq_cmp(&x.0, &y.0).map(Some);
            }
            (Value::Dict(x), Value::Dict(y)) => {
                let eq = self.dict_eq(x, y)?;
                return Ok(if eq {
                    Some(Some(Ordering::Equal))
                } else {
                    Some(None)
                });
            }
            (Value::Set(x), Value::Set(y)) => {
                let (x, y) = (x.map.borrow(), y.map.borrow());
                let sub = x.keys().all(|k| y.contains(&k));
                let sup = y.keys().all(|k| x.contains(&k));
                return Ok(Some(match (sub, sup) {
                    (true, true) => Some(Ordering::Equal),
                    (true, false) => Some(Ordering::Less),
                    (false, true) => Some(Ordering::Greater),
                    _ => None,
                }));
            }
            (Value::Range(x), Value::Range(y)) => {
                let same = x.len() == y.len()
                    && (x.is_empty() || (x.start == y.start && (x.len() == 1 || x.step == y.step)));
                return Ok(if same {
                    Some(Some(Ordering::Equal))
                } else {
                    Some(None)
                });
            }
            _ => {}
        }
        Ok(None)
    }

    fn dict_eq(&mut self, x: &Rc<PyDict>, y: &Rc<PyDict>) -> PyResult<bool> {
        if x.len() != y.len() {
            return Ok(false);
        }
        let items: Vec<(Value, Value)> =
            x.0.borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
        for (k, v) in items {
            let other = y.get_item(&k).ok().flatten();
            match other {
                Some(o) => {
                    if !self.eq(&v, &o)? {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    fn seq_cmp(&mut self, x: &[Value], y: &[Value]) -> PyResult<Option<Ordering>> {
        for (p, q) in x.iter().zip(y.iter()) {
            if !self.eq(p, q)? {
                let lt = self.compare(CmpOp::Lt, p, q)?;
                return Ok(Some(if self.truthy(&lt)? {
                    Ordering::Less
                } else {
                    Ordering::Greater
                }));
            }
        }
        Ok(Some(x.len().cmp(&y.len())))
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        match container {
            Value::Str(s) => match item {
                Value::Str(i) => Ok(s.as_str().contains(i.as_str())),
                _ => Err(self.type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    self.type_name(item)
                ))),
            },
            Value::Dict(d) => {
                let r = d.0.borrow().get(item).map(|v| v.is_some());
                r.map_err(|u| self.type_error(format!("unhashable type: '{}'", u.0)))
            }
            Value::Set(s) => {
                let r = s.map.borrow().get(item).map(|v| v.is_some());
                r.map_err(|u| self.type_error(format!("unhashable type: '{}'", u.0)))
            }
            Value::Range(r) => Ok(match item {
                Value::Int(i) => {
                    let i = *i;
                    if r.step > 0 {
                        i >= r.start && i < r.stop && (i - r.start) % r.step == 0
                    } else {
                        i <= r.start && i > r.stop && (r.start - i) % (-r.step) == 0
                    }
                }
                _ => false,
            }),
            Value::List(_) | Value::Tuple(_) => {
                let items = match container {
                    Value::List(l) => l.0.borrow().clone(),
                    Value::Tuple(t) => t.0.to_vec(),
                    _ => vec![],
                };
                for x in &items {
                    if x.is(item) || self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Instance(i) if i.class.lookup("__contains__").is_some() => {
                let f = i.class.lookup("__contains__").unwrap_or_default();
                let r = self.call0(&f, &[container.clone(), item.clone()])?;
                self.truthy(&r)
            }
            _ => {
                let it = self.get_iter(container)?;
                while let Some(x) = self.next(&it)? {
                    if x.is(item) || self.eq(&x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }

    /// A new set (or frozenset) from items.
    pub fn new_set(&mut self, items: Vec<Value>, frozen: bool) -> PyResult<Value> {
        let mut m = DictMap::with_capacity(items.len());
        for v in items {
            m.insert(v, Value::None)
                .map_err(|u| self.type_error(format!("unhashable type: '{}'", u.0)))?;
        }
        Ok(Value::Set(Rc::new(PySet {
            map: std::cell::RefCell::new(m),
            frozen,
        })))
    }

    /// `s.add(v)`.
    pub fn set_add(&mut self, s: &Value, v: Value) -> PyResult<()> {
        if let Value::Set(s) = s {
            s.map
                .borrow_mut()
                .insert(v, Value::None)
                .map_err(|u| self.type_error(format!("unhashable type: '{}'", u.0)))?;
        }
        Ok(())
    }

    /// `d[k] = v` for a dict.
    pub fn dict_set(&mut self, d: &PyDict, k: Value, v: Value) -> PyResult<()> {
        d.set_item(k, v)
            .map_err(|u| self.type_error(format!("unhashable type: '{}'", u.0)))
    }

    /// `d.update(m)`; with `merge`, a repeated key is a TypeError.
    pub fn dict_update(&mut self, d: &PyDict, m: &Value, merge: bool) -> PyResult<()> {
        let pairs: Vec<(Value, Value)> = match m {
            Value::Dict(src) => src
                .0
                .borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            other => {
                if let Some(keys) = self.get_attr_opt(other, "keys")? {
                    let ks = self.call0(&keys, &[])?;
                    let mut out = Vec::new();
                    for k in self.collect(&ks)? {
                        let v = self.get_item(other, &k)?;
                        out.push((k, v));
                    }
                    out
                } else {
                    let mut out = Vec::new();
                    for item in self.collect(other)? {
                        let kv = self.collect(&item)?;
                        if kv.len() != 2 {
                            return Err(self.value_error(format!(
                                "dictionary update sequence element has length {}; 2 is required",
                                kv.len()
                            )));
                        }
                        out.push((kv[0].clone(), kv[1].clone()));
                    }
                    out
                }
            }
        };
        for (k, v) in pairs {
            if merge && d.0.borrow().contains(&k) {
                let r = self.repr(&k)?;
                return Err(
                    self.type_error(format!("got multiple values for keyword argument {r}"))
                );
            }
            self.dict_set(d, k, v)?;
        }
        Ok(())
    }

    /// Hash of a value, calling `__hash__` for instances that define it.
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        if let Value::Instance(i) = v
            && let Some(f) = i.class.lookup("__hash__")
        {
            if f.is_none() {
                return Err(self.type_error(format!("unhashable type: '{}'", i.class.name())));
            }
            return match self.call0(&f, std::slice::from_ref(v))? {
                Value::Int(h) => Ok(h),
                _ => Err(self.type_error("__hash__ method should return an integer")),
            };
        }
        key_hash(v).map_err(|u| self.type_error(format!("unhashable type: '{}'", u.0)))
    }
}

fn cmp_result(op: CmpOp, o: Ordering) -> bool {
    match op {
        CmpOp::Lt => o == Ordering::Less,
        CmpOp::Le => o != Ordering::Greater,
        CmpOp::Eq => o == Ordering::Equal,
        CmpOp::Ne => o != Ordering::Equal,
        CmpOp::Gt => o == Ordering::Greater,
        CmpOp::Ge => o != Ordering::Less,
    }
}

fn cmp_float_int(f: f64, i: Int<'_>) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    match i {
        Int::Small(n) if n.unsigned_abs() < (1 << 53) => f.partial_cmp(&(n as f64)),
        _ => {
            if f.is_infinite() {
                return Some(if f > 0.0 {
                    Ordering::Greater
                } else {
                    Ordering::Less
                });
            }
            let fl = f.floor();
            let b = BigInt::from(fl as i128);
            let big = i.to_big();
            match b.cmp(&big) {
                Ordering::Equal if f > fl => Some(Ordering::Greater),
                o => Some(o),
            }
        }
    }
}

/// Python's float `divmod`: floor quotient and a remainder with the divisor's sign.
pub fn float_divmod(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 { f + 1.0 } else { f }
    } else {
        0.0f64.copysign(a / b)
    };
    (floordiv, m)
}

fn big_true_div(a: &BigInt, b: &BigInt) -> f64 {
    match (a.to_f64(), b.to_f64()) {
        (Some(x), Some(y)) if x.is_finite() && y.is_finite() => x / y,
        _ => {
            let q = a / b;
            q.to_f64().unwrap_or(f64::INFINITY)
        }
    }
}

fn repeat(items: &[Value], n: usize) -> Vec<Value> {
    let mut out = Vec::with_capacity(items.len() * n);
    for _ in 0..n {
        out.extend_from_slice(items);
    }
    out
}
