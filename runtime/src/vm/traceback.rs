//! Formatting an exception with its traceback and chained exceptions, as CPython's
//! `traceback.print_exception` does.

use std::rc::Rc;

use crate::object::{Instance, Value};
use crate::vm::{PyErr, Vm};

/// The text CPython prints for an uncaught exception, chained causes and contexts
/// first; exception groups are drawn as nested boxes, as `traceback` does.
pub fn format_exception(vm: &mut Vm, err: &PyErr) -> String {
    let mut out = String::new();
    let mut seen: Vec<*const Instance> = Vec::new();
    let mut ctx = PrintCtx {
        depth: 0,
        need_close: false,
    };
    format_chain(vm, err, &mut out, &mut seen, &mut ctx);
    out
}

/// How many members of a group are shown, and how deep groups are drawn.
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

/// The state of `traceback`'s `_ExceptionPrintContext`: the group nesting depth
/// (the left margin) and whether a group box still needs its closing line.
struct PrintCtx {
    depth: usize,
    need_close: bool,
}

impl PrintCtx {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// Appends `text` with every line prefixed by the margin.
    fn emit(&self, out: &mut String, text: &str, margin: char) {
        let mut prefix = self.indent();
        if self.depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            out.push_str(&prefix);
            out.push_str(line);
        }
    }
}

fn is_group(vm: &Vm, e: &PyErr) -> bool {
    e.class.is_subtype(&vm.ctx.types.base_exception_group)
}

fn format_chain(
    vm: &mut Vm,
    err: &PyErr,
    out: &mut String,
    seen: &mut Vec<*const Instance>,
    ctx: &mut PrintCtx,
) {
    // the chain, newest first, as TracebackException builds it
    let mut chain: Vec<(Option<&str>, PyErr)> = Vec::new();
    let mut cur = Some(err.clone());
    while let Some(e) = cur.take() {
        seen.push(Rc::as_ptr(&e));
        let mut msg = None;
        if let Some(exc) = &e.exc {
            let cause = exc.cause.borrow().clone();
            let context = exc.context.borrow().clone();
            if let Value::Instance(c) = &cause {
                if !seen.contains(&Rc::as_ptr(c)) {
                    msg = Some(
                        "\nThe above exception was the direct cause of the following exception:\n\n",
                    );
                    cur = Some(c.clone());
                }
            } else if let Value::Instance(c) = &context
                && !exc.suppress_context.get()
                && !seen.contains(&Rc::as_ptr(c))
            {
                msg = Some(
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                );
                cur = Some(c.clone());
            }
        }
        chain.push((msg, e));
    }
    // oldest first; the message linking an exception to the one it was raised
    // while handling (or from) comes before it
    for (msg, e) in chain.into_iter().rev() {
        if let Some(m) = msg {
            ctx.emit(out, m, '|');
        }
        format_one(vm, &e, out, seen, ctx);
    }
}

