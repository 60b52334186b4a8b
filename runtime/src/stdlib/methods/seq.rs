//! Methods of `list` and `tuple`, and the stable sort behind `list.sort` and
//! `sorted` (a merge sort that only asks `<`, tolerates inconsistent comparisons and
//! stops at the first exception).

use std::rc::Rc;

use crate::bytecode::CmpOp;
use crate::object::{PyList, Value};
use crate::vm::{Args, PyResult, Vm};

use super::{base_of, method};

/// Installs the methods of `list` and `tuple`.
pub fn install(vm: &mut Vm) {
    let t = &vm.ctx.types;
    method(
        &t.list,
        &[
            ("append", append),
            ("extend", extend),
            ("pop", pop),
            ("insert", insert),
            ("remove", remove),
            ("index", index),
            ("count", count),
            ("sort", sort),
            ("reverse", reverse),
            ("copy", copy),
            ("clear", clear),
            ("__iadd__", iadd),
            ("__imul__", imul),
        ],
    );
    method(&t.slice, &[("indices", slice_indices)]);
    method(&t.range, &[("index", range_index), ("count", range_count)]);
    method(
        &t.tuple,
        &[
            ("index", index),
            ("count", count),
            ("__getnewargs__", getnewargs),
        ],
    );
}

fn list_of(vm: &mut Vm, v: &Value) -> PyResult<Rc<PyList>> {
    match base_of(v) {
        Value::List(l) => Ok(l.clone()),
        other => Err(vm.type_error(format!(
            "descriptor requires a 'list' object but received a '{}'",
            vm.type_name(other)
        ))),
    }
}

fn append(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "list.append", 2, 2)?;
    list_of(vm, &a[0])?.0.borrow_mut().push(a[1].clone());
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "list.extend", 2, 2)?;
    let l = list_of(vm, &a[0])?;
    let items = vm.collect(&a[1])?;
    l.0.borrow_mut().extend(items);
    Ok(Value::None)
}

fn iadd(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    extend(vm, args)?;
    Ok(args.all[0].clone())
}

fn imul(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "list.__imul__", 2, 2)?;
    let l = list_of(vm, &a[0])?;
    let Some(n) = vm.repeat_count(&a[1])? else {
        return Err(vm.type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            vm.type_name(&a[1])
        )));
    };
    let items = l.0.borrow().clone();
    *l.0.borrow_mut() = vm.repeat(&items, n)?;
    Ok(a[0].clone())
}

fn pop(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "list.pop", 1, 2)?;
    let l = list_of(vm, &a[0])?;
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

fn insert(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "list.insert", 3, 3)?;
    let l = list_of(vm, &a[0])?;
    let n = l.0.borrow().len() as i64;
    let mut i = match vm.index_value(&a[1])? {
        Some(i) => i,
        None => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(&a[1])
            )));
        }
    };
    if i < 0 {
        i = (i + n).max(0);
    }
    l.0.borrow_mut().insert(i.min(n) as usize, a[2].clone());
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "list.remove", 2, 2)?;
    let l = list_of(vm, &a[0])?;
    let mut i = 0;
    loop {
        let x = match l.0.borrow().get(i) {
            Some(x) => x.clone(),
            None => break,
        };
        if x.is(&a[1]) || vm.eq(&x, &a[1])? {
            let old = l.0.borrow_mut().remove(i);
            drop(old);
            return Ok(Value::None);
        }
        i += 1;
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

fn items_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    match base_of(v) {
        Value::List(l) => Ok(l.0.borrow().clone()),
        Value::Tuple(t) => Ok(t.0.to_vec()),
        other => Err(vm.type_error(format!(
            "descriptor requires a sequence but received a '{}'",
            vm.type_name(other)
        ))),
    }
}

