//! Methods of `dict` and its views (`keys()`, `values()`, `items()`: live views with
//! `len`, iteration, `reversed`, membership, and set operations for keys and items).

use crate::object::BoolWord;
use std::rc::Rc;

use crate::object::{IterState, PyDict, PySet, Value};
use crate::vm::{Args, PyResult, Vm};

use super::{base_of, classmethod, method};

/// A dict view: `kind` 0 keys, 1 values, 2 items.
pub struct DictView {
    pub dict: Rc<PyDict>,
    pub kind: u8,
}

/// Installs the methods of `dict` and of the view types.
pub fn install(vm: &mut Vm) {
    let t = &vm.ctx.types;
    method(
        &t.dict,
        &[
            ("get", get),
            ("keys", keys),
            ("values", values),
            ("items", items),
            ("pop", pop),
            ("setdefault", setdefault),
            ("update", update),
            ("copy", copy),
            ("clear", clear),
            ("popitem", popitem),
            ("__ior__", ior),
        ],
    );
    classmethod(vm, &vm.ctx.types.dict.clone(), "fromkeys", fromkeys);
    let t = &vm.ctx.types;
    for ty in [&t.dict_keys, &t.dict_values, &t.dict_items] {
        method(
            ty,
            &[
                ("__len__", view_len),
                ("__iter__", view_iter),
                ("__reversed__", view_reversed),
                ("__contains__", view_contains),
                ("__repr__", view_repr),
            ],
        );
    }
    for ty in [&t.dict_keys, &t.dict_items] {
        method(
            ty,
            &[
                ("__eq__", view_eq),
                ("__ne__", view_ne),
                ("__lt__", view_lt),
                ("__le__", view_le),
                ("__gt__", view_gt),
                ("__ge__", view_ge),
                ("__and__", view_and),
                ("__rand__", view_and),
                ("__or__", view_or),
                ("__ror__", view_or),
                ("__sub__", view_sub),
                ("__rsub__", view_rsub),
                ("__xor__", view_xor),
                ("__rxor__", view_xor),
                ("isdisjoint", view_isdisjoint),
            ],
        );
        ty.dict.set_str("__hash__", Value::None);
    }
    t.dict_values.dict.set_str("__hash__", Value::None);
}

fn dict_of(vm: &mut Vm, v: &Value) -> PyResult<Rc<PyDict>> {
    match base_of(v) {
        Value::Dict(d) => Ok(d.clone()),
        other => Err(vm.type_error(format!(
            "descriptor requires a 'dict' object but received a '{}'",
            vm.type_name(other)
        ))),
    }
}

fn get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "dict.get", 2, 3)?;
    let d = dict_of(vm, &a[0])?;
    Ok(vm
        .dict_get(&d, &a[1])?
        .unwrap_or_else(|| a.get(2).cloned().unwrap_or(Value::None)))
}

fn view(vm: &mut Vm, args: Args<'_>, kind: u8, name: &str) -> PyResult<Value> {
    let a = args.check(vm, name, 1, 1)?;
    let d = dict_of(vm, &a[0])?;
    let class = match kind {
        0 => vm.ctx.types.dict_keys.clone(),
        1 => vm.ctx.types.dict_values.clone(),
        _ => vm.ctx.types.dict_items.clone(),
    };
    Ok(vm.native_value(&class, DictView { dict: d, kind }))
}

fn keys(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    view(vm, args, 0, "keys")
}

fn values(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    view(vm, args, 1, "values")
}

fn items(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    view(vm, args, 2, "items")
}

fn pop(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "dict.pop", 2, 3)?;
    let d = dict_of(vm, &a[0])?;
    match (vm.dict_del(&d, &a[1])?, a.get(2)) {
        (Some((_, v)), _) => Ok(v),
        (None, Some(dflt)) => Ok(dflt.clone()),
        (None, None) => Err(vm.key_error(a[1].clone())),
    }
}

fn setdefault(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "dict.setdefault", 2, 3)?;
    let d = dict_of(vm, &a[0])?;
    if let Some(v) = vm.dict_get(&d, &a[1])? {
        return Ok(v);
    }
    let v = a.get(2).cloned().unwrap_or(Value::None);
    vm.dict_set(&d, a[1].clone(), v.clone())?;
    Ok(v)
}

fn update(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    if pos.len() > 2 {
        return Err(vm.type_error(format!(
            "update expected at most 1 argument, got {}",
            pos.len() - 1
        )));
    }
    let d = dict_of(vm, &pos[0])?;
    if let Some(m) = pos.get(1) {
        vm.dict_update(&d, m, false)?;
    }
    for (k, v) in args.kw() {
        vm.dict_set(&d, Value::str(k), v.clone())?;
    }
    Ok(Value::None)
}

fn ior(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "dict.__ior__", 2, 2)?;
    let d = dict_of(vm, &a[0])?;
    vm.dict_update(&d, &a[1], false)?;
    Ok(a[0].clone())
}

