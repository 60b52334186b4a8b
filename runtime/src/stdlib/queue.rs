//! The `_queue` module: `SimpleQueue`, `Empty`, a native `deque`, and the native
//! methods of `queue.Queue`.
//!
//! `queue.Queue` (`py/queue.py`) is a Python class with CPython's attributes
//! (`mutex`, `not_empty`, `not_full`, `all_tasks_done`, `unfinished_tasks`,
//! `maxsize`, `queue`) and hooks (`_init`, `_qsize`, `_put`, `_get`), so subclasses
//! work as in CPython; its public methods are the built-ins here, which do what
//! CPython's `queue.py` does, step by step, with the conditions' native fast paths.
//! The stock hooks (`_fifo_put`, `_heap_get` ...) are built-ins too.

use crate::object::BoolWord;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::bytecode::CmpOp;
use crate::object::{Native, PyDict, PyType, Value};
use crate::sync::{Condvar, Mutex};
use crate::threads::wait::{StopFlag, WaitTarget};
use crate::threads::{WaitKind, block};
use crate::vm::{Args, PyErr, PyResult, Vm};

use super::thread_cond::{cond_notify, cond_wait, fast_attr, with_cond};
use super::thread_lock::timeout_secs;
use super::{add_funcs, add_methods, native_class, new_module};

/// Creates `_queue`.
pub fn init(vm: &mut Vm) -> PyResult<Rc<crate::object::Module>> {
    let m = new_module("_queue");
    let ns = Rc::new(PyDict::new());
    ns.set_str("__module__", Value::str("_queue"));
    ns.set_str("__qualname__", Value::str("Empty"));
    ns.set_str(
        "__doc__",
        Value::str("Exception raised by Queue.get(block=0)/get_nowait()."),
    );
    let exc = vm.ctx.types.exception.clone();
    let empty = vm.new_class("Empty", vec![exc], ns)?;
    m.dict.set_str("Empty", Value::Type(empty.clone()));
    let sq = native_class(vm, "SimpleQueue", "_queue");
    add_methods(
        &sq,
        &[
            ("__new__", sq_new),
            ("put", sq_put),
            ("put_nowait", sq_put_nowait),
            ("get", sq_get),
            ("get_nowait", sq_get_nowait),
            ("qsize", sq_qsize),
            ("empty", sq_empty),
        ],
    );
    m.dict.set_str("SimpleQueue", Value::Type(sq));
    let deque = super::queue_deque::make_class(vm);
    m.dict.set_str("deque", Value::Type(deque.clone()));
    {
        let mut n = vm.ctx.native.borrow_mut();
        n.insert("_queue.Empty", Value::Type(empty));
        n.insert("_queue.deque", Value::Type(deque));
    }
    add_funcs(
        &m.dict,
        &[
            ("_set_full", set_full),
            ("_put", q_put),
            ("_get", q_get),
            ("_put_nowait", q_put_nowait),
            ("_get_nowait", q_get_nowait),
            ("_task_done", q_task_done),
            ("_join", q_join),
            ("_qsize", q_qsize),
            ("_empty", q_empty),
            ("_full", q_full),
            ("_fifo_init", fifo_init),
            ("_fifo_qsize", seq_qsize),
            ("_fifo_put", fifo_put),
            ("_fifo_get", fifo_get),
            ("_list_init", list_init),
            ("_list_qsize", seq_qsize),
            ("_lifo_put", lifo_put),
            ("_lifo_get", lifo_get),
            ("_heap_put", heap_put),
            ("_heap_get", heap_get),
        ],
    );
    Ok(m)
}

fn native_type(vm: &Vm, key: &str) -> Option<Rc<PyType>> {
    match vm.ctx.native.borrow().get(key) {
        Some(Value::Type(t)) => Some(t.clone()),
        _ => None,
    }
}

fn raise_named(vm: &mut Vm, key: &str) -> PyErr {
    match native_type(vm, key) {
        Some(t) => vm.new_exception_args(&t, vec![]),
        None => vm.runtime_error(format!("{key} is not available")),
    }
}

fn empty_error(vm: &mut Vm) -> PyErr {
    raise_named(vm, "_queue.Empty")
}

fn full_error(vm: &mut Vm) -> PyErr {
    raise_named(vm, "queue.Full")
}

