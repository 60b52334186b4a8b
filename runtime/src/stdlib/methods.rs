//! Constructors and methods of the built-in types (int, float, str, list, dict ...).

use std::rc::Rc;

use num_bigint::BigInt;

use crate::object::{IterState, PyDict, Value};
use crate::vm::{Args, PyResult, Vm};

use super::{add_methods, func};

/// Installs constructors and methods into the built-in classes.
pub fn install(vm: &mut Vm) {
    let t = &vm.ctx.types;
    let ctors: [(&Rc<crate::object::PyType>, crate::object::BuiltinFn); 10] = [
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
    ];
    for (ty, f) in ctors {
        ty.dict.set_str("__new__", func("__new__", f));
    }
    add_methods(
        &t.list,
        &[
            ("append", list_append),
            ("extend", list_extend),
            ("pop", list_pop),
            ("insert", list_insert),
            ("remove", list_remove),
            ("index", seq_index),
            ("count", seq_count),
            ("sort", list_sort),
            ("reverse", list_reverse),
            ("copy", list_copy),
            ("clear", list_clear),
        ],
    );
    add_methods(&t.tuple, &[("index", seq_index), ("count", seq_count)]);
    add_methods(
        &t.dict,
        &[
            ("get", dict_get),
            ("keys", dict_keys),
            ("values", dict_values),
            ("items", dict_items),
            ("pop", dict_pop),
            ("setdefault", dict_setdefault),
            ("update", dict_update),
            ("copy", dict_copy),
            ("clear", dict_clear),
            ("popitem", dict_popitem),
        ],
    );
    add_methods(
        &t.set,
        &[
            ("add", set_add),
            ("discard", set_discard),
            ("remove", set_remove),
            ("pop", set_pop),
            ("copy", set_copy),
            ("clear", set_clear),
            ("update", set_update),
        ],
    );
    add_methods(
        &t.str,
        &[
            ("join", str_join),
            ("split", str_split),
            ("strip", str_strip),
            ("lstrip", str_lstrip),
            ("rstrip", str_rstrip),
            ("upper", str_upper),
            ("lower", str_lower),
            ("replace", str_replace),
            ("startswith", str_startswith),
            ("endswith", str_endswith),
            ("find", str_find),
            ("count", str_count),
            ("isdigit", str_isdigit),
            ("isalpha", str_isalpha),
            ("isspace", str_isspace),
            ("ljust", str_ljust),
            ("rjust", str_rjust),
            ("center", str_center),
            ("zfill", str_zfill),
            ("format", str_format),
            ("encode", str_encode),
            ("splitlines", str_splitlines),
        ],
    );
    add_methods(&t.int, &[("bit_length", int_bit_length)]);
    add_methods(&t.float, &[("is_integer", float_is_integer)]);
    add_methods(&t.bytes, &[("decode", bytes_decode)]);
    add_methods(
        &t.generator,
        &[
            ("send", gen_send),
            ("throw", gen_throw),
            ("close", gen_close),
            ("__next__", gen_next),
            ("__iter__", identity),
        ],
    );
    add_methods(
        &t.iterator,
        &[("__next__", iter_next), ("__iter__", identity)],
    );
    let _ = vm;
}

fn identity(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__iter__", 1, 1)?;
    Ok(a[0].clone())
}

fn iter_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__next__", 1, 1)?;
    match vm.next(&a[0])? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::None)),
    }
}

fn gen_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    iter_next(vm, args)
}

fn gen_send(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "send", 2, 2)?;
    let Value::Generator(g) = &a[0] else {
        return Err(vm.type_error("send() on a non-generator"));
    };
    let started = g.frame.borrow().as_ref().map(|f| f.ip > 0).unwrap_or(true);
    if !started && !a[1].is_none() {
        return Err(vm.type_error("can't send non-None value to a just-started generator"));
    }
    match vm.gen_resume(g, a[1].clone())? {
        crate::vm::eval::Exit::Yield(v) => Ok(v),
        crate::vm::eval::Exit::Return(r) => Err(vm.stop_iteration(r)),
    }
}

