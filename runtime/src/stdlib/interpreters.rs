//! `_interpreters`: the native layer under `concurrent.interpreters` (PEP 734).
//!
//! Interpreters a script creates live in the same [`Runtime`] registry as those
//! a Rust host creates. Running code in another interpreter happens on the
//! calling OS thread: the caller's GIL is released, the code runs in the target
//! under a fresh thread state (lifecycle steps 1, 3, 4, 5), and the caller's
//! GIL is taken back. Only `Send` data crosses: source text, shareable values,
//! shared code objects, and exception summaries.
//!
//! Functions: `create()`, `destroy(id, *, restrict=False)`, `list_all()`,
//! `get_current()`, `get_main()`, `whence(id)`, `is_running(id)`,
//! `exec(id, code, *, restrict=False)` (returns `None` or an excinfo tuple),
//! `call(id, callable, args=(), kwargs=None, *, restrict=False)` (returns
//! `(result, excinfo)`), `set___main___attrs(id, ns, *, restrict=False)`,
//! `is_shareable(obj)`; classes `InterpreterError`, `InterpreterNotFoundError`,
//! `NotShareableError` (a `TypeError`).

use std::rc::Rc;
use std::sync::Arc;

use atoll_channels::Shareable;

use crate::interp::InterpShared;
use crate::object::{Module, PyType, Value};
use crate::runtime::{Runtime, Whence};
use crate::vm::{Args, PyErr, PyResult, Vm};

use super::crossinterp::{
    CallOutcome, NotShareable, call_in, call_target, exec_source_in, from_shareable, run_in,
    to_shareable,
};
use super::interpqueues::{ensure_module, new_exc_class};
use super::modsupport::register_class;
use super::{add_funcs, new_module};

const MODULE: &str = "concurrent.interpreters";

/// Creates `_interpreters`.
pub fn init(vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = new_module("_interpreters");
    let exception = vm.ctx.types.exception.clone();
    let type_error = vm.ctx.types.type_error.clone();
    let interp_error = new_exc_class(vm, "InterpreterError", &exception, MODULE)?;
    let not_found = new_exc_class(vm, "InterpreterNotFoundError", &interp_error, MODULE)?;
    let not_shareable = new_exc_class(vm, "NotShareableError", &type_error, MODULE)?;
    for (key, name, cls) in [
        (
            "_interpreters.InterpreterError",
            "InterpreterError",
            &interp_error,
        ),
        (
            "_interpreters.InterpreterNotFoundError",
            "InterpreterNotFoundError",
            &not_found,
        ),
        (
            "_interpreters.NotShareableError",
            "NotShareableError",
            &not_shareable,
        ),
    ] {
        register_class(vm, key, cls);
        m.dict.set_str(name, Value::Type(cls.clone()));
    }
    for (name, w) in [
        ("WHENCE_UNKNOWN", 0),
        ("WHENCE_RUNTIME", 1),
        ("WHENCE_LEGACY_CAPI", 2),
        ("WHENCE_CAPI", 3),
        ("WHENCE_XI", 4),
        ("WHENCE_STDLIB", 5),
    ] {
        m.dict.set_str(name, Value::Int(w));
    }
    add_funcs(
        &m.dict,
        &[
            ("create", create),
            ("destroy", destroy),
            ("list_all", list_all),
            ("get_current", get_current),
            ("get_main", get_main),
            ("whence", whence),
            ("is_running", is_running),
            ("exec", exec),
            ("call", call),
            ("set___main___attrs", set_main_attrs),
            ("is_shareable", is_shareable),
            ("incref", noop),
            ("decref", noop),
        ],
    );
    Ok(m)
}

fn error_class(vm: &mut Vm, key: &str) -> Rc<PyType> {
    if !vm.ctx.native.borrow().contains_key(key) {
        let _ = ensure_module(vm, "_interpreters");
    }
    match vm.ctx.native.borrow().get(key) {
        Some(Value::Type(t)) => t.clone(),
        _ => vm.ctx.types.runtime_error.clone(),
    }
}

