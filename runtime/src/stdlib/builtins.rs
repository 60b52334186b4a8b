//! The `builtins` namespace: built-in functions, classes and exceptions.

use std::rc::Rc;

use crate::object::{Instance, IterState, Native, PyRange, TypeKind, Value};
use crate::vm::attr::{ClassMethod, Property, StaticMethod, Super};
use crate::vm::{Args, PyResult, Vm};

use super::{add_funcs, func};

/// Installs every builtin into the interpreter's builtins dict.
pub fn install(vm: &mut Vm) {
    let b = vm.ctx.builtins.clone();
    b.set_str("__name__", Value::str("builtins"));
    b.set_str("None", Value::None);
    b.set_str("True", Value::Bool(true));
    b.set_str("False", Value::Bool(false));
    b.set_str("Ellipsis", Value::Ellipsis);
    b.set_str("NotImplemented", Value::NotImplemented);
    for t in vm.ctx.types.plain() {
        b.set_str(t.name(), Value::Type(t.clone()));
    }
    for t in vm.ctx.types.exceptions() {
        b.set_str(t.name(), Value::Type(t.clone()));
    }
    b.set_str("IOError", Value::Type(vm.ctx.types.os_error.clone()));
    b.set_str(
        "EnvironmentError",
        Value::Type(vm.ctx.types.os_error.clone()),
    );
    add_funcs(
        &b,
        &[
            ("print", print),
            ("len", len),
            ("repr", repr),
            ("isinstance", isinstance),
            ("issubclass", issubclass),
            ("abs", abs),
            ("min", min),
            ("max", max),
            ("sum", sum),
            ("sorted", sorted),
            ("reversed", reversed),
            ("enumerate", enumerate),
            ("zip", zip),
            ("map", map),
            ("filter", filter),
            ("iter", iter),
            ("next", next),
            ("hash", hash),
            ("id", id),
            ("chr", chr),
            ("ord", ord),
            ("hex", hex),
            ("bin", bin),
            ("oct", oct),
            ("divmod", divmod),
            ("pow", pow),
            ("round", round),
            ("all", all),
            ("any", any),
            ("getattr", getattr),
            ("setattr", setattr),
            ("hasattr", hasattr),
            ("delattr", delattr),
            ("callable", callable),
            ("__build_class__", build_class),
            ("globals", globals),
            ("vars", vars),
            ("format", format),
            ("ascii", ascii),
            ("__import__", import),
            ("input", input),
            ("exit", exit),
            ("quit", exit),
        ],
    );
    // constructors of built-in classes (called through `type.__new__` lookup)
    let t = &vm.ctx.types;
    t.object
        .dict
        .set_str("__new__", func("__new__", object_new));
    t.object
        .dict
        .set_str("__init__", func("__init__", object_init));
    t.base_exception
        .dict
        .set_str("__new__", func("__new__", exception_new));
    t.base_exception
        .dict
        .set_str("__init__", func("__init__", exception_init));
    t.property
        .dict
        .set_str("__new__", func("__new__", property_new));
    t.classmethod
        .dict
        .set_str("__new__", func("__new__", classmethod_new));
    t.staticmethod
        .dict
        .set_str("__new__", func("__new__", staticmethod_new));
    t.super_.dict.set_str("__new__", func("__new__", super_new));
    t.range.dict.set_str("__new__", func("__new__", range_new));
    t.property
        .dict
        .set_str("setter", func("setter", property_setter));
    t.property
        .dict
        .set_str("getter", func("getter", property_getter));
    t.property
        .dict
        .set_str("deleter", func("deleter", property_deleter));
}

fn print(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let mut sep = " ".to_owned();
    let mut end = "\n".to_owned();
    let mut file = None;
    let mut flush = false;
    for (k, v) in args.kw() {
        match (k, v) {
            ("sep", Value::None) | ("end", Value::None) | ("file", Value::None) => {}
            ("sep", Value::Str(s)) => sep = s.as_str().to_owned(),
            ("end", Value::Str(s)) => end = s.as_str().to_owned(),
            ("sep" | "end", other) => {
                return Err(vm.type_error(format!(
                    "{k} must be None or a string, not {}",
                    vm.type_name(other)
                )));
            }
            ("file", f) => file = Some(f.clone()),
            ("flush", f) => flush = vm.truthy(f)?,
            _ => {
                return Err(
                    vm.type_error(format!("'{k}' is an invalid keyword argument for print()"))
                );
            }
        }
    }
    let mut out = String::new();
    for (i, v) in args.pos().iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match v {
            Value::Str(s) => out.push_str(s.as_str()),
            other => out.push_str(&vm.str_of(other)?),
        }
    }
    out.push_str(&end);
    match file {
        Some(f) => {
            vm.call_method(&f, "write", &[Value::string(out)])?;
            if flush {
                vm.call_method(&f, "flush", &[])?;
            }
        }
        None => {
            vm.write_stdout(&out)?;
            if flush {
                use std::io::Write;
                let _ = std::io::stdout().lock().flush();
            }
        }
    }
    Ok(Value::None)
}

