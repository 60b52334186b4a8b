//! The `_thread` module: starting threads (through the lifecycle steps), locks, ids.
//! `threading` (written in Python, `py/threading.py`) is built on it.

use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use crate::object::{Module, Native, PyType, Value};
use crate::sync::{Condvar, Mutex};
use crate::threads::{ThreadHandle, current_native_id, spawn_thread};
use crate::vm::{Args, PyResult, Vm};

use super::{add_funcs, add_methods, native_class, new_module};

/// A lock shared by the threads of one interpreter; waits release the GIL.
#[derive(Default)]
pub struct LockState {
    locked: Mutex<bool>,
    cv: Condvar,
}

/// Creates `_thread`.
pub fn init(vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = new_module("_thread");
    let lock = native_class(vm, "lock", "_thread");
    add_methods(
        &lock,
        &[
            ("acquire", lock_acquire),
            ("release", lock_release),
            ("locked", lock_locked),
            ("__enter__", lock_acquire),
            ("__exit__", lock_exit),
        ],
    );
    let handle = native_class(vm, "_ThreadHandle", "_thread");
    add_methods(
        &handle,
        &[("join", handle_join), ("is_done", handle_is_done)],
    );
    m.dict.set_str("LockType", Value::Type(lock.clone()));
    vm.ctx
        .native
        .borrow_mut()
        .insert("_thread.lock", Value::Type(lock));
    vm.ctx
        .native
        .borrow_mut()
        .insert("_thread.handle", Value::Type(handle));
    add_funcs(
        &m.dict,
        &[
            ("allocate_lock", allocate_lock),
            ("get_ident", get_ident),
            ("get_native_id", get_native_id),
            ("_count", count),
            ("_start", start),
            ("_print_exception", print_exception),
            ("_registry", registry),
        ],
    );
    m.dict
        .set_str("error", Value::Type(vm.ctx.types.runtime_error.clone()));
    m.dict.set_str("TIMEOUT_MAX", Value::Float(4294967.0));
    Ok(m)
}

fn class(vm: &Vm, key: &str) -> Rc<PyType> {
    match vm.ctx.native.borrow().get(key) {
        Some(Value::Type(t)) => t.clone(),
        _ => vm.ctx.types.object.clone(),
    }
}

fn allocate_lock(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    let c = class(vm, "_thread.lock");
    Ok(Value::Native(Rc::new(Native {
        class: c,
        data: Box::new(Arc::new(LockState::default())),
        dict: None,
    })))
}

fn lock_of(vm: &mut Vm, v: &Value) -> PyResult<Arc<LockState>> {
    match v {
        Value::Native(n) => n
            .get::<Arc<LockState>>()
            .cloned()
            .ok_or_else(|| vm.type_error("not a lock")),
        _ => Err(vm.type_error("not a lock")),
    }
}

fn lock_acquire(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let l = lock_of(vm, &args.all[0])?;
    let blocking = match args.get(1, "blocking") {
        Some(b) => vm.truthy(b)?,
        None => true,
    };
    let timeout = match args.get(2, "timeout") {
        Some(t) => vm.arg_f64(t)?,
        None => -1.0,
    };
    if !blocking && timeout != -1.0 {
        return Err(vm.value_error("can't specify a timeout for a non-blocking call"));
    }
    {
        let mut g = l.locked.lock();
        if !*g {
            *g = true;
            return Ok(Value::Bool(true));
        }
        if !blocking {
            return Ok(Value::Bool(false));
        }
    }
    let got = vm.allow_threads(move || {
        let mut g = l.locked.lock();
        if timeout < 0.0 {
            while *g {
                l.cv.wait(&mut g);
            }
        } else {
            let deadline = std::time::Instant::now() + Duration::from_secs_f64(timeout);
            while *g {
                if l.cv.wait_until(&mut g, deadline).timed_out() {
                    break;
                }
            }
        }
        if *g {
            false
        } else {
            *g = true;
            true
        }
    });
    Ok(Value::Bool(got))
}

fn lock_release(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let l = lock_of(vm, &args.all[0])?;
    let mut g = l.locked.lock();
    if !*g {
        return Err(vm.runtime_error("release unlocked lock"));
    }
    *g = false;
    l.cv.notify_one();
    Ok(Value::None)
}

fn lock_exit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    lock_release(vm, Args::new(&args.all[..1]))
}

fn lock_locked(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let l = lock_of(vm, &args.all[0])?;
    let v = *l.locked.lock();
    Ok(Value::Bool(v))
}

fn get_ident(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(vm.ident as i64))
}

fn get_native_id(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(current_native_id() as i64))
}

fn count(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    let n = vm
        .interp
        .threads()
        .iter()
        .filter(|t| t.kind == crate::interp::ThreadKind::Spawned)
        .count();
    Ok(Value::Int(n as i64))
}

/// `_start(func, name, daemon)`: starts a thread, returns its handle once it is bound.
fn start(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "_start", 3, 3)?;
    let name = vm.arg_str(&a[1], "name")?;
    let daemon = vm.truthy(&a[2])?;
    let h = spawn_thread(vm, a[0].clone(), name.as_str(), daemon)?;
    let c = class(vm, "_thread.handle");
    let d = Rc::new(crate::object::PyDict::new());
    d.set_str("ident", Value::Int(h.ident as i64));
    d.set_str("native_id", Value::Int(h.native_id as i64));
    Ok(Value::Native(Rc::new(Native {
        class: c,
        data: Box::new(h),
        dict: Some(d),
    })))
}

fn handle_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a ThreadHandle> {
    match v {
        Value::Native(n) => n
            .get::<ThreadHandle>()
            .ok_or_else(|| vm.type_error("not a thread handle")),
        _ => Err(vm.type_error("not a thread handle")),
    }
}

fn handle_join(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "join", 1, 2)?;
    let timeout = match a.get(1) {
        None | Some(Value::None) => None,
        Some(t) => Some(Duration::from_secs_f64(vm.arg_f64(t)?.max(0.0))),
    };
    let v = a[0].clone();
    let Value::Native(n) = &v else {
        return Err(vm.type_error("not a thread handle"));
    };
    let Some(h) = n.get::<ThreadHandle>() else {
        return Err(vm.type_error("not a thread handle"));
    };
    Ok(Value::Bool(h.join(vm, timeout)))
}

fn handle_is_done(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "is_done", 1, 1)?;
    let h = handle_of(vm, &a[0])?;
    Ok(Value::Bool(h.is_done()))
}

/// `_print_exception(thread_name, exc)`: CPython's default `threading.excepthook` output.
fn print_exception(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "_print_exception", 2, 2)?;
    let name = vm.str_of(&a[0])?;
    if let Value::Instance(e) = &a[1] {
        let text = crate::vm::format_exception(vm, e);
        super::io::write_stream(
            vm,
            "stderr",
            &format!("Exception in thread {name}:\n{text}"),
        )?;
    }
    Ok(Value::None)
}

/// `_registry()`: (ident, name, daemon, main) of every thread state, from the
/// interpreter's registry.
fn registry(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    let items = vm
        .interp
        .threads()
        .into_iter()
        .map(|t| {
            Value::tuple(vec![
                Value::Int(t.ident as i64),
                Value::string(t.name),
                Value::Bool(t.daemon),
                Value::Bool(t.main),
            ])
        })
        .collect();
    Ok(Value::list(items))
}
