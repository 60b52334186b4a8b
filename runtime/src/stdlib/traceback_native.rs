//! `_traceback`: the native half of the `traceback` module. It formats an
//! exception exactly as atoll prints an uncaught one (chained exceptions,
//! source lines, the carets of CPython 3.11, exception groups), reads source
//! lines, and captures the running thread's stack; `py/traceback.py` builds
//! CPython's API on top.

use std::rc::Rc;

use crate::object::{Module, Value};
use crate::vm::{Args, PyResult, Vm};

use super::{add_funcs, new_module};

/// Creates `_traceback`.
pub fn init(_vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = new_module("_traceback");
    add_funcs(
        &m.dict,
        &[
            ("format_exception", format_exception),
            ("format_exception_only", format_exception_only),
            ("source_line", source_line),
            ("stack", stack),
            ("markers", markers),
        ],
    );
    Ok(m)
}

/// `format_exception(exc)`: the whole report, `Traceback (most recent call
/// last):` and the chained exceptions included, as one string.
fn format_exception(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    format_with(
        vm,
        args,
        "format_exception",
        crate::vm::traceback::format_exception,
    )
}

/// `format_exception_only(exc)`: the last line(s), `Type: message`.
fn format_exception_only(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    format_with(
        vm,
        args,
        "format_exception_only",
        crate::vm::traceback::exception_only,
    )
}

/// Checks that the one argument is an exception and formats it with `format`.
fn format_with(
    vm: &mut Vm,
    args: Args<'_>,
    name: &str,
    format: fn(&mut Vm, &crate::vm::PyErr) -> String,
) -> PyResult<Value> {
    let a = args.check(vm, name, 1, 1)?;
    match &a[0] {
        Value::Instance(e) if e.exc.is_some() => {
            let e = e.clone();
            Ok(Value::string(format(vm, &e)))
        }
        other => Err(vm.type_error(format!(
            "expected an exception, not '{}'",
            vm.type_name(other)
        ))),
    }
}

/// `source_line(filename, lineno)`: that line of the file, without its line
/// end ('' when the file can't be read or is shorter).
fn source_line(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "source_line", 2, 2)?;
    let (Value::Str(name), Value::Int(n)) = (&a[0], &a[1]) else {
        return Ok(Value::str(""));
    };
    let line = match (usize::try_from(*n), std::fs::read_to_string(name.as_str())) {
        (Ok(n), Ok(text)) if n >= 1 => text
            .lines()
            .nth(n - 1)
            .unwrap_or("")
            .trim_end_matches('\r')
            .to_owned(),
        _ => String::new(),
    };
    Ok(Value::string(line))
}

/// `stack()`: the running thread's Python frames as `(filename, lineno, name)`
/// tuples, outermost first; the last one is the caller of `stack()`.
fn stack(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.check(vm, "stack", 0, 0)?;
    let frames = crate::threads::stack::capture(vm);
    let items = frames
        .iter()
        .map(|f| {
            Value::tuple_of([
                Value::str(f.filename()),
                Value::Int(f.line() as i64),
                Value::str(f.name()),
            ])
        })
        .collect();
    Ok(Value::list(items))
}

/// `markers(code, lasti, lineno)`: the `~~~^^^` line CPython 3.11 prints under
/// the source line of a traceback entry whose failing instruction is `lasti`
/// of `code` ('' when the span covers the whole line or is unknown).
fn markers(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "markers", 3, 3)?;
    let (Value::Code(code), Value::Int(lasti), Value::Int(line)) = (&a[0], &a[1], &a[2]) else {
        return Ok(Value::str(""));
    };
    let (Ok(lasti), Ok(line)) = (usize::try_from(*lasti), u32::try_from(*line)) else {
        return Ok(Value::str(""));
    };
    let code = &code.code;
    if lasti >= code.instrs.len() {
        return Ok(Value::str(""));
    }
    let text = vm
        .ctx
        .source_line(&code.filename, line)
        .and_then(|src| crate::vm::traceback::error_markers(&src, line, code.position_at(lasti)));
    Ok(Value::string(text.unwrap_or_default()))
}