fn len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "len", 1, 1)?;
    Ok(Value::Int(vm.len(&a[0])? as i64))
}

fn repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "repr", 1, 1)?;
    Ok(Value::string(vm.repr(&a[0])?))
}

fn ascii(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "ascii", 1, 1)?;
    let v = vm.format_value(&a[0], crate::bytecode::Conversion::Ascii, None)?;
    Ok(v)
}

fn class_check(
    vm: &mut Vm,
    t: &Rc<crate::object::PyType>,
    spec: &Value,
    fname: &str,
) -> PyResult<bool> {
    match spec {
        Value::Type(c) => Ok(t.is_subtype(c)),
        Value::Tuple(ts) => {
            for c in ts.0.iter() {
                if class_check(vm, t, c, fname)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(vm.type_error(format!(
            "{fname}() arg 2 must be a type, a tuple of types, or a union"
        ))),
    }
}

fn isinstance(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "isinstance", 2, 2)?;
    let t = vm.type_of(&a[0]);
    Ok(Value::Bool(class_check(vm, &t, &a[1], "isinstance")?))
}

fn issubclass(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "issubclass", 2, 2)?;
    let Value::Type(t) = &a[0] else {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    };
    Ok(Value::Bool(class_check(vm, t, &a[1], "issubclass")?))
}

fn abs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "abs", 1, 1)?;
    match &a[0] {
        Value::Int(i) => Ok(i.checked_abs().map(Value::Int).unwrap_or_else(|| {
            Value::from_big(num_bigint::BigInt::from(*i).magnitude().clone().into())
        })),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::BigInt(b) => Ok(Value::from_big(b.magnitude().clone().into())),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        other => {
            let other = other.clone();
            match vm.type_of(&other).lookup("__abs__") {
                Some(f) => vm.call0(&f, &[other]),
                None => Err(vm.type_error(format!(
                    "bad operand type for abs(): '{}'",
                    vm.type_name(&other)
                ))),
            }
        }
    }
}

fn min_max(vm: &mut Vm, args: Args<'_>, name: &str, want_less: bool) -> PyResult<Value> {
    let key = args.kwarg("key").cloned().filter(|k| !k.is_none());
    let default = args.kwarg("default").cloned();
    let pos = args.pos();
    let items = match pos.len() {
        0 => return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => vm.collect(&pos[0])?,
        _ => pos.to_vec(),
    };
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = match &key {
            Some(f) => vm.call0(f, std::slice::from_ref(&item))?,
            None => item.clone(),
        };
        best = Some(match best {
            None => (item, k),
            Some((bi, bk)) => {
                let op = if want_less {
                    crate::bytecode::CmpOp::Lt
                } else {
                    crate::bytecode::CmpOp::Gt
                };
                let r = vm.compare(op, &k, &bk)?;
                if vm.truthy(&r)? { (item, k) } else { (bi, bk) }
            }
        });
    }
    match (best, default) {
        (Some((v, _)), _) => Ok(v),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(vm.value_error(format!("{name}() arg is an empty sequence"))),
    }
}

fn min(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    min_max(vm, args, "min", true)
}

fn max(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    min_max(vm, args, "max", false)
}

