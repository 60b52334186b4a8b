//! Constructors of the built-in types (`int(...)`, `str(...)`, `list(...)` ...) and
//! the `__init__` of the mutable ones. Called with a class derived from the built-in
//! type, a constructor makes an instance of that class wrapping the built-in value.

use crate::object::BoolWord;
use std::rc::Rc;

use num_bigint::BigInt;

use crate::object::{Instance, PyDict, PyRange, PySlice, PyType, TypeKind, Value};
use crate::vm::{Args, PyResult, Vm};

use super::{base_of, method};

/// Installs `__new__` (and `__init__`) into the built-in classes.
pub fn install(vm: &mut Vm) {
    let t = &vm.ctx.types;
    let ctors: [(&Rc<PyType>, crate::object::BuiltinFn); 20] = [
        (&t.int, int_new),
        (&t.float, float_new),
        (&t.str, str_new),
        (&t.bool_, bool_new),
        (&t.list, list_new),
        (&t.tuple, tuple_new),
        (&t.dict, dict_new),
        (&t.set, set_new),
        (&t.frozenset, frozenset_new),
        (&t.type_, type_new),
        (&t.bytes, bytes_new),
        (&t.bytearray, bytearray_new),
        (&t.object, object_new),
        (&t.range, range_new),
        (&t.slice, slice_new),
        (&t.base_exception, exception_new),
        (&t.module, module_new),
        (&t.none, none_new),
        (&t.ellipsis, ellipsis_new),
        (&t.not_implemented, not_implemented_new),
    ];
    for (ty, f) in ctors {
        method(ty, &[("__new__", f)]);
    }
    method(&t.object, &[("__init__", object_init)]);
    method(&t.list, &[("__init__", list_init)]);
    method(&t.dict, &[("__init__", dict_init)]);
    method(&t.set, &[("__init__", set_init)]);
    method(&t.bytearray, &[("__init__", bytearray_init)]);
    method(&t.base_exception, &[("__init__", exception_init)]);
}

/// The class a constructor was called for (its first argument).
fn cls_of(vm: &mut Vm, args: &Args<'_>, builtin: &Rc<PyType>) -> PyResult<Rc<PyType>> {
    match args.all.first() {
        Some(Value::Type(t)) => {
            if !t.is_subtype(builtin) {
                return Err(vm.type_error(format!(
                    "{}.__new__({}): {} is not a subtype of {}",
                    builtin.name(),
                    t.name(),
                    t.name(),
                    builtin.name()
                )));
            }
            Ok(t.clone())
        }
        other => Err(not_a_type(vm, builtin.name(), other)),
    }
}

/// CPython's error for `T.__new__(x)` with a non-type or missing `x`.
fn not_a_type(vm: &mut Vm, owner: &str, first: Option<&Value>) -> crate::vm::PyErr {
    match first {
        Some(v) => {
            let tn = vm.type_name(v);
            vm.type_error(format!("{owner}.__new__(X): X is not a type object ({tn})"))
        }
        None => vm.type_error(format!("{owner}.__new__(): not enough arguments")),
    }
}

/// `value` as an instance of `cls` (the value itself when `cls` is the built-in type).
pub fn wrap(cls: &Rc<PyType>, builtin: &Rc<PyType>, value: Value) -> Value {
    if Rc::ptr_eq(cls, builtin) {
        value
    } else {
        Value::Instance(Rc::new(Instance::with_base(cls.clone(), value)))
    }
}

/// The constructor's own arguments (after the class).
fn rest<'a>(args: &Args<'a>) -> Args<'a> {
    Args {
        all: &args.all[1..],
        kwnames: args.kwnames,
    }
}

/// Parses an int literal in `base` as `int(s, base)` does (None if invalid).
pub fn parse_int(s: &str, base: u32) -> Option<BigInt> {
    let base0 = base == 0;
    let t = s.trim_matches(|c: char| c.is_whitespace());
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let lower = t.to_ascii_lowercase();
    let (base, digits, prefixed) = match base {
        0 | 16 if lower.starts_with("0x") => (16, &t[2..], true),
        0 | 8 if lower.starts_with("0o") => (8, &t[2..], true),
        0 | 2 if lower.starts_with("0b") => (2, &t[2..], true),
        0 => (10, t, false),
        b => (b, t, false),
    };
    let digits = if prefixed {
        digits.strip_prefix('_').unwrap_or(digits)
    } else {
        digits
    };
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return None;
    }
    if s.trim().is_empty() {
        return None;
    }
    let clean: String = digits
        .chars()
        .filter(|c| *c != '_')
        .map(|c| {
            if c.is_ascii() {
                c
            } else {
                super::strs::decimal_value(c)
                    .map(|d| (b'0' + d as u8) as char)
                    .unwrap_or(c)
            }
        })
        .collect();
    if !clean.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let v = BigInt::parse_bytes(clean.as_bytes(), base)?;
    // base 0 forbids leading zeros in non-zero decimal literals ("010")
    if s.trim().len() > 1
        && base0
        && base == 10
        && !prefixed
        && clean.starts_with('0')
        && v != BigInt::from(0)
    {
        return None;
    }
    Some(if neg { -v } else { v })
}

