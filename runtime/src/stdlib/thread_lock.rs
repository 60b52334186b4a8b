//! `_thread.lock` and `_thread.RLock`: Python objects over the thread-safe cores of
//! [`crate::threads::lock`]. An uncontended acquire never releases the GIL; a
//! blocking one waits through [`crate::threads::block`] with the GIL released.

use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use crate::object::{Native, PyType, Value};
use crate::threads::lock::{LockCore, RLockCore, RLockError};
use crate::threads::{WaitKind, block};
use crate::vm::{Args, PyResult, Vm};

use super::{add_methods, func, native_class};

/// `threading.TIMEOUT_MAX` (as CPython computes it on 64-bit Linux).
pub const TIMEOUT_MAX: f64 = 9223372036.0;

/// The data of a `_thread.lock` object.
pub struct PyLock(pub Arc<LockCore>);

/// The data of a `_thread.RLock` object.
pub struct PyRLock(pub Arc<RLockCore>);

/// Creates the `lock` and `RLock` classes; returns (lock, RLock).
pub fn make_classes(vm: &mut Vm) -> (Rc<PyType>, Rc<PyType>) {
    let lock = native_class(vm, "lock", "_thread");
    add_methods(
        &lock,
        &[
            ("acquire", lock_acquire),
            ("acquire_lock", lock_acquire),
            ("release", lock_release),
            ("release_lock", lock_release),
            ("locked", lock_locked),
            ("locked_lock", lock_locked),
            ("__enter__", lock_enter),
            ("__exit__", lock_exit),
            ("__repr__", lock_repr),
        ],
    );
    let rlock = native_class(vm, "RLock", "_thread");
    add_methods(
        &rlock,
        &[
            ("acquire", rlock_acquire),
            ("release", rlock_release),
            ("__enter__", rlock_enter),
            ("__exit__", rlock_exit),
            ("_is_owned", rlock_is_owned),
            ("_release_save", rlock_release_save),
            ("_acquire_restore", rlock_acquire_restore),
            ("_recursion_count", rlock_recursion_count),
            ("__repr__", rlock_repr),
        ],
    );
    rlock.dict.set_str("__new__", func("__new__", rlock_new));
    (lock, rlock)
}

/// A new `_thread.lock` object of class `class`.
pub fn new_lock(class: Rc<PyType>) -> Value {
    Value::Native(Rc::new(Native {
        class,
        data: Box::new(PyLock(Arc::new(LockCore::new()))),
        dict: None,
    }))
}

/// The core of a `_thread.lock` object, if `v` is one.
pub fn lock_core(v: &Value) -> Option<&Arc<LockCore>> {
    match v {
        Value::Native(n) => n.get::<PyLock>().map(|l| &l.0),
        _ => None,
    }
}

/// The core of a `_thread.RLock` object, if `v` is one.
pub fn rlock_core(v: &Value) -> Option<&Arc<RLockCore>> {
    match v {
        Value::Native(n) => n.get::<PyRLock>().map(|l| &l.0),
        _ => None,
    }
}

/// A timeout argument in seconds, converted as CPython's `_PyTime_FromSecondsObject`.
pub fn timeout_secs(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    let t = match v {
        Value::FloatW(f) => {
            if f.get().is_nan() {
                return Err(vm.value_error("Invalid value NaN (not a number)"));
            }
            f.get()
        }
        Value::Int(i) => *i as f64,
        Value::BoolW(b) => b.get() as i64 as f64,
        Value::BigInt(_) => {
            return Err(vm.overflow_error("timestamp out of range for platform time_t"));
        }
        Value::Instance(i) if i.class.lookup("__index__").is_some() => vm.arg_i64(v, "")? as f64,
        other => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(other)
            )));
        }
    };
    if t.abs() >= 9_223_372_036.854_776 {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    }
    Ok(t)
}

/// Parses `acquire(blocking=True, timeout=-1)` as CPython's locks do. Returns
/// (blocking, timeout); timeout None means wait forever.
#[inline]
pub fn acquire_args(vm: &mut Vm, args: Args<'_>) -> PyResult<(bool, Option<Duration>)> {
    if args.all.len() == 1 && args.kwnames.is_empty() {
        // `acquire()`: block forever
        return Ok((true, None));
    }
    acquire_args_slow(vm, args)
}

