//! Comparisons, truth and membership: rich comparisons of built-in values (numbers
//! across int/float exactly, sequences lexicographically, sets by inclusion), the
//! `__eq__`/`__lt__`... protocol with reflection and `NotImplemented`, `bool(x)`
//! (`__bool__`, then `__len__`) and `x in y` (`__contains__`, then iteration).

use std::cmp::Ordering;
use std::rc::Rc;

use num_bigint::BigInt;

use crate::bytecode::CmpOp;
use crate::object::{Int, PySet, Value};
use crate::vm::{PyResult, Vm};

/// (method, reflected method, symbol) of a comparison.
pub(crate) fn cmp_dunder(op: CmpOp) -> (&'static str, &'static str, &'static str) {
    match op {
        CmpOp::Lt => ("__lt__", "__gt__", "<"),
        CmpOp::Le => ("__le__", "__ge__", "<="),
        CmpOp::Eq => ("__eq__", "__eq__", "=="),
        CmpOp::Ne => ("__ne__", "__ne__", "!="),
        CmpOp::Gt => ("__gt__", "__lt__", ">"),
        CmpOp::Ge => ("__ge__", "__le__", ">="),
    }
}

/// Whether an ordering satisfies a comparison.
pub(crate) fn cmp_result(op: CmpOp, o: Ordering) -> bool {
    match op {
        CmpOp::Lt => o == Ordering::Less,
        CmpOp::Le => o != Ordering::Greater,
        CmpOp::Eq => o == Ordering::Equal,
        CmpOp::Ne => o != Ordering::Equal,
        CmpOp::Gt => o == Ordering::Greater,
        CmpOp::Ge => o != Ordering::Less,
    }
}

/// How deep [`static_order`] follows nested tuples before leaving the rest to
/// the VM (which counts recursion as CPython does).
const STATIC_DEPTH: u32 = 32;

/// The order of two built-in values whose comparison runs no Python code and
/// cannot fail: ints and bools, strs, floats other than NaN, and tuples of such
/// values (compared as CPython compares tuples: the first unequal items decide).
/// `None` when the general path must decide (other types, NaN, a `TypeError`).
pub(crate) fn static_order(a: &Value, b: &Value) -> Option<Ordering> {
    static_order_at(a, b, 0)
}

fn static_order_at(a: &Value, b: &Value, depth: u32) -> Option<Ordering> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x.cmp(y)),
        (Value::Str(x), Value::Str(y)) => Some(if Rc::ptr_eq(x, y) {
            Ordering::Equal
        } else {
            x.as_str().cmp(y.as_str())
        }),
        (Value::FloatW(x), Value::FloatW(y)) => x.get().partial_cmp(&y.get()),
        (Value::BoolW(x), Value::BoolW(y)) => Some(x.get().cmp(&y.get())),
        (Value::Int(x), Value::BoolW(y)) => Some(x.cmp(&(y.get() as i64))),
        (Value::BoolW(x), Value::Int(y)) => Some((x.get() as i64).cmp(y)),
        (Value::Tuple(x), Value::Tuple(y)) => {
            // identical items are equal without comparing (NaN included)
            if Rc::ptr_eq(x, y) {
                return Some(Ordering::Equal);
            }
            if depth >= STATIC_DEPTH {
                return None;
            }
            for (p, q) in x.0.iter().zip(y.0.iter()) {
                match static_order_at(p, q, depth + 1)? {
                    Ordering::Equal => {}
                    o => return Some(o),
                }
            }
            Some(x.0.len().cmp(&y.0.len()))
        }
        _ => None,
    }
}

