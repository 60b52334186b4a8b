//! The native half of `threading.Condition`.
//!
//! `Condition` is a Python class (so it can be subclassed and has CPython's
//! attributes: `_lock`, `_waiters`, `acquire`, `release` ...), but its hot methods —
//! `__enter__`, `__exit__`, `wait`, `notify`, `notify_all` — are these built-ins,
//! which follow CPython's `threading.py` step by step. A waiter is a one-shot
//! [`Signal`]; `_waiters` is a `_thread._Waiters` queue of them. When the
//! condition's lock is a native `lock` or `RLock`, everything stays in Rust; any
//! other lock object is driven through its Python methods (`acquire`, `release`,
//! `_release_save`, `_acquire_restore`, `_is_owned`), as CPython does.
//!
//! `queue.Queue`'s native methods use the same functions ([`cond_enter`],
//! [`cond_wait`], [`cond_notify`] ...).

use crate::object::BoolWord;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use crate::object::{Native, PyType, Value};
use crate::threads::wait::Signal;
use crate::threads::{WaitKind, block};
use crate::vm::{Args, PyResult, Vm};

use super::thread_lock::{
    acquire_lock, acquire_rlock, acquire_rlock_count, lock_core, release_lock, release_rlock,
    rlock_core, timeout_secs,
};
use super::{add_methods, native_class};

/// The waiters of one condition (`Condition._waiters`), in arrival order.
#[derive(Default)]
pub struct Waiters(pub RefCell<VecDeque<Arc<Signal>>>);

/// Creates the `_thread._Waiters` class.
pub fn make_waiters_class(vm: &mut Vm) -> Rc<PyType> {
    let c = native_class(vm, "_Waiters", "_thread");
    add_methods(&c, &[("__len__", waiters_len), ("__new__", waiters_new)]);
    c
}

fn waiters_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let class = match args.all.first() {
        Some(Value::Type(t)) => t.clone(),
        _ => return Err(vm.type_error("_Waiters.__new__(X): X is not a type object")),
    };
    Ok(Value::Native(Rc::new(Native {
        class,
        data: Box::new(Waiters::default()),
        dict: None,
    })))
}

fn waiters_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match args.all.first() {
        Some(Value::Native(n)) if n.get::<Waiters>().is_some() => Ok(Value::Int(
            n.get::<Waiters>().map(|w| w.0.borrow().len()).unwrap_or(0) as i64,
        )),
        _ => Err(vm.type_error("not a _Waiters object")),
    }
}

/// `obj.name`, looking in the instance dict first (the common, fast case).
pub fn fast_attr(vm: &mut Vm, obj: &Value, name: &'static str) -> PyResult<Value> {
    if let Value::Instance(i) = obj
        && let Some(v) = super::static_names::get_static(&i.dict, name)
    {
        return Ok(v);
    }
    vm.get_attr_str(obj, name)
}

/// Acquires the lock of condition `cond` (`with cond:`).
pub fn cond_enter(vm: &mut Vm, cond: &Value) -> PyResult<Value> {
    let lock = fast_attr(vm, cond, "_lock")?;
    lock_enter(vm, &lock)
}

/// Releases the lock of condition `cond`.
pub fn cond_exit(vm: &mut Vm, cond: &Value) -> PyResult<()> {
    let lock = fast_attr(vm, cond, "_lock")?;
    lock_exit(vm, &lock)
}

/// Runs `body` holding condition `cond`'s lock (`with cond: body`). The lock is
/// released whether `body` fails or not, except when the thread is being stopped.
pub fn with_cond<R>(
    vm: &mut Vm,
    cond: &Value,
    body: impl FnOnce(&mut Vm) -> PyResult<R>,
) -> PyResult<R> {
    cond_enter(vm, cond)?;
    let r = body(vm);
    if vm.killed {
        return r;
    }
    cond_exit(vm, cond)?;
    r
}

/// `lock.__enter__()` with native fast paths.
pub fn lock_enter(vm: &mut Vm, lock: &Value) -> PyResult<Value> {
    if let Some(l) = lock_core(lock) {
        return Ok(Value::Bool(acquire_lock(vm, l, lock.id() as u64, None)?));
    }
    if let Some(l) = rlock_core(lock) {
        return Ok(Value::Bool(acquire_rlock(vm, l, lock.id() as u64, None)?));
    }
    vm.call_method(lock, "__enter__", &[])
}