/// [`acquire_args`] when arguments were given.
fn acquire_args_slow(vm: &mut Vm, args: Args<'_>) -> PyResult<(bool, Option<Duration>)> {
    let pos = args.pos();
    if pos.len() > 3 {
        return Err(vm.type_error(format!(
            "acquire() takes at most 2 arguments ({} given)",
            pos.len() - 1
        )));
    }
    for (k, _) in args.kw() {
        if k != "blocking" && k != "timeout" {
            return Err(vm.type_error(format!(
                "'{k}' is an invalid keyword argument for acquire()"
            )));
        }
    }
    let blocking = match args.get(1, "blocking") {
        Some(b) => vm.truthy(b)?,
        None => true,
    };
    let timeout = match args.get(2, "timeout") {
        Some(t) => timeout_secs(vm, t)?,
        None => -1.0,
    };
    let unset = timeout == -1.0;
    if !blocking && !unset {
        return Err(vm.value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && !unset {
        return Err(vm.value_error("timeout value must be positive"));
    }
    if !blocking {
        return Ok((false, Some(Duration::ZERO)));
    }
    if unset {
        return Ok((true, None));
    }
    if timeout > TIMEOUT_MAX + 0.854775 {
        return Err(vm.overflow_error("timeout value is too large"));
    }
    Ok((true, Some(Duration::from_secs_f64(timeout))))
}

#[inline]
fn this_lock<'a>(vm: &mut Vm, args: &Args<'a>) -> PyResult<&'a Arc<LockCore>> {
    match args.all.first().and_then(lock_core) {
        Some(l) => Ok(l),
        None => Err(vm.type_error("descriptor requires a '_thread.lock' object")),
    }
}

#[inline]
fn this_rlock<'a>(vm: &mut Vm, args: &Args<'a>) -> PyResult<&'a Arc<RLockCore>> {
    match args.all.first().and_then(rlock_core) {
        Some(l) => Ok(l),
        None => Err(vm.type_error("descriptor requires a '_thread.RLock' object")),
    }
}

/// Acquires `lock` for the calling thread, blocking up to `timeout` (None: forever)
/// with the GIL released. `object` is the lock's `id()`.
#[inline]
pub fn acquire_lock(
    vm: &mut Vm,
    lock: &Arc<LockCore>,
    object: u64,
    timeout: Option<Duration>,
) -> PyResult<bool> {
    let ident = vm.ident;
    if lock.try_acquire(ident) {
        return Ok(true);
    }
    acquire_lock_slow(vm, lock, object, timeout)
}

/// [`acquire_lock`] when the lock is taken: waits with the GIL released.
#[inline(never)]
fn acquire_lock_slow(
    vm: &mut Vm,
    lock: &Arc<LockCore>,
    object: u64,
    timeout: Option<Duration>,
) -> PyResult<bool> {
    let ident = vm.ident;
    if lock.try_acquire(ident) {
        return Ok(true);
    }
    if timeout == Some(Duration::ZERO) {
        return Ok(false);
    }
    let l = lock.clone();
    let r = block(
        vm,
        WaitKind::Lock,
        object,
        timeout,
        lock.clone(),
        move |deadline, stop| l.acquire_until(ident, deadline, stop).then_some(()),
    )?;
    Ok(r.is_some())
}

/// Acquires `rlock` for the calling thread with recursion count `count` once free
/// (for a first acquire, count 1), blocking up to `timeout` with the GIL released.
pub fn acquire_rlock_count(
    vm: &mut Vm,
    rlock: &Arc<RLockCore>,
    object: u64,
    count: u64,
    timeout: Option<Duration>,
) -> PyResult<bool> {
    let ident = vm.ident;
    if rlock.try_acquire_count(ident, count) {
        return Ok(true);
    }
    if timeout == Some(Duration::ZERO) {
        return Ok(false);
    }
    let l = rlock.clone();
    let r = block(
        vm,
        WaitKind::RLock,
        object,
        timeout,
        rlock.clone(),
        move |deadline, stop| l.acquire_until(ident, count, deadline, stop).then_some(()),
    )?;
    Ok(r.is_some())
}

/// Acquires `rlock` once more for the calling thread (recursively if it owns it).
#[inline]
pub fn acquire_rlock(
    vm: &mut Vm,
    rlock: &Arc<RLockCore>,
    object: u64,
    timeout: Option<Duration>,
) -> PyResult<bool> {
    match rlock.try_acquire(vm.ident) {
        Ok(true) => Ok(true),
        Ok(false) => acquire_rlock_count(vm, rlock, object, 1, timeout),
        Err(_) => Err(vm.overflow_error("Internal lock count overflowed")),
    }
}

/// Releases `rlock` one level for the calling thread.
#[inline]
pub fn release_rlock(vm: &mut Vm, rlock: &RLockCore) -> PyResult<()> {
    match rlock.release(vm.ident) {
        Ok(()) => Ok(()),
        Err(_) => Err(vm.runtime_error("cannot release un-acquired lock")),
    }
}