/// `InterpreterError(msg)`.
fn interp_error(vm: &mut Vm, msg: impl Into<String>) -> PyErr {
    let c = error_class(vm, "_interpreters.InterpreterError");
    vm.new_exception(&c, msg)
}

/// `InterpreterNotFoundError("unrecognized interpreter ID {id}")`.
fn not_found(vm: &mut Vm, id: i64) -> PyErr {
    let c = error_class(vm, "_interpreters.InterpreterNotFoundError");
    vm.new_exception(&c, format!("unrecognized interpreter ID {id}"))
}

/// The `NotShareableError` for an object that can't cross.
pub fn not_shareable_error(vm: &mut Vm, why: &NotShareable) -> PyErr {
    let c = error_class(vm, "_interpreters.NotShareableError");
    vm.new_exception(&c, why.message())
}

fn runtime(vm: &mut Vm) -> PyResult<Runtime> {
    match Runtime::of(&vm.interp) {
        Some(rt) => Ok(rt),
        None => Err(interp_error(
            vm,
            "this interpreter does not belong to a runtime",
        )),
    }
}

fn whence_code(rt: &Runtime, id: u64) -> i64 {
    rt.whence(id).map(Whence::code).unwrap_or(0)
}

/// The open interpreter `id` of this runtime.
fn lookup(vm: &mut Vm, id_arg: &Value) -> PyResult<(Runtime, Arc<InterpShared>)> {
    let id = vm.arg_i64(id_arg, "id")?;
    let rt = runtime(vm)?;
    if id < 0 {
        return Err(vm.value_error(format!(
            "interpreter ID must be a non-negative int, got {id}"
        )));
    }
    match rt.get(id as u64) {
        Some(i) => {
            let shared = i.shared.clone();
            let reg = shared.registry.lock();
            if reg.closing || reg.closed {
                drop(reg);
                return Err(not_found(vm, id));
            }
            drop(reg);
            Ok((rt, shared))
        }
        None => Err(not_found(vm, id)),
    }
}

fn restrict_arg(vm: &mut Vm, args: &Args<'_>) -> PyResult<bool> {
    match args.kwarg("restrict") {
        Some(v) => vm.truthy(v),
        None => Ok(false),
    }
}

/// With `restrict`, only interpreters made by `create()` may be changed.
fn check_owned(vm: &mut Vm, rt: &Runtime, id: u64, restrict: bool, what: &str) -> PyResult<()> {
    if restrict && rt.whence(id) != Some(Whence::Stdlib) {
        return Err(interp_error(
            vm,
            format!(
                "cannot {what} interpreter {id}: it was not created by concurrent.interpreters"
            ),
        ));
    }
    Ok(())
}

/// Marks `target` as running code in `__main__` for the caller, or fails as
/// CPython does when it already is.
fn enter(vm: &mut Vm, target: &InterpShared) -> PyResult<()> {
    let mut reg = target.registry.lock();
    if reg.closing || reg.closed {
        drop(reg);
        return Err(not_found(vm, target.id as i64));
    }
    if reg.running > 0 {
        drop(reg);
        return Err(interp_error(vm, "interpreter already running"));
    }
    reg.running += 1;
    Ok(())
}

fn leave(target: &InterpShared) {
    let mut reg = target.registry.lock();
    reg.running -= 1;
    drop(reg);
    target.registry_changed.notify_all();
}

/// `create()`: a new interpreter (isolated: threads allowed, daemon threads
/// not), returns its id.
fn create(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let _ = args;
    let rt = runtime(vm)?;
    let mut config = vm.interp.config.clone();
    config.allow_daemon_threads = false;
    match rt.create_with_whence(config, Whence::Stdlib) {
        Ok(i) => Ok(Value::Int(i.id() as i64)),
        Err(e) => Err(interp_error(vm, e.to_string())),
    }
}