fn copy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "dict.copy", 1, 1)?;
    let m = dict_of(vm, &a[0])?.0.borrow().clone();
    Ok(Value::Dict(Rc::new(PyDict(std::cell::RefCell::new(m)))))
}

fn clear(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "dict.clear", 1, 1)?;
    let d = dict_of(vm, &a[0])?;
    let old = std::mem::take(&mut *d.0.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn popitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "dict.popitem", 1, 1)?;
    let r = dict_of(vm, &a[0])?.0.borrow_mut().pop_last();
    match r {
        Some((k, v)) => Ok(Value::tuple_of([k, v])),
        None => Err(vm.key_error(Value::str("popitem(): dictionary is empty"))),
    }
}

fn fromkeys(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "dict.fromkeys", 2, 3)?;
    let v = a.get(2).cloned().unwrap_or(Value::None);
    let keys = vm.collect(&a[1])?;
    let target = vm.call0(&a[0], &[])?;
    match base_of(&target).clone() {
        Value::Dict(d) if !matches!(target, Value::Instance(ref i) if i.class.lookup("__setitem__").is_some_and(|f| !matches!(f, Value::Builtin(_)))) => {
            for k in keys {
                vm.dict_set(&d, k, v.clone())?;
            }
        }
        _ => {
            for k in keys {
                vm.set_item(&target, k, v.clone())?;
            }
        }
    }
    Ok(target)
}

fn view_of(vm: &mut Vm, v: &Value) -> PyResult<(Rc<PyDict>, u8)> {
    match v {
        Value::Native(n) => match n.get::<DictView>() {
            Some(dv) => Ok((dv.dict.clone(), dv.kind)),
            None => Err(vm.type_error("not a dict view")),
        },
        _ => Err(vm.type_error("not a dict view")),
    }
}

fn view_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "dict.__len__", 1, 1)?;
    let (d, _) = view_of(vm, &a[0])?;
    Ok(Value::Int(d.len() as i64))
}

fn view_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "dict.__iter__", 1, 1)?;
    let (d, kind) = view_of(vm, &a[0])?;
    let len = d.len();
    Ok(Vm::new_iter(match kind {
        0 => IterState::DictKeys {
            dict: d,
            pos: 0,
            len,
        },
        1 => IterState::DictValues {
            dict: d,
            pos: 0,
            len,
        },
        _ => IterState::DictItems {
            dict: d,
            pos: 0,
            len,
        },
    }))
}

fn view_reversed(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "dict.__reversed__", 1, 1)?;
    let (d, kind) = view_of(vm, &a[0])?;
    let len = d.len();
    Ok(Vm::new_iter(IterState::DictReversed {
        dict: d,
        pos: usize::MAX,
        len,
        kind,
    }))
}

fn view_contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "dict.__contains__", 2, 2)?;
    let (d, kind) = view_of(vm, &a[0])?;
    Ok(Value::Bool(match kind {
        0 => vm.dict_contains(&d, &a[1])?,
        1 => {
            let vals: Vec<Value> = d.0.borrow().iter().map(|(_, v)| v.clone()).collect();
            let mut found = false;
            for v in vals {
                if v.is(&a[1]) || vm.eq(&v, &a[1])? {
                    found = true;
                    break;
                }
            }
            found
        }
        _ => {
            let Value::Tuple(t) = &a[1] else {
                return Ok(Value::BoolW(BoolWord::FALSE));
            };
            if t.0.len() != 2 {
                return Ok(Value::BoolW(BoolWord::FALSE));
            }
            match vm.dict_get(&d, &t.0[0])? {
                Some(v) => v.is(&t.0[1]) || vm.eq(&v, &t.0[1])?,
                None => false,
            }
        }
    }))
}

fn view_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "dict.__repr__", 1, 1)?;
    let (_, kind) = view_of(vm, &a[0])?;
    let items = vm.collect(&a[0])?;
    let name = ["dict_keys", "dict_values", "dict_items"][kind as usize];
    let body = vm.repr(&Value::list(items))?;
    Ok(Value::string(format!("{name}({body})")))
}

/// The view's elements as a set (for set operations; a keys view of a dict uses the
/// dict directly, as CPython's `dictviews_to_set` does).
fn view_set(vm: &mut Vm, v: &Value) -> PyResult<Rc<PySet>> {
    if let Value::Native(n) = v
        && let Some(dv) = n.get::<DictView>()
        && dv.kind == 0
    {
        let d = Value::Dict(dv.dict.clone());
        return vm.set_from_iterable(Some(&d), false);
    }
    let it = vm.unwrap_base(v);
    vm.set_from_iterable(Some(&it), false)
}

fn is_view(v: &Value) -> Option<(Rc<PyDict>, u8)> {
    match v {
        Value::Native(n) => n.get::<DictView>().map(|d| (d.dict.clone(), d.kind)),
        _ => None,
    }
}