/// `gen.throw(exc)`: raises `exc` (an instance or a class) at the suspension point.
fn gen_throw(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "throw", 2, 4)?;
    let Value::Generator(g) = &a[0] else {
        return Err(vm.type_error("throw() on a non-generator"));
    };
    let exc = match (&a[1], a.get(2)) {
        (Value::Type(t), Some(v)) if !v.is_none() => {
            if matches!(v, Value::Instance(i) if i.class.is_subtype(t)) {
                v.clone()
            } else {
                vm.call0(&a[1], std::slice::from_ref(v))?
            }
        }
        (other, _) => other.clone(),
    };
    let exc = vm.make_raisable(exc)?;
    match vm.gen_throw(g, exc)? {
        crate::vm::eval::Exit::Yield(v) => Ok(v),
        crate::vm::eval::Exit::Return(r) => Err(vm.stop_iteration(r)),
    }
}

fn gen_close(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "close", 1, 1)?;
    let Value::Generator(g) = &a[0] else {
        return Err(vm.type_error("close() on a non-generator"));
    };
    let exc = vm.new_exception_args(&vm.ctx.types.generator_exit.clone(), vec![]);
    match vm.gen_throw(g, exc) {
        Ok(crate::vm::eval::Exit::Yield(_)) => {
            Err(vm.runtime_error("generator ignored GeneratorExit"))
        }
        Ok(_) => Ok(Value::None),
        Err(e)
            if vm.err_is(&e, &vm.ctx.types.generator_exit.clone())
                || vm.err_is(&e, &vm.ctx.types.stop_iteration.clone()) =>
        {
            Ok(Value::None)
        }
        Err(e) => Err(e),
    }
}

/// Parses an int literal in `base` as `int(s, base)` does.
pub fn parse_int(s: &str, base: u32) -> Option<BigInt> {
    let t = s.trim().replace('_', "");
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r.to_owned()),
        None => (false, t.strip_prefix('+').unwrap_or(&t).to_owned()),
    };
    let lower = t.to_ascii_lowercase();
    let (base, digits) = match base {
        0 | 16 if lower.starts_with("0x") => (16, &t[2..]),
        0 | 8 if lower.starts_with("0o") => (8, &t[2..]),
        0 | 2 if lower.starts_with("0b") => (2, &t[2..]),
        0 => (10, &t[..]),
        b => (b, &t[..]),
    };
    if digits.is_empty() || s.trim().starts_with('_') || s.trim().ends_with('_') || s.contains("__")
    {
        return None;
    }
    let v = BigInt::parse_bytes(digits.as_bytes(), base)?;
    Some(if neg { -v } else { v })
}

fn int_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let x = args.get(1, "x").cloned();
    let base = args.get(2, "base").cloned();
    match (x, base) {
        (None, _) => Ok(Value::Int(0)),
        (Some(Value::Str(s)), b) => {
            let b = match b {
                Some(b) => vm.arg_i64(&b, "")? as u32,
                None => 10,
            };
            match parse_int(s.as_str(), b) {
                Some(v) => Ok(Value::from_big(v)),
                None => Err(vm.value_error(format!(
                    "invalid literal for int() with base {b}: {}",
                    crate::vm::format::str_repr(s.as_str())
                ))),
            }
        }
        (Some(Value::Int(i)), None) => Ok(Value::Int(i)),
        (Some(Value::Bool(b)), None) => Ok(Value::Int(b as i64)),
        (Some(v @ Value::BigInt(_)), None) => Ok(v),
        (Some(Value::Float(f)), None) => {
            if f.is_nan() {
                return Err(vm.value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(vm.overflow_error("cannot convert float infinity to integer"));
            }
            let t = f.trunc();
            if t.abs() < 9.0e18 {
                Ok(Value::Int(t as i64))
            } else {
                Ok(Value::from_big(
                    num_traits::FromPrimitive::from_f64(t).unwrap_or_default(),
                ))
            }
        }
        (Some(v), None) => {
            let t = vm.type_of(&v);
            for name in ["__int__", "__index__", "__trunc__"] {
                if let Some(f) = t.lookup(name) {
                    return vm.call0(&f, &[v]);
                }
            }
            Err(vm.type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                t.name()
            )))
        }
        (Some(_), Some(_)) => {
            Err(vm.type_error("int() can't convert non-string with explicit base"))
        }
    }
}

