//! Methods of `set` and `frozenset` (results keep the receiver's kind), following
//! CPython's algorithms so that element order matches.

use crate::object::BoolWord;
use std::rc::Rc;

use crate::object::{PySet, Value};
use crate::vm::{Args, PyResult, Vm};

use super::{base_of, method};

/// Installs the methods of `set` and `frozenset`.
pub fn install(vm: &mut Vm) {
    let shared: &[(&'static str, crate::object::BuiltinFn)] = &[
        ("copy", copy),
        ("difference", difference),
        ("intersection", intersection),
        ("isdisjoint", isdisjoint),
        ("issubset", issubset),
        ("issuperset", issuperset),
        ("symmetric_difference", symmetric_difference),
        ("union", union),
    ];
    let t = &vm.ctx.types;
    method(&t.set, shared);
    method(&t.frozenset, shared);
    method(
        &t.set,
        &[
            ("add", add),
            ("clear", clear),
            ("discard", discard),
            ("remove", remove),
            ("pop", pop),
            ("update", update),
            ("difference_update", difference_update),
            ("intersection_update", intersection_update),
            ("symmetric_difference_update", symmetric_difference_update),
            ("__ior__", ior),
            ("__iand__", iand),
            ("__isub__", isub),
            ("__ixor__", ixor),
        ],
    );
}

fn set_of(vm: &mut Vm, v: &Value) -> PyResult<Rc<PySet>> {
    match base_of(v) {
        Value::Set(s) => Ok(s.clone()),
        other => Err(vm.type_error(format!(
            "descriptor requires a 'set' object but received a '{}'",
            vm.type_name(other)
        ))),
    }
}

fn others<'a>(args: &Args<'a>) -> &'a [Value] {
    &args.pos()[1..]
}

fn add(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "set.add", 2, 2)?;
    let s = set_of(vm, &a[0])?;
    vm.set_insert(&s, a[1].clone())?;
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "set.clear", 1, 1)?;
    let s = set_of(vm, &a[0])?;
    let old = std::mem::take(&mut *s.map.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn discard(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "set.discard", 2, 2)?;
    let s = set_of(vm, &a[0])?;
    vm.set_discard(&s, &a[1])?;
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "set.remove", 2, 2)?;
    let s = set_of(vm, &a[0])?;
    if vm.set_discard(&s, &a[1])? {
        Ok(Value::None)
    } else {
        Err(vm.key_error(a[1].clone()))
    }
}

fn pop(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "set.pop", 1, 1)?;
    let s = set_of(vm, &a[0])?;
    let r = s.map.borrow_mut().pop();
    match r {
        Some(k) => Ok(k),
        None => Err(vm.key_error(Value::str("pop from an empty set"))),
    }
}

fn copy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "set.copy", 1, 1)?;
    let s = set_of(vm, &a[0])?;
    if s.frozen && matches!(a[0], Value::Set(_)) {
        return Ok(a[0].clone());
    }
    let out = Rc::new(PySet::new(s.frozen));
    vm.set_merge(&out, &s)?;
    Ok(Value::Set(out))
}

fn update(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = set_of(vm, &args.all[0])?;
    for o in others(&args) {
        let o = vm.unwrap_base(o);
        vm.set_update_from(&s, &o)?;
    }
    Ok(Value::None)
}

fn union(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = set_of(vm, &args.all[0])?;
    let out = Rc::new(PySet::new(s.frozen));
    vm.set_merge(&out, &s)?;
    for o in others(&args) {
        let o = vm.unwrap_base(o);
        if let Value::Set(os) = &o
            && Rc::ptr_eq(os, &s)
        {
            continue;
        }
        vm.set_update_from(&out, &o)?;
    }
    Ok(Value::Set(out))
}

fn intersection(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = set_of(vm, &args.all[0])?;
    let frozen = s.frozen;
    let mut cur = s;
    let os = others(&args);
    if os.is_empty() {
        let out = Rc::new(PySet::new(frozen));
        vm.set_merge(&out, &cur)?;
        return Ok(Value::Set(out));
    }
    for o in os {
        let o = vm.unwrap_base(o);
        cur = vm.set_intersection(&cur, &o, frozen)?;
    }
    Ok(Value::Set(cur))
}

