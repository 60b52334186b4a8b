//! `_futures`: the native methods of `concurrent.futures.Future`.
//!
//! `Future` stays a Python class with CPython's attributes (`_condition`,
//! `_state`, `_result`, `_exception`, `_waiters`, `_done_callbacks`), so it can be
//! subclassed and inspected; its state methods are these built-ins, which do what
//! CPython's `_base.py` does, step by step, under the future's condition. Done
//! callbacks and `wait()`'s waiters are still Python (called from here).

use crate::object::BoolWord;
use std::rc::Rc;

use crate::object::{Module, Value};
use crate::vm::{Args, PyErr, PyResult, Vm};

use super::thread_cond::{cond_notify, cond_wait, fast_attr, with_cond};
use super::thread_lock::timeout_secs;
use super::{add_funcs, new_module};

const KEY: &str = "_futures.setup";

/// What `_setup` recorded: the exception classes, the state strings, and the
/// classes a future's condition is made of.
struct Setup {
    condition: Value,
    rlock: Value,
    waiters: Value,
    cancelled_error: Value,
    invalid_state_error: Value,
    pending: Value,
    running: Value,
    cancelled: Value,
    cancelled_and_notified: Value,
    finished: Value,
}

/// Creates `_futures`.
pub fn init(_vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = new_module("_futures");
    add_funcs(
        &m.dict,
        &[
            ("_setup", setup),
            ("new_condition", new_condition),
            ("cancel", cancel),
            ("cancelled", cancelled),
            ("running", running),
            ("done", done),
            ("result", result),
            ("exception", exception),
            ("set_running_or_notify_cancel", set_running_or_notify_cancel),
            ("set_result", set_result),
            ("set_exception", set_exception),
        ],
    );
    Ok(m)
}

/// `_setup(CancelledError, InvalidStateError, PENDING, RUNNING, CANCELLED,
/// CANCELLED_AND_NOTIFIED, FINISHED, Condition, RLock, _Waiters)`
fn setup(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "_setup", 10, 10)?;
    let s = Setup {
        condition: a[7].clone(),
        rlock: a[8].clone(),
        waiters: a[9].clone(),
        cancelled_error: a[0].clone(),
        invalid_state_error: a[1].clone(),
        pending: a[2].clone(),
        running: a[3].clone(),
        cancelled: a[4].clone(),
        cancelled_and_notified: a[5].clone(),
        finished: a[6].clone(),
    };
    let v = Value::Native(Rc::new(crate::object::Native {
        class: vm.ctx.types.object.clone(),
        data: Box::new(s),
        dict: None,
    }));
    vm.ctx.native.borrow_mut().insert(KEY, v);
    Ok(Value::None)
}

fn setup_of(vm: &mut Vm) -> PyResult<Value> {
    match vm.ctx.native.borrow().get(KEY) {
        Some(v) => Ok(v.clone()),
        None => Err(vm.runtime_error("concurrent.futures is not set up")),
    }
}

fn with_setup<R>(v: &Value, f: impl FnOnce(&Setup) -> R) -> Option<R> {
    match v {
        Value::Native(n) => n.get::<Setup>().map(f),
        _ => None,
    }
}

/// The states, read once per call.
#[derive(Clone)]
struct States {
    pending: Value,
    running: Value,
    cancelled: Value,
    cancelled_and_notified: Value,
    finished: Value,
    cancelled_error: Value,
    invalid_state_error: Value,
}

fn states(vm: &mut Vm) -> PyResult<States> {
    let s = setup_of(vm)?;
    with_setup(&s, |s| States {
        pending: s.pending.clone(),
        running: s.running.clone(),
        cancelled: s.cancelled.clone(),
        cancelled_and_notified: s.cancelled_and_notified.clone(),
        finished: s.finished.clone(),
        cancelled_error: s.cancelled_error.clone(),
        invalid_state_error: s.invalid_state_error.clone(),
    })
    .ok_or_else(|| vm.runtime_error("concurrent.futures is not set up"))
}

/// `new_condition()`: a `threading.Condition()` (a new RLock and no waiters),
/// made without running `Condition.__init__`.
fn new_condition(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.check(vm, "new_condition", 0, 0)?;
    let s = setup_of(vm)?;
    let Some((cls, rlock, waiters)) = with_setup(&s, |s| {
        (s.condition.clone(), s.rlock.clone(), s.waiters.clone())
    }) else {
        return Err(vm.runtime_error("concurrent.futures is not set up"));
    };
    let Value::Type(cls) = cls else {
        return Err(vm.type_error("Condition is not a class"));
    };
    let lock = vm.call0(&rlock, &[])?;
    let waiters = vm.call0(&waiters, &[])?;
    let inst = crate::object::Instance::new(cls);
    inst.dict.set_str("_lock", lock);
    inst.dict.set_str("_waiters", waiters);
    Ok(Value::Instance(Rc::new(inst)))
}

