//! `_collections`: the native `deque` (a ring buffer of values with an optional
//! `maxlen`) and `_count_elements`, the counting loop behind `Counter`.
//! `collections` (`py/collections.py`) re-exports them.

use crate::object::BoolWord;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use crate::bytecode::CmpOp;
use crate::object::{Module, Value};
use crate::vm::{Args, PyResult, Vm};

use super::modsupport::{module_class, new_native, register_class, registered_class};
use super::{add_funcs, add_methods, func, new_module};

/// A deque's contents.
pub struct DequeState {
    items: VecDeque<Value>,
    maxlen: Option<usize>,
    /// Bumped by every mutation, so iterators notice.
    version: u64,
}

type Deque = RefCell<DequeState>;

struct DequeIter {
    deque: Value,
    index: usize,
    version: u64,
    reverse: bool,
}

/// Creates `_collections`.
pub fn init(vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = new_module("_collections");
    let cls = module_class(vm, "deque", "collections");
    add_methods(
        &cls,
        &[
            ("append", append),
            ("appendleft", appendleft),
            ("pop", pop),
            ("popleft", popleft),
            ("extend", extend),
            ("extendleft", extendleft),
            ("rotate", rotate),
            ("clear", clear),
            ("copy", copy),
            ("__copy__", copy),
            ("count", count),
            ("index", index),
            ("insert", insert),
            ("remove", remove),
            ("reverse", reverse),
            ("__len__", len),
            ("__bool__", bool_),
            ("__getitem__", getitem),
            ("__setitem__", setitem),
            ("__delitem__", delitem),
            ("__iter__", iter),
            ("__reversed__", reversed),
            ("__contains__", contains),
            ("__repr__", repr),
            ("__eq__", eq),
            ("__ne__", ne),
            ("__lt__", lt),
            ("__le__", le),
            ("__gt__", gt),
            ("__ge__", ge),
            ("__add__", add),
            ("__iadd__", iadd),
            ("__mul__", mul),
            ("__rmul__", mul),
            ("__imul__", imul),
            ("__class_getitem__", class_getitem),
        ],
    );
    cls.dict.set_str("__new__", func("__new__", deque_new));
    cls.dict.set_str("__hash__", Value::None);
    let maxlen_prop = crate::vm::attr::Property {
        fget: func("maxlen", maxlen),
        fset: Value::None,
        fdel: Value::None,
        doc: Value::None,
    };
    cls.dict.set_str(
        "maxlen",
        new_native(vm.ctx.types.property.clone(), maxlen_prop),
    );
    register_class(vm, "collections.deque", &cls);
    let it = module_class(vm, "_deque_iterator", "_collections");
    add_methods(&it, &[("__next__", iter_next), ("__iter__", iter_self)]);
    register_class(vm, "collections._deque_iterator", &it);
    m.dict.set_str("deque", Value::Type(cls));
    add_funcs(
        &m.dict,
        &[
            ("_count_elements", count_elements),
            ("_defaultdict_missing", defaultdict_missing),
            ("_counter_missing", counter_missing),
        ],
    );
    Ok(m)
}

fn state<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Deque> {
    if let Value::Native(n) = v
        && let Some(d) = n.get::<Deque>()
    {
        return Ok(d);
    }
    Err(vm.type_error(format!(
        "descriptor requires a 'collections.deque' object but received a '{}'",
        vm.type_name(v)
    )))
}

fn is_deque(v: &Value) -> bool {
    matches!(v, Value::Native(n) if n.get::<Deque>().is_some())
}

fn new_deque(vm: &Vm, items: VecDeque<Value>, maxlen: Option<usize>) -> Value {
    let cls = registered_class(vm, "collections.deque");
    new_native(
        cls,
        RefCell::new(DequeState {
            items,
            maxlen,
            version: 0,
        }),
    )
}