fn int_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = cls_of(vm, &args, &vm.ctx.types.int.clone())?;
    let a = rest(&args);
    if a.pos().len() > 2 {
        return Err(vm.type_error(format!(
            "int() takes at most 2 arguments ({} given)",
            a.pos().len()
        )));
    }
    for (k, _) in a.kw() {
        if k != "base" {
            return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for int()")));
        }
    }
    let x = a.pos().first().cloned();
    let base = match a.get(1, "base") {
        Some(b) => {
            let b = vm.arg_i64(b, "")?;
            if b != 0 && !(2..=36).contains(&b) {
                return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            Some(b as u32)
        }
        None => None,
    };
    let v = match x {
        None => {
            if base.is_some() {
                return Err(vm.type_error("int() missing string argument"));
            }
            Value::Int(0)
        }
        Some(x) => int_of(vm, &x, base)?,
    };
    let int_t = vm.ctx.types.int.clone();
    Ok(wrap(&cls, &int_t, v))
}

/// `int(x)` / `int(x, base)`.
pub fn int_of(vm: &mut Vm, x: &Value, base: Option<u32>) -> PyResult<Value> {
    let x = base_of(x).clone();
    let text = match &x {
        Value::Str(s) => Some(s.as_str().to_owned()),
        Value::Bytes(_) | Value::ByteArray(_) => {
            let b = vm.bytes_like(&x).unwrap_or_default();
            Some(String::from_utf8_lossy(&b).into_owned())
        }
        _ => None,
    };
    if let Some(t) = text {
        let b = base.unwrap_or(10);
        let limit = vm.int_max_str_digits();
        if limit > 0 && !matches!(b, 2 | 4 | 8 | 16 | 32) && t.len() > limit {
            let digits = t.chars().filter(|c| c.is_alphanumeric()).count();
            let prefixed = b == 0
                && t.trim_start()
                    .trim_start_matches(['+', '-'])
                    .get(..2)
                    .is_some_and(|p| matches!(p, "0x" | "0X" | "0o" | "0O" | "0b" | "0B"));
            if digits > limit && !prefixed {
                return Err(vm.value_error(format!(
                    "Exceeds the limit ({limit} digits) for integer string conversion: \
                     value has {digits} digits; use sys.set_int_max_str_digits() \
                     to increase the limit"
                )));
            }
        }
        return match parse_int(&t, b) {
            Some(v) => Ok(Value::from_big(v)),
            None => {
                let shown = match &x {
                    Value::Str(_) => crate::vm::format::str_repr(&t),
                    other => vm.repr(other)?,
                };
                Err(vm.value_error(format!("invalid literal for int() with base {b}: {shown}")))
            }
        };
    }
    if base.is_some() {
        return Err(vm.type_error("int() can't convert non-string with explicit base"));
    }
    match &x {
        Value::Int(i) => Ok(Value::Int(*i)),
        Value::BoolW(b) => Ok(Value::Int(b.get() as i64)),
        Value::BigInt(_) => Ok(x.clone()),
        Value::FloatW(f) => super::num::float_to_int(vm, f.get().trunc()),
        _ => {
            for name in ["__int__", "__index__", "__trunc__"] {
                if let Some(r) = vm.call_special(&x, name, &[])? {
                    return match base_of(&r) {
                        v @ (Value::Int(_) | Value::BigInt(_)) => Ok(v.clone()),
                        Value::BoolW(b) => Ok(Value::Int(b.get() as i64)),
                        _ if name == "__trunc__" => int_of(vm, &r, None),
                        _ => Err(vm.type_error(format!(
                            "{name} returned non-int (type {})",
                            vm.type_name(&r)
                        ))),
                    };
                }
            }
            Err(vm.type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                vm.type_name(&x)
            )))
        }
    }
}