/// `destroy(id, *, restrict=False)`: finalizes and removes the interpreter
/// (waiting, with the GIL released, for its non-daemon threads).
fn destroy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(id_arg) = args.pos().first() else {
        return Err(vm.type_error("destroy() missing required argument 'id'"));
    };
    let restrict = restrict_arg(vm, &args)?;
    let id = vm.arg_i64(id_arg, "id")?;
    let (rt, shared) = lookup(vm, id_arg)?;
    check_owned(vm, &rt, shared.id, restrict, "destroy")?;
    if id as u64 == vm.interp.id {
        return Err(interp_error(vm, "cannot destroy the current interpreter"));
    }
    if shared.registry.lock().running > 0 {
        return Err(interp_error(vm, "interpreter running"));
    }
    let handle = rt.get(shared.id);
    let r = vm.allow_threads(move || handle.map(|h| h.close()));
    match r {
        Some(Ok(())) => Ok(Value::None),
        Some(Err(crate::Error::Running { .. })) => Err(interp_error(vm, "interpreter running")),
        _ => Err(not_found(vm, id)),
    }
}

fn id_whence(rt: &Runtime, id: u64) -> Value {
    Value::tuple_of([Value::Int(id as i64), Value::Int(whence_code(rt, id))])
}

/// `list_all()`: `[(id, whence), ...]` of the open interpreters.
fn list_all(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    let rt = runtime(vm)?;
    let items = rt
        .interpreters()
        .into_iter()
        .filter(|i| {
            let reg = i.shared.registry.lock();
            !(reg.closing || reg.closed)
        })
        .map(|i| id_whence(&rt, i.id()))
        .collect();
    Ok(Value::list(items))
}

/// `get_current()`: `(id, whence)` of this interpreter.
fn get_current(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    let rt = runtime(vm)?;
    Ok(id_whence(&rt, vm.interp.id))
}

/// `get_main()`: `(id, whence)` of the runtime's main interpreter.
fn get_main(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    let rt = runtime(vm)?;
    match rt.main_id() {
        Some(id) => Ok(id_whence(&rt, id)),
        None => Err(interp_error(vm, "the main interpreter is gone")),
    }
}

/// `whence(id)`
fn whence(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "whence", 1, 1)?;
    let (rt, shared) = lookup(vm, &a[0])?;
    Ok(Value::Int(whence_code(&rt, shared.id)))
}

/// `is_running(id)`: whether code runs in its `__main__` (an `exec`/`call`).
fn is_running(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(id_arg) = args.pos().first() else {
        return Err(vm.type_error("is_running() missing required argument 'id'"));
    };
    let (_, shared) = lookup(vm, id_arg)?;
    let running = shared.registry.lock().running > 0;
    Ok(Value::Bool(running))
}

/// Resolves the target of `exec`/`call`/`set___main___attrs`.
fn target(vm: &mut Vm, args: &Args<'_>, what: &str) -> PyResult<Arc<InterpShared>> {
    let Some(id_arg) = args.pos().first() else {
        return Err(vm.type_error(format!("{what}() missing required argument 'id'")));
    };
    let restrict = restrict_arg(vm, args)?;
    let (rt, shared) = lookup(vm, id_arg)?;
    let what = match what {
        "exec" => "exec code for",
        "call" => "call function in",
        _ => "update __main__ of",
    };
    check_owned(vm, &rt, shared.id, restrict, what)?;
    Ok(shared)
}

/// `exec(id, code, *, restrict=False)`: runs source code (or a function
/// without arguments) in the interpreter's `__main__` on this thread.
/// Returns `None`, or the excinfo tuple of the uncaught exception.
fn exec(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let shared = target(vm, &args, "exec")?;
    let Some(code) = args.pos().get(1).cloned() else {
        return Err(vm.type_error("exec() missing required argument 'code'"));
    };
    enum Job {
        Source(String),
        Call(super::crossinterp::CallTarget),
    }
    let job = match &code {
        Value::Str(s) => Job::Source(s.as_str().to_owned()),
        Value::Function(f) if f.code.code.argcount == 0 => match call_target(vm, &code) {
            Ok(t) => Job::Call(t),
            Err(why) => return Err(not_shareable_error(vm, &why)),
        },
        other => {
            return Err(vm.type_error(format!(
                "exec() arg must be a string or a function without arguments, not {}",
                vm.type_name(other)
            )));
        }
    };
    enter(vm, &shared)?;
    let excinfo = run_in(vm, &shared, move |tvm| match job {
        Job::Source(src) => exec_source_in(tvm, &src),
        Job::Call(t) => match call_in(tvm, t, vec![], vec![]) {
            CallOutcome::Raised(e) => Some(e),
            _ => None,
        },
    });
    leave(&shared);
    Ok(match excinfo {
        Some(e) => e.to_value(),
        None => Value::None,
    })
}