fn deque_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    if pos.len() > 3 {
        return Err(vm.type_error(format!(
            "deque() takes at most 2 arguments ({} given)",
            pos.len() - 1
        )));
    }
    for (k, _) in args.kw() {
        if k != "iterable" && k != "maxlen" {
            return Err(vm.type_error(format!("deque() got an unexpected keyword argument '{k}'")));
        }
    }
    let maxlen = match args.get(2, "maxlen") {
        None | Some(Value::None) => None,
        Some(v) => {
            let n = vm.arg_i64(v, "")?;
            if n < 0 {
                return Err(vm.value_error("maxlen must be non-negative"));
            }
            Some(n as usize)
        }
    };
    let cls = match &pos[0] {
        Value::Type(t) => t.clone(),
        _ => registered_class(vm, "collections.deque"),
    };
    let d = new_native(
        cls,
        RefCell::new(DequeState {
            items: VecDeque::new(),
            maxlen,
            version: 0,
        }),
    );
    if let Some(it) = args.get(1, "iterable") {
        let it = it.clone();
        extend_impl(vm, &d, &it, false)?;
    }
    Ok(d)
}

fn maxlen(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let d = state(vm, &args.all[0])?;
    Ok(match d.borrow().maxlen {
        Some(n) => Value::Int(n as i64),
        None => Value::None,
    })
}

fn push(d: &Deque, v: Value, left: bool) {
    let mut s = d.borrow_mut();
    s.version += 1;
    if s.maxlen == Some(0) {
        return;
    }
    let full = s.maxlen.is_some_and(|m| s.items.len() >= m);
    let dropped = if left {
        let x = if full { s.items.pop_back() } else { None };
        s.items.push_front(v);
        x
    } else {
        let x = if full { s.items.pop_front() } else { None };
        s.items.push_back(v);
        x
    };
    drop(s);
    drop(dropped);
}

fn append(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "append", 2, 2)?;
    push(state(vm, &a[0])?, a[1].clone(), false);
    Ok(Value::None)
}

fn appendleft(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "appendleft", 2, 2)?;
    push(state(vm, &a[0])?, a[1].clone(), true);
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "pop", 1, 1)?;
    let d = state(vm, &a[0])?;
    let mut s = d.borrow_mut();
    s.version += 1;
    match s.items.pop_back() {
        Some(v) => Ok(v),
        None => Err(vm.index_error("pop from an empty deque")),
    }
}

fn popleft(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "popleft", 1, 1)?;
    let d = state(vm, &a[0])?;
    let mut s = d.borrow_mut();
    s.version += 1;
    match s.items.pop_front() {
        Some(v) => Ok(v),
        None => Err(vm.index_error("pop from an empty deque")),
    }
}

fn extend_impl(vm: &mut Vm, dv: &Value, it: &Value, left: bool) -> PyResult<()> {
    let d = state(vm, dv)?;
    let items = if it.is(dv) {
        d.borrow().items.iter().cloned().collect()
    } else {
        match it {
            Value::List(l) => l.0.borrow().clone(),
            Value::Tuple(t) => t.0.to_vec(),
            _ => {
                let iter = vm.get_iter(it)?;
                while let Some(x) = vm.next(&iter)? {
                    push(d, x, left);
                }
                return Ok(());
            }
        }
    };
    for x in items {
        push(d, x, left);
    }
    Ok(())
}

fn extend(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "extend", 2, 2)?;
    extend_impl(vm, &a[0], &a[1], false)?;
    Ok(Value::None)
}

fn extendleft(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "extendleft", 2, 2)?;
    extend_impl(vm, &a[0], &a[1], true)?;
    Ok(Value::None)
}

fn rotate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "rotate", 1, 2)?;
    let n = match a.get(1) {
        Some(v) => vm.arg_i64(v, "")?,
        None => 1,
    };
    let d = state(vm, &a[0])?;
    let mut s = d.borrow_mut();
    s.version += 1;
    let len = s.items.len() as i64;
    if len > 1 {
        let k = n.rem_euclid(len) as usize;
        s.items.rotate_right(k);
    }
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "clear", 1, 1)?;
    let d = state(vm, &a[0])?;
    let old = {
        let mut s = d.borrow_mut();
        s.version += 1;
        std::mem::take(&mut s.items)
    };
    drop(old);
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "copy", 1, 1)?;
    let d = state(vm, &a[0])?;
    let (items, maxlen) = {
        let s = d.borrow();
        (s.items.clone(), s.maxlen)
    };
    Ok(new_deque(vm, items, maxlen))
}