/// Parses a float literal as `float(s)` does.
pub fn parse_float(s: &str) -> Option<f64> {
    let t = s.trim_matches(|c: char| c.is_whitespace());
    if t.is_empty() {
        return None;
    }
    let l = t.to_ascii_lowercase();
    let body = l.trim_start_matches(['+', '-']);
    if l.len() - body.len() > 1 {
        return None;
    }
    match body {
        "inf" | "infinity" => {
            return Some(if l.starts_with('-') {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            });
        }
        "nan" => return Some(f64::NAN),
        _ => {}
    }
    if !body
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | '+' | '-' | '_'))
    {
        return None;
    }
    // underscores only between digits
    let b = t.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c == b'_'
            && (i == 0
                || i + 1 == b.len()
                || !b[i - 1].is_ascii_digit()
                || !b[i + 1].is_ascii_digit())
        {
            return None;
        }
    }
    let clean: String = t.chars().filter(|c| *c != '_').collect();
    clean.parse::<f64>().ok()
}

fn float_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = cls_of(vm, &args, &vm.ctx.types.float.clone())?;
    let a = rest(&args);
    if a.kw().next().is_some() {
        return Err(vm.type_error("float() takes no keyword arguments"));
    }
    let a = a.check(vm, "float", 0, 1)?;
    let v = match a.first() {
        None => Value::Float(0.0),
        Some(x) => float_of(vm, x)?,
    };
    let ft = vm.ctx.types.float.clone();
    Ok(wrap(&cls, &ft, v))
}

/// `float(x)`.
pub fn float_of(vm: &mut Vm, x: &Value) -> PyResult<Value> {
    let x = base_of(x).clone();
    match &x {
        Value::FloatW(_) => Ok(x.clone()),
        Value::Str(_) | Value::Bytes(_) | Value::ByteArray(_) => {
            let t = match &x {
                // other scripts' decimal digits count (CPython maps them to ASCII)
                Value::Str(s) if !s.as_str().is_ascii() => s
                    .as_str()
                    .chars()
                    .map(|c| match super::strs::decimal_value(c) {
                        Some(d) if !c.is_ascii() => (b'0' + d as u8) as char,
                        _ => c,
                    })
                    .collect(),
                Value::Str(s) => s.as_str().to_owned(),
                _ => String::from_utf8_lossy(&vm.bytes_like(&x).unwrap_or_default()).into_owned(),
            };
            match parse_float(&t) {
                Some(f) => Ok(Value::Float(f)),
                None => {
                    let shown = match &x {
                        Value::Str(s) => crate::vm::format::str_repr(s.as_str()),
                        other => vm.repr(other)?,
                    };
                    Err(vm.value_error(format!("could not convert string to float: {shown}")))
                }
            }
        }
        Value::Int(_) | Value::BoolW(_) | Value::BigInt(_) => Ok(Value::Float(vm.arg_f64(&x)?)),
        _ => {
            if let Some(r) = vm.call_special(&x, "__float__", &[])? {
                return match base_of(&r) {
                    Value::FloatW(f) => Ok(Value::Float(f.get())),
                    _ => Err(vm.type_error(format!(
                        "{}.__float__ returned non-float (type {})",
                        vm.type_name(&x),
                        vm.type_name(&r)
                    ))),
                };
            }
            if let Some(r) = vm.call_special(&x, "__index__", &[])? {
                return Ok(Value::Float(vm.arg_f64(&r)?));
            }
            Err(vm.type_error(format!(
                "float() argument must be a string or a real number, not '{}'",
                vm.type_name(&x)
            )))
        }
    }
}