/// `_set_full(Full)`: tells the native methods which class `queue.Full` is.
fn set_full(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "_set_full", 1, 1)?;
    vm.ctx
        .native
        .borrow_mut()
        .insert("queue.Full", a[0].clone());
    Ok(Value::None)
}

// ---- SimpleQueue ----

/// The thread-safe half of a `SimpleQueue`: how many items are there to claim.
#[derive(Default)]
struct Available {
    count: Mutex<usize>,
    cv: Condvar,
}

impl Available {
    fn claim(&self) -> bool {
        let mut g = self.count.lock();
        if *g > 0 {
            *g -= 1;
            true
        } else {
            false
        }
    }

    fn claim_until(&self, deadline: Option<Instant>, stop: &StopFlag) -> bool {
        let mut g = self.count.lock();
        loop {
            if *g > 0 {
                *g -= 1;
                stop.finish();
                return true;
            }
            if stop.is_set() {
                return false;
            }
            match deadline {
                None => self.cv.wait(&mut g),
                Some(d) => {
                    if self.cv.wait_until(&mut g, d).timed_out() {
                        if *g > 0 {
                            *g -= 1;
                            stop.finish();
                            return true;
                        }
                        return false;
                    }
                }
            }
        }
    }

    fn add(&self) {
        *self.count.lock() += 1;
        self.cv.notify_one();
    }
}

impl WaitTarget for Available {
    fn stuck(&self) -> bool {
        *self.count.lock() == 0
    }

    fn wake_all(&self) {
        let _g = self.count.lock();
        self.cv.notify_all();
    }
}

/// The data of a `SimpleQueue`: the items (GIL-guarded) and the count of items not
/// yet claimed (thread-safe, what a blocked `get` waits on).
struct SimpleQueue {
    items: RefCell<VecDeque<Value>>,
    avail: Arc<Available>,
}

fn sq_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let class = match args.all.first() {
        Some(Value::Type(t)) => t.clone(),
        _ => return Err(vm.type_error("SimpleQueue.__new__(X): X is not a type object")),
    };
    if args.all.len() > 1 {
        return Err(vm.type_error("SimpleQueue() takes no arguments"));
    }
    Ok(Value::Native(Rc::new(Native {
        class,
        data: Box::new(SimpleQueue {
            items: RefCell::new(VecDeque::new()),
            avail: Arc::new(Available::default()),
        }),
        dict: None,
    })))
}

fn sq_of<'a>(vm: &mut Vm, args: &Args<'a>) -> PyResult<&'a SimpleQueue> {
    match args.all.first() {
        Some(Value::Native(n)) if n.get::<SimpleQueue>().is_some() => {
            Ok(n.get::<SimpleQueue>().expect("checked"))
        }
        _ => Err(vm.type_error("descriptor requires a '_queue.SimpleQueue' object")),
    }
}

fn sq_put(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let q = sq_of(vm, &args)?;
    let Some(item) = args.get(1, "item") else {
        return Err(vm.type_error("put() missing required argument 'item' (pos 1)"));
    };
    q.items.borrow_mut().push_back(item.clone());
    q.avail.add();
    Ok(Value::None)
}

fn sq_put_nowait(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    sq_put(vm, args)
}

fn sq_take(vm: &mut Vm, q: &SimpleQueue) -> PyResult<Value> {
    match q.items.borrow_mut().pop_front() {
        Some(v) => Ok(v),
        None => Err(vm.system_error_msg("SimpleQueue lost an item")),
    }
}

fn sq_get_impl(vm: &mut Vm, args: Args<'_>, block_default: bool) -> PyResult<Value> {
    let q = sq_of(vm, &args)?;
    let block_ = match args.get(1, "block") {
        Some(b) => vm.truthy(b)?,
        None => block_default,
    };
    let timeout = match args.get(2, "timeout") {
        Some(t) if !t.is_none() && block_ => {
            let t = timeout_secs(vm, t)?;
            if t < 0.0 {
                return Err(vm.value_error("'timeout' must be a non-negative number"));
            }
            Some(Duration::from_secs_f64(t.min(1e10)))
        }
        _ => None,
    };
    if q.avail.claim() {
        return sq_take(vm, q);
    }
    if !block_ || timeout == Some(Duration::ZERO) {
        return Err(empty_error(vm));
    }
    let avail = q.avail.clone();
    let a2 = avail.clone();
    let id = args.all[0].id() as u64;
    let got = block(
        vm,
        WaitKind::Queue,
        id,
        timeout,
        avail,
        move |deadline, stop| a2.claim_until(deadline, stop).then_some(()),
    )?;
    match got {
        Some(()) => sq_take(vm, q),
        None => Err(empty_error(vm)),
    }
}

