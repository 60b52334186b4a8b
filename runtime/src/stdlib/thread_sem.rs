//! The native methods of `threading.Semaphore` and `threading.BoundedSemaphore`.
//!
//! The classes are Python (`_cond`, `_value`, `_initial_value` as in CPython, so
//! they can be subclassed and inspected); `acquire`, `release` and `__exit__` are
//! these built-ins, which do what CPython's methods do on top of the condition.

use std::time::{Duration, Instant};

use crate::bytecode::BinOp;
use crate::object::Value;
use crate::vm::{Args, PyResult, Vm};

use super::thread_cond::{cond_notify, cond_wait, fast_attr, with_cond};

fn set_value(vm: &mut Vm, this: &Value, v: Value) -> PyResult<()> {
    if let Value::Instance(i) = this {
        i.dict.set_str("_value", v);
        return Ok(());
    }
    let n = std::rc::Rc::new(crate::object::PyStr::new("_value"));
    vm.set_attr(this, &n, v)
}

fn is_zero(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    match v {
        Value::Int(i) => Ok(*i == 0),
        other => vm.eq(other, &Value::Int(0)),
    }
}

/// `Semaphore.acquire(blocking=True, timeout=None)` (also `__enter__`).
pub fn sem_acquire(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(this) = args.all.first().cloned() else {
        return Err(vm.type_error("Semaphore.acquire() needs self"));
    };
    if args.pos().len() > 3 {
        return Err(vm.type_error(format!(
            "Semaphore.acquire() takes from 1 to 3 positional arguments but {} were given",
            args.pos().len()
        )));
    }
    let blocking = match args.get(1, "blocking") {
        Some(b) => vm.truthy(b)?,
        None => true,
    };
    let timeout = args.get(2, "timeout").cloned().filter(|t| !t.is_none());
    if !blocking && timeout.is_some() {
        return Err(vm.value_error("can't specify timeout for non-blocking acquire"));
    }
    let mut timeout = match &timeout {
        Some(t) => Some(vm.arg_f64(t)?),
        None => None,
    };
    let cond = fast_attr(vm, &this, "_cond")?;
    let got = with_cond(vm, &cond, |vm| {
        let mut deadline: Option<Instant> = None;
        loop {
            let value = fast_attr(vm, &this, "_value")?;
            if !is_zero(vm, &value)? {
                let v = vm.binary_op(BinOp::Sub, &value, &Value::Int(1))?;
                set_value(vm, &this, v)?;
                return Ok(true);
            }
            if !blocking {
                return Ok(false);
            }
            if let Some(t) = timeout {
                match deadline {
                    None => {
                        deadline =
                            Instant::now().checked_add(Duration::from_secs_f64(t.clamp(0.0, 1e10)));
                    }
                    Some(d) => {
                        let left = d.saturating_duration_since(Instant::now()).as_secs_f64();
                        if left <= 0.0 {
                            return Ok(false);
                        }
                        timeout = Some(left);
                    }
                }
            }
            cond_wait(vm, &cond, timeout)?;
        }
    })?;
    Ok(Value::Bool(got))
}

fn release_count(vm: &mut Vm, args: &Args<'_>) -> PyResult<(Value, Value)> {
    let Some(this) = args.all.first().cloned() else {
        return Err(vm.type_error("Semaphore.release() needs self"));
    };
    let n = args.get(1, "n").cloned().unwrap_or(Value::Int(1));
    let small = match &n {
        Value::Int(i) => *i < 1,
        other => {
            let r = vm.compare(crate::bytecode::CmpOp::Lt, other, &Value::Int(1))?;
            vm.truthy(&r)?
        }
    };
    if small {
        return Err(vm.value_error("n must be one or more"));
    }
    Ok((this, n))
}

fn notify_n(vm: &mut Vm, cond: &Value, n: &Value) -> PyResult<()> {
    let count = match n {
        Value::Int(i) => (*i).max(0) as usize,
        other => vm.arg_i64(other, "")?.max(0) as usize,
    };
    cond_notify(vm, cond, count)
}

/// `Semaphore.release(n=1)`
pub fn sem_release(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, n) = release_count(vm, &args)?;
    let cond = fast_attr(vm, &this, "_cond")?;
    with_cond(vm, &cond, |vm| {
        let value = fast_attr(vm, &this, "_value")?;
        let v = vm.binary_op(BinOp::Add, &value, &n)?;
        set_value(vm, &this, v)?;
        notify_n(vm, &cond, &n)
    })?;
    Ok(Value::None)
}

/// `BoundedSemaphore.release(n=1)`: refuses to go above the initial value.
pub fn bsem_release(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, n) = release_count(vm, &args)?;
    let cond = fast_attr(vm, &this, "_cond")?;
    with_cond(vm, &cond, |vm| {
        let value = fast_attr(vm, &this, "_value")?;
        let v = vm.binary_op(BinOp::Add, &value, &n)?;
        let initial = fast_attr(vm, &this, "_initial_value")?;
        let over = vm.compare(crate::bytecode::CmpOp::Gt, &v, &initial)?;
        if vm.truthy(&over)? {
            return Err(vm.value_error("Semaphore released too many times"));
        }
        set_value(vm, &this, v)?;
        notify_n(vm, &cond, &n)
    })?;
    Ok(Value::None)
}

/// `Semaphore.__exit__(t, v, tb)`: `self.release()`.
pub fn sem_exit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(this) = args.all.first().cloned() else {
        return Err(vm.type_error("Semaphore.__exit__() needs self"));
    };
    vm.call_method(&this, "release", &[])?;
    Ok(Value::None)
}