fn float_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match args.get(1, "x") {
        None => Ok(Value::Float(0.0)),
        Some(Value::Str(s)) => {
            let t = s.as_str().trim().replace('_', "");
            let l = t.to_ascii_lowercase();
            let v = match l.trim_start_matches(['+', '-']) {
                "inf" | "infinity" => Some(if l.starts_with('-') {
                    f64::NEG_INFINITY
                } else {
                    f64::INFINITY
                }),
                "nan" => Some(f64::NAN),
                _ => t.parse::<f64>().ok(),
            };
            v.map(Value::Float).ok_or_else(|| {
                vm.value_error(format!(
                    "could not convert string to float: {}",
                    crate::vm::format::str_repr(s.as_str())
                ))
            })
        }
        Some(v) => {
            let v = v.clone();
            if let Value::Instance(_) = &v
                && let Some(f) = vm.type_of(&v).lookup("__float__")
            {
                return vm.call0(&f, &[v]);
            }
            Ok(Value::Float(vm.arg_f64(&v)?))
        }
    }
}

fn str_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match args.get(1, "object") {
        None => Ok(Value::str("")),
        Some(Value::Bytes(b)) if args.all.len() > 2 || args.kwarg("encoding").is_some() => {
            Ok(Value::string(String::from_utf8_lossy(&b.0).into_owned()))
        }
        Some(v) => vm.to_str_value(&v.clone()),
    }
}

fn bool_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match args.get(1, "x") {
        None => Ok(Value::Bool(false)),
        Some(v) => Ok(Value::Bool(vm.truthy(&v.clone())?)),
    }
}

fn list_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match args.get(1, "iterable") {
        None => Ok(Value::list(vec![])),
        Some(v) => Ok(Value::list(vm.collect(&v.clone())?)),
    }
}

fn tuple_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match args.get(1, "iterable") {
        None => Ok(Value::tuple(vec![])),
        Some(v @ Value::Tuple(_)) => Ok(v.clone()),
        Some(v) => Ok(Value::tuple(vm.collect(&v.clone())?)),
    }
}

fn dict_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let d = Rc::new(PyDict::new());
    if let Some(m) = args.pos().get(1) {
        vm.dict_update(&d, &m.clone(), false)?;
    }
    for (k, v) in args.kw() {
        d.set_str(k, v.clone());
    }
    Ok(Value::Dict(d))
}

fn set_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let items = match args.pos().get(1) {
        Some(v) => vm.collect(&v.clone())?,
        None => vec![],
    };
    vm.new_set(items, false)
}

fn frozenset_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let items = match args.pos().get(1) {
        Some(v) => vm.collect(&v.clone())?,
        None => vec![],
    };
    vm.new_set(items, true)
}

fn type_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.pos();
    match a.len() {
        2 => Ok(Value::Type(vm.type_of(&a[1]))),
        4 => {
            let name = vm.arg_str(&a[1], "type.__new__() argument 1")?;
            let bases = vm.collect(&a[2])?;
            let bases = bases
                .into_iter()
                .filter_map(|b| {
                    if let Value::Type(t) = b {
                        Some(t)
                    } else {
                        None
                    }
                })
                .collect();
            let Value::Dict(ns) = &a[3] else {
                return Err(vm.type_error("type.__new__() argument 3 must be dict"));
            };
            let ns2 = Rc::new(PyDict(std::cell::RefCell::new(ns.0.borrow().clone())));
            Ok(Value::Type(vm.new_class(name.as_str(), bases, ns2)?))
        }
        _ => Err(vm.type_error("type() takes 1 or 3 arguments")),
    }
}