fn same(a: &Value, b: &Value) -> bool {
    a.is(b) || matches!((a.as_str(), b.as_str()), (Some(x), Some(y)) if x == y)
}

fn this(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<Value> {
    match args.all.first() {
        Some(v) if !args.pos().is_empty() => Ok(v.clone()),
        _ => Err(vm.type_error(format!(
            "Future.{name}() missing 1 required positional argument: 'self'"
        ))),
    }
}

fn set(vm: &mut Vm, obj: &Value, name: &'static str, v: Value) -> PyResult<()> {
    if let Value::Instance(i) = obj {
        super::static_names::set_static(&i.dict, name, v);
        return Ok(());
    }
    let n = Rc::new(crate::object::PyStr::new(name));
    vm.set_attr(obj, &n, v)
}

fn raise_class(vm: &mut Vm, class: &Value, args: Vec<Value>) -> PyErr {
    match class {
        Value::Type(t) => vm.new_exception_args(t, args),
        _ => vm.runtime_error("bad exception class"),
    }
}

fn is_cancelled(st: &States, state: &Value) -> bool {
    same(state, &st.cancelled) || same(state, &st.cancelled_and_notified)
}

/// Calls `waiter.<method>(fut)` for every waiter in `fut._waiters`.
fn tell_waiters(vm: &mut Vm, fut: &Value, method: &str) -> PyResult<()> {
    let waiters = fast_attr(vm, fut, "_waiters")?;
    let list: Vec<Value> = match &waiters {
        Value::List(l) => l.0.borrow().clone(),
        other => vm.collect(other)?,
    };
    for w in list {
        vm.call_method(&w, method, std::slice::from_ref(fut))?;
    }
    Ok(())
}

/// `self._invoke_callbacks()` if there are callbacks.
fn invoke_callbacks(vm: &mut Vm, fut: &Value) -> PyResult<()> {
    let cbs = fast_attr(vm, fut, "_done_callbacks")?;
    if let Value::List(l) = &cbs
        && l.0.borrow().is_empty()
    {
        return Ok(());
    }
    vm.call_method(fut, "_invoke_callbacks", &[])?;
    Ok(())
}

fn timeout_arg(vm: &mut Vm, args: &Args<'_>) -> PyResult<Option<f64>> {
    match args.get(1, "timeout") {
        None | Some(Value::None) => Ok(None),
        Some(t) => Ok(Some(timeout_secs(vm, t)?)),
    }
}

/// `Future.cancel()`
fn cancel(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let fut = this(vm, &args, "cancel")?;
    let st = states(vm)?;
    let cond = fast_attr(vm, &fut, "_condition")?;
    let r = with_cond(vm, &cond, |vm| {
        let state = fast_attr(vm, &fut, "_state")?;
        if same(&state, &st.running) || same(&state, &st.finished) {
            return Ok(Some(false));
        }
        if is_cancelled(&st, &state) {
            return Ok(Some(true));
        }
        set(vm, &fut, "_state", st.cancelled.clone())?;
        cond_notify(vm, &cond, usize::MAX)?;
        Ok(None)
    })?;
    if let Some(r) = r {
        return Ok(Value::Bool(r));
    }
    invoke_callbacks(vm, &fut)?;
    Ok(Value::BoolW(BoolWord::TRUE))
}

fn state_test(
    vm: &mut Vm,
    args: Args<'_>,
    name: &str,
    test: fn(&States, &Value) -> bool,
) -> PyResult<Value> {
    let fut = this(vm, &args, name)?;
    let st = states(vm)?;
    let cond = fast_attr(vm, &fut, "_condition")?;
    let r = with_cond(vm, &cond, |vm| {
        let state = fast_attr(vm, &fut, "_state")?;
        Ok(test(&st, &state))
    })?;
    Ok(Value::Bool(r))
}

/// `Future.cancelled()`
fn cancelled(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    state_test(vm, args, "cancelled", is_cancelled)
}

/// `Future.running()`
fn running(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    state_test(vm, args, "running", |st, s| same(s, &st.running))
}

/// `Future.done()`
fn done(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    state_test(vm, args, "done", |st, s| {
        is_cancelled(st, s) || same(s, &st.finished)
    })
}

/// What a finished future gives: its result, or its exception raised.
fn outcome(vm: &mut Vm, fut: &Value, raise: bool) -> PyResult<Value> {
    let exc = fast_attr(vm, fut, "_exception")?;
    if !raise {
        return Ok(exc);
    }
    if !exc.is_none() && vm.truthy(&exc)? {
        return match exc {
            Value::Instance(e) if e.exc.is_some() => Err(e),
            other => Err(vm.type_error(format!(
                "exceptions must derive from BaseException, not {}",
                vm.type_name(&other)
            ))),
        };
    }
    fast_attr(vm, fut, "_result")
}

/// `result(timeout)` (`raise` true) and `exception(timeout)` (false).
fn wait_outcome(vm: &mut Vm, args: Args<'_>, raise: bool) -> PyResult<Value> {
    let fut = this(vm, &args, if raise { "result" } else { "exception" })?;
    let timeout = timeout_arg(vm, &args)?;
    let st = states(vm)?;
    let cond = fast_attr(vm, &fut, "_condition")?;
    with_cond(vm, &cond, |vm| {
        for attempt in 0..2 {
            let state = fast_attr(vm, &fut, "_state")?;
            if is_cancelled(&st, &state) {
                return Err(raise_class(vm, &st.cancelled_error, vec![]));
            }
            if same(&state, &st.finished) {
                return outcome(vm, &fut, raise);
            }
            if attempt == 0 {
                cond_wait(vm, &cond, timeout)?;
            }
        }
        let class = vm.ctx.types.timeout_error.clone();
        Err(vm.new_exception_args(&class, vec![]))
    })
}

/// `Future.result(timeout=None)`
fn result(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    wait_outcome(vm, args, true)
}

/// `Future.exception(timeout=None)`
fn exception(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    wait_outcome(vm, args, false)
}

/// `Future.set_running_or_notify_cancel()`
fn set_running_or_notify_cancel(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let fut = this(vm, &args, "set_running_or_notify_cancel")?;
    let st = states(vm)?;
    let cond = fast_attr(vm, &fut, "_condition")?;
    let r = with_cond(vm, &cond, |vm| {
        let state = fast_attr(vm, &fut, "_state")?;
        if same(&state, &st.cancelled) {
            set(vm, &fut, "_state", st.cancelled_and_notified.clone())?;
            tell_waiters(vm, &fut, "add_cancelled")?;
            return Ok(false);
        }
        if same(&state, &st.pending) {
            set(vm, &fut, "_state", st.running.clone())?;
            return Ok(true);
        }
        let s = vm.str_of(&state)?;
        super::io::write_stream(
            vm,
            "stderr",
            &format!("Future {} in unexpected state: {s}\n", fut.id()),
        )?;
        Err(vm.runtime_error("Future in unexpected state"))
    })?;
    Ok(Value::Bool(r))
}

/// `set_result` (`field` "_result") and `set_exception` ("_exception").
fn settle(
    vm: &mut Vm,
    args: Args<'_>,
    fname: &str,
    field: &'static str,
    method: &str,
) -> PyResult<Value> {
    let a = args.check(vm, fname, 2, 2)?;
    let fut = a[0].clone();
    let value = a[1].clone();
    let st = states(vm)?;
    let cond = fast_attr(vm, &fut, "_condition")?;
    with_cond(vm, &cond, |vm| {
        let state = fast_attr(vm, &fut, "_state")?;
        if is_cancelled(&st, &state) || same(&state, &st.finished) {
            let s = vm.str_of(&state)?;
            let r = vm.repr(&fut)?;
            return Err(raise_class(
                vm,
                &st.invalid_state_error,
                vec![Value::string(format!("{s}: {r}"))],
            ));
        }
        set(vm, &fut, field, value)?;
        set(vm, &fut, "_state", st.finished.clone())?;
        tell_waiters(vm, &fut, method)?;
        cond_notify(vm, &cond, usize::MAX)
    })?;
    invoke_callbacks(vm, &fut)?;
    Ok(Value::None)
}

/// `Future.set_result(result)`
fn set_result(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    settle(vm, args, "set_result", "_result", "add_result")
}

/// `Future.set_exception(exception)`
fn set_exception(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    settle(vm, args, "set_exception", "_exception", "add_exception")
}