fn str_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = cls_of(vm, &args, &vm.ctx.types.str.clone())?;
    let a = rest(&args);
    if a.pos().len() > 3 {
        return Err(vm.type_error(format!(
            "str() takes at most 3 arguments ({} given)",
            a.pos().len()
        )));
    }
    let obj = a.get(0, "object").cloned();
    let encoding = a.get(1, "encoding").cloned();
    let errors = a.get(2, "errors").cloned();
    let v = match obj {
        None => Value::str(""),
        Some(o) if encoding.is_none() && errors.is_none() => vm.to_str_value(&o)?,
        Some(o) => {
            let enc = match &encoding {
                Some(e) => vm
                    .arg_str(e, "str() argument 'encoding'")?
                    .as_str()
                    .to_owned(),
                None => "utf-8".to_owned(),
            };
            let err = match &errors {
                Some(e) => vm
                    .arg_str(e, "str() argument 'errors'")?
                    .as_str()
                    .to_owned(),
                None => "strict".to_owned(),
            };
            let Some(data) = vm.bytes_like(&o) else {
                if let Value::Str(_) = base_of(&o) {
                    return Err(vm.type_error("decoding str is not supported"));
                }
                return Err(vm.type_error(format!(
                    "decoding to str: need a bytes-like object, {} found",
                    vm.type_name(&o)
                )));
            };
            Value::string(super::bytes::decode(vm, &data, &enc, &err)?)
        }
    };
    let st = vm.ctx.types.str.clone();
    Ok(wrap(&cls, &st, v))
}

fn bool_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = rest(&args);
    if a.kw().next().is_some() {
        return Err(vm.type_error("bool() takes no keyword arguments"));
    }
    let a = a.check(vm, "bool", 0, 1)?;
    match a.first() {
        None => Ok(Value::BoolW(BoolWord::FALSE)),
        Some(v) => Ok(Value::Bool(vm.truthy(&v.clone())?)),
    }
}

fn list_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let lt = vm.ctx.types.list.clone();
    let cls = cls_of(vm, &args, &lt)?;
    if !Rc::ptr_eq(&cls, &lt) {
        return Ok(wrap(&cls, &lt, Value::list(vec![])));
    }
    let a = rest(&args);
    if a.kw().next().is_some() {
        return Err(vm.type_error("list() takes no keyword arguments"));
    }
    let a = a.check(vm, "list", 0, 1)?;
    match a.first() {
        None => Ok(Value::list(vec![])),
        Some(v) => Ok(Value::list(vm.collect(&v.clone())?)),
    }
}

fn list_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "list", 1, 2)?;
    let Value::List(l) = base_of(&a[0]).clone() else {
        return Err(vm.type_error("descriptor '__init__' requires a 'list' object"));
    };
    let items = match a.get(1) {
        Some(v) => vm.collect(v)?,
        None => vec![],
    };
    *l.0.borrow_mut() = items;
    Ok(Value::None)
}

fn tuple_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let tt = vm.ctx.types.tuple.clone();
    let cls = cls_of(vm, &args, &tt)?;
    let a = rest(&args);
    if a.kw().next().is_some() {
        return Err(vm.type_error("tuple() takes no keyword arguments"));
    }
    let a = a.check(vm, "tuple", 0, 1)?;
    let v = match a.first() {
        None => Value::tuple_of([]),
        Some(v @ Value::Tuple(_)) => v.clone(),
        Some(v) => Value::tuple(vm.collect(&v.clone())?),
    };
    Ok(wrap(&cls, &tt, v))
}

fn dict_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let dt = vm.ctx.types.dict.clone();
    let cls = cls_of(vm, &args, &dt)?;
    let d = Rc::new(PyDict::new());
    if !Rc::ptr_eq(&cls, &dt) {
        return Ok(wrap(&cls, &dt, Value::Dict(d)));
    }
    dict_fill(vm, &d, rest(&args))?;
    Ok(Value::Dict(d))
}

fn dict_fill(vm: &mut Vm, d: &PyDict, a: Args<'_>) -> PyResult<()> {
    let pos = a.pos();
    if pos.len() > 1 {
        return Err(vm.type_error(format!(
            "dict expected at most 1 argument, got {}",
            pos.len()
        )));
    }
    if let Some(m) = pos.first() {
        vm.dict_update(d, &m.clone(), false)?;
    }
    for (k, v) in a.kw() {
        vm.dict_set(d, Value::str(k), v.clone())?;
    }
    Ok(())
}

fn dict_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(first) = args.all.first() else {
        return Err(vm.type_error("descriptor '__init__' of 'dict' object needs an argument"));
    };
    let Value::Dict(d) = base_of(first).clone() else {
        return Err(vm.type_error("descriptor '__init__' requires a 'dict' object"));
    };
    dict_fill(vm, &d, rest(&args))?;
    Ok(Value::None)
}

fn set_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let st = vm.ctx.types.set.clone();
    let cls = cls_of(vm, &args, &st)?;
    if !Rc::ptr_eq(&cls, &st) {
        let s = vm.set_from_iterable(None, false)?;
        return Ok(wrap(&cls, &st, Value::Set(s)));
    }
    let a = rest(&args);
    if a.kw().next().is_some() {
        return Err(vm.type_error("set() takes no keyword arguments"));
    }
    let a = a.check(vm, "set", 0, 1)?;
    let s = vm.set_from_iterable(a.first(), false)?;
    Ok(Value::Set(s))
}