fn list_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Rc<crate::object::PyList>> {
    match v {
        Value::List(l) => Ok(l),
        other => Err(vm.type_error(format!(
            "descriptor requires a 'list' object but received a '{}'",
            vm.type_name(other)
        ))),
    }
}

fn list_append(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "append", 2, 2)?;
    list_of(vm, &a[0])?.0.borrow_mut().push(a[1].clone());
    Ok(Value::None)
}

fn list_extend(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "extend", 2, 2)?;
    let items = vm.collect(&a[1])?;
    list_of(vm, &a[0])?.0.borrow_mut().extend(items);
    Ok(Value::None)
}

fn list_pop(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "pop", 1, 2)?;
    let l = list_of(vm, &a[0])?.clone();
    let n = l.0.borrow().len();
    if n == 0 {
        return Err(vm.index_error("pop from empty list"));
    }
    let i = match a.get(1) {
        Some(k) => vm.seq_index(k, n, "pop")?,
        None => n - 1,
    };
    let v = l.0.borrow_mut().remove(i);
    Ok(v)
}

fn list_insert(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "insert", 3, 3)?;
    let l = list_of(vm, &a[0])?.clone();
    let n = l.0.borrow().len() as i64;
    let mut i = vm.arg_i64(&a[1], "")?;
    if i < 0 {
        i = (i + n).max(0);
    }
    let i = i.min(n) as usize;
    l.0.borrow_mut().insert(i, a[2].clone());
    Ok(Value::None)
}

fn list_remove(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "remove", 2, 2)?;
    let l = list_of(vm, &a[0])?.clone();
    let items = l.0.borrow().clone();
    for (i, x) in items.iter().enumerate() {
        if vm.eq(x, &a[1])? {
            l.0.borrow_mut().remove(i);
            return Ok(Value::None);
        }
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

fn seq_items(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    vm.collect(v)
}

fn seq_index(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "index", 2, 4)?;
    let items = seq_items(vm, &a[0])?;
    let start = match a.get(2) {
        Some(s) => vm.arg_i64(s, "")?.max(0) as usize,
        None => 0,
    };
    for (i, x) in items.iter().enumerate().skip(start) {
        if vm.eq(x, &a[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    let what = if matches!(a[0], Value::List(_)) {
        "list.index(x): x not in list"
    } else {
        "tuple.index(x): x not in tuple"
    };
    Err(vm.value_error(what))
}

fn seq_count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "count", 2, 2)?;
    let items = seq_items(vm, &a[0])?;
    let mut n = 0;
    for x in &items {
        if vm.eq(x, &a[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn list_sort(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    if pos.len() != 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let l = list_of(vm, &pos[0])?.clone();
    let key = args.kwarg("key").cloned().filter(|k| !k.is_none());
    let reverse = match args.kwarg("reverse") {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    let mut items = std::mem::take(&mut *l.0.borrow_mut());
    let r = super::builtins::sort_values(vm, &mut items, key.as_ref(), reverse);
    *l.0.borrow_mut() = items;
    r.map(|_| Value::None)
}

fn list_reverse(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "reverse", 1, 1)?;
    list_of(vm, &a[0])?.0.borrow_mut().reverse();
    Ok(Value::None)
}

fn list_copy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "copy", 1, 1)?;
    let v = list_of(vm, &a[0])?.0.borrow().clone();
    Ok(Value::list(v))
}

fn list_clear(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "clear", 1, 1)?;
    let old = std::mem::take(&mut *list_of(vm, &a[0])?.0.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn dict_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Rc<PyDict>> {
    match v {
        Value::Dict(d) => Ok(d),
        other => Err(vm.type_error(format!(
            "descriptor requires a 'dict' object but received a '{}'",
            vm.type_name(other)
        ))),
    }
}

fn dict_get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "get", 2, 3)?;
    let d = dict_of(vm, &a[0])?;
    let r = d
        .get_item(&a[1])
        .map_err(|u| vm.type_error(format!("unhashable type: '{}'", u.0)))?;
    Ok(r.unwrap_or_else(|| a.get(2).cloned().unwrap_or(Value::None)))
}

fn dict_keys(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "keys", 1, 1)?;
    let d = dict_of(vm, &a[0])?.clone();
    Ok(Vm::new_iter(IterState::DictKeys { dict: d, pos: 0 }))
}

fn dict_values(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "values", 1, 1)?;
    let d = dict_of(vm, &a[0])?.clone();
    Ok(Vm::new_iter(IterState::DictValues { dict: d, pos: 0 }))
}

