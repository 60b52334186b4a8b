//! A native double-ended queue with the interface of `collections.deque` (the
//! storage of `queue.Queue`, `Queue.queue`). It lives in `_queue` as `deque`.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use crate::object::{IterState, Native, PyType, Value};
use crate::vm::{Args, PyResult, Vm};

use super::{add_methods, native_class};

/// The data of a deque object.
pub struct PyDeque {
    pub items: RefCell<VecDeque<Value>>,
    pub maxlen: Option<usize>,
}

impl PyDeque {
    /// Appends on the right, dropping from the left when full.
    pub fn push_back(&self, v: Value) {
        let mut d = self.items.borrow_mut();
        if self.maxlen == Some(0) {
            return;
        }
        if let Some(m) = self.maxlen
            && d.len() >= m
        {
            d.pop_front();
        }
        d.push_back(v);
    }

    /// Appends on the left, dropping from the right when full.
    pub fn push_front(&self, v: Value) {
        let mut d = self.items.borrow_mut();
        if self.maxlen == Some(0) {
            return;
        }
        if let Some(m) = self.maxlen
            && d.len() >= m
        {
            d.pop_back();
        }
        d.push_front(v);
    }
}

/// Creates the deque class (`collections.deque`'s interface).
pub fn make_class(vm: &mut Vm) -> Rc<PyType> {
    let c = native_class(vm, "deque", "collections");
    add_methods(
        &c,
        &[
            ("__new__", deque_new),
            ("append", append),
            ("appendleft", appendleft),
            ("pop", pop),
            ("popleft", popleft),
            ("clear", clear),
            ("extend", extend),
            ("extendleft", extendleft),
            ("remove", remove),
            ("count", count),
            ("copy", copy),
            ("rotate", rotate),
            ("__len__", len),
            ("__iter__", iter),
            ("__getitem__", getitem),
            ("__repr__", repr),
        ],
    );
    c
}

/// The deque data of `v`, if it is a deque.
pub fn deque_of(v: &Value) -> Option<&PyDeque> {
    match v {
        Value::Native(n) => n.get::<PyDeque>(),
        _ => None,
    }
}

/// A new empty deque of class `class`.
pub fn new_deque(class: Rc<PyType>, maxlen: Option<usize>) -> Value {
    Value::Native(Rc::new(Native {
        class,
        data: Box::new(PyDeque {
            items: RefCell::new(VecDeque::new()),
            maxlen,
        }),
        dict: None,
    }))
}

fn this<'a>(vm: &mut Vm, args: &Args<'a>) -> PyResult<&'a PyDeque> {
    match args.all.first().and_then(deque_of) {
        Some(d) => Ok(d),
        None => Err(vm.type_error("descriptor requires a 'collections.deque' object")),
    }
}

fn deque_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let class = match args.all.first() {
        Some(Value::Type(t)) => t.clone(),
        _ => return Err(vm.type_error("deque.__new__(X): X is not a type object")),
    };
    let maxlen = match args.get(2, "maxlen") {
        None | Some(Value::None) => None,
        Some(m) => {
            let m = vm.arg_i64(m, "")?;
            if m < 0 {
                return Err(vm.value_error("maxlen must be non-negative"));
            }
            Some(m as usize)
        }
    };
    let d = new_deque(class, maxlen);
    if let Some(it) = args.get(1, "iterable") {
        let items = vm.collect(it)?;
        if let Some(dq) = deque_of(&d) {
            for v in items {
                dq.push_back(v);
            }
        }
    }
    Ok(d)
}

fn append(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "append", 2, 2)?;
    this(vm, &args)?.push_back(a[1].clone());
    Ok(Value::None)
}

fn appendleft(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "appendleft", 2, 2)?;
    this(vm, &args)?.push_front(a[1].clone());
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.check(vm, "pop", 1, 1)?;
    let v = this(vm, &args)?.items.borrow_mut().pop_back();
    v.ok_or_else(|| vm.index_error("pop from an empty deque"))
}

fn popleft(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.check(vm, "popleft", 1, 1)?;
    let v = this(vm, &args)?.items.borrow_mut().pop_front();
    v.ok_or_else(|| vm.index_error("pop from an empty deque"))
}

fn clear(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.check(vm, "clear", 1, 1)?;
    let old = std::mem::take(&mut *this(vm, &args)?.items.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "extend", 2, 2)?;
    let items = vm.collect(&a[1])?;
    let d = this(vm, &args)?;
    for v in items {
        d.push_back(v);
    }
    Ok(Value::None)
}

fn extendleft(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "extendleft", 2, 2)?;
    let items = vm.collect(&a[1])?;
    let d = this(vm, &args)?;
    for v in items {
        d.push_front(v);
    }
    Ok(Value::None)
}

fn snapshot(d: &PyDeque) -> Vec<Value> {
    d.items.borrow().iter().cloned().collect()
}

fn remove(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "remove", 2, 2)?;
    let d = this(vm, &args)?;
    for (i, x) in snapshot(d).iter().enumerate() {
        if x.is(&a[1]) || vm.eq(x, &a[1])? {
            let mut items = d.items.borrow_mut();
            if i < items.len() {
                items.remove(i);
            }
            return Ok(Value::None);
        }
    }
    Err(vm.value_error("deque.remove(x): x not in deque"))
}

fn count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "count", 2, 2)?;
    let d = this(vm, &args)?;
    let mut n = 0;
    for x in snapshot(d) {
        if x.is(&a[1]) || vm.eq(&x, &a[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn copy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.check(vm, "copy", 1, 1)?;
    let d = this(vm, &args)?;
    let class = vm.type_of(&args.all[0]);
    let out = new_deque(class, d.maxlen);
    if let Some(o) = deque_of(&out) {
        *o.items.borrow_mut() = d.items.borrow().clone();
    }
    Ok(out)
}

fn rotate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "rotate", 1, 2)?;
    let n = match a.get(1) {
        Some(v) => vm.arg_i64(v, "")?,
        None => 1,
    };
    let d = this(vm, &args)?;
    let mut items = d.items.borrow_mut();
    let len = items.len() as i64;
    if len > 1 {
        let k = n.rem_euclid(len) as usize;
        items.rotate_right(k);
    }
    Ok(Value::None)
}

fn len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &args)?;
    Ok(Value::Int(d.items.borrow().len() as i64))
}

fn iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &args)?;
    Ok(Vm::new_iter(IterState::Seq {
        seq: Value::list(snapshot(d)),
        index: 0,
    }))
}

fn getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__getitem__", 2, 2)?;
    let d = this(vm, &args)?;
    let n = d.items.borrow().len();
    let i = match vm.seq_index(&a[1], n, "deque") {
        Ok(i) => i,
        Err(e) if vm.err_is(&e, &vm.ctx.types.index_error.clone()) => {
            return Err(vm.index_error("deque index out of range"));
        }
        Err(e) => return Err(e),
    };
    Ok(d.items.borrow()[i].clone())
}

fn repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &args)?;
    let maxlen = d.maxlen;
    let items = Value::list(snapshot(d));
    let inner = vm.repr(&items)?;
    let name = vm.type_name(&args.all[0]);
    Ok(Value::string(match maxlen {
        Some(m) => format!("{name}({inner}, maxlen={m})"),
        None => format!("{name}({inner})"),
    }))
}