/// `lock.__exit__(None, None, None)` with native fast paths.
pub fn lock_exit(vm: &mut Vm, lock: &Value) -> PyResult<()> {
    if let Some(l) = lock_core(lock) {
        return release_lock(vm, l);
    }
    if let Some(l) = rlock_core(lock) {
        return release_rlock(vm, l);
    }
    vm.call_method(lock, "__exit__", &[Value::None, Value::None, Value::None])?;
    Ok(())
}

/// `cond._is_owned()`.
fn is_owned(vm: &mut Vm, cond: &Value, lock: &Value) -> PyResult<bool> {
    if let Some(l) = lock_core(lock) {
        return Ok(l.locked());
    }
    if let Some(l) = rlock_core(lock) {
        return Ok(l.is_owned_by(vm.ident));
    }
    let r = vm.call_method(cond, "_is_owned", &[])?;
    vm.truthy(&r)
}

/// What `_release_save` returned, to give back to `_acquire_restore`.
enum Saved {
    Lock,
    RLock(u64),
    Other(Value),
}

fn release_save(vm: &mut Vm, cond: &Value, lock: &Value) -> PyResult<Saved> {
    if let Some(l) = lock_core(lock) {
        let l = l.clone();
        release_lock(vm, &l)?;
        return Ok(Saved::Lock);
    }
    if let Some(l) = rlock_core(lock) {
        return match l.release_save() {
            Ok((count, _)) => Ok(Saved::RLock(count)),
            Err(_) => Err(vm.runtime_error("cannot release un-acquired lock")),
        };
    }
    Ok(Saved::Other(vm.call_method(cond, "_release_save", &[])?))
}

fn acquire_restore(vm: &mut Vm, cond: &Value, lock: &Value, saved: Saved) -> PyResult<()> {
    match saved {
        Saved::Lock => {
            if let Some(l) = lock_core(lock) {
                let l = l.clone();
                acquire_lock(vm, &l, lock.id() as u64, None)?;
            }
        }
        Saved::RLock(count) => {
            if let Some(l) = rlock_core(lock) {
                let l = l.clone();
                acquire_rlock_count(vm, &l, lock.id() as u64, count, None)?;
            }
        }
        Saved::Other(v) => {
            vm.call_method(cond, "_acquire_restore", &[v])?;
        }
    }
    Ok(())
}

fn waiters_of(vm: &mut Vm, cond: &Value) -> PyResult<Value> {
    let w = fast_attr(vm, cond, "_waiters")?;
    match &w {
        Value::Native(n) if n.get::<Waiters>().is_some() => Ok(w),
        _ => Err(vm.type_error("Condition._waiters is not a _thread._Waiters object")),
    }
}

fn with_waiters<R>(w: &Value, f: impl FnOnce(&mut VecDeque<Arc<Signal>>) -> R) -> Option<R> {
    match w {
        Value::Native(n) => n.get::<Waiters>().map(|x| f(&mut x.0.borrow_mut())),
        _ => None,
    }
}