fn dict_items(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "items", 1, 1)?;
    let d = dict_of(vm, &a[0])?.clone();
    Ok(Vm::new_iter(IterState::DictItems { dict: d, pos: 0 }))
}

fn dict_pop(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "pop", 2, 3)?;
    let d = dict_of(vm, &a[0])?.clone();
    let r =
        d.0.borrow_mut()
            .remove(&a[1])
            .map_err(|u| vm.type_error(format!("unhashable type: '{}'", u.0)))?;
    match (r, a.get(2)) {
        (Some((_, v)), _) => Ok(v),
        (None, Some(dflt)) => Ok(dflt.clone()),
        (None, None) => Err(vm.key_error(a[1].clone())),
    }
}

fn dict_setdefault(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "setdefault", 2, 3)?;
    let d = dict_of(vm, &a[0])?.clone();
    if let Some(v) = d
        .get_item(&a[1])
        .map_err(|u| vm.type_error(format!("unhashable type: '{}'", u.0)))?
    {
        return Ok(v);
    }
    let v = a.get(2).cloned().unwrap_or(Value::None);
    vm.dict_set(&d, a[1].clone(), v.clone())?;
    Ok(v)
}

fn dict_update(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    let d = dict_of(vm, &pos[0])?.clone();
    if let Some(m) = pos.get(1) {
        vm.dict_update(&d, m, false)?;
    }
    for (k, v) in args.kw() {
        d.set_str(k, v.clone());
    }
    Ok(Value::None)
}

fn dict_copy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "copy", 1, 1)?;
    let m = dict_of(vm, &a[0])?.0.borrow().clone();
    Ok(Value::Dict(Rc::new(PyDict(std::cell::RefCell::new(m)))))
}

fn dict_clear(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "clear", 1, 1)?;
    let old = std::mem::take(&mut *dict_of(vm, &a[0])?.0.borrow_mut());
    // It may be a class dict: drop every cached class lookup.
    crate::object::type_cache::invalidate_all();
    drop(old);
    Ok(Value::None)
}

fn dict_popitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "popitem", 1, 1)?;
    let r = dict_of(vm, &a[0])?.0.borrow_mut().pop_last();
    match r {
        Some((k, v)) => Ok(Value::tuple(vec![k, v])),
        None => Err(vm.key_error(Value::str("popitem(): dictionary is empty"))),
    }
}

fn set_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Rc<crate::object::PySet>> {
    match v {
        Value::Set(s) => Ok(s),
        other => Err(vm.type_error(format!(
            "descriptor requires a 'set' object but received a '{}'",
            vm.type_name(other)
        ))),
    }
}

fn set_add(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "add", 2, 2)?;
    vm.set_add(&a[0], a[1].clone())?;
    Ok(Value::None)
}

fn set_update(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    for other in &pos[1..] {
        for v in vm.collect(other)? {
            vm.set_add(&pos[0], v)?;
        }
    }
    Ok(Value::None)
}

fn set_discard(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "discard", 2, 2)?;
    let s = set_of(vm, &a[0])?.clone();
    let _ = s.map.borrow_mut().remove(&a[1]);
    Ok(Value::None)
}

fn set_remove(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "remove", 2, 2)?;
    let s = set_of(vm, &a[0])?.clone();
    let r = s.map.borrow_mut().remove(&a[1]);
    match r {
        Ok(Some(_)) => Ok(Value::None),
        _ => Err(vm.key_error(a[1].clone())),
    }
}

fn set_pop(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "pop", 1, 1)?;
    let s = set_of(vm, &a[0])?.clone();
    let first = s.map.borrow().entry_from(0);
    match first {
        Some((_, k, _)) => {
            let _ = s.map.borrow_mut().remove(&k);
            Ok(k)
        }
        None => Err(vm.key_error(Value::str("pop from an empty set"))),
    }
}

