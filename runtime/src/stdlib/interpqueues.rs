//! `_interpqueues`: cross-interpreter queues for `concurrent.interpreters`.
//!
//! A `Queue` object is a native object holding an [`atoll_channels::Queue`]
//! handle. Putting converts the object to [`Shareable`] data first (so an
//! unshareable object raises `NotShareableError` and nothing is enqueued);
//! getting builds fresh objects. A queue handle itself crosses by identity:
//! within one interpreter every handle of a queue is the same `Queue` object.
//!
//! Blocking `put` and `get` first try without waiting, then release the GIL and
//! wait on the channel, which wakes them (no polling).
//!
//! Items remember the interpreter that put them; when that interpreter is
//! finalized its items are released under the queue's `unbounditems` policy
//! (PEP 734: `UNBOUND`, `UNBOUND_ERROR`, `UNBOUND_REMOVE`).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};
use std::time::Duration;

use atoll_channels::{GetError, PutError, Queue, UnboundPolicy};

use crate::object::{Module, Native, PyDict, PyType, Value};
use crate::vm::{Args, PyErr, PyResult, Vm};

use super::crossinterp::{from_shareable, to_shareable};
use super::modsupport::{module_class, register_class, registered_class};
use super::{add_funcs, add_methods, new_module};

/// The Rust data of a `Queue` object.
pub struct QueueObj {
    queue: Queue,
    /// Whether this interpreter's owner bookkeeping already knows the queue.
    registered: Cell<bool>,
}

/// The queues an interpreter has put items into. Dropped when the interpreter
/// is finalized (its native state is cleared), which releases its items.
struct OwnedQueues {
    interp: u64,
    queues: RefCell<HashMap<u64, Queue>>,
}

impl Drop for OwnedQueues {
    fn drop(&mut self) {
        for q in self.queues.get_mut().values() {
            q.release_owner(self.interp);
        }
    }
}

/// Every `Queue` object of this interpreter, by queue id (weakly).
#[derive(Default)]
struct KnownQueues(RefCell<HashMap<u64, Weak<Native>>>);

const KEY_CLASS: &str = "_interpqueues.Queue";
const KEY_KNOWN: &str = "_interpqueues.known";
const KEY_OWNED: &str = "_interpqueues.owned";

/// Creates `_interpqueues`.
pub fn init(vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = new_module("_interpqueues");
    let cls = module_class(vm, "Queue", "concurrent.interpreters._queues");
    add_methods(
        &cls,
        &[
            ("put", q_put),
            ("put_nowait", q_put_nowait),
            ("get", q_get),
            ("get_nowait", q_get_nowait),
            ("empty", q_empty),
            ("full", q_full),
            ("qsize", q_qsize),
            ("__repr__", q_repr),
            ("__hash__", q_hash),
            ("__eq__", q_eq),
        ],
    );
    cls.dict.set_str("__new__", super::func("__new__", q_new));
    cls.dict.set_str(
        "__doc__",
        Value::str("A cross-interpreter queue (create it with create_queue())."),
    );
    register_class(vm, KEY_CLASS, &cls);
    m.dict.set_str("Queue", Value::Type(cls));
    let module = "concurrent.interpreters._queues";
    let runtime_error = vm.ctx.types.runtime_error.clone();
    let queue_error = new_exc_class(vm, "QueueError", &runtime_error, module)?;
    let not_found = new_exc_class(vm, "QueueNotFoundError", &queue_error, module)?;
    register_class(vm, "_interpqueues.QueueError", &queue_error);
    register_class(vm, "_interpqueues.QueueNotFoundError", &not_found);
    m.dict.set_str("QueueError", Value::Type(queue_error));
    m.dict.set_str("QueueNotFoundError", Value::Type(not_found));
    add_funcs(&m.dict, &[("create", create), ("_register", register)]);
    vm.ctx.native.borrow_mut().insert(
        KEY_KNOWN,
        super::modsupport::new_native(vm.ctx.types.object.clone(), KnownQueues::default()),
    );
    let owned = OwnedQueues {
        interp: vm.interp.id,
        queues: RefCell::new(HashMap::new()),
    };
    vm.ctx.native.borrow_mut().insert(
        KEY_OWNED,
        super::modsupport::new_native(vm.ctx.types.object.clone(), owned),
    );
    Ok(m)
}

/// A new exception class `name(base)` whose `__module__` is `module`.
pub(crate) fn new_exc_class(
    vm: &mut Vm,
    name: &str,
    base: &Rc<PyType>,
    module: &str,
) -> PyResult<Rc<PyType>> {
    let ns = Rc::new(PyDict::new());
    ns.set_str("__module__", Value::str(module));
    ns.set_str("__qualname__", Value::str(name));
    vm.new_class(name, vec![base.clone()], ns)
}