/// One exception without its chain: its traceback and last line, or for a group,
/// its box of members.
fn format_one(
    vm: &mut Vm,
    e: &PyErr,
    out: &mut String,
    seen: &mut Vec<*const Instance>,
    ctx: &mut PrintCtx,
) {
    let stack = format_stack(vm, e);
    if !is_group(vm, e) {
        if !stack.is_empty() {
            ctx.emit(out, "Traceback (most recent call last):\n", '|');
            ctx.emit(out, &stack, '|');
        }
        let only = exception_only(vm, e);
        ctx.emit(out, &only, '|');
        return;
    }
    if ctx.depth > MAX_GROUP_DEPTH {
        ctx.emit(
            out,
            &format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"),
            '|',
        );
        return;
    }
    let toplevel = ctx.depth == 0;
    if toplevel {
        ctx.depth += 1;
    }
    if !stack.is_empty() {
        let margin = if toplevel { '+' } else { '|' };
        ctx.emit(
            out,
            "Exception Group Traceback (most recent call last):\n",
            margin,
        );
        ctx.emit(out, &stack, '|');
    }
    let only = exception_only(vm, e);
    ctx.emit(out, &only, '|');
    let members: Vec<Value> = match vm.get_attr_str(&Value::Instance(e.clone()), "exceptions") {
        Ok(v) => vm.collect(&v).unwrap_or_default(),
        Err(_) => vec![],
    };
    let n = members.len().min(MAX_GROUP_WIDTH + 1);
    ctx.need_close = false;
    for i in 0..n {
        let last = i == n - 1;
        if last {
            ctx.need_close = true;
        }
        let truncated = i >= MAX_GROUP_WIDTH;
        let title = if truncated {
            "...".to_owned()
        } else {
            (i + 1).to_string()
        };
        out.push_str(&format!(
            "{}{}+---------------- {title} ----------------\n",
            ctx.indent(),
            if i == 0 { "+-" } else { "  " }
        ));
        ctx.depth += 1;
        if truncated {
            let remaining = members.len() - MAX_GROUP_WIDTH;
            let s = if remaining > 1 { "s" } else { "" };
            ctx.emit(out, &format!("and {remaining} more exception{s}\n"), '|');
        } else if let Value::Instance(m) = &members[i] {
            let m = m.clone();
            if !seen.contains(&Rc::as_ptr(&m)) {
                format_chain(vm, &m, out, seen, ctx);
            }
        }
        if last && ctx.need_close {
            out.push_str(&format!(
                "{}+------------------------------------\n",
                ctx.indent()
            ));
            ctx.need_close = false;
        }
        ctx.depth -= 1;
    }
    if toplevel {
        ctx.depth = 0;
    }
}

/// The frame lines of an exception's traceback (empty when it has none).
fn format_stack(vm: &mut Vm, err: &PyErr) -> String {
    let mut out = String::new();
    let Some(exc) = &err.exc else {
        return out;
    };
    let tb = exc.traceback.borrow().clone();
    // runs of the same (file, line, function) show 3 entries, then a count
    let mut last: Option<(&str, u32, &str)> = None;
    let mut count = 0usize;
    for e in tb.iter().rev() {
        let code = &e.code.code;
        let key = (&*code.filename, e.line, &*code.name);
        if last != Some(key) {
            repeated_note(&mut out, count);
            last = Some(key);
            count = 0;
        }
        count += 1;
        if count > RECURSIVE_CUTOFF {
            continue;
        }
        out.push_str(&format!(
            "  File \"{}\", line {}, in {}\n",
            code.filename, e.line, code.name
        ));
        if let Some(src) = vm.ctx.source_line(&code.filename, e.line) {
            out.push_str(&format!("    {}\n", src.trim()));
            let pos = code.position_at(e.lasti as usize);
            if let Some(markers) = error_markers(&src, e.line, pos) {
                out.push_str(&markers);
            }
        }
    }
    repeated_note(&mut out, count);
    out
}

/// How many entries of a run of identical traceback entries are shown.
const RECURSIVE_CUTOFF: usize = 3;

fn repeated_note(out: &mut String, count: usize) {
    if count > RECURSIVE_CUTOFF {
        let n = count - RECURSIVE_CUTOFF;
        let s = if n > 1 { "s" } else { "" };
        out.push_str(&format!("  [Previous line repeated {n} more time{s}]\n"));
    }
}

/// The character offset of UTF-8 byte offset `byte` in `s`.
fn char_offset(s: &str, byte: usize) -> usize {
    let mut b = byte.min(s.len());
    while b > 0 && !s.is_char_boundary(b) {
        b -= 1;
    }
    s[..b].chars().count()
}