fn set_copy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "copy", 1, 1)?;
    let s = set_of(vm, &a[0])?;
    let items: Vec<Value> = s.map.borrow().keys().collect();
    let frozen = s.frozen;
    vm.new_set(items, frozen)
}

fn set_clear(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "clear", 1, 1)?;
    set_of(vm, &a[0])?.map.borrow_mut().clear();
    Ok(Value::None)
}

fn str_self(vm: &mut Vm, v: &Value) -> PyResult<Rc<crate::object::PyStr>> {
    vm.arg_str(v, "descriptor")
}

fn str_join(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "join", 2, 2)?;
    let sep = str_self(vm, &a[0])?;
    let items = vm.collect(&a[1])?;
    let mut out = String::new();
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep.as_str());
        }
        match x {
            Value::Str(s) => out.push_str(s.as_str()),
            other => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    vm.type_name(other)
                )));
            }
        }
    }
    Ok(Value::string(out))
}

fn str_split(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = str_self(vm, &args.all[0])?;
    let sep = args.get(1, "sep").cloned().unwrap_or(Value::None);
    let maxsplit = match args.get(2, "maxsplit") {
        Some(m) => vm.arg_i64(m, "")?,
        None => -1,
    };
    let parts: Vec<Value> = match &sep {
        Value::None => {
            let mut out = Vec::new();
            let mut rest = s.as_str().trim_start();
            while !rest.is_empty() {
                if maxsplit >= 0 && out.len() as i64 == maxsplit {
                    out.push(Value::str(rest));
                    break;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                out.push(Value::str(&rest[..end]));
                rest = rest[end..].trim_start();
            }
            out
        }
        Value::Str(p) => {
            if p.as_str().is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            if maxsplit < 0 {
                s.as_str().split(p.as_str()).map(Value::str).collect()
            } else {
                s.as_str()
                    .splitn(maxsplit as usize + 1, p.as_str())
                    .map(Value::str)
                    .collect()
            }
        }
        other => {
            return Err(vm.type_error(format!("must be str or None, not {}", vm.type_name(other))));
        }
    };
    Ok(Value::list(parts))
}

fn strip_chars(vm: &mut Vm, args: &Args<'_>) -> PyResult<Option<Vec<char>>> {
    match args.pos().get(1) {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(c)) => Ok(Some(c.as_str().chars().collect())),
        Some(other) => Err(vm.type_error(format!(
            "strip arg must be None or str, not {}",
            vm.type_name(other)
        ))),
    }
}

fn str_strip(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = str_self(vm, &args.all[0])?;
    Ok(Value::str(match strip_chars(vm, &args)? {
        None => s.as_str().trim(),
        Some(cs) => s.as_str().trim_matches(|c| cs.contains(&c)),
    }))
}

fn str_lstrip(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = str_self(vm, &args.all[0])?;
    Ok(Value::str(match strip_chars(vm, &args)? {
        None => s.as_str().trim_start(),
        Some(cs) => s.as_str().trim_start_matches(|c| cs.contains(&c)),
    }))
}

fn str_rstrip(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = str_self(vm, &args.all[0])?;
    Ok(Value::str(match strip_chars(vm, &args)? {
        None => s.as_str().trim_end(),
        Some(cs) => s.as_str().trim_end_matches(|c| cs.contains(&c)),
    }))
}

fn str_upper(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = str_self(vm, &args.all[0])?;
    Ok(Value::string(s.as_str().to_uppercase()))
}

fn str_lower(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = str_self(vm, &args.all[0])?;
    Ok(Value::string(s.as_str().to_lowercase()))
}

fn str_replace(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "replace", 3, 4)?;
    let s = str_self(vm, &a[0])?;
    let old = vm.arg_str(&a[1], "replace() argument 1")?;
    let new = vm.arg_str(&a[2], "replace() argument 2")?;
    let count = match a.get(3) {
        Some(c) => vm.arg_i64(c, "")?,
        None => -1,
    };
    Ok(Value::string(if count < 0 {
        s.as_str().replace(old.as_str(), new.as_str())
    } else {
        s.as_str()
            .replacen(old.as_str(), new.as_str(), count as usize)
    }))
}