/// Makes sure native module `name` is loaded in this interpreter (its classes
/// registered).
pub(crate) fn ensure_module(vm: &mut Vm, name: &str) -> PyResult<()> {
    if vm.ctx.modules.get_str(name).is_none() {
        let main = vm.ctx.main.dict.clone();
        vm.import(name, &Value::None, &Value::Int(0), &main)?;
    }
    Ok(())
}

/// The class registered under `key`, or `fallback`.
fn class_or(vm: &Vm, key: &str, fallback: Rc<PyType>) -> Rc<PyType> {
    match vm.ctx.native.borrow().get(key) {
        Some(Value::Type(t)) => t.clone(),
        _ => fallback,
    }
}

fn queue_error(vm: &Vm, key: &str, msg: &str) -> PyErr {
    let base = class_or(
        vm,
        "_interpqueues.QueueError",
        vm.ctx.types.runtime_error.clone(),
    );
    let class = class_or(vm, key, base);
    vm.new_exception(&class, msg)
}

/// `_register(QueueEmpty, QueueFull, ItemInterpreterDestroyed, UNBOUND,
/// UNBOUND_ERROR, UNBOUND_REMOVE)`: the classes and markers defined in Python.
fn register(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "_register", 6, 6)?;
    let mut native = vm.ctx.native.borrow_mut();
    native.insert("_interpqueues.QueueEmpty", a[0].clone());
    native.insert("_interpqueues.QueueFull", a[1].clone());
    native.insert("_interpqueues.ItemInterpreterDestroyed", a[2].clone());
    native.insert("_interpqueues.UNBOUND", a[3].clone());
    native.insert("_interpqueues.UNBOUND_ERROR", a[4].clone());
    native.insert("_interpqueues.UNBOUND_REMOVE", a[5].clone());
    Ok(Value::None)
}

/// The policy of an `unbounditems` flag (CPython's: 1 remove, 2 error, 3 replace).
fn policy_of_flag(vm: &Vm, flag: i64) -> PyResult<UnboundPolicy> {
    match flag {
        1 => Ok(UnboundPolicy::Remove),
        2 => Ok(UnboundPolicy::Error),
        3 => Ok(UnboundPolicy::Replace),
        other => Err(vm.value_error(format!("unsupported unbound op {other}"))),
    }
}

fn marker_of_policy(vm: &Vm, p: UnboundPolicy) -> Value {
    let key = match p {
        UnboundPolicy::Remove => "_interpqueues.UNBOUND_REMOVE",
        UnboundPolicy::Error => "_interpqueues.UNBOUND_ERROR",
        UnboundPolicy::Replace => "_interpqueues.UNBOUND",
    };
    vm.ctx
        .native
        .borrow()
        .get(key)
        .cloned()
        .unwrap_or(Value::None)
}

/// The policy named by an `unbounditems` marker object.
fn policy_of_marker(vm: &Vm, v: &Value) -> PyResult<UnboundPolicy> {
    for p in [
        UnboundPolicy::Replace,
        UnboundPolicy::Error,
        UnboundPolicy::Remove,
    ] {
        if marker_of_policy(vm, p).is(v) {
            return Ok(p);
        }
    }
    Err(vm.value_error(format!(
        "unsupported unbounditems value {}",
        vm.type_name(v)
    )))
}

/// `create(maxsize, unboundop)`: a new queue.
fn create(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "create", 1, 2)?;
    let maxsize = vm.arg_i64(&a[0], "maxsize")?;
    let policy = match a.get(1) {
        Some(f) => {
            let f = vm.arg_i64(f, "unboundop")?;
            policy_of_flag(vm, f)?
        }
        None => UnboundPolicy::Replace,
    };
    let q = Queue::with_unbound_policy(maxsize.max(0) as usize, policy);
    tracing::debug!(target: "atoll::channel", interp = vm.interp.id, queue = q.id(), maxsize, "create queue");
    wrap_queue(vm, q)
}