/// The `    ~~~^^^~~~` line under a traceback source line, as CPython 3.11 prints it:
/// carets under the span of the failing instruction (`~` and `^` marking the
/// operator of a binary operation or the index of a subscript), left out when the
/// span covers the whole line.
pub(crate) fn error_markers(
    line: &str,
    lineno: u32,
    pos: crate::bytecode::Position,
) -> Option<String> {
    if !pos.is_known() {
        return None;
    }
    let stripped = line.trim();
    let stripped_len = stripped.chars().count();
    let leading = line.chars().count() - line.trim_start().chars().count();
    let start = char_offset(line, pos.col as usize);
    let mut end = char_offset(line, pos.end_col as usize);
    let mut anchors = None;
    if pos.end_line == lineno {
        if end <= start {
            return None;
        }
        let b0 = pos.col as usize;
        let b1 = (pos.end_col as usize).min(line.len());
        if b0 <= b1 && line.is_char_boundary(b0) && line.is_char_boundary(b1) {
            anchors = caret_anchors(&line[b0..b1]);
        }
    } else {
        end = leading + stripped_len;
    }
    if end < start {
        return None;
    }
    let width = end - start;
    let has_anchors = anchors.is_some_and(|(l, r)| r > l);
    if width >= stripped_len && !has_anchors {
        return None;
    }
    let mut out = String::from("    ");
    out.push_str(&" ".repeat(start.saturating_sub(leading)));
    match anchors {
        Some((l, r)) => {
            out.push_str(&"~".repeat(l));
            out.push_str(&"^".repeat(r.saturating_sub(l)));
            out.push_str(&"~".repeat(width.saturating_sub(r)));
        }
        None => out.push_str(&"^".repeat(width)),
    }
    out.push('\n');
    Some(out)
}

/// For a segment that is a binary operation or a subscript: the character offsets
/// (within the segment) where the operator or the index starts and ends.
fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    use crate::syntax::Ranged;
    use crate::syntax::ast::{Expr, Stmt};
    let parsed = ruff_python_parser::parse_module(segment).ok()?;
    let body = &parsed.syntax().body;
    let [Stmt::Expr(e)] = body.as_slice() else {
        return None;
    };
    let norm = |b: usize| char_offset(segment, b);
    match &*e.value {
        Expr::BinOp(b) => {
            let bytes = segment.as_bytes();
            let left_end = b.left.range().end().to_u32() as usize;
            let right_start = (b.right.range().start().to_u32() as usize).min(bytes.len());
            let mut anchors = None;
            let mut i = left_end;
            while i < right_start {
                if bytes[i].is_ascii_whitespace() {
                    i += 1;
                    continue;
                }
                let mut right = i + 1;
                if i + 1 < right_start && !bytes[i + 1].is_ascii_whitespace() {
                    right += 1;
                }
                anchors = Some((i, right));
                // a closing parenthesis of the left operand is not the operator
                if i + 1 < right_start && bytes[i] == b')' {
                    i += 1;
                    continue;
                }
                break;
            }
            let (l, r) = anchors?;
            Some((norm(l), norm(r)))
        }
        Expr::Subscript(s) => {
            let bytes = segment.as_bytes();
            let n = bytes.len();
            let mut left = s.value.range().end().to_u32() as usize;
            let mut right = s.slice.range().end().to_u32() as usize + 1;
            while left < n && bytes[left] != b'[' {
                left += 1;
            }
            while right < n && bytes[right] != b']' {
                right += 1;
            }
            if right < n {
                right += 1;
            }
            Some((norm(left), norm(right)))
        }
        _ => None,
    }
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
    let mut out = if msg.is_empty() {
        format!("{name}\n")
    } else {
        format!("{name}: {msg}\n")
    };
    out.push_str(&notes(vm, err));
    out
}

/// The lines of `__notes__` (PEP 678), printed after the exception's line.
fn notes(vm: &mut Vm, err: &PyErr) -> String {
    let Some(notes) = err.dict.get_str("__notes__") else {
        return String::new();
    };
    let mut out = String::new();
    match &notes {
        Value::List(_) | Value::Tuple(_) => {
            for n in vm.collect(&notes).unwrap_or_default() {
                let text = vm
                    .str_of(&n)
                    .unwrap_or_else(|_| "<note str() failed>".into());
                for line in text.split('\n') {
                    out.push_str(line);
                    out.push('\n');
                }
            }
        }
        Value::None => {}
        other => {
            let r = vm
                .repr(other)
                .unwrap_or_else(|_| "<__notes__ repr() failed>".into());
            out.push_str(&r);
            out.push('\n');
        }
    }
    out
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
                d.set_str("tb_lasti", Value::Int(e.lasti as i64));
                d.set_str("tb_frame", Value::Native(Rc::new(frame)));
                d.set_str("tb_next", next);
            }
            next = Value::Native(Rc::new(tb));
        }
        *exc.tb_object.borrow_mut() = Some((entries.len(), next.clone()));
        next
    }
}