fn set_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "set", 1, 2)?;
    let Value::Set(s) = base_of(&a[0]).clone() else {
        return Err(vm.type_error("descriptor '__init__' requires a 'set' object"));
    };
    s.map.borrow_mut().clear();
    if let Some(it) = a.get(1) {
        let it = vm.unwrap_base(it);
        vm.set_update_from(&s, &it)?;
    }
    Ok(Value::None)
}

fn frozenset_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let ft = vm.ctx.types.frozenset.clone();
    let cls = cls_of(vm, &args, &ft)?;
    let a = rest(&args);
    if a.kw().next().is_some() {
        return Err(vm.type_error("frozenset() takes no keyword arguments"));
    }
    let a = a.check(vm, "frozenset", 0, 1)?;
    if let Some(v @ Value::Set(s)) = a.first()
        && s.frozen
        && Rc::ptr_eq(&cls, &ft)
    {
        return Ok(v.clone());
    }
    let s = vm.set_from_iterable(a.first(), true)?;
    Ok(wrap(&cls, &ft, Value::Set(s)))
}

fn type_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.pos();
    let Some(Value::Type(meta)) = a.first() else {
        return Err(not_a_type(vm, "type", a.first()));
    };
    let meta = meta.clone();
    match a.len() {
        2 if args.kwnames.is_empty() => Ok(Value::Type(vm.type_of(&a[1]))),
        4 => {
            let name = vm.arg_str(&a[1], "type.__new__() argument 1")?;
            let Value::Tuple(bt) = base_of(&a[2]).clone() else {
                return Err(vm.type_error(format!(
                    "type.__new__() argument 2 must be tuple, not {}",
                    vm.type_name(&a[2])
                )));
            };
            let mut bases = Vec::new();
            for b in bt.0.iter() {
                match b {
                    Value::Type(t) => bases.push(t.clone()),
                    other => {
                        // CPython first finds the metaclass: the type of a non-class
                        // base is not a metaclass, hence a conflict
                        let bt = vm.type_of(other);
                        if !bt.is_subtype(&vm.ctx.types.type_) {
                            return Err(vm.type_error(
                                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
                            ));
                        }
                        return Err(vm.type_error(format!(
                            "bases must be types, not '{}'",
                            vm.type_name(other)
                        )));
                    }
                }
            }
            let Value::Dict(ns) = base_of(&a[3]).clone() else {
                return Err(vm.type_error(format!(
                    "type.__new__() argument 3 must be dict, not {}",
                    vm.type_name(&a[3])
                )));
            };
            let ns2 = Rc::new(PyDict(std::cell::RefCell::new(ns.0.borrow().clone())));
            let kw = Args {
                all: &args.all[args.all.len() - args.kwnames.len()..],
                kwnames: args.kwnames,
            };
            // a more derived metaclass of the bases with its own __new__ takes over
            let mut winner = meta.clone();
            for b in &bases {
                let bm = vm.type_of(&Value::Type(b.clone()));
                if bm.is_subtype(&winner) && !Rc::ptr_eq(&bm, &winner) {
                    winner = bm;
                }
            }
            if !Rc::ptr_eq(&winner, &meta)
                && let Some(new) = winner.lookup("__new__")
                && !matches!(new, Value::Builtin(_))
            {
                let f = match &new {
                    Value::Native(n) => vm.unwrap_staticmethod(n).unwrap_or(new.clone()),
                    _ => new.clone(),
                };
                let mut all = vec![
                    Value::Type(winner.clone()),
                    a[1].clone(),
                    a[2].clone(),
                    Value::Dict(ns2),
                ];
                all.extend(kw.all.iter().cloned());
                return vm.call(
                    &f,
                    Args {
                        all: &all,
                        kwnames: args.kwnames,
                    },
                );
            }
            Ok(Value::Type(vm.type_new(
                &meta,
                name.as_str(),
                bases,
                ns2,
                kw,
            )?))
        }
        _ => Err(vm.type_error("type() takes 1 or 3 arguments")),
    }
}

fn bytes_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let bt = vm.ctx.types.bytes.clone();
    let cls = cls_of(vm, &args, &bt)?;
    let data = bytes_arg(vm, rest(&args), "bytes")?;
    Ok(wrap(&cls, &bt, Value::bytes(data)))
}