fn sq_get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    sq_get_impl(vm, args, true)
}

fn sq_get_nowait(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "get_nowait", 1, 1)?;
    let all = [a[0].clone(), Value::BoolW(BoolWord::FALSE)];
    sq_get_impl(vm, Args::new(&all), false)
}

fn sq_qsize(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let q = sq_of(vm, &args)?;
    Ok(Value::Int(q.items.borrow().len() as i64))
}

fn sq_empty(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let q = sq_of(vm, &args)?;
    Ok(Value::Bool(q.items.borrow().is_empty()))
}

impl Vm {
    fn system_error_msg(&self, msg: &str) -> PyErr {
        let c = self.ctx.types.system_error.clone();
        self.new_exception(&c, msg)
    }
}

// ---- queue.Queue's native methods ----

/// Calls the hook `obj.name(*args)` (an instance attribute, or the class's).
fn call_hook(vm: &mut Vm, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
    if let Value::Instance(i) = obj {
        if let Some(f) = i.dict.get_str(name) {
            return vm.call0(&f, args);
        }
        if let Some(f) = i.class.lookup(name)
            && matches!(f, Value::Builtin(_) | Value::Function(_))
        {
            let mut all = Vec::with_capacity(args.len() + 1);
            all.push(obj.clone());
            all.extend_from_slice(args);
            return vm.call0(&f, &all);
        }
    }
    vm.call_method(obj, name, args)
}

fn set_fast(vm: &mut Vm, obj: &Value, name: &'static str, v: Value) -> PyResult<()> {
    if let Value::Instance(i) = obj
        && super::static_names::get_static(&i.dict, name).is_some()
    {
        super::static_names::set_static(&i.dict, name, v);
        return Ok(());
    }
    let n = Rc::new(crate::object::PyStr::new(name));
    vm.set_attr(obj, &n, v)
}

fn cmp(vm: &mut Vm, op: CmpOp, a: &Value, b: &Value) -> PyResult<bool> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        return Ok(match op {
            CmpOp::Lt => x < y,
            CmpOp::Le => x <= y,
            CmpOp::Gt => x > y,
            CmpOp::Ge => x >= y,
            CmpOp::Eq => x == y,
            _ => x != y,
        });
    }
    let r = vm.compare(op, a, b)?;
    vm.truthy(&r)
}

fn parse_block_timeout(
    vm: &mut Vm,
    args: &Args<'_>,
    first: usize,
) -> PyResult<(bool, Option<Value>)> {
    let b = match args.get(first, "block") {
        Some(b) => vm.truthy(b)?,
        None => true,
    };
    let t = args
        .get(first + 1, "timeout")
        .cloned()
        .filter(|t| !t.is_none());
    Ok((b, t))
}