fn sum(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    if pos.is_empty() || pos.len() > 2 {
        return Err(vm.type_error(format!(
            "sum() takes at most 2 arguments ({} given)",
            pos.len()
        )));
    }
    let mut acc = args.get(1, "start").cloned().unwrap_or(Value::Int(0));
    if matches!(acc, Value::Str(_)) {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let it = vm.get_iter(&pos[0])?;
    while let Some(x) = vm.next(&it)? {
        acc = vm.binary_op(crate::bytecode::BinOp::Add, &acc, &x)?;
    }
    Ok(acc)
}

/// Sorts values in place with Python's `<` (stable), optionally by key.
pub fn sort_values(
    vm: &mut Vm,
    items: &mut Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> PyResult<()> {
    let keys: Vec<Value> = match key {
        Some(f) => {
            let mut ks = Vec::with_capacity(items.len());
            for it in items.iter() {
                ks.push(vm.call0(f, std::slice::from_ref(it))?);
            }
            ks
        }
        None => items.clone(),
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    if reverse {
        idx.reverse();
    }
    // Like CPython's list.sort, only `<` is asked (Rust's stable sort also only
    // asks "is less"); keys of one simple type compare without the VM.
    if keys.iter().all(|k| matches!(k, Value::Int(_))) {
        idx.sort_by_key(|&i| match keys[i] {
            Value::Int(n) => n,
            _ => 0,
        });
    } else if keys.iter().all(|k| matches!(k, Value::Str(_))) {
        idx.sort_by(|&a, &b| match (&keys[a], &keys[b]) {
            (Value::Str(x), Value::Str(y)) => x.as_str().cmp(y.as_str()),
            _ => std::cmp::Ordering::Equal,
        });
    } else if keys
        .iter()
        .all(|k| matches!(k, Value::Float(f) if !f.is_nan()))
    {
        idx.sort_by(|&a, &b| match (&keys[a], &keys[b]) {
            (Value::Float(x), Value::Float(y)) => {
                x.partial_cmp(y).unwrap_or(std::cmp::Ordering::Equal)
            }
            _ => std::cmp::Ordering::Equal,
        });
    } else {
        let mut err = None;
        idx.sort_by(|&a, &b| {
            if err.is_some() {
                return std::cmp::Ordering::Equal;
            }
            let (x, y) = (&keys[a], &keys[b]);
            match vm
                .compare(crate::bytecode::CmpOp::Lt, x, y)
                .and_then(|r| vm.truthy(&r))
            {
                Ok(true) => std::cmp::Ordering::Less,
                Ok(false) => std::cmp::Ordering::Greater,
                Err(e) => {
                    err = Some(e);
                    std::cmp::Ordering::Equal
                }
            }
        });
        if let Some(e) = err {
            return Err(e);
        }
    }
    if reverse {
        idx.reverse();
    }
    let old = std::mem::take(items);
    let mut slots: Vec<Option<Value>> = old.into_iter().map(Some).collect();
    *items = idx
        .into_iter()
        .map(|i| slots[i].take().unwrap_or_default())
        .collect();
    Ok(())
}

fn sorted(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    if pos.len() != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {}", pos.len())));
    }
    let mut items = vm.collect(&pos[0])?;
    let key = args.kwarg("key").cloned().filter(|k| !k.is_none());
    let reverse = match args.kwarg("reverse") {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    sort_values(vm, &mut items, key.as_ref(), reverse)?;
    Ok(Value::list(items))
}

fn reversed(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "reversed", 1, 1)?;
    match &a[0] {
        Value::Range(r) => {
            let n = r.len();
            let last = r.start + (n - 1) * r.step;
            Ok(Vm::new_iter(IterState::Range {
                next: last,
                stop: r.start - r.step,
                step: -r.step,
            }))
        }
        Value::Instance(_) | Value::Native(_)
            if vm.type_of(&a[0]).lookup("__reversed__").is_some() =>
        {
            vm.call_method(&a[0], "__reversed__", &[])
        }
        other => {
            let n = vm.len(other)?;
            Ok(Vm::new_iter(IterState::Reversed {
                seq: other.clone(),
                index: n,
            }))
        }
    }
}

fn enumerate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let it = args
        .get(0, "iterable")
        .cloned()
        .ok_or_else(|| vm.type_error("enumerate() missing required argument 'iterable'"))?;
    let start = match args.get(1, "start") {
        Some(s) => vm.arg_i64(s, "")?,
        None => 0,
    };
    let it = vm.get_iter(&it)?;
    Ok(Vm::new_iter(IterState::Enumerate { it, count: start }))
}

fn zip(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let mut its = Vec::new();
    for a in args.pos() {
        its.push(vm.get_iter(a)?);
    }
    Ok(Vm::new_iter(IterState::Zip { its }))
}

fn map(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    if pos.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let mut its = Vec::new();
    for a in &pos[1..] {
        its.push(vm.get_iter(a)?);
    }
    Ok(Vm::new_iter(IterState::Map {
        func: pos[0].clone(),
        its,
    }))
}

fn filter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "filter", 2, 2)?;
    let it = vm.get_iter(&a[1])?;
    Ok(Vm::new_iter(IterState::Filter {
        func: a[0].clone(),
        it,
    }))
}

