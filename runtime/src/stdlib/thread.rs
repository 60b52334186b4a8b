//! The `_thread` module: starting threads (through the lifecycle steps), locks,
//! idents, the registry view `threading.enumerate()` reads, the default
//! `threading.excepthook`, and the native halves of `threading.Condition`.
//! `threading` (written in Python, `py/threading.py`) is built on it.

use std::rc::Rc;
use std::time::Duration;

use crate::interp::ThreadKind;
use crate::object::{Module, Native, PyType, Value};
use crate::threads::{ThreadHandle, current_native_id, spawn_thread};
use crate::vm::{Args, PyResult, Vm};

use super::thread_cond::{
    make_waiters_class, py_cond_acquire, py_cond_acquire_restore, py_cond_enter, py_cond_exit,
    py_cond_is_owned, py_cond_notify, py_cond_notify_all, py_cond_release, py_cond_release_save,
    py_cond_wait,
};
use super::thread_lock::{TIMEOUT_MAX, make_classes, new_lock, timeout_secs};
use super::{add_funcs, add_methods, native_class, new_module};

/// Creates `_thread`.
pub fn init(vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = new_module("_thread");
    let (lock, rlock) = make_classes(vm);
    let waiters = make_waiters_class(vm);
    let handle = native_class(vm, "_ThreadHandle", "_thread");
    add_methods(
        &handle,
        &[
            ("join", handle_join),
            ("is_done", handle_is_done),
            ("__repr__", handle_repr),
        ],
    );
    let boot = native_class(vm, "_Bootstrap", "_thread");
    add_methods(&boot, &[("__call__", bootstrap_call)]);
    m.dict.set_str("LockType", Value::Type(lock.clone()));
    m.dict.set_str("lock", Value::Type(lock.clone()));
    m.dict.set_str("RLock", Value::Type(rlock));
    m.dict.set_str("_Waiters", Value::Type(waiters));
    m.dict
        .set_str("_local", Value::Type(super::local::make_class(vm)));
    {
        let mut n = vm.ctx.native.borrow_mut();
        n.insert("_thread.lock", Value::Type(lock));
        n.insert("_thread.handle", Value::Type(handle));
        n.insert("_thread.bootstrap", Value::Type(boot));
    }
    add_funcs(
        &m.dict,
        &[
            ("allocate_lock", allocate_lock),
            ("allocate", allocate_lock),
            ("get_ident", get_ident),
            ("get_native_id", get_native_id),
            ("_count", count),
            ("_start", start),
            ("start_new_thread", start_new_thread),
            ("start_new", start_new_thread),
            ("_excepthook", excepthook),
            ("_print_exception", print_exception),
            ("_registry", registry),
            ("_main_ident", main_ident),
            ("stack_size", stack_size),
            ("daemon_threads_allowed", daemon_threads_allowed),
            ("exit", exit),
            ("exit_thread", exit),
            ("interrupt_main", interrupt_main),
            ("_cond_enter", py_cond_enter),
            ("_cond_exit", py_cond_exit),
            ("_cond_wait", py_cond_wait),
            ("_cond_notify", py_cond_notify),
            ("_cond_notify_all", py_cond_notify_all),
            ("_cond_acquire", py_cond_acquire),
            ("_sem_acquire", super::thread_sem::sem_acquire),
            ("_sem_release", super::thread_sem::sem_release),
            ("_bsem_release", super::thread_sem::bsem_release),
            ("_sem_exit", super::thread_sem::sem_exit),
            ("_cond_release", py_cond_release),
            ("_cond_is_owned", py_cond_is_owned),
            ("_cond_release_save", py_cond_release_save),
            ("_cond_acquire_restore", py_cond_acquire_restore),
        ],
    );
    m.dict
        .set_str("error", Value::Type(vm.ctx.types.runtime_error.clone()));
    m.dict.set_str("TIMEOUT_MAX", Value::Float(TIMEOUT_MAX));
    Ok(m)
}

fn class(vm: &Vm, key: &str) -> Rc<PyType> {
    match vm.ctx.native.borrow().get(key) {
        Some(Value::Type(t)) => t.clone(),
        _ => vm.ctx.types.object.clone(),
    }
}