fn bytearray_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let bt = vm.ctx.types.bytearray.clone();
    let cls = cls_of(vm, &args, &bt)?;
    if !Rc::ptr_eq(&cls, &bt) {
        return Ok(wrap(&cls, &bt, Value::bytearray(vec![])));
    }
    let data = bytes_arg(vm, rest(&args), "bytearray")?;
    Ok(Value::bytearray(data))
}

fn bytearray_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(first) = args.all.first() else {
        return Err(vm.type_error("descriptor '__init__' needs an argument"));
    };
    let Value::ByteArray(b) = base_of(first).clone() else {
        return Err(vm.type_error("descriptor '__init__' requires a 'bytearray' object"));
    };
    let data = bytes_arg(vm, rest(&args), "bytearray")?;
    *b.0.borrow_mut() = data;
    Ok(Value::None)
}

/// The bytes `bytes(...)`/`bytearray(...)` make from their arguments.
fn bytes_arg(vm: &mut Vm, a: Args<'_>, name: &str) -> PyResult<Vec<u8>> {
    let src = a.get(0, "source").cloned();
    let encoding = a.get(1, "encoding").cloned();
    let errors = a.get(2, "errors").cloned();
    let Some(src) = src else {
        if encoding.is_some() || errors.is_some() {
            return Err(vm.type_error("encoding or errors without sequence argument"));
        }
        return Ok(vec![]);
    };
    if let Value::Str(s) = base_of(&src) {
        let Some(enc) = encoding else {
            return Err(vm.type_error("string argument without an encoding"));
        };
        let enc = vm.arg_str(&enc, &format!("{name}() argument 'encoding'"))?;
        let err = match &errors {
            Some(e) => vm.arg_str(e, "errors")?.as_str().to_owned(),
            None => "strict".to_owned(),
        };
        let s = s.clone();
        return super::bytes::encode(vm, s.as_str(), enc.as_str(), &err);
    }
    if encoding.is_some() {
        return Err(vm.type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(vm.type_error("errors without a string argument"));
    }
    if let Some(b) = vm.bytes_like(&src) {
        return Ok(b);
    }
    if let Some(r) = vm.call_special(&src, "__bytes__", &[])? {
        return match vm.bytes_like(&r) {
            Some(b) => Ok(b),
            None => Err(vm.type_error(format!(
                "__bytes__ returned non-bytes (type {})",
                vm.type_name(&r)
            ))),
        };
    }
    if let Some(n) = vm.index_value(&src)? {
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        return Ok(vec![0; n as usize]);
    }
    let it = match vm.get_iter(&src) {
        Ok(it) => it,
        Err(_) => {
            return Err(vm.type_error(format!(
                "cannot convert '{}' object to {name}",
                vm.type_name(&src)
            )));
        }
    };
    let mut out = Vec::new();
    while let Some(x) = vm.next(&it)? {
        match vm.index_value(&x)? {
            Some(n) if (0..256).contains(&n) => out.push(n as u8),
            Some(_) => return Err(vm.value_error("bytes must be in range(0, 256)")),
            None => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(&x)
                )));
            }
        }
    }
    Ok(out)
}

/// `object.__new__(cls, ...)`.
pub(crate) fn object_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(Value::Type(t)) = args.all.first() else {
        return Err(not_a_type(vm, "object", args.all.first()));
    };
    let t = t.clone();
    if args.all.len() > 1 {
        if !vm.inherits_object_method(&t, "__new__") {
            return Err(vm.type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        if vm.inherits_object_method(&t, "__init__") {
            return Err(vm.type_error(format!("{}() takes no arguments", t.name())));
        }
    }
    if t.builtin && t.kind == TypeKind::Builtin && !Rc::ptr_eq(&t, &vm.ctx.types.object) {
        return Err(vm.type_error(format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            t.name(),
            t.name()
        )));
    }
    if t.meta.is_some() {
        check_not_abstract(vm, &t)?;
    }
    let base = t.solid.as_ref().map(|s| default_value(vm, s));
    let mut inst = Instance::new(t);
    inst.base = base;
    Ok(Value::Instance(Rc::new(inst)))
}