fn index(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "list.index", 2, 4)?;
    let items = items_of(vm, &a[0])?;
    let n = items.len() as i64;
    let bound = |vm: &mut Vm, v: Option<&Value>, d: i64| -> PyResult<i64> {
        match v {
            None => Ok(d),
            Some(x) => {
                let i = match vm.index_value(x)? {
                    Some(i) => i,
                    None => {
                        return Err(vm.type_error(
                            "slice indices must be integers or have an __index__ method",
                        ));
                    }
                };
                Ok(if i < 0 { (i + n).max(0) } else { i.min(n) })
            }
        }
    };
    let start = bound(vm, a.get(2), 0)?;
    let stop = bound(vm, a.get(3), n)?;
    let mut i = start;
    while i < stop && (i as usize) < items.len() {
        let x = &items[i as usize];
        if x.is(&a[1]) || vm.eq(x, &a[1])? {
            return Ok(Value::Int(i));
        }
        i += 1;
    }
    if matches!(base_of(&a[0]), Value::List(_)) {
        let r = vm.repr(&a[1])?;
        Err(vm.value_error(format!("{r} is not in list")))
    } else {
        Err(vm.value_error("tuple.index(x): x not in tuple"))
    }
}

fn count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "list.count", 2, 2)?;
    let items = items_of(vm, &a[0])?;
    let mut n = 0;
    for x in &items {
        if x.is(&a[1]) || vm.eq(x, &a[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn getnewargs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "list.__getnewargs__", 1, 1)?;
    Ok(Value::tuple_of([base_of(&a[0]).clone()]))
}

/// `list.sort(key=None, reverse=False)` / `sorted()` keyword arguments.
pub fn sort_kwargs(vm: &mut Vm, args: &Args<'_>, fname: &str) -> PyResult<(Option<Value>, bool)> {
    let mut key = None;
    let mut reverse = false;
    for (k, v) in args.kw() {
        match k {
            "key" => key = Some(v.clone()).filter(|k| !k.is_none()),
            "reverse" => reverse = vm.truthy(v)?,
            _ => {
                return Err(vm.type_error(format!(
                    "'{k}' is an invalid keyword argument for {fname}()"
                )));
            }
        }
    }
    Ok((key, reverse))
}

fn sort(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if args.pos().len() != 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let l = list_of(vm, &args.all[0])?;
    let (key, reverse) = sort_kwargs(vm, &args, "sort")?;
    let mut items = std::mem::take(&mut *l.0.borrow_mut());
    let r = sort_values(vm, &mut items, key.as_ref(), reverse);
    let modified = !l.0.borrow().is_empty();
    *l.0.borrow_mut() = items;
    r?;
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(Value::None)
}

fn reverse(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "list.reverse", 1, 1)?;
    list_of(vm, &a[0])?.0.borrow_mut().reverse();
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "list.copy", 1, 1)?;
    let v = list_of(vm, &a[0])?.0.borrow().clone();
    Ok(Value::list(v))
}

fn clear(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "list.clear", 1, 1)?;
    let l = list_of(vm, &a[0])?;
    let old = std::mem::take(&mut *l.0.borrow_mut());
    drop(old);
    Ok(Value::None)
}