fn iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "iter", 1, 2)?;
    if a.len() == 2 {
        return Ok(Vm::new_iter(IterState::Callable {
            func: a[0].clone(),
            sentinel: a[1].clone(),
        }));
    }
    vm.get_iter(&a[0])
}

fn next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "next", 1, 2)?;
    if !matches!(a[0], Value::Iter(_) | Value::Generator(_))
        && vm.type_of(&a[0]).lookup("__next__").is_none()
    {
        return Err(vm.type_error(format!(
            "'{}' object is not an iterator",
            vm.type_name(&a[0])
        )));
    }
    match vm.next(&a[0])? {
        Some(v) => Ok(v),
        None => match a.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.stop_iteration(Value::None)),
        },
    }
}

fn hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "hash", 1, 1)?;
    Ok(Value::Int(vm.hash(&a[0])?))
}

fn id(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "id", 1, 1)?;
    Ok(Value::Int(a[0].id()))
}

fn chr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "chr", 1, 1)?;
    let n = vm.arg_i64(&a[0], "")?;
    match u32::try_from(n).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::string(c.to_string())),
        None => Err(vm.value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "ord", 1, 1)?;
    match &a[0] {
        Value::Str(s) if s.char_len() == 1 => Ok(Value::Int(s.char_at(0) as i64)),
        Value::Str(s) => Err(vm.type_error(format!(
            "ord() expected a character, but string of length {} found",
            s.char_len()
        ))),
        Value::Bytes(b) if b.0.len() == 1 => Ok(Value::Int(b.0[0] as i64)),
        other => Err(vm.type_error(format!(
            "ord() expected string of length 1, but {} found",
            vm.type_name(other)
        ))),
    }
}

fn radix(vm: &mut Vm, args: Args<'_>, name: &str, spec: &str) -> PyResult<Value> {
    let a = args.check(vm, name, 1, 1)?;
    if !matches!(a[0], Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) {
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(&a[0])
        )));
    }
    Ok(Value::string(vm.format(&a[0], spec)?))
}

fn hex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    radix(vm, args, "hex", "#x")
}

fn bin(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    radix(vm, args, "bin", "#b")
}

fn oct(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    radix(vm, args, "oct", "#o")
}

fn divmod(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "divmod", 2, 2)?;
    let q = vm.binary_op(crate::bytecode::BinOp::FloorDiv, &a[0], &a[1])?;
    let r = vm.binary_op(crate::bytecode::BinOp::Mod, &a[0], &a[1])?;
    Ok(Value::tuple(vec![q, r]))
}

fn pow(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "pow", 2, 3)?;
    if a.len() == 3 && !a[2].is_none() {
        let (Some(b), Some(e), Some(m)) = (
            crate::object::Int::of(&a[0]).map(|x| x.to_big()),
            crate::object::Int::of(&a[1]).map(|x| x.to_big()),
            crate::object::Int::of(&a[2]).map(|x| x.to_big()),
        ) else {
            return Err(
                vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")
            );
        };
        if num_traits::Zero::is_zero(&m) {
            return Err(vm.value_error("pow() 3rd argument cannot be 0"));
        }
        if num_traits::Signed::is_negative(&e) {
            return Err(vm.value_error("base is not invertible for the given modulus"));
        }
        let r = b.modpow(&e, &m);
        let r = if num_traits::Signed::is_negative(&r) != num_traits::Signed::is_negative(&m)
            && !num_traits::Zero::is_zero(&r)
        {
            r + &m
        } else {
            r
        };
        return Ok(Value::from_big(r));
    }
    vm.binary_op(crate::bytecode::BinOp::Pow, &a[0], &a[1])
}