/// Refuses to instantiate a class whose `__abstractmethods__` (set by `abc.ABCMeta`)
/// is not empty, as CPython's `object.__new__` does.
fn check_not_abstract(vm: &mut Vm, t: &Rc<PyType>) -> PyResult<()> {
    let Some(abstracts) = t.dict.get_str("__abstractmethods__") else {
        return Ok(());
    };
    let mut names: Vec<String> = Vec::new();
    for name in vm.collect(&abstracts)? {
        names.push(vm.str_of(&name)?);
    }
    if names.is_empty() {
        return Ok(());
    }
    names.sort();
    Err(vm.type_error(format!(
        "Can't instantiate abstract class {} with abstract method{} {}",
        t.name(),
        if names.len() == 1 { "" } else { "s" },
        names.join(", ")
    )))
}

/// The empty value of a built-in type (for `object.__new__(cls)` of derived classes).
fn default_value(vm: &Vm, t: &Rc<PyType>) -> Value {
    let ty = &vm.ctx.types;
    if Rc::ptr_eq(t, &ty.list) {
        Value::list(vec![])
    } else if Rc::ptr_eq(t, &ty.dict) {
        Value::Dict(Rc::new(PyDict::new()))
    } else if Rc::ptr_eq(t, &ty.set) {
        Value::Set(Rc::new(crate::object::PySet::new(false)))
    } else if Rc::ptr_eq(t, &ty.frozenset) {
        Value::Set(Rc::new(crate::object::PySet::new(true)))
    } else if Rc::ptr_eq(t, &ty.str) {
        Value::str("")
    } else if Rc::ptr_eq(t, &ty.float) {
        Value::Float(0.0)
    } else if Rc::ptr_eq(t, &ty.tuple) {
        Value::tuple_of([])
    } else if Rc::ptr_eq(t, &ty.bytes) {
        Value::bytes(vec![])
    } else if Rc::ptr_eq(t, &ty.bytearray) {
        Value::bytearray(vec![])
    } else {
        Value::Int(0)
    }
}

fn object_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if args.all.len() > 1 {
        let t = vm.type_of(&args.all[0]);
        if !vm.inherits_object_method(&t, "__init__") {
            return Err(vm.type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
        if vm.inherits_object_method(&t, "__new__") {
            return Err(vm.type_error(format!("{}() takes no arguments", t.name())));
        }
    }
    Ok(Value::None)
}

fn exception_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(Value::Type(t)) = args.all.first() else {
        return Err(not_a_type(vm, "BaseException", args.all.first()));
    };
    if t.kind != TypeKind::Exception {
        return Err(vm.type_error(format!(
            "BaseException.__new__({}): {} is not a subtype of BaseException",
            t.name(),
            t.name()
        )));
    }
    let mut t = t.clone();
    let pos = &args.pos()[1..];
    // OSError(errno, strerror) picks the subclass for the errno
    if Rc::ptr_eq(&t, &vm.ctx.types.os_error)
        && pos.len() >= 2
        && let Value::Int(errno) = pos[0]
    {
        let ty = &vm.ctx.types;
        let sub = match errno {
            11 | 114 | 115 => Some(&ty.blocking_io_error),
            10 => Some(&ty.child_process_error),
            32 | 108 => Some(&ty.broken_pipe_error),
            103 => Some(&ty.connection_aborted_error),
            111 => Some(&ty.connection_refused_error),
            104 => Some(&ty.connection_reset_error),
            17 => Some(&ty.file_exists_error),
            2 => Some(&ty.file_not_found_error),
            21 => Some(&ty.is_a_directory_error),
            20 => Some(&ty.not_a_directory_error),
            4 => Some(&ty.interrupted_error),
            1 | 13 => Some(&ty.permission_error),
            3 => Some(&ty.process_lookup_error),
            110 => Some(&ty.timeout_error),
            _ => None,
        };
        if let Some(s) = sub {
            t = s.clone();
        }
    }
    let inst = Instance::new(t.clone());
    if let Some(x) = &inst.exc {
        let n = if t.is_subtype(&vm.ctx.types.os_error) && (3..=5).contains(&pos.len()) {
            2
        } else {
            pos.len()
        };
        *x.args.borrow_mut() = Value::tuple(pos[..n].to_vec());
        if n < pos.len() {
            inst.dict.set_str("filename", pos[2].clone());
            if let Some(f2) = pos.get(4) {
                inst.dict.set_str("filename2", f2.clone());
            }
        }
    }
    Ok(Value::Instance(Rc::new(inst)))
}