fn self_arg(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<Value> {
    match args.all.first() {
        Some(v) if !args.pos().is_empty() => Ok(v.clone()),
        _ => Err(vm.type_error(format!(
            "Queue.{name}() missing 1 required positional argument: 'self'"
        ))),
    }
}

/// `timeout` of `Queue.put`/`get`: checked with `timeout < 0` as CPython does
/// (so a str gives the comparison's `TypeError`), then taken as seconds.
fn queue_timeout(vm: &mut Vm, t: &Value) -> PyResult<f64> {
    if cmp(vm, CmpOp::Lt, t, &Value::Int(0))? {
        return Err(vm.value_error("'timeout' must be a non-negative number"));
    }
    vm.arg_f64(t)
}

/// A deadline `timeout` seconds from now, as CPython's `time() + timeout`.
fn end_time(t: f64) -> Instant {
    Instant::now()
        .checked_add(Duration::from_secs_f64(t.clamp(0.0, 1e10)))
        .unwrap_or_else(Instant::now)
}

fn remaining(end: Instant) -> f64 {
    end.saturating_duration_since(Instant::now()).as_secs_f64()
}

/// `Queue.put(item, block=True, timeout=None)`
fn q_put(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = self_arg(vm, &args, "put")?;
    let Some(item) = args.get(1, "item").cloned() else {
        return Err(vm.type_error("Queue.put() missing 1 required positional argument: 'item'"));
    };
    let (block_, timeout) = parse_block_timeout(vm, &args, 2)?;
    let not_full = fast_attr(vm, &this, "not_full")?;
    with_cond(vm, &not_full, |vm| {
        let maxsize = fast_attr(vm, &this, "maxsize")?;
        if cmp(vm, CmpOp::Gt, &maxsize, &Value::Int(0))? {
            if !block_ {
                let n = call_hook(vm, &this, "_qsize", &[])?;
                if cmp(vm, CmpOp::Ge, &n, &maxsize)? {
                    return Err(full_error(vm));
                }
            } else if let Some(t) = &timeout {
                let t = queue_timeout(vm, t)?;
                let end = end_time(t);
                loop {
                    let n = call_hook(vm, &this, "_qsize", &[])?;
                    if !cmp(vm, CmpOp::Ge, &n, &maxsize)? {
                        break;
                    }
                    let left = remaining(end);
                    if left <= 0.0 {
                        return Err(full_error(vm));
                    }
                    cond_wait(vm, &not_full, Some(left))?;
                }
            } else {
                loop {
                    let n = call_hook(vm, &this, "_qsize", &[])?;
                    if !cmp(vm, CmpOp::Ge, &n, &maxsize)? {
                        break;
                    }
                    cond_wait(vm, &not_full, None)?;
                }
            }
        }
        call_hook(vm, &this, "_put", &[item])?;
        let u = fast_attr(vm, &this, "unfinished_tasks")?;
        let u = vm.binary_op(crate::bytecode::BinOp::Add, &u, &Value::Int(1))?;
        set_fast(vm, &this, "unfinished_tasks", u)?;
        let not_empty = fast_attr(vm, &this, "not_empty")?;
        cond_notify(vm, &not_empty, 1)
    })?;
    Ok(Value::None)
}

/// `Queue.get(block=True, timeout=None)`
fn q_get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = self_arg(vm, &args, "get")?;
    let (block_, timeout) = parse_block_timeout(vm, &args, 1)?;
    let not_empty = fast_attr(vm, &this, "not_empty")?;
    with_cond(vm, &not_empty, |vm| {
        let is_empty = |vm: &mut Vm| -> PyResult<bool> {
            let n = call_hook(vm, &this, "_qsize", &[])?;
            Ok(!vm.truthy(&n)?)
        };
        if !block_ {
            if is_empty(vm)? {
                return Err(empty_error(vm));
            }
        } else if let Some(t) = &timeout {
            let t = queue_timeout(vm, t)?;
            let end = end_time(t);
            while is_empty(vm)? {
                let left = remaining(end);
                if left <= 0.0 {
                    return Err(empty_error(vm));
                }
                cond_wait(vm, &not_empty, Some(left))?;
            }
        } else {
            while is_empty(vm)? {
                cond_wait(vm, &not_empty, None)?;
            }
        }
        let item = call_hook(vm, &this, "_get", &[])?;
        let not_full = fast_attr(vm, &this, "not_full")?;
        cond_notify(vm, &not_full, 1)?;
        Ok(item)
    })
}

/// `Queue.put_nowait(item)`: `self.put(item, block=False)`.
fn q_put_nowait(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "put_nowait", 2, 2)?;
    call_hook(
        vm,
        &a[0],
        "put",
        &[a[1].clone(), Value::BoolW(BoolWord::FALSE)],
    )
}

/// `Queue.get_nowait()`: `self.get(block=False)`.
fn q_get_nowait(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "get_nowait", 1, 1)?;
    call_hook(vm, &a[0], "get", &[Value::BoolW(BoolWord::FALSE)])
}