fn affix(vm: &mut Vm, args: Args<'_>, start: bool) -> PyResult<Value> {
    let a = args.check(vm, if start { "startswith" } else { "endswith" }, 2, 2)?;
    let s = str_self(vm, &a[0])?;
    let cands = match &a[1] {
        Value::Tuple(t) => t.0.to_vec(),
        other => vec![other.clone()],
    };
    for c in cands {
        let c = vm.arg_str(&c, "prefix")?;
        let hit = if start {
            s.as_str().starts_with(c.as_str())
        } else {
            s.as_str().ends_with(c.as_str())
        };
        if hit {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn str_startswith(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    affix(vm, args, true)
}

fn str_endswith(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    affix(vm, args, false)
}

fn str_find(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "find", 2, 2)?;
    let s = str_self(vm, &a[0])?;
    let sub = vm.arg_str(&a[1], "find() argument")?;
    Ok(Value::Int(match s.as_str().find(sub.as_str()) {
        Some(b) => s.as_str()[..b].chars().count() as i64,
        None => -1,
    }))
}

fn str_count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "count", 2, 2)?;
    let s = str_self(vm, &a[0])?;
    let sub = vm.arg_str(&a[1], "count() argument")?;
    if sub.as_str().is_empty() {
        return Ok(Value::Int(s.char_len() as i64 + 1));
    }
    Ok(Value::Int(s.as_str().matches(sub.as_str()).count() as i64))
}

fn str_pred(vm: &mut Vm, args: Args<'_>, p: fn(char) -> bool) -> PyResult<Value> {
    let s = str_self(vm, &args.all[0])?;
    Ok(Value::Bool(
        !s.as_str().is_empty() && s.as_str().chars().all(p),
    ))
}

fn str_isdigit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    str_pred(vm, args, |c| c.is_ascii_digit())
}

fn str_isalpha(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    str_pred(vm, args, char::is_alphabetic)
}

fn str_isspace(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    str_pred(vm, args, char::is_whitespace)
}

fn justify(vm: &mut Vm, args: Args<'_>, align: char) -> PyResult<Value> {
    let a = args.check(vm, "ljust", 2, 3)?;
    let s = str_self(vm, &a[0])?;
    let w = vm.arg_i64(&a[1], "")?;
    let fill = match a.get(2) {
        Some(f) => vm
            .arg_str(f, "fill character")?
            .as_str()
            .chars()
            .next()
            .unwrap_or(' '),
        None => ' ',
    };
    let spec = format!("{fill}{align}{}", w.max(0));
    Ok(Value::string(vm.format(&Value::Str(s), &spec)?))
}

fn str_ljust(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    justify(vm, args, '<')
}

fn str_rjust(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    justify(vm, args, '>')
}

fn str_center(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    justify(vm, args, '^')
}

fn str_zfill(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "zfill", 2, 2)?;
    let s = str_self(vm, &a[0])?;
    let w = vm.arg_i64(&a[1], "")?.max(0) as usize;
    let t = s.as_str();
    let n = s.char_len();
    if n >= w {
        return Ok(Value::Str(s.clone()));
    }
    let (sign, rest) = if t.starts_with(['+', '-']) {
        t.split_at(1)
    } else {
        ("", t)
    };
    Ok(Value::string(format!("{sign}{}{rest}", "0".repeat(w - n))))
}

fn str_encode(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = str_self(vm, &args.all[0])?;
    Ok(Value::bytes(s.as_str().as_bytes().to_vec()))
}

fn str_splitlines(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = str_self(vm, &args.all[0])?;
    Ok(Value::list(s.as_str().lines().map(Value::str).collect()))
}