/// `ImportError.__init__(*args, name=None, path=None)`.
fn import_error_init(
    vm: &mut Vm,
    inst: &Rc<Instance>,
    rest: &[Value],
    args: Args<'_>,
) -> PyResult<Value> {
    let (mut name, mut path) = (Value::None, Value::None);
    for (k, v) in args.kw() {
        match k {
            "name" => name = v.clone(),
            "path" => path = v.clone(),
            other => {
                let t = inst.class.name();
                return Err(vm.type_error(format!(
                    "'{other}' is an invalid keyword argument for {t}()"
                )));
            }
        }
    }
    if let Some(x) = &inst.exc {
        *x.args.borrow_mut() = Value::tuple(rest.to_vec());
    }
    let msg = if rest.len() == 1 {
        rest[0].clone()
    } else {
        Value::None
    };
    inst.dict.set_str("msg", msg);
    inst.dict.set_str("name", name);
    inst.dict.set_str("path", path);
    Ok(Value::None)
}

fn exception_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    if let Some(Value::Instance(i)) = pos.first()
        && i.class.is_subtype(&vm.ctx.types.import_error)
    {
        return import_error_init(vm, i, &pos[1..], args);
    }
    if args.kw().next().is_some() {
        let t = pos.first().map(|v| vm.type_name(v)).unwrap_or_default();
        return Err(vm.type_error(format!("{t}() takes no keyword arguments")));
    }
    if let Some(Value::Instance(i)) = pos.first()
        && let Some(x) = &i.exc
    {
        let rest = &pos[1..];
        let n = if i.class.is_subtype(&vm.ctx.types.os_error) && (3..=5).contains(&rest.len()) {
            2
        } else {
            rest.len()
        };
        *x.args.borrow_mut() = Value::tuple(rest[..n].to_vec());
    }
    Ok(Value::None)
}

/// `NoneType()`: the singleton.
fn none_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    singleton_new(vm, args, "NoneType", Value::None)
}

/// `ellipsis()`: the singleton.
fn ellipsis_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    singleton_new(vm, args, "ellipsis", Value::Ellipsis)
}

/// `NotImplementedType()`: the singleton.
fn not_implemented_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    singleton_new(vm, args, "NotImplementedType", Value::NotImplemented)
}

fn singleton_new(vm: &mut Vm, args: Args<'_>, name: &str, v: Value) -> PyResult<Value> {
    if args.all.len() > 1 {
        return Err(vm.type_error(format!("{name} takes no arguments")));
    }
    Ok(v)
}

/// `module(name, doc=None)` (`types.ModuleType`).
fn module_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "module", 2, 3)?;
    let name = vm.arg_str(&a[1], "module.__init__() argument 'name'")?;
    let m = crate::stdlib::new_module(name.as_str());
    if let Some(doc) = a.get(2) {
        m.dict.set_str("__doc__", doc.clone());
    }
    m.dict.set_str("__package__", Value::None);
    m.dict.set_str("__loader__", Value::None);
    m.dict.set_str("__spec__", Value::None);
    Ok(Value::Module(m))
}

fn range_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = rest(&args);
    if a.kw().next().is_some() {
        return Err(vm.type_error("range() takes no keyword arguments"));
    }
    let a = a.pos();
    if a.is_empty() {
        return Err(vm.type_error("range expected at least 1 argument, got 0"));
    }
    if a.len() > 3 {
        return Err(vm.type_error(format!(
            "range expected at most 3 arguments, got {}",
            a.len()
        )));
    }
    let mut n = Vec::with_capacity(3);
    for v in a {
        match vm.index_value(v)? {
            Some(i) if !matches!(base_of(v), Value::BigInt(_)) => n.push(i),
            Some(_) => {
                return Err(vm.overflow_error("Python int too large to convert to C ssize_t"));
            }
            None => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(v)
                )));
            }
        }
    }
    let (start, stop, step) = match n.len() {
        1 => (0, n[0], 1),
        2 => (n[0], n[1], 1),
        _ => (n[0], n[1], n[2]),
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Range(Rc::new(PyRange { start, stop, step })))
}

fn slice_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = rest(&args).check(vm, "slice", 1, 3)?;
    let (start, stop, step) = match a.len() {
        1 => (Value::None, a[0].clone(), Value::None),
        2 => (a[0].clone(), a[1].clone(), Value::None),
        _ => (a[0].clone(), a[1].clone(), a[2].clone()),
    };
    Ok(Value::Slice(Rc::new(PySlice { start, stop, step })))
}