/// The `Queue` object of this interpreter for queue `q` (the same object for
/// every handle of one queue, while it is alive).
pub fn wrap_queue(vm: &mut Vm, q: Queue) -> PyResult<Value> {
    if !vm.ctx.native.borrow().contains_key(KEY_CLASS) {
        ensure_module(vm, "concurrent.interpreters")?;
    }
    let id = q.id();
    if let Some(n) = known(vm, |k| k.0.borrow().get(&id).and_then(Weak::upgrade)).flatten() {
        return Ok(Value::Native(n));
    }
    let class = registered_class(vm, KEY_CLASS);
    let dict = Rc::new(PyDict::new());
    dict.set_str("id", Value::Int(id as i64));
    dict.set_str("maxsize", Value::Int(q.maxsize() as i64));
    dict.set_str("unbounditems", marker_of_policy(vm, q.unbound_policy()));
    let n = Rc::new(Native {
        class,
        data: Box::new(QueueObj {
            queue: q,
            registered: Cell::new(false),
        }),
        dict: Some(dict),
    });
    known(vm, |k| {
        let mut m = k.0.borrow_mut();
        m.retain(|_, w| w.strong_count() > 0);
        m.insert(id, Rc::downgrade(&n));
    });
    Ok(Value::Native(n))
}

fn known<R>(vm: &Vm, f: impl FnOnce(&KnownQueues) -> R) -> Option<R> {
    let native = vm.ctx.native.borrow();
    match native.get(KEY_KNOWN) {
        Some(Value::Native(n)) => n.get::<KnownQueues>().map(f),
        _ => None,
    }
}

/// The queue handle of a `Queue` object.
pub fn queue_of_native(n: &Native) -> Option<Queue> {
    n.get::<QueueObj>().map(|o| o.queue.clone())
}

/// Whether `v` is this interpreter's `UNBOUND` marker.
pub fn is_unbound(vm: &Vm, v: &Value) -> bool {
    match vm.ctx.native.borrow().get("_interpqueues.UNBOUND") {
        Some(u) => u.is(v),
        None => false,
    }
}

/// This interpreter's `UNBOUND` marker.
pub fn unbound_value(vm: &mut Vm) -> PyResult<Value> {
    if !vm.ctx.native.borrow().contains_key("_interpqueues.UNBOUND") {
        ensure_module(vm, "concurrent.interpreters")?;
    }
    Ok(vm
        .ctx
        .native
        .borrow()
        .get("_interpqueues.UNBOUND")
        .cloned()
        .unwrap_or(Value::None))
}

fn this(vm: &mut Vm, args: &Args<'_>) -> PyResult<Rc<Native>> {
    match args.all.first() {
        Some(Value::Native(n)) if n.get::<QueueObj>().is_some() => Ok(n.clone()),
        _ => Err(vm.type_error("descriptor requires a 'Queue' object")),
    }
}

fn obj(n: &Native) -> &QueueObj {
    n.get::<QueueObj>().expect("checked by this()")
}

/// Records that this interpreter puts items into the queue (once per object).
fn note_owner(vm: &Vm, o: &QueueObj) {
    if o.registered.get() {
        return;
    }
    o.registered.set(true);
    let native = vm.ctx.native.borrow();
    if let Some(Value::Native(n)) = native.get(KEY_OWNED)
        && let Some(owned) = n.get::<OwnedQueues>()
    {
        owned
            .queues
            .borrow_mut()
            .entry(o.queue.id())
            .or_insert_with(|| o.queue.clone());
    }
}

/// A timeout argument: None, or a non-negative number of seconds.
fn timeout_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<Duration>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(t) => {
            let t = vm.arg_f64(t)?;
            if t < 0.0 || t.is_nan() {
                return Err(vm.value_error("timeout value must be non-negative"));
            }
            Ok(Some(
                Duration::try_from_secs_f64(t).unwrap_or(Duration::MAX),
            ))
        }
    }
}

/// Checks a per-call `unbounditems` (only the queue's own policy is supported).
fn check_unbounditems(vm: &mut Vm, o: &QueueObj, v: Option<&Value>) -> PyResult<()> {
    match v {
        None | Some(Value::None) => Ok(()),
        Some(m) => {
            let p = policy_of_marker(vm, m)?;
            if p == o.queue.unbound_policy() {
                Ok(())
            } else {
                Err(vm.not_implemented_error(
                    "a per-item unbounditems other than the queue's is not supported; \
                     choose it with create_queue(unbounditems=...)",
                ))
            }
        }
    }
}

fn not_shareable(vm: &mut Vm, why: &super::crossinterp::NotShareable) -> PyErr {
    super::interpreters::not_shareable_error(vm, why)
}