/// `call(id, callable, args=(), kwargs=None, *, restrict=False)`: calls a
/// function (by its shared code; no closure) or a built-in in the interpreter
/// with shareable arguments. Returns `(result, None)` or `(None, excinfo)`.
fn call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let shared = target(vm, &args, "call")?;
    let pos = args.pos();
    let Some(callable) = pos.get(1) else {
        return Err(vm.type_error("call() missing required argument 'callable'"));
    };
    let target_fn = call_target(vm, callable).map_err(|why| not_shareable_error(vm, &why))?;
    let mut call_args = Vec::new();
    if let Some(a) = pos.get(2).or_else(|| args.kwarg("args"))
        && !a.is_none()
    {
        for item in vm.collect(a)? {
            call_args.push(to_shareable(vm, &item).map_err(|why| not_shareable_error(vm, &why))?);
        }
    }
    let mut call_kwargs = Vec::new();
    if let Some(Value::Dict(d)) = pos.get(3).or_else(|| args.kwarg("kwargs")) {
        let pairs: Vec<(Value, Value)> =
            d.0.borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
        for (k, v) in pairs {
            let Some(k) = k.as_str() else {
                return Err(vm.type_error("keywords must be strings"));
            };
            let v = to_shareable(vm, &v).map_err(|why| not_shareable_error(vm, &why))?;
            call_kwargs.push((k.to_owned(), v));
        }
    }
    enter(vm, &shared)?;
    let outcome = run_in(vm, &shared, move |tvm| {
        call_in(tvm, target_fn, call_args, call_kwargs)
    });
    leave(&shared);
    match outcome {
        CallOutcome::Returned(s) => {
            let v = from_shareable(vm, s)?;
            Ok(Value::tuple_of([v, Value::None]))
        }
        CallOutcome::Raised(e) => Ok(Value::tuple_of([Value::None, e.to_value()])),
        CallOutcome::ResultNotShareable(why) => {
            let msg = format!("the call's result: {}", why.message());
            let c = error_class(vm, "_interpreters.NotShareableError");
            Err(vm.new_exception(&c, msg))
        }
    }
}

/// `set___main___attrs(id, ns, *, restrict=False)`: binds shareable values in
/// the interpreter's `__main__`.
fn set_main_attrs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let shared = target(vm, &args, "set___main___attrs")?;
    let Some(Value::Dict(ns)) = args.pos().get(1) else {
        return Err(vm.type_error("set___main___attrs() argument 'ns' must be a dict"));
    };
    let pairs: Vec<(Value, Value)> =
        ns.0.borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
    let mut items: Vec<(String, Shareable)> = Vec::with_capacity(pairs.len());
    for (k, v) in pairs {
        let Some(k) = k.as_str() else {
            return Err(vm.type_error("names must be strings"));
        };
        let v = to_shareable(vm, &v).map_err(|why| not_shareable_error(vm, &why))?;
        items.push((k.to_owned(), v));
    }
    if items.is_empty() {
        return Ok(Value::None);
    }
    enter(vm, &shared)?;
    let r = run_in(vm, &shared, move |tvm| -> Result<(), String> {
        let main = tvm.ctx.main.dict.clone();
        for (k, v) in items {
            match from_shareable(tvm, v) {
                Ok(v) => main.set_str(&k, v),
                Err(e) => return Err(super::crossinterp::ExcInfo::capture(tvm, &e).formatted),
            }
        }
        Ok(())
    });
    leave(&shared);
    match r {
        Ok(()) => Ok(Value::None),
        Err(msg) => Err(interp_error(vm, msg)),
    }
}

/// `is_shareable(obj)`: whether `obj` can be sent to another interpreter.
fn is_shareable(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "is_shareable", 1, 1)?;
    Ok(Value::Bool(to_shareable(vm, &a[0]).is_ok()))
}

fn noop(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::None)
}