fn intersection_update(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = set_of(vm, &args.all[0])?;
    let mut cur = s.clone();
    for o in others(&args) {
        let o = vm.unwrap_base(o);
        cur = vm.set_intersection(&cur, &o, false)?;
    }
    if !Rc::ptr_eq(&cur, &s) {
        let m = cur.map.borrow().clone();
        *s.map.borrow_mut() = m;
    }
    Ok(Value::None)
}

fn difference(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = set_of(vm, &args.all[0])?;
    let os = others(&args);
    let Some(first) = os.first() else {
        let out = Rc::new(PySet::new(s.frozen));
        vm.set_merge(&out, &s)?;
        return Ok(Value::Set(out));
    };
    let first = vm.unwrap_base(first);
    let out = vm.set_difference(&s, &first, s.frozen)?;
    for o in &os[1..] {
        let o = vm.unwrap_base(o);
        vm.set_difference_update(&out, &o)?;
    }
    Ok(Value::Set(out))
}

fn difference_update(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = set_of(vm, &args.all[0])?;
    for o in others(&args) {
        let o = vm.unwrap_base(o);
        vm.set_difference_update(&s, &o)?;
    }
    Ok(Value::None)
}

fn symmetric_difference(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "set.symmetric_difference", 2, 2)?;
    let s = set_of(vm, &a[0])?;
    let o = vm.unwrap_base(&a[1]);
    let other = match &o {
        Value::Set(x) => x.clone(),
        _ => vm.set_from_iterable(Some(&o), false)?,
    };
    let out = Rc::new(PySet::new(s.frozen));
    vm.set_merge(&out, &other)?;
    vm.set_symmetric_update(&out, &s)?;
    Ok(Value::Set(out))
}

fn symmetric_difference_update(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "set.symmetric_difference_update", 2, 2)?;
    let s = set_of(vm, &a[0])?;
    let o = vm.unwrap_base(&a[1]);
    let other = match &o {
        Value::Set(x) => {
            if Rc::ptr_eq(x, &s) {
                s.map.borrow_mut().clear();
                return Ok(Value::None);
            }
            x.clone()
        }
        _ => vm.set_from_iterable(Some(&o), false)?,
    };
    vm.set_symmetric_update(&s, &other)?;
    Ok(Value::None)
}

fn as_set(vm: &mut Vm, v: &Value) -> PyResult<Rc<PySet>> {
    match vm.unwrap_base(v) {
        Value::Set(s) => Ok(s),
        other => vm.set_from_iterable(Some(&other), false),
    }
}

fn isdisjoint(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "set.isdisjoint", 2, 2)?;
    let s = set_of(vm, &a[0])?;
    let it = vm.get_iter(&a[1])?;
    while let Some(x) = vm.next(&it)? {
        if vm.set_contains(&s, &x)? {
            return Ok(Value::BoolW(BoolWord::FALSE));
        }
    }
    Ok(Value::BoolW(BoolWord::TRUE))
}

fn issubset(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "set.issubset", 2, 2)?;
    let s = set_of(vm, &a[0])?;
    let o = as_set(vm, &a[1])?;
    Ok(Value::Bool(vm.set_is_subset(&s, &o)?))
}

fn issuperset(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "set.issuperset", 2, 2)?;
    let s = set_of(vm, &a[0])?;
    let o = as_set(vm, &a[1])?;
    Ok(Value::Bool(vm.set_is_subset(&o, &s)?))
}

fn inplace(vm: &mut Vm, args: Args<'_>, op: crate::bytecode::BinOp) -> PyResult<Value> {
    let a = args.check_method(vm, "set.operator", 2, 2)?;
    if !matches!(base_of(&a[1]), Value::Set(_)) {
        return Ok(Value::NotImplemented);
    }
    let s = base_of(&a[0]).clone();
    let o = base_of(&a[1]).clone();
    vm.inplace_op(op, s, &o)?;
    Ok(a[0].clone())
}

fn ior(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    inplace(vm, args, crate::bytecode::BinOp::Or)
}

fn iand(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    inplace(vm, args, crate::bytecode::BinOp::And)
}

fn isub(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    inplace(vm, args, crate::bytecode::BinOp::Sub)
}

fn ixor(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    inplace(vm, args, crate::bytecode::BinOp::Xor)
}
