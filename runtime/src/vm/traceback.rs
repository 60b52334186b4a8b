//! Formatting an exception with its traceback and chained exceptions, as CPython's
//! `traceback.print_exception` does.

use std::rc::Rc;

use crate::object::{Instance, Value};
use crate::vm::{PyErr, Vm};

/// The text CPython prints for an uncaught exception, chained causes and contexts
/// first.
pub fn format_exception(vm: &mut Vm, err: &PyErr) -> String {
    let mut out = String::new();
    let mut seen: Vec<*const Instance> = Vec::new();
    format_chain(vm, err, &mut out, &mut seen);
    out
}

fn format_chain(vm: &mut Vm, err: &PyErr, out: &mut String, seen: &mut Vec<*const Instance>) {
    seen.push(Rc::as_ptr(err));
    if let Some(exc) = &err.exc {
        let cause = exc.cause.borrow().clone();
        let context = exc.context.borrow().clone();
        if let Value::Instance(c) = &cause {
            if !seen.contains(&Rc::as_ptr(c)) {
                format_chain(vm, c, out, seen);
                out.push_str(
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                );
            }
        } else if let Value::Instance(c) = &context
            && !exc.suppress_context.get()
            && !seen.contains(&Rc::as_ptr(c))
        {
            format_chain(vm, c, out, seen);
            out.push_str(
                "\nDuring handling of the above exception, another exception occurred:\n\n",
            );
        }
        let tb = exc.traceback.borrow().clone();
        if !tb.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            for e in tb.iter().rev() {
                let code = &e.code.code;
                out.push_str(&format!(
                    "  File \"{}\", line {}, in {}\n",
                    code.filename, e.line, code.name
                ));
                if let Some(src) = vm.ctx.source_line(&code.filename, e.line) {
                    out.push_str(&format!("    {}\n", src.trim()));
                }
            }
        }
    }
    out.push_str(&exception_only(vm, err));
}

/// The last line(s): `Type: message` (SyntaxError adds the location lines).
pub fn exception_only(vm: &mut Vm, err: &PyErr) -> String {
    let class = err.class.clone();
    let module = class
        .dict
        .get_str("__module__")
        .and_then(|m| m.as_str().map(str::to_owned));
    let name = match module {
        Some(m) if m != "builtins" && m != "__main__" => {
            format!("{m}.{}", class.qualname.borrow().as_str())
        }
        _ => class.qualname.borrow().as_str().to_owned(),
    };
    let mut head = String::new();
    if class.is_subtype(&vm.ctx.types.syntax_error.clone()) {
        let get = |k: &str| err.dict.get_str(k);
        if let (Some(Value::Str(f)), Some(Value::Int(l))) = (get("filename"), get("lineno")) {
            head.push_str(&format!("  File \"{}\", line {}\n", f.as_str(), l));
            if let Some(Value::Str(t)) = get("text") {
                let line = t.as_str().trim_end_matches('\n');
                let trimmed = line.trim_start();
                let lead = line.chars().count() - trimmed.chars().count();
                head.push_str(&format!("    {trimmed}\n"));
                if let Some(Value::Int(off)) = get("offset") {
                    let col = (off - 1 - lead as i64).max(0) as usize;
                    let end = match get("end_offset") {
                        Some(Value::Int(e)) if e > off => (e - off) as usize,
                        _ => 1,
                    };
                    head.push_str(&format!("    {}{}\n", " ".repeat(col), "^".repeat(end)));
                }
            }
        }
        let msg = match get("msg") {
            Some(Value::Str(m)) => m.as_str().to_owned(),
            _ => vm.str_of(&Value::Instance(err.clone())).unwrap_or_default(),
        };
        return format!("{head}{name}: {msg}\n");
    }
    let msg = vm
        .str_of(&Value::Instance(err.clone()))
        .unwrap_or_else(|_| "<exception str() failed>".into());
    if msg.is_empty() {
        format!("{name}\n")
    } else {
        format!("{name}: {msg}\n")
    }
}

impl Vm {
    /// `exc.__traceback__`: a chain of traceback objects (outermost frame first) with
    /// `tb_lineno`, `tb_frame` (its `f_code`, `f_lineno`) and `tb_next`.
    pub fn traceback_value(&mut self, inst: &Rc<Instance>) -> Value {
        let Some(exc) = &inst.exc else {
            return Value::None;
        };
        let entries = exc.traceback.borrow().clone();
        if let Some((n, tb)) = &*exc.tb_object.borrow()
            && *n == entries.len()
        {
            return tb.clone();
        }
        let mut next = Value::None;
        for e in entries.iter() {
            let frame = crate::object::Native {
                class: self.ctx.types.frame.clone(),
                data: Box::new(()),
                dict: Some(Rc::new(crate::object::PyDict::new())),
            };
            if let Some(d) = &frame.dict {
                d.set_str("f_code", Value::Code(e.code.clone()));
                d.set_str("f_lineno", Value::Int(e.line as i64));
                d.set_str("f_globals", Value::None);
                d.set_str("f_locals", Value::None);
                d.set_str("f_back", Value::None);
            }
            let tb = crate::object::Native {
                class: self.ctx.types.traceback.clone(),
                data: Box::new(()),
                dict: Some(Rc::new(crate::object::PyDict::new())),
            };
            if let Some(d) = &tb.dict {
                d.set_str("tb_lineno", Value::Int(e.line as i64));
                d.set_str("tb_lasti", Value::Int(0));
                d.set_str("tb_frame", Value::Native(Rc::new(frame)));
                d.set_str("tb_next", next);
            }
            next = Value::Native(Rc::new(tb));
        }
        *exc.tb_object.borrow_mut() = Some((entries.len(), next.clone()));
        next
    }
}
