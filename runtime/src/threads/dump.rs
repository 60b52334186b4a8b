//! Thread dumps on demand (what `atoll` prints on SIGQUIT, like `faulthandler`):
//! every thread's Python stack, for every interpreter, without stopping anybody.
//!
//! A blocked thread's stack is in its wait record (captured when it blocked). A
//! thread running Python code is asked: the dump sets the `DUMP_STACKS` bit of the
//! interpreter's eval breaker, the thread holding the GIL records its stack at its
//! next check ([`answer_request`]) and signals the dumper, and so do the threads
//! waiting for the GIL once they get it. After [`ANSWER_TIMEOUT`] the dump gives
//! up on the others: "running, stack not available" (a thread inside a long
//! native call, or reading a file).

use std::collections::HashMap;
use std::fmt::Write;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::gil::EvalBreaker;
use crate::interp::{InterpShared, ThreadEntry};
use crate::sync::{Condvar, Mutex};
use crate::vm::Vm;

use super::deadlock::describe_wait;
use super::stack::{Stack, capture, write_stack};
use super::wait::WaitKind;

/// How long a dump waits for running threads to record their stacks.
pub const ANSWER_TIMEOUT: Duration = Duration::from_millis(100);

/// Stacks recorded by running threads for the dump in progress (one per
/// interpreter, in `InterpShared`).
#[derive(Default)]
pub(crate) struct DumpBoard {
    state: Mutex<DumpState>,
    answered: Condvar,
}

#[derive(Default)]
struct DumpState {
    /// Whether a dump is asking.
    open: bool,
    /// Thread-state id -> its stack.
    stacks: HashMap<u64, Stack>,
}

/// At an eval-breaker check: records the thread's stack for the dump in progress.
pub(crate) fn answer_request(vm: &Vm) {
    let board = &vm.interp.dump;
    let mut st = board.state.lock();
    if st.open && !st.stacks.contains_key(&vm.thread_id) {
        st.stacks.insert(vm.thread_id, capture(vm));
        board.answered.notify_all();
    }
}

/// Only one dump at a time in the process.
static DUMPING: Mutex<()> = Mutex::new(());

/// Whether `t` runs (or waits for the GIL) rather than being blocked in a wait.
fn is_running(t: &ThreadEntry) -> bool {
    match &t.waiting {
        None => true,
        Some(w) => w.ctl.is_done(),
    }
}

/// Asks `interp`'s running threads for their stacks.
fn open_request(interp: &InterpShared) {
    let mut st = interp.dump.state.lock();
    st.open = true;
    st.stacks.clear();
    drop(st);
    interp.breaker.set(EvalBreaker::DUMP_STACKS);
}

/// Waits until `interp`'s running threads answered or `deadline` passed; closes
/// the request and returns the stacks.
fn collect(interp: &InterpShared, deadline: Instant) -> HashMap<u64, Stack> {
    let mut st = interp.dump.state.lock();
    loop {
        let missing = interp
            .threads()
            .iter()
            .filter(|t| is_running(t) && t.ident != 0)
            .any(|t| !st.stacks.contains_key(&t.id));
        if !missing {
            break;
        }
        if interp
            .dump
            .answered
            .wait_until(&mut st, deadline)
            .timed_out()
        {
            break;
        }
    }
    st.open = false;
    interp.breaker.clear(EvalBreaker::DUMP_STACKS);
    std::mem::take(&mut st.stacks)
}

/// The thread dump of `interps`: per thread, a header line (interpreter, name,
/// what it is doing) and its stack in `faulthandler`'s format.
pub fn dump_interpreters(interps: &[Arc<InterpShared>]) -> String {
    let _one = DUMPING.lock();
    for i in interps {
        open_request(i);
    }
    let deadline = Instant::now() + ANSWER_TIMEOUT;
    let mut out = String::new();
    for i in interps {
        let stacks = collect(i, deadline);
        write_interpreter(&mut out, i, &stacks);
    }
    out
}

fn write_interpreter(out: &mut String, interp: &InterpShared, stacks: &HashMap<u64, Stack>) {
    let threads = interp.threads();
    let names: HashMap<u64, &ThreadEntry> = threads
        .iter()
        .filter(|t| t.ident != 0)
        .map(|t| (t.ident, t))
        .collect();
    let mut order: Vec<&ThreadEntry> = threads.iter().collect();
    order.sort_by_key(|t| (!t.main, t.id));
    for t in order {
        let main = if t.main { " (main)" } else { "" };
        let daemon = if t.daemon { " (daemon)" } else { "" };
        let _ = write!(
            out,
            "Interpreter {}, thread \"{}\"{main}{daemon}: ",
            interp.id, t.name
        );
        let stack = match &t.waiting {
            Some(w) if !w.ctl.is_done() => {
                match w.kind {
                    WaitKind::Sleep => {
                        let secs = w.timeout.map(|d| d.as_secs_f64()).unwrap_or(0.0);
                        let _ = writeln!(out, "sleeping ({secs:.3}s)");
                    }
                    _ => {
                        let _ = writeln!(out, "waiting for {}", describe_wait(w, &names));
                    }
                }
                Some(w.stack.clone())
            }
            _ if t.ident == 0 => {
                let _ = writeln!(out, "starting");
                None
            }
            _ => match stacks.get(&t.id) {
                Some(s) => {
                    let _ = writeln!(out, "running");
                    Some(s.clone())
                }
                None => {
                    let _ = writeln!(out, "running, stack not available");
                    None
                }
            },
        };
        if t.ident != 0 {
            let _ = writeln!(out, "Thread {:#018x} (most recent call first):", t.ident);
            match stack {
                Some(s) => write_stack(out, &s),
                None => out.push_str("  <stack not available>\n"),
            }
        }
        out.push('\n');
    }
}