/// `Queue.task_done()`
fn q_task_done(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "task_done", 1, 1)?;
    let this = a[0].clone();
    let cond = fast_attr(vm, &this, "all_tasks_done")?;
    with_cond(vm, &cond, |vm| {
        let u = fast_attr(vm, &this, "unfinished_tasks")?;
        let left = vm.binary_op(crate::bytecode::BinOp::Sub, &u, &Value::Int(1))?;
        if cmp(vm, CmpOp::Le, &left, &Value::Int(0))? {
            if cmp(vm, CmpOp::Lt, &left, &Value::Int(0))? {
                return Err(vm.value_error("task_done() called too many times"));
            }
            cond_notify(vm, &cond, usize::MAX)?;
        }
        set_fast(vm, &this, "unfinished_tasks", left)
    })?;
    Ok(Value::None)
}

/// `Queue.join()`: waits until every item put was marked done.
fn q_join(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "join", 1, 1)?;
    let this = a[0].clone();
    let cond = fast_attr(vm, &this, "all_tasks_done")?;
    with_cond(vm, &cond, |vm| {
        loop {
            let u = fast_attr(vm, &this, "unfinished_tasks")?;
            if !vm.truthy(&u)? {
                return Ok(());
            }
            cond_wait(vm, &cond, None)?;
        }
    })?;
    Ok(Value::None)
}

fn with_mutex<R>(
    vm: &mut Vm,
    this: &Value,
    body: impl FnOnce(&mut Vm) -> PyResult<R>,
) -> PyResult<R> {
    let mutex = fast_attr(vm, this, "mutex")?;
    super::thread_cond::lock_enter(vm, &mutex)?;
    let r = body(vm);
    if vm.killed {
        return r;
    }
    super::thread_cond::lock_exit(vm, &mutex)?;
    r
}

/// `Queue.qsize()`
fn q_qsize(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "qsize", 1, 1)?;
    let this = a[0].clone();
    with_mutex(vm, &this, |vm| call_hook(vm, &this, "_qsize", &[]))
}

/// `Queue.empty()`
fn q_empty(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "empty", 1, 1)?;
    let this = a[0].clone();
    with_mutex(vm, &this, |vm| {
        let n = call_hook(vm, &this, "_qsize", &[])?;
        Ok(Value::Bool(!vm.truthy(&n)?))
    })
}

/// `Queue.full()`: `0 < self.maxsize <= self._qsize()`.
fn q_full(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "full", 1, 1)?;
    let this = a[0].clone();
    with_mutex(vm, &this, |vm| {
        let maxsize = fast_attr(vm, &this, "maxsize")?;
        if !cmp(vm, CmpOp::Lt, &Value::Int(0), &maxsize)? {
            return Ok(Value::BoolW(BoolWord::FALSE));
        }
        let n = call_hook(vm, &this, "_qsize", &[])?;
        Ok(Value::Bool(cmp(vm, CmpOp::Le, &maxsize, &n)?))
    })
}

// ---- the stock hooks ----

fn storage(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    fast_attr(vm, this, "queue")
}

/// `Queue._init(maxsize)`: `self.queue = deque()`.
fn fifo_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "_init", 2, 2)?;
    let class = native_type(vm, "_queue.deque").unwrap_or_else(|| vm.ctx.types.object.clone());
    let d = super::queue_deque::new_deque(class, None);
    set_fast(vm, &a[0], "queue", d)?;
    Ok(Value::None)
}

/// `LifoQueue._init` / `PriorityQueue._init`: `self.queue = []`.
fn list_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "_init", 2, 2)?;
    set_fast(vm, &a[0], "queue", Value::list(vec![]))?;
    Ok(Value::None)
}

/// `_qsize()`: `len(self.queue)`.
fn seq_qsize(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "_qsize", 1, 1)?;
    let q = storage(vm, &a[0])?;
    if let Some(d) = super::queue_deque::deque_of(&q) {
        return Ok(Value::Int(d.items.borrow().len() as i64));
    }
    Ok(Value::Int(vm.len(&q)? as i64))
}

/// `Queue._put(item)`: `self.queue.append(item)`.
fn fifo_put(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "_put", 2, 2)?;
    let q = storage(vm, &a[0])?;
    if let Some(d) = super::queue_deque::deque_of(&q) {
        d.push_back(a[1].clone());
        return Ok(Value::None);
    }
    vm.call_method(&q, "append", &[a[1].clone()])
}

/// `Queue._get()`: `self.queue.popleft()`.
fn fifo_get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "_get", 1, 1)?;
    let q = storage(vm, &a[0])?;
    if let Some(d) = super::queue_deque::deque_of(&q) {
        let v = d.items.borrow_mut().pop_front();
        return v.ok_or_else(|| vm.index_error("pop from an empty deque"));
    }
    vm.call_method(&q, "popleft", &[])
}

