//! The `bisect` module: binary search and insertion in sorted sequences, with the
//! `key` argument of Python 3.10+, comparing with `<` only as CPython does.

use std::rc::Rc;

use crate::object::{Module, Value};
use crate::vm::{Args, PyResult, Vm};

use super::{add_funcs, new_module};

/// Creates `bisect`.
pub fn init(_vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = new_module("bisect");
    add_funcs(
        &m.dict,
        &[
            ("bisect_left", bisect_left),
            ("bisect_right", bisect_right),
            ("bisect", bisect_right),
            ("insort_left", insort_left),
            ("insort_right", insort_right),
            ("insort", insort_right),
        ],
    );
    Ok(m)
}

struct Params {
    a: Value,
    x: Value,
    lo: usize,
    hi: Option<usize>,
    key: Value,
}

fn params(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<Params> {
    let pos = args.pos();
    if pos.len() > 4 {
        return Err(vm.type_error(format!(
            "{name}() takes at most 4 arguments ({} given)",
            pos.len()
        )));
    }
    for (k, _) in args.kw() {
        if !matches!(k, "a" | "x" | "lo" | "hi" | "key") {
            return Err(vm.type_error(format!("{name}() got an unexpected keyword argument '{k}'")));
        }
    }
    let Some(a) = args.get(0, "a").cloned() else {
        return Err(vm.type_error(format!("{name}() missing required argument 'a' (pos 1)")));
    };
    let Some(x) = args.get(1, "x").cloned() else {
        return Err(vm.type_error(format!("{name}() missing required argument 'x' (pos 2)")));
    };
    let lo = match args.get(2, "lo") {
        Some(v) => vm.arg_i64(v, "")?,
        None => 0,
    };
    if lo < 0 {
        return Err(vm.value_error("lo must be non-negative"));
    }
    let hi = match args.get(3, "hi") {
        None | Some(Value::None) => None,
        Some(v) => {
            let h = vm.arg_i64(v, "")?;
            Some(h.max(0) as usize)
        }
    };
    let key = args.kwarg("key").cloned().unwrap_or(Value::None);
    Ok(Params {
        a,
        x,
        lo: lo as usize,
        hi,
        key,
    })
}

/// The insertion point of `x` in `a[lo:hi]` (right: after equal items).
fn search(vm: &mut Vm, p: &Params, x: &Value, right: bool) -> PyResult<usize> {
    let mut lo = p.lo;
    let mut hi = match p.hi {
        Some(h) => h,
        None => vm.len(&p.a)?,
    };
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let item = match &p.a {
            Value::List(l) => match l.0.borrow().get(mid) {
                Some(v) => v.clone(),
                None => return Err(vm.index_error("list index out of range")),
            },
            other => vm.get_item(other, &Value::Int(mid as i64))?,
        };
        let item = if p.key.is_none() {
            item
        } else {
            vm.call0(&p.key, &[item])?
        };
        let go_left = if right {
            vm.lt(x, &item)?
        } else {
            !vm.lt(&item, x)?
        };
        if go_left {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

fn bisect_left(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = params(vm, &args, "bisect_left")?;
    let x = p.x.clone();
    Ok(Value::Int(search(vm, &p, &x, false)? as i64))
}

fn bisect_right(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = params(vm, &args, "bisect_right")?;
    let x = p.x.clone();
    Ok(Value::Int(search(vm, &p, &x, true)? as i64))
}

fn insort(vm: &mut Vm, args: Args<'_>, name: &str, right: bool) -> PyResult<Value> {
    let p = params(vm, &args, name)?;
    let kx = if p.key.is_none() {
        p.x.clone()
    } else {
        vm.call0(&p.key, std::slice::from_ref(&p.x))?
    };
    let i = search(vm, &p, &kx, right)?;
    match &p.a {
        Value::List(l) => {
            let mut v = l.0.borrow_mut();
            let i = i.min(v.len());
            v.insert(i, p.x.clone());
        }
        other => {
            vm.call_method(other, "insert", &[Value::Int(i as i64), p.x.clone()])?;
        }
    }
    Ok(Value::None)
}

fn insort_left(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    insort(vm, args, "insort_left", false)
}

fn insort_right(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    insort(vm, args, "insort_right", true)
}