/// `cond.wait(timeout)`: `None` waits until notified; a positive number waits at
/// most that many seconds; zero or a negative number only checks. Returns whether
/// it was notified.
pub fn cond_wait(vm: &mut Vm, cond: &Value, timeout: Option<f64>) -> PyResult<bool> {
    let lock = fast_attr(vm, cond, "_lock")?;
    if !is_owned(vm, cond, &lock)? {
        return Err(vm.runtime_error("cannot wait on un-acquired lock"));
    }
    let waiters = waiters_of(vm, cond)?;
    let waiter = Arc::new(Signal::new());
    with_waiters(&waiters, |w| w.push_back(waiter.clone()));
    let saved = release_save(vm, cond, &lock)?;
    let got = match timeout {
        Some(t) if t <= 0.0 => Ok(waiter.is_set()),
        _ => {
            let timeout = timeout.map(|t| Duration::from_secs_f64(t.min(1e10)));
            let w2 = waiter.clone();
            block(
                vm,
                WaitKind::Condition,
                cond.id() as u64,
                timeout,
                waiter.clone(),
                move |deadline, stop| w2.wait(deadline, stop).then_some(()),
            )
            .map(|r| r.is_some())
        }
    };
    let got = match got {
        Ok(g) => g,
        // told to stop (a daemon thread at shutdown): unwind at once
        Err(e) if vm.killed => return Err(e),
        // DeadlockError, KeyboardInterrupt: take the lock back first, as
        // CPython's `finally:` does, so the `with` block can release it
        Err(e) => {
            with_waiters(&waiters, |w| w.retain(|x| !Arc::ptr_eq(x, &waiter)));
            acquire_restore(vm, cond, &lock, saved)?;
            return Err(e);
        }
    };
    acquire_restore(vm, cond, &lock, saved)?;
    if !got {
        with_waiters(&waiters, |w| w.retain(|x| !Arc::ptr_eq(x, &waiter)));
    }
    Ok(got)
}

/// `cond.notify(n)`: wakes up to `n` waiters.
pub fn cond_notify(vm: &mut Vm, cond: &Value, n: usize) -> PyResult<()> {
    let lock = fast_attr(vm, cond, "_lock")?;
    if !is_owned(vm, cond, &lock)? {
        return Err(vm.runtime_error("cannot notify on un-acquired lock"));
    }
    let waiters = waiters_of(vm, cond)?;
    with_waiters(&waiters, |w| {
        let mut left = n;
        while left > 0 {
            let Some(x) = w.pop_front() else { break };
            if x.set() {
                left -= 1;
            }
        }
    });
    Ok(())
}

fn this(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<Value> {
    match args.all.first() {
        Some(v) => Ok(v.clone()),
        None => Err(vm.type_error(format!("{name}() needs a Condition"))),
    }
}

/// `Condition.__enter__`
pub fn py_cond_enter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let c = this(vm, &args, "__enter__")?;
    cond_enter(vm, &c)
}

/// `Condition.__exit__`
pub fn py_cond_exit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let c = this(vm, &args, "__exit__")?;
    cond_exit(vm, &c)?;
    Ok(Value::None)
}

/// `Condition.wait(timeout=None)`
pub fn py_cond_wait(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let c = this(vm, &args, "wait")?;
    if args.pos().len() > 2 {
        return Err(vm.type_error(format!(
            "Condition.wait() takes from 1 to 2 positional arguments but {} were given",
            args.pos().len()
        )));
    }
    let timeout = match args.get(1, "timeout") {
        None | Some(Value::None) => None,
        Some(t) => Some(timeout_secs(vm, t)?),
    };
    Ok(Value::Bool(cond_wait(vm, &c, timeout)?))
}

/// `Condition.notify(n=1)`
pub fn py_cond_notify(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let c = this(vm, &args, "notify")?;
    let n = match args.get(1, "n") {
        Some(v) => vm.arg_i64(v, "")?.max(0) as usize,
        None => 1,
    };
    cond_notify(vm, &c, n)?;
    Ok(Value::None)
}

/// `Condition.notify_all()`
pub fn py_cond_notify_all(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let c = this(vm, &args, "notify_all")?;
    cond_notify(vm, &c, usize::MAX)?;
    Ok(Value::None)
}

/// Calls `lock.name(*args)` with the keyword arguments of `args` (after `self`).
fn call_lock_method(vm: &mut Vm, lock: &Value, name: &str, args: &Args<'_>) -> PyResult<Value> {
    let f = vm.get_attr_str(lock, name)?;
    vm.call(
        &f,
        Args {
            all: &args.all[1..],
            kwnames: args.kwnames,
        },
    )
}

/// Runs the built-in method `f` of a native lock with `lock` as `self` and the
/// arguments of `args` after its own `self`.
fn call_native(
    vm: &mut Vm,
    f: crate::object::BuiltinFn,
    lock: &Value,
    args: &Args<'_>,
) -> PyResult<Value> {
    let mut all = Vec::with_capacity(args.all.len());
    all.push(lock.clone());
    all.extend_from_slice(&args.all[1..]);
    f(
        vm,
        Args {
            all: &all,
            kwnames: args.kwnames,
        },
    )
}