fn snapshot(d: &Deque) -> (Vec<Value>, u64) {
    let s = d.borrow();
    (s.items.iter().cloned().collect(), s.version)
}

fn count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "count", 2, 2)?;
    let d = state(vm, &a[0])?;
    let (items, version) = snapshot(d);
    let mut n = 0;
    for x in &items {
        if x.is(&a[1]) || vm.eq(x, &a[1])? {
            n += 1;
        }
        if d.borrow().version != version {
            return Err(vm.runtime_error("deque mutated during iteration"));
        }
    }
    Ok(Value::Int(n))
}

fn index(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "index", 2, 4)?;
    let d = state(vm, &a[0])?;
    let (items, version) = snapshot(d);
    let len = items.len() as i64;
    let norm = |i: i64| -> usize {
        let j = if i < 0 { i + len } else { i };
        j.clamp(0, len) as usize
    };
    let start = match a.get(2) {
        Some(v) => norm(vm.arg_i64(v, "")?),
        None => 0,
    };
    let stop = match a.get(3) {
        Some(v) => norm(vm.arg_i64(v, "")?),
        None => items.len(),
    };
    for (i, x) in items.iter().enumerate().take(stop).skip(start) {
        if x.is(&a[1]) || vm.eq(x, &a[1])? {
            return Ok(Value::Int(i as i64));
        }
        if d.borrow().version != version {
            return Err(vm.runtime_error("deque mutated during iteration"));
        }
    }
    let r = vm.repr(&a[1])?;
    Err(vm.value_error(format!("{r} is not in deque")))
}

fn insert(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "insert", 3, 3)?;
    let i = vm.arg_i64(&a[1], "")?;
    let d = state(vm, &a[0])?;
    let mut s = d.borrow_mut();
    if s.maxlen.is_some_and(|m| s.items.len() >= m) {
        return Err(vm.index_error("deque already at its maximum size"));
    }
    let len = s.items.len() as i64;
    let j = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
    s.version += 1;
    s.items.insert(j, a[2].clone());
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "remove", 2, 2)?;
    let d = state(vm, &a[0])?;
    let (items, version) = snapshot(d);
    for (i, x) in items.iter().enumerate() {
        let found = x.is(&a[1]) || vm.eq(x, &a[1])?;
        if d.borrow().version != version {
            return Err(vm.index_error("deque mutated during remove()."));
        }
        if found {
            let old = {
                let mut s = d.borrow_mut();
                s.version += 1;
                s.items.remove(i)
            };
            drop(old);
            return Ok(Value::None);
        }
    }
    let r = vm.repr(&a[1])?;
    Err(vm.value_error(format!("{r} is not in deque")))
}

fn reverse(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "reverse", 1, 1)?;
    let d = state(vm, &a[0])?;
    let mut s = d.borrow_mut();
    s.version += 1;
    s.items.make_contiguous().reverse();
    Ok(Value::None)
}

fn len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let d = state(vm, &args.all[0])?;
    Ok(Value::Int(d.borrow().items.len() as i64))
}

fn bool_(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let d = state(vm, &args.all[0])?;
    Ok(Value::Bool(!d.borrow().items.is_empty()))
}

fn item_index(vm: &mut Vm, d: &Deque, key: &Value) -> PyResult<usize> {
    if let Value::Slice(_) = key {
        return Err(vm.type_error("sequence index must be integer, not 'slice'"));
    }
    let i = match vm.index_int(key) {
        Ok(Value::Int(i)) => i,
        Ok(_) => return Err(vm.index_error("cannot fit 'int' into an index-sized integer")),
        Err(_) => {
            return Err(vm.type_error(format!(
                "sequence index must be integer, not '{}'",
                vm.type_name(key)
            )));
        }
    };
    let len = d.borrow().items.len() as i64;
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(vm.index_error("deque index out of range"));
    }
    Ok(j as usize)
}

fn getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__getitem__", 2, 2)?;
    let d = state(vm, &a[0])?;
    let i = item_index(vm, d, &a[1])?;
    Ok(d.borrow().items[i].clone())
}

