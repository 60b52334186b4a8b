//! `_heapq`: the heap primitives on lists (`heappush`, `heappop`, `heapify`,
//! `heapreplace`, `heappushpop` and the max-heap helpers), comparing with `<` only,
//! with CPython's sift order so equal items come out in the same order. `heapq`
//! (`py/heapq.py`) adds `merge`, `nlargest` and `nsmallest`.

use std::rc::Rc;

use crate::object::{Module, PyList, Value};
use crate::vm::{Args, PyResult, Vm};

use super::{add_funcs, new_module};

/// Creates `_heapq`.
pub fn init(_vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = new_module("_heapq");
    add_funcs(
        &m.dict,
        &[
            ("heappush", heappush),
            ("heappop", heappop),
            ("heapify", heapify),
            ("heapreplace", heapreplace),
            ("heappushpop", heappushpop),
            ("_heappop_max", heappop_max),
            ("_heapify_max", heapify_max),
            ("_heapreplace_max", heapreplace_max),
        ],
    );
    Ok(m)
}

fn list_arg<'a>(vm: &Vm, v: &'a Value, name: &str, one_arg: bool) -> PyResult<&'a Rc<PyList>> {
    match v {
        Value::List(l) => Ok(l),
        _ => {
            let t = if v.is_none() {
                "None".to_owned()
            } else {
                vm.type_name(v)
            };
            Err(vm.type_error(if one_arg {
                format!("{name}() argument must be list, not {t}")
            } else {
                format!("{name}() argument 1 must be list, not {t}")
            }))
        }
    }
}

fn get(vm: &Vm, l: &PyList, i: usize) -> PyResult<Value> {
    l.0.borrow()
        .get(i)
        .cloned()
        .ok_or_else(|| vm.runtime_error("list changed size during iteration"))
}

fn put(vm: &Vm, l: &PyList, i: usize, v: Value) -> PyResult<()> {
    let old = match l.0.borrow_mut().get_mut(i) {
        Some(slot) => std::mem::replace(slot, v),
        None => return Err(vm.runtime_error("list changed size during iteration")),
    };
    drop(old);
    Ok(())
}

/// `a < b` (or `b < a` for the max-heap variants).
fn less(vm: &mut Vm, a: &Value, b: &Value, max: bool) -> PyResult<bool> {
    if max { vm.lt(b, a) } else { vm.lt(a, b) }
}

fn sift_down(vm: &mut Vm, l: &PyList, start: usize, mut pos: usize, max: bool) -> PyResult<()> {
    let size = l.0.borrow().len();
    let newitem = get(vm, l, pos)?;
    while pos > start {
        let parentpos = (pos - 1) >> 1;
        let parent = get(vm, l, parentpos)?;
        let lt = less(vm, &newitem, &parent, max)?;
        if l.0.borrow().len() != size {
            return Err(vm.runtime_error("list changed size during iteration"));
        }
        if !lt {
            break;
        }
        put(vm, l, pos, parent)?;
        pos = parentpos;
    }
    put(vm, l, pos, newitem)
}

fn sift_up(vm: &mut Vm, l: &PyList, mut pos: usize, max: bool) -> PyResult<()> {
    let end = l.0.borrow().len();
    let start = pos;
    let newitem = get(vm, l, pos)?;
    let mut child = 2 * pos + 1;
    while child < end {
        let right = child + 1;
        if right < end {
            let (a, b) = (get(vm, l, child)?, get(vm, l, right)?);
            let lt = less(vm, &a, &b, max)?;
            if l.0.borrow().len() != end {
                return Err(vm.runtime_error("list changed size during iteration"));
            }
            if !lt {
                child = right;
            }
        }
        let c = get(vm, l, child)?;
        put(vm, l, pos, c)?;
        pos = child;
        child = 2 * pos + 1;
    }
    put(vm, l, pos, newitem)?;
    sift_down(vm, l, start, pos, max)
}

fn heappush(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "heappush", 2, 2)?;
    let l = list_arg(vm, &a[0], "heappush", false)?;
    let n = {
        let mut v = l.0.borrow_mut();
        v.push(a[1].clone());
        v.len()
    };
    sift_down(vm, l, 0, n - 1, false)?;
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: Args<'_>, name: &str, max: bool) -> PyResult<Value> {
    let a = args.check(vm, name, 1, 1)?;
    let l = list_arg(vm, &a[0], name, true)?;
    let last = l.0.borrow_mut().pop();
    let Some(last) = last else {
        return Err(vm.index_error("index out of range"));
    };
    if l.0.borrow().is_empty() {
        return Ok(last);
    }
    let first = std::mem::replace(&mut l.0.borrow_mut()[0], last);
    sift_up(vm, l, 0, max)?;
    Ok(first)
}

fn heappop(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pop(vm, args, "heappop", false)
}

fn heappop_max(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pop(vm, args, "_heappop_max", true)
}

fn replace(vm: &mut Vm, args: Args<'_>, name: &str, max: bool) -> PyResult<Value> {
    let a = args.check(vm, name, 2, 2)?;
    let l = list_arg(vm, &a[0], name, false)?;
    if l.0.borrow().is_empty() {
        return Err(vm.index_error("index out of range"));
    }
    let first = std::mem::replace(&mut l.0.borrow_mut()[0], a[1].clone());
    sift_up(vm, l, 0, max)?;
    Ok(first)
}

fn heapreplace(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    replace(vm, args, "heapreplace", false)
}

fn heapreplace_max(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    replace(vm, args, "_heapreplace_max", true)
}

fn heappushpop(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "heappushpop", 2, 2)?;
    let l = list_arg(vm, &a[0], "heappushpop", false)?;
    let top = l.0.borrow().first().cloned();
    let Some(top) = top else {
        return Ok(a[1].clone());
    };
    if !vm.lt(&top, &a[1])? {
        return Ok(a[1].clone());
    }
    if l.0.borrow().is_empty() {
        return Err(vm.index_error("index out of range"));
    }
    let first = std::mem::replace(&mut l.0.borrow_mut()[0], a[1].clone());
    sift_up(vm, l, 0, false)?;
    Ok(first)
}

fn do_heapify(vm: &mut Vm, args: Args<'_>, name: &str, max: bool) -> PyResult<Value> {
    let a = args.check(vm, name, 1, 1)?;
    let l = list_arg(vm, &a[0], name, true)?;
    let n = l.0.borrow().len();
    for i in (0..n / 2).rev() {
        sift_up(vm, l, i, max)?;
    }
    Ok(Value::None)
}

fn heapify(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    do_heapify(vm, args, "heapify", false)
}

fn heapify_max(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    do_heapify(vm, args, "_heapify_max", true)
}