/// Sorts values in place with Python's `<` (stable), optionally by key and reversed
/// (reversing keeps equal items in their original order, as CPython does).
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
    // Keys all of one simple type sort without the VM (stably, like the
    // general path; floats only when no NaN makes the order partial).
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
        .all(|k| matches!(k, Value::FloatW(f) if !f.get().is_nan()))
    {
        idx.sort_by(|&a, &b| match (&keys[a], &keys[b]) {
            (Value::FloatW(x), Value::FloatW(y)) => x
                .get()
                .partial_cmp(&y.get())
                .unwrap_or(std::cmp::Ordering::Equal),
            _ => std::cmp::Ordering::Equal,
        });
    } else if !static_sort(&mut idx, &keys) {
        merge_sort(vm, &mut idx, &keys)?;
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

/// Sorts `idx` by keys whose comparisons run no Python code (tuples of ints and
/// strs ...: see `static_order`), stably. Returns false, with `idx` as it was,
/// when some comparison needs the VM.
fn static_sort(idx: &mut [usize], keys: &[Value]) -> bool {
    use crate::vm::compare::static_order;
    use std::cmp::Ordering;
    if keys.first().is_none_or(|k| static_order(k, k).is_none()) {
        return false;
    }
    let saved = idx.to_vec();
    let mut ok = true;
    idx.sort_by(|&a, &b| {
        if !ok {
            return Ordering::Equal;
        }
        match static_order(&keys[a], &keys[b]) {
            Some(o) => o,
            None => {
                ok = false;
                Ordering::Equal
            }
        }
    });
    if !ok {
        idx.copy_from_slice(&saved);
    }
    ok
}

fn less(vm: &mut Vm, keys: &[Value], a: usize, b: usize) -> PyResult<bool> {
    let (x, y) = (&keys[a], &keys[b]);
    if let (Value::Int(p), Value::Int(q)) = (x, y) {
        return Ok(p < q);
    }
    if let (Value::Str(p), Value::Str(q)) = (x, y) {
        return Ok(p.as_str() < q.as_str());
    }
    if let Some(o) = crate::vm::compare::static_order(x, y) {
        return Ok(o == std::cmp::Ordering::Less);
    }
    let r = vm.compare(CmpOp::Lt, x, y)?;
    vm.truthy(&r)
}

fn merge_sort(vm: &mut Vm, idx: &mut [usize], keys: &[Value]) -> PyResult<()> {
    let n = idx.len();
    if n < 2 {
        return Ok(());
    }
    if n <= 16 {
        // binary insertion sort
        for i in 1..n {
            let cur = idx[i];
            let (mut lo, mut hi) = (0, i);
            while lo < hi {
                let mid = (lo + hi) / 2;
                if less(vm, keys, cur, idx[mid])? {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            idx.copy_within(lo..i, lo + 1);
            idx[lo] = cur;
        }
        return Ok(());
    }
    let mid = n / 2;
    merge_sort(vm, &mut idx[..mid], keys)?;
    merge_sort(vm, &mut idx[mid..], keys)?;
    // already ordered?
    if !less(vm, keys, idx[mid], idx[mid - 1])? {
        return Ok(());
    }
    let left = idx[..mid].to_vec();
    let right = idx[mid..].to_vec();
    let (mut i, mut j, mut k) = (0, 0, 0);
    while i < left.len() && j < right.len() {
        if less(vm, keys, right[j], left[i])? {
            idx[k] = right[j];
            j += 1;
        } else {
            idx[k] = left[i];
            i += 1;
        }
        k += 1;
    }
    while i < left.len() {
        idx[k] = left[i];
        i += 1;
        k += 1;
    }
    while j < right.len() {
        idx[k] = right[j];
        j += 1;
        k += 1;
    }
    Ok(())
}

fn slice_indices(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "slice.indices", 2, 2)?;
    let Value::Slice(sl) = &a[0] else {
        return Err(vm.type_error("descriptor 'indices' requires a 'slice' object"));
    };
    let n = match vm.index_value(&a[1])? {
        Some(n) if n >= 0 => n as usize,
        Some(_) => return Err(vm.value_error("length should not be negative")),
        None => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(&a[1])
            )));
        }
    };
    let (st, en, step) = vm.slice_indices(sl, n)?;
    Ok(Value::tuple_of([
        Value::Int(st),
        Value::Int(en),
        Value::Int(step),
    ]))
}

fn range_pos(r: &crate::object::PyRange, v: &Value) -> Option<i64> {
    let i = match v {
        Value::Int(i) => *i,
        Value::BoolW(b) => b.get() as i64,
        _ => return None,
    };
    let inside = if r.step > 0 {
        i >= r.start && i < r.stop
    } else {
        i <= r.start && i > r.stop
    };
    if inside && (i - r.start) % r.step == 0 {
        Some((i - r.start) / r.step)
    } else {
        None
    }
}

fn range_index(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "range.index", 2, 2)?;
    let Value::Range(r) = &a[0] else {
        return Err(vm.type_error("descriptor 'index' requires a 'range' object"));
    };
    match range_pos(r, base_of(&a[1])) {
        Some(p) => Ok(Value::Int(p)),
        None => {
            let it = vm.get_iter(&a[0])?;
            let mut k = 0;
            while let Some(x) = vm.next(&it)? {
                if vm.eq(&x, &a[1])? {
                    return Ok(Value::Int(k));
                }
                k += 1;
            }
            let r = vm.repr(&a[1])?;
            Err(vm.value_error(format!("{r} is not in range")))
        }
    }
}

fn range_count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "range.count", 2, 2)?;
    let Value::Range(r) = &a[0] else {
        return Err(vm.type_error("descriptor 'count' requires a 'range' object"));
    };
    if matches!(base_of(&a[1]), Value::Int(_) | Value::BoolW(_)) {
        return Ok(Value::Int(range_pos(r, base_of(&a[1])).is_some() as i64));
    }
    let it = vm.get_iter(&a[0])?;
    let mut n = 0;
    while let Some(x) = vm.next(&it)? {
        if vm.eq(&x, &a[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}