fn round(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let x = args.get(0, "number").cloned().unwrap_or(Value::None);
    let nd = args.get(1, "ndigits").cloned().unwrap_or(Value::None);
    match (&x, &nd) {
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), Value::None) => Ok(match x {
            Value::Bool(b) => Value::Int(b as i64),
            o => o,
        }),
        (Value::Float(f), Value::None) => {
            if !f.is_finite() {
                return Err(if f.is_nan() {
                    vm.value_error("cannot convert float NaN to integer")
                } else {
                    vm.overflow_error("cannot convert float infinity to integer")
                });
            }
            let r = f.round_ties_even();
            Ok(Value::from_big(num_bigint::BigInt::from(r as i128)))
        }
        (Value::Float(f), n) => {
            let n = vm.arg_i64(n, "")?;
            if !f.is_finite() {
                return Ok(x.clone());
            }
            // exact decimal rounding via formatting (as CPython's correctly rounded dtoa)
            if n >= 0 {
                let s = format!("{:.*}", n.min(300) as usize, f);
                Ok(Value::Float(s.parse().unwrap_or(*f)))
            } else {
                let p = 10f64.powi((-n) as i32);
                Ok(Value::Float((f / p).round_ties_even() * p))
            }
        }
        (Value::Int(i), n) => {
            let n = vm.arg_i64(n, "")?;
            if n >= 0 {
                return Ok(Value::Int(*i));
            }
            let p = 10i128.pow((-n).min(30) as u32);
            let v = *i as i128;
            let q = v.div_euclid(p);
            let r = v.rem_euclid(p);
            let q = if r * 2 > p || (r * 2 == p && q % 2 != 0) {
                q + 1
            } else {
                q
            };
            Ok(Value::from_big(num_bigint::BigInt::from(q * p)))
        }
        (Value::Instance(_), _) => {
            let mut extra = vec![];
            if !nd.is_none() {
                extra.push(nd.clone());
            }
            vm.call_method(&x, "__round__", &extra)
        }
        _ => Err(vm.type_error(format!(
            "type {} doesn't define __round__ method",
            vm.type_name(&x)
        ))),
    }
}

fn all(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "all", 1, 1)?;
    let it = vm.get_iter(&a[0])?;
    while let Some(x) = vm.next(&it)? {
        if !vm.truthy(&x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn any(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "any", 1, 1)?;
    let it = vm.get_iter(&a[0])?;
    while let Some(x) = vm.next(&it)? {
        if vm.truthy(&x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn getattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "getattr", 2, 3)?;
    let name = vm.arg_str(&a[1], "attribute name")?;
    match vm.get_attr(&a[0], &name) {
        Ok(v) => Ok(v),
        Err(e) if a.len() == 3 && vm.err_is(&e, &vm.ctx.types.attribute_error.clone()) => {
            Ok(a[2].clone())
        }
        Err(e) => Err(e),
    }
}

fn setattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "setattr", 3, 3)?;
    let name = vm.arg_str(&a[1], "attribute name")?;
    vm.set_attr(&a[0], &name, a[2].clone())?;
    Ok(Value::None)
}

fn hasattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "hasattr", 2, 2)?;
    let name = vm.arg_str(&a[1], "attribute name")?;
    Ok(Value::Bool(
        vm.get_attr_opt(&a[0], name.as_str())?.is_some(),
    ))
}

fn delattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "delattr", 2, 2)?;
    let name = vm.arg_str(&a[1], "attribute name")?;
    vm.del_attr(&a[0], &name)?;
    Ok(Value::None)
}

fn callable(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "callable", 1, 1)?;
    Ok(Value::Bool(match &a[0] {
        Value::Function(_) | Value::Builtin(_) | Value::Method(_) | Value::Type(_) => true,
        other => vm.type_of(other).lookup("__call__").is_some(),
    }))
}

fn build_class(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    vm.build_class(args)
}

fn globals(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Dict(vm.ctx.main.dict.clone()))
}

fn vars(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "vars", 0, 1)?;
    match a.first() {
        None => Ok(Value::Dict(vm.ctx.main.dict.clone())),
        Some(v) => vm.get_attr_str(v, "__dict__"),
    }
}

fn format(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "format", 1, 2)?;
    let spec = match a.get(1) {
        Some(s) => vm.arg_str(s, "format spec")?.as_str().to_owned(),
        None => String::new(),
    };
    Ok(Value::string(vm.format(&a[0], &spec)?))
}

fn import(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let name = args.get(0, "name").cloned().unwrap_or(Value::None);
    let name = vm.arg_str(&name, "__import__() argument 1")?;
    let globals = vm.ctx.main.dict.clone();
    let fromlist = args.get(3, "fromlist").cloned().unwrap_or(Value::None);
    vm.import(name.as_str(), &fromlist, &Value::Int(0), &globals)
}