/// Releases `lock`; `RuntimeError` if it is not locked.
#[inline]
pub fn release_lock(vm: &mut Vm, lock: &LockCore) -> PyResult<()> {
    if lock.release() {
        Ok(())
    } else {
        Err(vm.runtime_error("release unlocked lock"))
    }
}

/// `lock.acquire(blocking=True, timeout=-1)`
#[inline]
pub fn lock_acquire(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let l = this_lock(vm, &args)?;
    let (_, timeout) = acquire_args(vm, args)?;
    let id = args.all[0].id() as u64;
    Ok(Value::Bool(acquire_lock(vm, l, id, timeout)?))
}

#[inline]
fn lock_enter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let l = this_lock(vm, &args)?;
    let id = args.all[0].id() as u64;
    Ok(Value::Bool(acquire_lock(vm, l, id, None)?))
}

#[inline]
fn lock_release(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let l = this_lock(vm, &args)?;
    args.check_method(vm, "lock.release", 1, 1)?;
    release_lock(vm, l)?;
    Ok(Value::None)
}

#[inline]
fn lock_exit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let l = this_lock(vm, &args)?;
    release_lock(vm, l)?;
    Ok(Value::None)
}

fn lock_locked(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let l = this_lock(vm, &args)?;
    Ok(Value::Bool(l.locked()))
}

fn lock_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let l = this_lock(vm, &args)?;
    let state = if l.locked() { "locked" } else { "unlocked" };
    Ok(Value::string(format!(
        "<{state} _thread.lock object at {:#x}>",
        args.all[0].id()
    )))
}

fn rlock_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let class = match args.all.first() {
        Some(Value::Type(t)) => t.clone(),
        _ => return Err(vm.type_error("RLock.__new__(X): X is not a type object")),
    };
    Ok(Value::Native(Rc::new(Native {
        class,
        data: Box::new(PyRLock(Arc::new(RLockCore::new()))),
        dict: None,
    })))
}

/// `RLock.acquire(blocking=True, timeout=-1)`
#[inline]
pub fn rlock_acquire(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let l = this_rlock(vm, &args)?;
    let (_, timeout) = acquire_args(vm, args)?;
    let id = args.all[0].id() as u64;
    Ok(Value::Bool(acquire_rlock(vm, l, id, timeout)?))
}

#[inline]
fn rlock_enter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let l = this_rlock(vm, &args)?;
    let id = args.all[0].id() as u64;
    Ok(Value::Bool(acquire_rlock(vm, l, id, None)?))
}

#[inline]
fn rlock_release(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let l = this_rlock(vm, &args)?;
    args.check_method(vm, "RLock.release", 1, 1)?;
    release_rlock(vm, l)?;
    Ok(Value::None)
}

#[inline]
fn rlock_exit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let l = this_rlock(vm, &args)?;
    release_rlock(vm, l)?;
    Ok(Value::None)
}

fn rlock_is_owned(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let l = this_rlock(vm, &args)?;
    Ok(Value::Bool(l.is_owned_by(vm.ident)))
}

fn rlock_release_save(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let l = this_rlock(vm, &args)?;
    match l.release_save() {
        Ok((count, owner)) => Ok(Value::tuple_of([
            Value::Int(count as i64),
            Value::Int(owner as i64),
        ])),
        Err(RLockError::NotOwned | RLockError::Overflow) => {
            Err(vm.runtime_error("cannot release un-acquired lock"))
        }
    }
}

fn rlock_acquire_restore(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "_acquire_restore", 2, 2)?;
    let l = this_rlock(vm, &args)?;
    let state = vm.collect(&a[1])?;
    if state.len() != 2 {
        return Err(vm.type_error("_acquire_restore() argument must be a (count, owner) pair"));
    }
    let count = vm.arg_i64(&state[0], "")?.max(1) as u64;
    let id = a[0].id() as u64;
    acquire_rlock_count(vm, l, id, count, None)?;
    Ok(Value::None)
}

fn rlock_recursion_count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let l = this_rlock(vm, &args)?;
    let (owner, count) = l.snapshot();
    Ok(Value::Int(if owner == vm.ident { count as i64 } else { 0 }))
}

fn rlock_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let l = this_rlock(vm, &args)?;
    let (owner, count) = l.snapshot();
    let state = if count > 0 { "locked" } else { "unlocked" };
    let name = match &args.all[0] {
        Value::Native(n) => {
            let c = &n.class;
            let module = c
                .dict
                .get_str("__module__")
                .and_then(|m| m.as_str().map(str::to_owned))
                .unwrap_or_default();
            format!("{module}.{}", c.name())
        }
        _ => "_thread.RLock".to_owned(),
    };
    Ok(Value::string(format!(
        "<{state} {name} object owner={owner} count={count} at {:#x}>",
        args.all[0].id()
    )))
}