fn setitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__setitem__", 3, 3)?;
    let d = state(vm, &a[0])?;
    let i = item_index(vm, d, &a[1])?;
    let old = std::mem::replace(&mut d.borrow_mut().items[i], a[2].clone());
    drop(old);
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__delitem__", 2, 2)?;
    let d = state(vm, &a[0])?;
    let i = item_index(vm, d, &a[1])?;
    let old = {
        let mut s = d.borrow_mut();
        s.version += 1;
        s.items.remove(i)
    };
    drop(old);
    Ok(Value::None)
}

fn make_iter(vm: &mut Vm, dv: &Value, reverse: bool) -> PyResult<Value> {
    let d = state(vm, dv)?;
    let version = d.borrow().version;
    let cls = registered_class(vm, "collections._deque_iterator");
    Ok(new_native(
        cls,
        RefCell::new(DequeIter {
            deque: dv.clone(),
            index: 0,
            version,
            reverse,
        }),
    ))
}

fn iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    make_iter(vm, &args.all[0], false)
}

fn reversed(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    make_iter(vm, &args.all[0], true)
}

fn iter_self(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(args.all[0].clone())
}

fn iter_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Value::Native(n) = &args.all[0] else {
        return Err(vm.type_error("expected a deque iterator"));
    };
    let Some(it) = n.get::<RefCell<DequeIter>>() else {
        return Err(vm.type_error("expected a deque iterator"));
    };
    let mut it = it.borrow_mut();
    let dv = it.deque.clone();
    let d = state(vm, &dv)?;
    let s = d.borrow();
    if s.version != it.version {
        it.index = usize::MAX;
        return Err(vm.runtime_error("deque mutated during iteration"));
    }
    let len = s.items.len();
    if it.index >= len {
        it.index = usize::MAX;
        return Err(vm.stop_iteration(Value::None));
    }
    let i = if it.reverse {
        len - 1 - it.index
    } else {
        it.index
    };
    it.index += 1;
    Ok(s.items[i].clone())
}

fn contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__contains__", 2, 2)?;
    let d = state(vm, &a[0])?;
    let (items, version) = snapshot(d);
    for x in &items {
        if x.is(&a[1]) || vm.eq(x, &a[1])? {
            return Ok(Value::BoolW(BoolWord::TRUE));
        }
        if d.borrow().version != version {
            return Err(vm.runtime_error("deque mutated during iteration"));
        }
    }
    Ok(Value::BoolW(BoolWord::FALSE))
}

fn repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let dv = args.all[0].clone();
    let d = state(vm, &dv)?;
    let name = vm.type_of(&dv).name().to_owned();
    let id = dv.id();
    if vm.repr_stack.contains(&id) {
        return Ok(Value::str("[...]"));
    }
    let (items, maxlen) = {
        let s = d.borrow();
        (s.items.iter().cloned().collect::<Vec<_>>(), s.maxlen)
    };
    vm.repr_stack.push(id);
    let list = vm.repr(&Value::list(items));
    vm.repr_stack.pop();
    let list = list?;
    Ok(Value::string(match maxlen {
        Some(m) => format!("{name}({list}, maxlen={m})"),
        None => format!("{name}({list})"),
    }))
}

fn compare(vm: &mut Vm, args: Args<'_>, op: CmpOp) -> PyResult<Value> {
    let a = &args.all[0];
    let b = &args.all[1];
    if !is_deque(b) {
        return Ok(Value::NotImplemented);
    }
    let x = snapshot(state(vm, a)?).0;
    let y = snapshot(state(vm, b)?).0;
    vm.compare(op, &Value::list(x), &Value::list(y))
}

fn eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, CmpOp::Eq)
}

fn ne(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, CmpOp::Ne)
}

fn lt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, CmpOp::Lt)
}

fn le(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, CmpOp::Le)
}

fn gt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, CmpOp::Gt)
}

fn ge(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, CmpOp::Ge)
}

fn add(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = &args.all[0];
    let b = &args.all[1];
    if !is_deque(b) {
        return Err(vm.type_error(format!(
            "can only concatenate deque (not \"{}\") to deque",
            vm.type_name(b)
        )));
    }
    let d = state(vm, a)?;
    let (items, maxlen) = {
        let s = d.borrow();
        (s.items.clone(), s.maxlen)
    };
    let out = new_deque(vm, items, maxlen);
    extend_impl(vm, &out, b, false)?;
    Ok(out)
}