/// `LifoQueue._put(item)`: `self.queue.append(item)`.
fn lifo_put(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "_put", 2, 2)?;
    let q = storage(vm, &a[0])?;
    if let Value::List(l) = &q {
        l.0.borrow_mut().push(a[1].clone());
        return Ok(Value::None);
    }
    vm.call_method(&q, "append", &[a[1].clone()])
}

/// `LifoQueue._get()`: `self.queue.pop()`.
fn lifo_get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "_get", 1, 1)?;
    let q = storage(vm, &a[0])?;
    if let Value::List(l) = &q {
        let v = l.0.borrow_mut().pop();
        return v.ok_or_else(|| vm.index_error("pop from empty list"));
    }
    vm.call_method(&q, "pop", &[])
}

fn list_of(vm: &mut Vm, v: &Value) -> PyResult<Rc<crate::object::PyList>> {
    match v {
        Value::List(l) => Ok(l.clone()),
        other => Err(vm.type_error(format!(
            "heap argument must be a list, not {}",
            vm.type_name(other)
        ))),
    }
}

fn item_at(vm: &mut Vm, l: &crate::object::PyList, i: usize) -> PyResult<Value> {
    match l.0.borrow().get(i) {
        Some(v) => Ok(v.clone()),
        None => Err(vm.runtime_error("list changed size during iteration")),
    }
}

fn put_at(vm: &mut Vm, l: &crate::object::PyList, i: usize, v: Value) -> PyResult<()> {
    match l.0.borrow_mut().get_mut(i) {
        Some(slot) => {
            *slot = v;
            Ok(())
        }
        None => Err(vm.runtime_error("list changed size during iteration")),
    }
}

/// heapq's `_siftdown`: moves the item at `pos` up towards `start`.
fn sift_down(vm: &mut Vm, l: &crate::object::PyList, start: usize, mut pos: usize) -> PyResult<()> {
    let item = item_at(vm, l, pos)?;
    while pos > start {
        let parent_pos = (pos - 1) >> 1;
        let parent = item_at(vm, l, parent_pos)?;
        if cmp(vm, CmpOp::Lt, &item, &parent)? {
            put_at(vm, l, pos, parent)?;
            pos = parent_pos;
            continue;
        }
        break;
    }
    put_at(vm, l, pos, item)
}

/// heapq's `_siftup`: moves the smaller child up until a leaf, then sifts down.
fn sift_up(vm: &mut Vm, l: &crate::object::PyList, mut pos: usize) -> PyResult<()> {
    let end = l.0.borrow().len();
    let start = pos;
    let item = item_at(vm, l, pos)?;
    let mut child = 2 * pos + 1;
    while child < end {
        let right = child + 1;
        if right < end {
            let (c, r) = (item_at(vm, l, child)?, item_at(vm, l, right)?);
            if !cmp(vm, CmpOp::Lt, &c, &r)? {
                child = right;
            }
        }
        let c = item_at(vm, l, child)?;
        put_at(vm, l, pos, c)?;
        pos = child;
        child = 2 * pos + 1;
    }
    put_at(vm, l, pos, item)?;
    sift_down(vm, l, start, pos)
}

/// `PriorityQueue._put(item)`: `heappush(self.queue, item)`.
fn heap_put(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "_put", 2, 2)?;
    let q = storage(vm, &a[0])?;
    let l = list_of(vm, &q)?;
    let n = {
        let mut items = l.0.borrow_mut();
        items.push(a[1].clone());
        items.len()
    };
    sift_down(vm, &l, 0, n - 1)?;
    Ok(Value::None)
}

/// `PriorityQueue._get()`: `heappop(self.queue)`.
fn heap_get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "_get", 1, 1)?;
    let q = storage(vm, &a[0])?;
    let l = list_of(vm, &q)?;
    let last = l.0.borrow_mut().pop();
    let Some(last) = last else {
        return Err(vm.index_error("index out of range"));
    };
    if l.0.borrow().is_empty() {
        return Ok(last);
    }
    let top = std::mem::replace(&mut l.0.borrow_mut()[0], last);
    sift_up(vm, &l, 0)?;
    Ok(top)
}
