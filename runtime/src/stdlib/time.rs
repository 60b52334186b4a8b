//! The `time` module. `sleep` waits through [`crate::threads::block`]: it releases the
//! GIL, shows in the thread's registry entry, and wakes early if the interpreter is
//! stopping its daemon threads.

use std::rc::Rc;
use std::sync::Arc;
use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::object::{Module, Value};
use crate::threads::wait::Signal;
use crate::threads::{WaitKind, block};
use crate::vm::{Args, PyResult, Vm};

use super::{add_funcs, new_module};

fn epoch() -> Instant {
    static START: OnceLock<Instant> = OnceLock::new();
    *START.get_or_init(Instant::now)
}

/// Creates `time`.
pub fn init(_vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = new_module("time");
    add_funcs(
        &m.dict,
        &[
            ("sleep", sleep),
            ("time", time),
            ("time_ns", time_ns),
            ("perf_counter", perf_counter),
            ("perf_counter_ns", perf_counter_ns),
            ("monotonic", perf_counter),
            ("monotonic_ns", perf_counter_ns),
            ("process_time", perf_counter),
        ],
    );
    Ok(m)
}

fn sleep(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "sleep", 1, 1)?;
    let s = vm.arg_f64(&a[0])?;
    if s < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    if s.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if s == 0.0 {
        // let other threads run, as CPython's sleep(0) does
        vm.allow_threads(std::thread::yield_now);
        if vm.interp.breaker.is_set() {
            vm.handle_breaker()?;
        }
        return Ok(Value::None);
    }
    let d = Duration::from_secs_f64(s.min(1e9));
    let signal = Arc::new(Signal::new());
    let s2 = signal.clone();
    // a signal nobody sets: the wait ends at the deadline (or when a daemon
    // thread is told to stop)
    block(
        vm,
        WaitKind::Sleep,
        0,
        Some(d),
        signal,
        move |deadline, stop| {
            s2.wait(deadline, stop);
            (!stop.is_set()).then_some(())
        },
    )?;
    Ok(Value::None)
}

fn time(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Float(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs_f64())
            .unwrap_or(0.0),
    ))
}

fn time_ns(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos() as i64)
            .unwrap_or(0),
    ))
}

fn perf_counter(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Float(epoch().elapsed().as_secs_f64()))
}

fn perf_counter_ns(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(epoch().elapsed().as_nanos() as i64))
}