/// `Condition.acquire(*args, **kwargs)`: acquires the condition's lock.
pub fn py_cond_acquire(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let c = this(vm, &args, "acquire")?;
    let lock = fast_attr(vm, &c, "_lock")?;
    if lock_core(&lock).is_some() {
        return call_native(vm, super::thread_lock::lock_acquire, &lock, &args);
    }
    if rlock_core(&lock).is_some() {
        return call_native(vm, super::thread_lock::rlock_acquire, &lock, &args);
    }
    call_lock_method(vm, &lock, "acquire", &args)
}

/// `Condition.release()`: releases the condition's lock.
pub fn py_cond_release(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let c = this(vm, &args, "release")?;
    let lock = fast_attr(vm, &c, "_lock")?;
    if lock_core(&lock).is_some() || rlock_core(&lock).is_some() {
        lock_exit(vm, &lock)?;
        return Ok(Value::None);
    }
    call_lock_method(vm, &lock, "release", &args)
}

/// `Condition._is_owned()`: the lock's own `_is_owned` if it has one; for a plain
/// lock, whether it is taken (CPython's `acquire(False)` probe).
pub fn py_cond_is_owned(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let c = this(vm, &args, "_is_owned")?;
    let lock = fast_attr(vm, &c, "_lock")?;
    if let Some(l) = lock_core(&lock) {
        return Ok(Value::Bool(l.locked()));
    }
    if let Some(l) = rlock_core(&lock) {
        return Ok(Value::Bool(l.is_owned_by(vm.ident)));
    }
    if let Some(f) = vm.get_attr_opt(&lock, "_is_owned")? {
        return vm.call0(&f, &[]);
    }
    let got = vm.call_method(&lock, "acquire", &[Value::BoolW(BoolWord::FALSE)])?;
    if vm.truthy(&got)? {
        vm.call_method(&lock, "release", &[])?;
        Ok(Value::BoolW(BoolWord::FALSE))
    } else {
        Ok(Value::BoolW(BoolWord::TRUE))
    }
}

/// `Condition._release_save()`: releases the lock completely, returning what
/// `_acquire_restore` needs.
pub fn py_cond_release_save(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let c = this(vm, &args, "_release_save")?;
    let lock = fast_attr(vm, &c, "_lock")?;
    if lock_core(&lock).is_some() {
        lock_exit(vm, &lock)?;
        return Ok(Value::None);
    }
    if let Some(l) = rlock_core(&lock) {
        return match l.release_save() {
            Ok((count, owner)) => Ok(Value::tuple_of([
                Value::Int(count as i64),
                Value::Int(owner as i64),
            ])),
            Err(_) => Err(vm.runtime_error("cannot release un-acquired lock")),
        };
    }
    if let Some(f) = vm.get_attr_opt(&lock, "_release_save")? {
        return vm.call0(&f, &[]);
    }
    vm.call_method(&lock, "release", &[])?;
    Ok(Value::None)
}

/// `Condition._acquire_restore(state)`: takes the lock back as `_release_save`
/// left it.
pub fn py_cond_acquire_restore(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "_acquire_restore", 2, 2)?;
    let c = a[0].clone();
    let lock = fast_attr(vm, &c, "_lock")?;
    if lock_core(&lock).is_some() {
        lock_enter(vm, &lock)?;
        return Ok(Value::None);
    }
    if let Some(l) = rlock_core(&lock) {
        let l = l.clone();
        let count = match &a[1] {
            Value::Tuple(t) if !t.0.is_empty() => vm.arg_i64(&t.0[0], "")?.max(1) as u64,
            _ => 1,
        };
        acquire_rlock_count(vm, &l, lock.id() as u64, count, None)?;
        return Ok(Value::None);
    }
    if let Some(f) = vm.get_attr_opt(&lock, "_acquire_restore")? {
        return vm.call0(&f, &[a[1].clone()]);
    }
    vm.call_method(&lock, "acquire", &[])?;
    Ok(Value::None)
}