fn bytes_decode(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match &args.all[0] {
        Value::Bytes(b) => match std::str::from_utf8(&b.0) {
            Ok(s) => Ok(Value::str(s)),
            Err(e) => Err(vm.new_exception(
                &vm.ctx.types.unicode_error.clone(),
                format!("'utf-8' codec can't decode: {e}"),
            )),
        },
        _ => Err(vm.type_error("decode() requires bytes")),
    }
}

fn int_bit_length(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "bit_length", 1, 1)?;
    Ok(Value::Int(match crate::object::Int::of(&a[0]) {
        Some(crate::object::Int::Small(i)) => 64 - i.unsigned_abs().leading_zeros() as i64,
        Some(crate::object::Int::Big(b)) => b.bits() as i64,
        None => 0,
    }))
}

fn float_is_integer(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "is_integer", 1, 1)?;
    let f = vm.arg_f64(&a[0])?;
    Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
}

/// `str.format(*args, **kwargs)`: fields `{}`, `{0}`, `{name}`, `{x.attr}`, `{x[0]}`,
/// with `!r`/`!s` and a format spec.
fn str_format(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = str_self(vm, &args.all[0])?;
    let pos = &args.pos()[1..];
    let chars: Vec<char> = s.as_str().chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let mut auto = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            let mut depth = 1;
            let mut j = i + 1;
            while j < chars.len() && depth > 0 {
                match chars[j] {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                j += 1;
            }
            if depth != 0 {
                return Err(vm.value_error("expected '}' before end of string"));
            }
            let field: String = chars[i + 1..j - 1].iter().collect();
            let (head, spec) = match field.find(':') {
                Some(p) => (field[..p].to_owned(), field[p + 1..].to_owned()),
                None => (field.clone(), String::new()),
            };
            let (name, conv) = match head.find('!') {
                Some(p) => (head[..p].to_owned(), head[p + 1..].chars().next()),
                None => (head, None),
            };
            let first_end = name.find(['.', '[']).unwrap_or(name.len());
            let key = &name[..first_end];
            let mut v = if key.is_empty() {
                let v = pos.get(auto).cloned().ok_or_else(|| {
                    vm.index_error(format!(
                        "Replacement index {auto} out of range for positional args tuple"
                    ))
                })?;
                auto += 1;
                v
            } else if let Ok(n) = key.parse::<usize>() {
                pos.get(n).cloned().ok_or_else(|| {
                    vm.index_error(format!(
                        "Replacement index {n} out of range for positional args tuple"
                    ))
                })?
            } else {
                match args.kwarg(key) {
                    Some(v) => v.clone(),
                    None => return Err(vm.key_error(Value::str(key))),
                }
            };
            let mut rest = &name[first_end..];
            while !rest.is_empty() {
                if let Some(r) = rest.strip_prefix('.') {
                    let end = r.find(['.', '[']).unwrap_or(r.len());
                    v = vm.get_attr_str(&v, &r[..end])?;
                    rest = &r[end..];
                } else if let Some(r) = rest.strip_prefix('[') {
                    let end = r.find(']').unwrap_or(r.len());
                    let k = &r[..end];
                    let key = match k.parse::<i64>() {
                        Ok(n) => Value::Int(n),
                        Err(_) => Value::str(k),
                    };
                    v = vm.get_item(&v, &key)?;
                    rest = r.get(end + 1..).unwrap_or("");
                } else {
                    break;
                }
            }
            let v = match conv {
                Some('r') => Value::string(vm.repr(&v)?),
                Some('s') => vm.to_str_value(&v)?,
                Some('a') => vm.format_value(&v, crate::bytecode::Conversion::Ascii, None)?,
                _ => v,
            };
            let spec = if spec.contains('{') {
                let inner = str_format(
                    vm,
                    Args {
                        all: &[&[Value::string(spec)], args.all[1..].to_vec().as_slice()].concat(),
                        kwnames: args.kwnames,
                    },
                )?;
                vm.str_of(&inner)?
            } else {
                spec
            };
            out.push_str(&vm.format(&v, &spec)?);
            i = j;
        } else if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(vm.value_error("Single '}' encountered in format string"));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(Value::string(out))
}