fn allocate_lock(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.check(vm, "allocate_lock", 0, 0)?;
    Ok(new_lock(class(vm, "_thread.lock")))
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
        .filter(|t| t.kind == ThreadKind::Spawned)
        .count();
    Ok(Value::Int(n as i64))
}

fn new_handle(vm: &mut Vm, h: ThreadHandle) -> Value {
    let c = class(vm, "_thread.handle");
    let d = Rc::new(crate::object::PyDict::new());
    d.set_str("ident", Value::Int(h.ident as i64));
    d.set_str("native_id", Value::Int(h.native_id as i64));
    Value::Native(Rc::new(Native {
        class: c,
        data: Box::new(h),
        dict: Some(d),
    }))
}

/// `_start(func, name, daemon)`: starts a thread running `func()`, returns its
/// handle once the new OS thread is bound.
fn start(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "_start", 3, 3)?;
    let name = vm.arg_str(&a[1], "name")?;
    let daemon = vm.truthy(&a[2])?;
    let h = spawn_thread(vm, a[0].clone(), name.as_str(), daemon)?;
    Ok(new_handle(vm, h))
}

/// What a thread started by `start_new_thread` runs.
struct Bootstrap {
    func: Value,
    args: Value,
    kwargs: Option<Value>,
}

fn bootstrap_call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(Value::Native(n)) = args.all.first() else {
        return Ok(Value::None);
    };
    let Some(b) = n.get::<Bootstrap>() else {
        return Ok(Value::None);
    };
    let (func, fargs, kwargs) = (b.func.clone(), b.args.clone(), b.kwargs.clone());
    if let Err(e) = vm.call_ex(&func, &fargs, kwargs.as_ref()) {
        if vm.killed || e.class.is_subtype(&vm.ctx.types.system_exit.clone()) {
            return if vm.killed { Err(e) } else { Ok(Value::None) };
        }
        let what = vm.repr(&func).unwrap_or_default();
        let text = crate::vm::format_exception(vm, &e);
        super::io::write_stream(
            vm,
            "stderr",
            &format!("Exception ignored in thread started by: {what}\n{text}"),
        )?;
    }
    Ok(Value::None)
}

/// `start_new_thread(function, args, kwargs=None)`: a bare thread; returns its ident.
fn start_new_thread(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "start_new_thread", 2, 3)?;
    let callable = match &a[0] {
        Value::Function(_) | Value::Builtin(_) | Value::Method(_) | Value::Type(_) => true,
        other => vm.type_of(other).lookup("__call__").is_some(),
    };
    if !callable {
        return Err(vm.type_error("first arg must be callable"));
    }
    if !matches!(a[1], Value::Tuple(_)) {
        return Err(vm.type_error("2nd arg must be a tuple"));
    }
    let kwargs = match a.get(2) {
        None => None,
        Some(d @ Value::Dict(_)) => Some(d.clone()),
        Some(_) => return Err(vm.type_error("optional 3rd arg must be a dictionary")),
    };
    let boot = Value::Native(Rc::new(Native {
        class: class(vm, "_thread.bootstrap"),
        data: Box::new(Bootstrap {
            func: a[0].clone(),
            args: a[1].clone(),
            kwargs,
        }),
        dict: None,
    }));
    let daemon = vm.interp.config.allow_daemon_threads;
    let h = spawn_thread(vm, boot, "Thread", daemon)?;
    Ok(Value::Int(h.ident as i64))
}

fn handle_of(v: &Value) -> Option<&ThreadHandle> {
    match v {
        Value::Native(n) => n.get::<ThreadHandle>(),
        _ => None,
    }
}

/// `handle.join(timeout=None)`: True once the thread has finished.
fn handle_join(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "join", 1, 2)?;
    let timeout = match a.get(1) {
        None | Some(Value::None) => None,
        Some(t) => {
            let t = timeout_secs(vm, t)?;
            Some(Duration::from_secs_f64(t.clamp(0.0, 1e10)))
        }
    };
    let v = a[0].clone();
    let Some(h) = handle_of(&v) else {
        return Err(vm.type_error("not a thread handle"));
    };
    Ok(Value::Bool(h.join(vm, v.id() as u64, timeout)?))
}

fn handle_is_done(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "is_done", 1, 1)?;
    match handle_of(&a[0]) {
        Some(h) => Ok(Value::Bool(h.is_done())),
        None => Err(vm.type_error("not a thread handle")),
    }
}

