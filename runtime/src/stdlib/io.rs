//! Standard streams: what `print` and `sys.stdout.write` write to.

use std::io::Write;

use crate::object::Value;
use crate::vm::{PyResult, Vm};

/// Writes text to the process's stdout, or to `sys.stdout` if a script replaced it.
pub fn write_stdout(vm: &mut Vm, s: &str) -> PyResult<()> {
    write_stream(vm, "stdout", s)
}

/// Writes to `sys.<name>` (stdout or stderr).
pub fn write_stream(vm: &mut Vm, name: &str, s: &str) -> PyResult<()> {
    if let Some(Value::Module(sys)) = vm.ctx.modules.get_str("sys")
        && let Some(stream) = sys.dict.get_str(name)
    {
        if let Value::Native(n) = &stream
            && let Some(std) = n.get::<StdStream>()
        {
            // the real stdout/stderr, possibly swapped (`sys.stderr = sys.stdout`)
            raw_write(std.stderr, s);
            return Ok(());
        }
        vm.call_method(&stream, "write", &[Value::str(s)])?;
        return Ok(());
    }
    raw_write(name == "stderr", s);
    Ok(())
}

/// Flushes `sys.<name>` (stdout or stderr).
pub fn flush_stream(vm: &mut Vm, name: &str) -> PyResult<()> {
    if let Some(Value::Module(sys)) = vm.ctx.modules.get_str("sys")
        && let Some(stream) = sys.dict.get_str(name)
    {
        if let Value::Native(n) = &stream
            && let Some(std) = n.get::<StdStream>()
        {
            if !std.stderr {
                let _ = std::io::stdout().lock().flush();
            }
            return Ok(());
        }
        if vm.get_attr_opt(&stream, "flush")?.is_some() {
            vm.call_method(&stream, "flush", &[])?;
        }
    }
    Ok(())
}

/// Writes to the real stdout/stderr, ignoring a closed pipe.
pub fn raw_write(stderr: bool, s: &str) {
    if stderr {
        let mut e = std::io::stderr().lock();
        let _ = e.write_all(s.as_bytes());
        let _ = e.flush();
    } else {
        let mut o = std::io::stdout().lock();
        let _ = o.write_all(s.as_bytes());
    }
}

/// The object behind `sys.stdout`/`sys.stderr`.
pub struct StdStream {
    pub stderr: bool,
}

fn stream_of(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    match v {
        Value::Native(n) => match n.get::<StdStream>() {
            Some(s) => Ok(s.stderr),
            None => Err(vm.type_error("not a stream")),
        },
        _ => Err(vm.type_error("not a stream")),
    }
}

/// `stream.write(s)`
pub fn stream_write(vm: &mut Vm, args: crate::vm::Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "write", 2, 2)?;
    let err = stream_of(vm, &a[0])?;
    let s = vm.arg_str(&a[1], "write() argument")?;
    raw_write(err, s.as_str());
    Ok(Value::Int(s.char_len() as i64))
}

/// `stream.flush()`
pub fn stream_flush(vm: &mut Vm, args: crate::vm::Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "flush", 1, 1)?;
    let err = stream_of(vm, &a[0])?;
    if !err {
        let _ = std::io::stdout().lock().flush();
    }
    Ok(Value::None)
}