fn input(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "input", 0, 1)?;
    if let Some(p) = a.first() {
        let s = vm.str_of(p)?;
        vm.write_stdout(&s)?;
        use std::io::Write;
        let _ = std::io::stdout().lock().flush();
    }
    let line = vm.allow_threads(|| {
        let mut s = String::new();
        std::io::stdin().read_line(&mut s).map(|n| (n, s))
    });
    match line {
        Ok((0, _)) => {
            Err(vm.new_exception(&vm.ctx.types.eof_error.clone(), "EOF when reading a line"))
        }
        Ok((_, s)) => Ok(Value::string(s.strip_suffix('\n').unwrap_or(&s).to_owned())),
        Err(e) => Err(vm.os_error(e.to_string())),
    }
}

fn exit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "exit", 0, 1)?;
    let class = vm.ctx.types.system_exit.clone();
    Err(vm.new_exception_args(&class, a.to_vec()))
}

fn object_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match args.all.first() {
        Some(Value::Type(t)) => {
            if t.builtin && !Rc::ptr_eq(t, &vm.ctx.types.object) {
                return Err(vm.type_error(format!("cannot create '{}' instances", t.name())));
            }
            Ok(Value::Instance(Rc::new(Instance::new(t.clone()))))
        }
        _ => Err(vm.type_error("object.__new__(X): X is not a type object")),
    }
}

fn object_init(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::None)
}

fn exception_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(Value::Type(t)) = args.all.first() else {
        return Err(vm.type_error("BaseException.__new__(X): X is not a type object"));
    };
    if t.kind != TypeKind::Exception {
        return Err(vm.type_error(format!("{} is not a subtype of BaseException", t.name())));
    }
    let inst = Instance::new(t.clone());
    if let Some(x) = &inst.exc {
        *x.args.borrow_mut() = Value::tuple(args.pos()[1..].to_vec());
    }
    Ok(Value::Instance(Rc::new(inst)))
}

fn exception_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    if let Some(Value::Instance(i)) = pos.first() {
        if let Some(x) = &i.exc {
            *x.args.borrow_mut() = Value::tuple(pos[1..].to_vec());
        }
        let _ = vm;
    }
    Ok(Value::None)
}

fn native(vm: &Vm, class: &Rc<crate::object::PyType>, data: Box<dyn std::any::Any>) -> Value {
    let _ = vm;
    Value::Native(Rc::new(Native {
        class: class.clone(),
        data,
        dict: None,
    }))
}

fn property_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let get = |i: usize, n: &str| args.get(i, n).cloned().unwrap_or(Value::None);
    let p = Property {
        fget: get(1, "fget"),
        fset: get(2, "fset"),
        fdel: get(3, "fdel"),
        doc: get(4, "doc"),
    };
    let class = vm.ctx.types.property.clone();
    Ok(native(vm, &class, Box::new(p)))
}

fn property_with(vm: &mut Vm, args: Args<'_>, which: u8) -> PyResult<Value> {
    let a = args.check(vm, "property", 2, 2)?;
    let Value::Native(n) = &a[0] else {
        return Err(vm.type_error("not a property"));
    };
    let Some(p) = n.get::<Property>() else {
        return Err(vm.type_error("not a property"));
    };
    let mut q = Property {
        fget: p.fget.clone(),
        fset: p.fset.clone(),
        fdel: p.fdel.clone(),
        doc: p.doc.clone(),
    };
    match which {
        0 => q.fget = a[1].clone(),
        1 => q.fset = a[1].clone(),
        _ => q.fdel = a[1].clone(),
    }
    let class = vm.ctx.types.property.clone();
    Ok(native(vm, &class, Box::new(q)))
}

fn property_getter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    property_with(vm, args, 0)
}

fn property_setter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    property_with(vm, args, 1)
}

fn property_deleter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    property_with(vm, args, 2)
}

fn classmethod_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "classmethod", 2, 2)?;
    let class = vm.ctx.types.classmethod.clone();
    Ok(native(vm, &class, Box::new(ClassMethod(a[1].clone()))))
}

fn staticmethod_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "staticmethod", 2, 2)?;
    let class = vm.ctx.types.staticmethod.clone();
    Ok(native(vm, &class, Box::new(StaticMethod(a[1].clone()))))
}

fn super_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "super", 3, 3)?;
    let Value::Type(cls) = &a[1] else {
        return Err(vm.type_error("super() argument 1 must be a type"));
    };
    let class = vm.ctx.types.super_.clone();
    Ok(native(
        vm,
        &class,
        Box::new(Super {
            cls: cls.clone(),
            obj: a[2].clone(),
        }),
    ))
}

fn range_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "range", 2, 4)?;
    let mut n = Vec::with_capacity(3);
    for v in &a[1..] {
        n.push(vm.arg_i64(v, "")?);
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