fn iadd(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.all[0].clone();
    extend_impl(vm, &a, &args.all[1], false)?;
    Ok(a)
}

fn repeat_count(vm: &mut Vm, v: &Value) -> PyResult<Option<usize>> {
    match vm.index_int(v) {
        Ok(Value::Int(n)) => Ok(Some(n.max(0) as usize)),
        Ok(_) => Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
        Err(_) => Ok(None),
    }
}

fn mul(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = &args.all[0];
    let Some(n) = repeat_count(vm, &args.all[1])? else {
        return Ok(Value::NotImplemented);
    };
    let d = state(vm, a)?;
    let (items, maxlen) = {
        let s = d.borrow();
        (s.items.clone(), s.maxlen)
    };
    let out = new_deque(vm, VecDeque::new(), maxlen);
    let od = state(vm, &out)?;
    for _ in 0..n {
        for x in &items {
            push(od, x.clone(), false);
        }
    }
    Ok(out)
}

fn imul(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.all[0].clone();
    let Some(n) = repeat_count(vm, &args.all[1])? else {
        return Ok(Value::NotImplemented);
    };
    let d = state(vm, &a)?;
    let items: Vec<Value> = d.borrow().items.iter().cloned().collect();
    if n == 0 {
        d.borrow_mut().items.clear();
    }
    for _ in 1..n {
        for x in &items {
            push(d, x.clone(), false);
        }
    }
    Ok(a)
}

fn class_getitem(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(args.all[0].clone())
}

/// `_count_elements(mapping, iterable)`: `mapping[x] = mapping.get(x, 0) + 1` for
/// each item, in Rust when the mapping is a plain dict.
/// `defaultdict.__missing__(self, key)`: `self[key] = self.default_factory()`,
/// returning the new value (`KeyError` without a factory). `int` and `list` as
/// factories make their value without a call.
fn defaultdict_missing(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__missing__", 2, 2)?;
    // the attribute lives in the instance dict unless the class redefines it
    let own = match &a[0] {
        Value::Instance(i) if i.class.lookup("default_factory").is_none() => {
            i.dict.get_str("default_factory")
        }
        _ => None,
    };
    let factory = match own {
        Some(f) => f,
        None => vm.get_attr_str(&a[0], "default_factory")?,
    };
    let value = match &factory {
        Value::None => return Err(vm.key_error(a[1].clone())),
        Value::Type(t) if Rc::ptr_eq(t, &vm.ctx.types.int) => Value::Int(0),
        Value::Type(t) if Rc::ptr_eq(t, &vm.ctx.types.list) => Value::list(Vec::new()),
        f => vm.call0(f, &[])?,
    };
    vm.set_item(&a[0], a[1].clone(), value.clone())?;
    Ok(value)
}

/// `Counter.__missing__(self, key)`: 0.
fn counter_missing(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.check(vm, "__missing__", 2, 2)?;
    Ok(Value::Int(0))
}

fn count_elements(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "_count_elements", 2, 2)?;
    let it = vm.get_iter(&a[1])?;
    if let Value::Dict(d) = &a[0] {
        while let Some(x) = vm.next(&it)? {
            let cur = d
                .get_item(&x)
                .map_err(|u| vm.type_error(format!("unhashable type: '{}'", u.0)))?;
            let new = match cur {
                None => Value::Int(1),
                Some(Value::Int(n)) if n < i64::MAX => Value::Int(n + 1),
                Some(v) => vm.binary_op(crate::bytecode::BinOp::Add, &v, &Value::Int(1))?,
            };
            vm.dict_set(d, x, new)?;
        }
        return Ok(Value::None);
    }
    let map = a[0].clone();
    let get = vm.get_attr_str(&map, "get")?;
    while let Some(x) = vm.next(&it)? {
        let cur = vm.call0(&get, &[x.clone(), Value::Int(0)])?;
        let new = vm.binary_op(crate::bytecode::BinOp::Add, &cur, &Value::Int(1))?;
        vm.set_item(&map, x, new)?;
    }
    Ok(Value::None)
}