fn handle_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__repr__", 1, 1)?;
    match handle_of(&a[0]) {
        Some(h) => Ok(Value::string(format!(
            "<_thread._ThreadHandle object: ident={}>",
            h.ident
        ))),
        None => Err(vm.type_error("not a thread handle")),
    }
}

/// Writes "Exception in thread NAME:" and the traceback of `exc` to `sys.stderr`.
fn write_thread_exception(vm: &mut Vm, name: &str, exc: &Value) -> PyResult<()> {
    let text = match exc {
        Value::Instance(e) if e.exc.is_some() => crate::vm::format_exception(vm, e),
        Value::None => "NoneType: None\n".to_owned(),
        other => format!("{}\n", vm.str_of(other)?),
    };
    super::io::write_stream(
        vm,
        "stderr",
        &format!("Exception in thread {name}:\n{text}"),
    )?;
    super::io::flush_stream(vm, "stderr")
}

/// `_excepthook(args)`: CPython's default `threading.excepthook`. `args` has
/// `exc_type`, `exc_value`, `exc_traceback` and `thread`; `SystemExit` is ignored.
fn excepthook(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "excepthook", 1, 1)?;
    let hook_args = a[0].clone();
    let exc_type = vm.get_attr_str(&hook_args, "exc_type")?;
    if let Value::Type(t) = &exc_type
        && t.is_subtype(&vm.ctx.types.system_exit.clone())
    {
        return Ok(Value::None);
    }
    let exc_value = vm.get_attr_str(&hook_args, "exc_value")?;
    let thread = vm.get_attr_str(&hook_args, "thread")?;
    let name = if thread.is_none() {
        vm.ident.to_string()
    } else {
        let n = vm.get_attr_str(&thread, "name")?;
        vm.str_of(&n)?
    };
    write_thread_exception(vm, &name, &exc_value)?;
    Ok(Value::None)
}

/// `_print_exception(exc)`: the traceback of `exc` on `sys.stderr` (what
/// `sys.excepthook` prints).
fn print_exception(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "_print_exception", 1, 1)?;
    if let Value::Instance(e) = &a[0]
        && e.exc.is_some()
    {
        let text = crate::vm::format_exception(vm, e);
        super::io::write_stream(vm, "stderr", &text)?;
        super::io::flush_stream(vm, "stderr")?;
    }
    Ok(Value::None)
}

/// `_registry()`: (ident, name, daemon, main, spawned) of every thread state of the
/// interpreter, read from its registry.
fn registry(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    let items = vm
        .interp
        .threads()
        .into_iter()
        .map(|t| {
            Value::tuple_of([
                Value::Int(t.ident as i64),
                Value::string(t.name),
                Value::Bool(t.daemon),
                Value::Bool(t.main),
                Value::Bool(t.kind == ThreadKind::Spawned),
            ])
        })
        .collect();
    Ok(Value::list(items))
}

/// `_main_ident()`: the ident of the interpreter's main thread, or None.
fn main_ident(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(vm
        .interp
        .threads()
        .into_iter()
        .find(|t| t.main && t.ident != 0)
        .map(|t| Value::Int(t.ident as i64))
        .unwrap_or(Value::None))
}

/// `stack_size([size])`: threads get a fixed stack here; accepts and reports 0.
fn stack_size(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "stack_size", 0, 1)?;
    if let Some(v) = a.first() {
        let n = vm.arg_i64(v, "")?;
        if n != 0 && n < 32768 {
            return Err(vm.value_error(format!("size not valid: {n} bytes")));
        }
    }
    Ok(Value::Int(0))
}

fn daemon_threads_allowed(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(vm.interp.config.allow_daemon_threads))
}

fn exit(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    let class = vm.ctx.types.system_exit.clone();
    Err(vm.new_exception_args(&class, vec![]))
}

/// `interrupt_main(signum=SIGINT, /)`: as if SIGINT arrived, the main thread
/// raises `KeyboardInterrupt` at its next check (at once if it is blocked in a
/// wait). Other signals have no Python handler in atoll: nothing happens.
fn interrupt_main(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "interrupt_main", 0, 1)?;
    let signum = match a.first() {
        Some(v) => vm.arg_i64(v, "")?,
        None => 2,
    };
    if signum == 2 {
        crate::threads::interrupt_main(&vm.interp);
    }
    Ok(Value::None)
}
