//! Python stacks captured as plain, thread-safe data: what a blocked thread leaves
//! in its wait record and a running thread gives a thread dump, printed the way
//! CPython's `faulthandler` prints them.
//!
//! Capturing costs one `Arc` clone per frame; it happens only when a thread really
//! blocks (or answers a dump), never on a fast path.

use std::fmt::Write;
use std::sync::Arc;

use crate::bytecode::CodeObject;
use crate::vm::Vm;

/// One frame of a captured stack: the code and the instruction it was at.
#[derive(Clone)]
pub struct StackFrame {
    /// The frame's code object (file name, function name, line table).
    pub code: Arc<CodeObject>,
    /// The instruction being executed (or called from).
    pub lasti: u32,
}

impl StackFrame {
    /// The source line the frame is at.
    pub fn line(&self) -> u32 {
        self.code.line_at(self.lasti as usize)
    }

    /// The function name (`<module>` for module code).
    pub fn name(&self) -> &str {
        &self.code.name
    }

    /// The file name as tracebacks show it.
    pub fn filename(&self) -> &str {
        &self.code.filename
    }
}

impl std::fmt::Debug for StackFrame {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{} in {}", self.filename(), self.line(), self.name())
    }
}

/// A captured stack, outermost frame first.
pub type Stack = Arc<[StackFrame]>;

/// The calling thread's Python stack, outermost frame first.
pub fn capture(vm: &Vm) -> Stack {
    let n = vm.frames.len();
    vm.frames
        .iter()
        .enumerate()
        .map(|(i, m)| StackFrame {
            code: m.code.code.clone(),
            lasti: if i + 1 == n { vm.cur_lasti } else { m.lasti } as u32,
        })
        .collect()
}

/// Appends `stack` as `faulthandler` prints it, most recent call first:
/// `  File "x.py", line 3 in f` per frame (`  <no Python frame>` when empty).
pub fn write_stack(out: &mut String, stack: &[StackFrame]) {
    if stack.is_empty() {
        out.push_str("  <no Python frame>\n");
    }
    for f in stack.iter().rev() {
        let _ = writeln!(
            out,
            "  File \"{}\", line {} in {}",
            f.filename(),
            f.line(),
            f.name()
        );
    }
}

/// `Thread 0x00007f... (most recent call first):`, then the stack.
pub fn write_thread_stack(out: &mut String, ident: u64, stack: &[StackFrame]) {
    let _ = writeln!(out, "Thread {ident:#018x} (most recent call first):");
    write_stack(out, stack);
}
