//! The `sys` module.

use std::rc::Rc;

use crate::object::{Module, Native, Value};
use crate::vm::{Args, PyResult, Vm};

use super::io::{StdStream, stream_flush, stream_write};
use super::{add_funcs, add_methods, native_class, new_module};

/// Creates `sys`.
pub fn init(vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = new_module("sys");
    let d = &m.dict;
    let argv = vm
        .interp
        .config
        .argv
        .iter()
        .map(|a| Value::str(a))
        .collect();
    d.set_str("argv", Value::list(argv));
    d.set_str("modules", Value::Dict(vm.ctx.modules.clone()));
    d.set_str("path", vm.ctx.path.clone());
    d.set_str("platform", Value::str("linux"));
    d.set_str("byteorder", Value::str("little"));
    d.set_str("maxsize", Value::Int(i64::MAX));
    d.set_str("version", Value::str("3.11.0 (atoll)"));
    d.set_str(
        "version_info",
        Value::tuple(vec![
            Value::Int(3),
            Value::Int(11),
            Value::Int(0),
            Value::str("final"),
            Value::Int(0),
        ]),
    );
    d.set_str("implementation_name", Value::str("atoll"));
    let stream = native_class(vm, "TextIOWrapper", "_io");
    add_methods(&stream, &[("write", stream_write), ("flush", stream_flush)]);
    for (name, stderr) in [("stdout", false), ("stderr", true)] {
        let s = Value::Native(Rc::new(Native {
            class: stream.clone(),
            data: Box::new(StdStream { stderr }),
            dict: None,
        }));
        d.set_str(name, s.clone());
        d.set_str(&format!("__{name}__"), s);
    }
    add_funcs(
        d,
        &[
            ("getswitchinterval", getswitchinterval),
            ("setswitchinterval", setswitchinterval),
            ("getrecursionlimit", getrecursionlimit),
            ("setrecursionlimit", setrecursionlimit),
            ("exit", exit),
            ("exc_info", exc_info),
            ("exception", exception),
            ("intern", intern),
        ],
    );
    Ok(m)
}

fn getswitchinterval(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.check(vm, "getswitchinterval", 0, 0)?;
    Ok(Value::Float(vm.interp.gil.switch_interval().as_secs_f64()))
}

fn setswitchinterval(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "setswitchinterval", 1, 1)?;
    let s = vm.arg_f64(&a[0])?;
    if s <= 0.0 || s.is_nan() {
        return Err(vm.value_error("switch interval must be strictly positive"));
    }
    vm.interp
        .gil
        .set_switch_interval(std::time::Duration::from_secs_f64(s.min(1e9)));
    Ok(Value::None)
}

fn getrecursionlimit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.check(vm, "getrecursionlimit", 0, 0)?;
    Ok(Value::Int(vm.interp.recursion_limit() as i64))
}

fn setrecursionlimit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "setrecursionlimit", 1, 1)?;
    let n = vm.arg_i64(&a[0], "")?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    vm.interp.set_recursion_limit(n as usize);
    Ok(Value::None)
}

fn exit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "exit", 0, 1)?;
    let class = vm.ctx.types.system_exit.clone();
    Err(vm.new_exception_args(&class, a.to_vec()))
}

fn exc_info(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    let e = vm.handled.clone();
    if e.is_none() || e.is_null() {
        return Ok(Value::tuple(vec![Value::None, Value::None, Value::None]));
    }
    let t = Value::Type(vm.type_of(&e));
    Ok(Value::tuple(vec![t, e, Value::None]))
}

fn exception(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    let e = vm.handled.clone();
    Ok(if e.is_null() { Value::None } else { e })
}

fn intern(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "intern", 1, 1)?;
    Ok(a[0].clone())
}