fn put_impl(vm: &mut Vm, args: Args<'_>, nowait: bool) -> PyResult<Value> {
    let n = this(vm, &args)?;
    let o = obj(&n);
    let Some(item) = args.pos().get(1) else {
        return Err(vm.type_error("put() missing required argument 'obj'"));
    };
    let block = if nowait {
        false
    } else {
        match args.get(2, "block") {
            Some(b) => vm.truthy(b)?,
            None => true,
        }
    };
    let timeout = if nowait {
        None
    } else {
        timeout_arg(vm, args.get(3, "timeout"))?
    };
    check_unbounditems(vm, o, args.kwarg("unbounditems"))?;
    let data = to_shareable(vm, item).map_err(|why| not_shareable(vm, &why))?;
    note_owner(vm, o);
    let owner = vm.interp.id;
    let r = match o.queue.try_put_owned(data, owner) {
        Err(PutError::Full(data)) if block => {
            let q = o.queue.clone();
            vm.allow_threads(move || q.put_owned(data, owner, timeout))
        }
        other => other,
    };
    match r {
        Ok(()) => Ok(Value::None),
        Err(PutError::Full(_)) | Err(PutError::Timeout(_)) => {
            Err(queue_error(vm, "_interpqueues.QueueFull", "queue is full"))
        }
        Err(PutError::Closed(_)) => Err(queue_error(
            vm,
            "_interpqueues.QueueError",
            "queue is closed",
        )),
    }
}

/// `Queue(id)`: the `Queue` object of this interpreter for that queue id.
/// (Only queues this interpreter already holds are found: ids are not a way
/// to reach a queue nobody handed over.)
fn q_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "Queue", 2, 2)?;
    let id = match &a[1] {
        Value::Int(i) => *i,
        other => {
            let r = vm.repr(other)?;
            return Err(vm.type_error(format!("id must be an int, got {r}")));
        }
    };
    let found = known(vm, |k| {
        k.0.borrow().get(&(id as u64)).and_then(Weak::upgrade)
    })
    .flatten();
    match found {
        Some(n) => Ok(Value::Native(n)),
        None => {
            let base = class_or(
                vm,
                "_interpqueues.QueueError",
                vm.ctx.types.runtime_error.clone(),
            );
            let class = class_or(vm, "_interpqueues.QueueNotFoundError", base);
            Err(vm.new_exception(&class, format!("queue {id} not found")))
        }
    }
}

/// `Queue.put(obj, block=True, timeout=None, *, unbounditems=None)`
fn q_put(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    put_impl(vm, args, false)
}

/// `Queue.put_nowait(obj, *, unbounditems=None)`
fn q_put_nowait(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    put_impl(vm, args, true)
}

fn get_impl(vm: &mut Vm, args: Args<'_>, nowait: bool) -> PyResult<Value> {
    let n = this(vm, &args)?;
    let o = obj(&n);
    let block = if nowait {
        false
    } else {
        match args.get(1, "block") {
            Some(b) => vm.truthy(b)?,
            None => true,
        }
    };
    let timeout = if nowait {
        None
    } else {
        timeout_arg(vm, args.get(2, "timeout"))?
    };
    let r = match o.queue.try_get() {
        Err(GetError::Empty) if block => {
            let q = o.queue.clone();
            vm.allow_threads(move || q.get(timeout))
        }
        other => other,
    };
    match r {
        Ok(item) => from_shareable(vm, item),
        Err(GetError::Empty) | Err(GetError::Timeout) => Err(queue_error(
            vm,
            "_interpqueues.QueueEmpty",
            "queue is empty",
        )),
        Err(GetError::Closed) => Err(queue_error(
            vm,
            "_interpqueues.QueueError",
            "queue is closed",
        )),
        Err(GetError::Unbound { owner }) => Err(queue_error(
            vm,
            "_interpqueues.ItemInterpreterDestroyed",
            &format!("item's original interpreter {owner} destroyed"),
        )),
    }
}

/// `Queue.get(block=True, timeout=None)`
fn q_get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    get_impl(vm, args, false)
}

/// `Queue.get_nowait()`
fn q_get_nowait(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    get_impl(vm, args, true)
}

fn q_empty(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let n = this(vm, &args)?;
    Ok(Value::Bool(obj(&n).queue.is_empty()))
}

fn q_full(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let n = this(vm, &args)?;
    Ok(Value::Bool(obj(&n).queue.is_full()))
}

fn q_qsize(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let n = this(vm, &args)?;
    Ok(Value::Int(obj(&n).queue.len() as i64))
}

fn q_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let n = this(vm, &args)?;
    Ok(Value::string(format!("Queue({})", obj(&n).queue.id())))
}

fn q_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let n = this(vm, &args)?;
    Ok(Value::Int(obj(&n).queue.id() as i64))
}

fn q_eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let n = this(vm, &args)?;
    let other = args.pos().get(1).cloned().unwrap_or(Value::None);
    Ok(match &other {
        Value::Native(m) => match m.get::<QueueObj>() {
            Some(p) => Value::Bool(p.queue == obj(&n).queue),
            None => Value::NotImplemented,
        },
        _ => Value::NotImplemented,
    })
}