impl Vm {
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
                    Value::BoolW(b) => Ok(b.get()),
                    other => Err(self.type_error(format!(
                        "__bool__ should return bool, returned {}",
                        self.type_name(&other)
                    ))),
                };
            }
            if let Some(f) = class.lookup("__len__") {
                let n = self.call0(&f, std::slice::from_ref(v))?;
                return match self.unwrap_base(&n) {
                    Value::Int(n) if n >= 0 => Ok(n != 0),
                    Value::BoolW(b) => Ok(b.get()),
                    Value::Int(_) => Err(self.value_error("__len__() should return >= 0")),
                    Value::BigInt(_) => {
                        Err(self.overflow_error("cannot fit 'int' into an index-sized integer"))
                    }
                    other => Err(self.type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        self.type_name(&other)
                    ))),
                };
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
        if a.is(b) && !matches!(a, Value::FloatW(_)) {
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
        if let (Value::Tuple(_), Value::Tuple(_)) = (a, b)
            && let Some(o) = static_order(a, b)
        {
            return Ok(Value::Bool(cmp_result(op, o)));
        }
        if let Some(r) = self.builtin_compare(op, a, b)? {
            return Ok(Value::Bool(r));
        }
        let (l, r, sym) = cmp_dunder(op);
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let same = Rc::ptr_eq(&ta, &tb);
        let mut reflected_done = false;
        if !same
            && tb.is_subtype(&ta)
            && let Some(f) = tb.lookup(r)
        {
            reflected_done = true;
            let v = self.call0(&f, &[b.clone(), a.clone()])?;
            if !matches!(v, Value::NotImplemented) {
                return Ok(v);
            }
        }
        if let Some(f) = ta.lookup(l) {
            let v = self.call0(&f, &[a.clone(), b.clone()])?;
            if !matches!(v, Value::NotImplemented) {
                return Ok(v);
            }
        }
        if !reflected_done && let Some(f) = tb.lookup(r) {
            let v = self.call0(&f, &[b.clone(), a.clone()])?;
            if !matches!(v, Value::NotImplemented) {
                return Ok(v);
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

    /// `a op b` for built-in values of kinds that compare; None when not supported.
    pub(crate) fn builtin_compare(
        &mut self,
        op: CmpOp,
        a: &Value,
        b: &Value,
    ) -> PyResult<Option<bool>> {
        if let (Some(x), Some(y)) = (Int::of(a), Int::of(b)) {
            let o = match (x, y) {
                (Int::Small(p), Int::Small(q)) => p.cmp(&q),
                _ => x.to_big().cmp(&y.to_big()),
            };
            return Ok(Some(cmp_result(op, o)));
        }
        let eq_only = matches!(op, CmpOp::Eq | CmpOp::Ne);
        let ord = |o: Option<Ordering>| match o {
            Some(o) => cmp_result(op, o),
            None => op == CmpOp::Ne,
        };
        Ok(Some(match (a, b) {
            (Value::FloatW(x), Value::FloatW(y)) => ord(x.get().partial_cmp(&y.get())),
            (Value::FloatW(x), _) if Int::of(b).is_some() => {
                ord(cmp_float_int(x.get(), Int::of(b).unwrap_or(Int::Small(0))))
            }
            (_, Value::FloatW(y)) if Int::of(a).is_some() => {
                ord(cmp_float_int(y.get(), Int::of(a).unwrap_or(Int::Small(0)))
                    .map(Ordering::reverse))
            }
            (Value::Str(x), Value::Str(y)) => cmp_result(op, x.as_str().cmp(y.as_str())),
            (Value::Bytes(_) | Value::ByteArray(_), Value::Bytes(_) | Value::ByteArray(_)) => {
                let (x, y) = (
                    self.bytes_like(a).unwrap_or_default(),
                    self.bytes_like(b).unwrap_or_default(),
                );
                cmp_result(op, x.cmp(&y))
            }
            (Value::None, Value::None) if eq_only => op == CmpOp::Eq,
            (Value::List(x), Value::List(y)) => {
                // A prefix of equal unboxed items compares without copying or the
                // VM; the rest is copied (cheap clones) so the borrows stay short,
                // as comparing items may run code that changes the lists.
                let (xb, yb) = (x.0.borrow(), y.0.borrow());
                if matches!(op, CmpOp::Eq | CmpOp::Ne) && xb.len() != yb.len() {
                    return Ok(Some(op == CmpOp::Ne));
                }
                let same = xb
                    .iter()
                    .zip(yb.iter())
                    .take_while(|(p, q)| scalar_eq(p, q))
                    .count();
                let (x, y) = (xb[same..].to_vec(), yb[same..].to_vec());
                drop((xb, yb));
                return self.seq_compare(op, &x, &y).map(Some);
            }
            (Value::Tuple(x), Value::Tuple(y)) => {
                let (x, y) = (x.clone(), y.clone());
                return self.seq_compare(op, &x.0, &y.0).map(Some);
            }
            (Value::Dict(x), Value::Dict(y)) if eq_only => {
                let (x, y) = (x.clone(), y.clone());
                let eq = self.dict_eq(&x, &y)?;
                eq == (op == CmpOp::Eq)
            }
            (Value::Set(x), Value::Set(y)) => {
                let (x, y) = (x.clone(), y.clone());
                let (nx, ny) = (x.map.borrow().len(), y.map.borrow().len());
                match op {
                    CmpOp::Eq => nx == ny && self.set_is_subset(&x, &y)?,
                    CmpOp::Ne => !(nx == ny && self.set_is_subset(&x, &y)?),
                    CmpOp::Le => self.set_is_subset(&x, &y)?,
                    CmpOp::Lt => nx < ny && self.set_is_subset(&x, &y)?,
                    CmpOp::Ge => self.set_is_subset(&y, &x)?,
                    CmpOp::Gt => nx > ny && self.set_is_subset(&y, &x)?,
                }
            }
            (Value::Range(x), Value::Range(y)) if eq_only => {
                let same = x.len() == y.len()
                    && (x.is_empty() || (x.start == y.start && (x.len() == 1 || x.step == y.step)));
                same == (op == CmpOp::Eq)
            }
            (Value::Slice(x), Value::Slice(y)) => {
                let tx = vec![x.start.clone(), x.stop.clone(), x.step.clone()];
                let ty = vec![y.start.clone(), y.stop.clone(), y.step.clone()];
                return self.seq_compare(op, &tx, &ty).map(Some);
            }
            (Value::Method(x), Value::Method(y)) if eq_only => {
                let same = x.self_.is(&y.self_) && x.func.is(&y.func);
                same == (op == CmpOp::Eq)
            }
            (Value::Builtin(x), Value::Builtin(y)) if eq_only => {
                let same = x.name == y.name
                    && match (&x.bound, &y.bound) {
                        (Some(p), Some(q)) => p.is(q),
                        (None, None) => Rc::ptr_eq(x, y),
                        _ => false,
                    };
                same == (op == CmpOp::Eq)
            }
            _ => return Ok(None),
        }))
    }

    /// Whether every element of `x` is in `y`.
    pub(crate) fn set_is_subset(&mut self, x: &Rc<PySet>, y: &Rc<PySet>) -> PyResult<bool> {
        if x.map.borrow().len() > y.map.borrow().len() {
            return Ok(false);
        }
        let items: Vec<(Value, i64)> = x
            .map
            .borrow()
            .iter_hashed()
            .map(|(k, h)| (k.clone(), h))
            .collect();
        for (k, h) in items {
            if !self.set_contains_hashed(y, h, &k)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn dict_eq(
        &mut self,
        x: &Rc<crate::object::PyDict>,
        y: &Rc<crate::object::PyDict>,
    ) -> PyResult<bool> {
        if x.len() != y.len() {
            return Ok(false);
        }
        let items: Vec<(Value, Value)> =
            x.0.borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
        for (k, v) in items {
            match self.dict_get(y, &k)? {
                Some(o) => {
                    if !v.is(&o) && !self.eq(&v, &o)? {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    /// Lexicographic comparison of two sequences.
    fn seq_compare(&mut self, op: CmpOp, x: &[Value], y: &[Value]) -> PyResult<bool> {
        for (p, q) in x.iter().zip(y.iter()) {
            if p.is(q) && !matches!(p, Value::FloatW(f) if f.get().is_nan()) {
                continue;
            }
            if !self.eq(p, q)? {
                return match op {
                    CmpOp::Eq => Ok(false),
                    CmpOp::Ne => Ok(true),
                    _ => {
                        let r = self.compare(op, p, q)?;
                        self.truthy(&r)
                    }
                };
            }
        }
        Ok(cmp_result(op, x.len().cmp(&y.len())))
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        match container {
            Value::Str(s) => match item {
                Value::Str(i) => Ok(s.as_str().contains(i.as_str())),
                Value::Instance(i) if matches!(i.base, Some(Value::Str(_))) => {
                    let b = self.unwrap_base(item);
                    self.contains(container, &b)
                }
                _ => Err(self.type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    self.type_name(item)
                ))),
            },
            Value::Dict(d) => self.dict_contains(d, item),
            Value::Set(s) => self.set_contains(s, item),
            Value::Range(r) => {
                let i = match item {
                    Value::Int(i) => Some(*i),
                    Value::BoolW(b) => Some(b.get() as i64),
                    Value::FloatW(f) if f.get().fract() == 0.0 && f.get().abs() < 9e18 => {
                        Some(f.get() as i64)
                    }
                    Value::FloatW(_) | Value::BigInt(_) => return Ok(false),
                    _ => None,
                };
                match i {
                    Some(i) => Ok(if r.step > 0 {
                        i >= r.start && i < r.stop && (i - r.start) % r.step == 0
                    } else {
                        i <= r.start && i > r.stop && (r.start - i) % (-r.step) == 0
                    }),
                    None => {
                        let it = self.get_iter(container)?;
                        while let Some(x) = self.next(&it)? {
                            if self.eq(&x, item)? {
                                return Ok(true);
                            }
                        }
                        Ok(false)
                    }
                }
            }
            Value::Bytes(_) | Value::ByteArray(_) => {
                let hay = self.bytes_like(container).unwrap_or_default();
                match item {
                    Value::Int(_) | Value::BoolW(_) => {
                        let n = self.arg_i64(item, "")?;
                        if !(0..256).contains(&n) {
                            return Err(self.value_error("byte must be in range(0, 256)"));
                        }
                        Ok(hay.contains(&(n as u8)))
                    }
                    other => match self.bytes_like(other) {
                        Some(needle) => Ok(find_bytes(&hay, &needle, 0).is_some()),
                        None => Err(self.type_error(format!(
                            "a bytes-like object is required, not '{}'",
                            self.type_name(other)
                        ))),
                    },
                }
            }
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
            Value::Instance(_) | Value::Native(_) | Value::Type(_) => {
                if let Some(r) =
                    self.call_special(container, "__contains__", std::slice::from_ref(item))?
                {
                    return self.truthy(&r);
                }
                self.contains_by_iter(container, item)
            }
            _ => self.contains_by_iter(container, item),
        }
    }

    fn contains_by_iter(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        let it = match self.get_iter(container) {
            Ok(it) => it,
            Err(e) if self.err_is(&e, &self.ctx.types.type_error.clone()) => {
                return Err(self.type_error(format!(
                    "argument of type '{}' is not iterable",
                    self.type_name(container)
                )));
            }
            Err(e) => return Err(e),
        };
        while let Some(x) = self.next(&it)? {
            if x.is(item) || self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

/// The first index of `needle` in `hay` at or after `start`.
pub fn find_bytes(hay: &[u8], needle: &[u8], start: usize) -> Option<usize> {
    if needle.is_empty() {
        return (start <= hay.len()).then_some(start);
    }
    if start >= hay.len() {
        return None;
    }
    hay[start..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + start)
}

/// Compares a float with an int exactly.
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
            let b: BigInt = num_traits::FromPrimitive::from_f64(fl).unwrap_or_default();
            let big = i.to_big();
            match b.cmp(&big) {
                Ordering::Equal if f > fl => Some(Ordering::Greater),
                o => Some(o),
            }
        }
    }
}

/// Whether two unboxed ints, floats or strs are equal (false for anything else,
/// which then takes the general path).
#[inline]
fn scalar_eq(p: &Value, q: &Value) -> bool {
    match (p, q) {
        (Value::Int(a), Value::Int(b)) => a == b,
        (Value::FloatW(a), Value::FloatW(b)) => a.get() == b.get(),
        (Value::Str(a), Value::Str(b)) => Rc::ptr_eq(a, b) || a.as_str() == b.as_str(),
        _ => false,
    }
}