/// Whether a key view (kind 0) or items view (kind 2) contains `x`.
fn view_has(vm: &mut Vm, d: &Rc<PyDict>, kind: u8, x: &Value) -> PyResult<bool> {
    if kind == 0 {
        return vm.dict_contains(d, x);
    }
    let Value::Tuple(t) = x else {
        return Ok(false);
    };
    if t.0.len() != 2 {
        return Ok(false);
    }
    match vm.dict_get(d, &t.0[0])? {
        Some(v) => Ok(v.is(&t.0[1]) || vm.eq(&v, &t.0[1])?),
        None => Ok(false),
    }
}

fn view_and(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "dict.__and__", 2, 2)?;
    let (mut this, mut other) = (a[0].clone(), a[1].clone());
    if is_view(&this).is_none() {
        std::mem::swap(&mut this, &mut other);
    }
    let Some((mut d, mut kind)) = is_view(&this) else {
        return Ok(Value::NotImplemented);
    };
    if vm.get_iter(&other).is_err() {
        return Ok(Value::NotImplemented);
    }
    let len_self = d.len();
    if let Value::Set(s) = &other
        && !s.frozen
        && len_self <= s.map.borrow().len()
    {
        let s = s.clone();
        return Ok(Value::Set(vm.set_intersection(&s, &this, false)?));
    }
    if let Some((od, okind)) = is_view(&other)
        && od.len() > len_self
    {
        std::mem::swap(&mut this, &mut other);
        d = od;
        kind = okind;
    }
    let _ = this;
    let out = Rc::new(PySet::new(false));
    let it = vm.get_iter(&other)?;
    while let Some(x) = vm.next(&it)? {
        if view_has(vm, &d, kind, &x)? {
            vm.set_insert(&out, x)?;
        }
    }
    Ok(Value::Set(out))
}

fn view_or(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "dict.__or__", 2, 2)?;
    let (this, other) = if is_view(&a[0]).is_some() {
        (a[0].clone(), a[1].clone())
    } else {
        (a[1].clone(), a[0].clone())
    };
    if vm.get_iter(&other).is_err() {
        return Ok(Value::NotImplemented);
    }
    let out = view_set(vm, &this)?;
    let o = vm.unwrap_base(&other);
    vm.set_update_from(&out, &o)?;
    Ok(Value::Set(out))
}

fn view_sub(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "dict.__sub__", 2, 2)?;
    if vm.get_iter(&a[1]).is_err() {
        return Ok(Value::NotImplemented);
    }
    let out = view_set(vm, &a[0])?;
    let o = vm.unwrap_base(&a[1]);
    vm.set_difference_update(&out, &o)?;
    Ok(Value::Set(out))
}

fn view_rsub(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "dict.__rsub__", 2, 2)?;
    if vm.get_iter(&a[1]).is_err() {
        return Ok(Value::NotImplemented);
    }
    let out = view_set(vm, &a[1])?;
    vm.set_difference_update(&out, &a[0])?;
    Ok(Value::Set(out))
}

fn view_xor(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "dict.__xor__", 2, 2)?;
    let (this, other) = if is_view(&a[0]).is_some() {
        (a[0].clone(), a[1].clone())
    } else {
        (a[1].clone(), a[0].clone())
    };
    if vm.get_iter(&other).is_err() {
        return Ok(Value::NotImplemented);
    }
    let out = view_set(vm, &this)?;
    let o = match vm.unwrap_base(&other) {
        Value::Set(s) => s,
        x => vm.set_from_iterable(Some(&x), false)?,
    };
    vm.set_symmetric_update(&out, &o)?;
    Ok(Value::Set(out))
}

fn view_cmp(vm: &mut Vm, args: Args<'_>, op: crate::bytecode::CmpOp) -> PyResult<Value> {
    let a = args.check_method(vm, "dict.comparison", 2, 2)?;
    let other_ok = matches!(&a[1], Value::Set(_))
        || matches!(&a[1], Value::Native(n) if n.get::<DictView>().is_some_and(|v| v.kind != 1));
    if !other_ok {
        return Ok(Value::NotImplemented);
    }
    let sx = Value::Set(view_set(vm, &a[0])?);
    let sy = Value::Set(view_set(vm, &a[1])?);
    vm.compare(op, &sx, &sy)
}

fn view_eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    view_cmp(vm, args, crate::bytecode::CmpOp::Eq)
}

fn view_ne(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    view_cmp(vm, args, crate::bytecode::CmpOp::Ne)
}

fn view_lt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    view_cmp(vm, args, crate::bytecode::CmpOp::Lt)
}

fn view_le(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    view_cmp(vm, args, crate::bytecode::CmpOp::Le)
}

fn view_gt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    view_cmp(vm, args, crate::bytecode::CmpOp::Gt)
}

fn view_ge(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    view_cmp(vm, args, crate::bytecode::CmpOp::Ge)
}

fn view_isdisjoint(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "dict.isdisjoint", 2, 2)?;
    let s = view_set(vm, &a[0])?;
    let it = vm.get_iter(&a[1])?;
    while let Some(x) = vm.next(&it)? {
        if vm.set_contains(&s, &x)? {
            return Ok(Value::BoolW(BoolWord::FALSE));
        }
    }
    Ok(Value::BoolW(BoolWord::TRUE))
}
