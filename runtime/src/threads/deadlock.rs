//! The deadlock detector: when every thread of an interpreter is blocked for good
//! on the interpreter's own primitives, raise `DeadlockError` in its main thread
//! instead of hanging (CPython just hangs).
//!
//! Every blocking wait goes through [`super::block`], which leaves a
//! [`WaitRecord`] in the thread's registry entry. A record is *forever* when it has
//! no timeout and waits on a lock, an RLock, a condition (and so an `Event`,
//! `Semaphore`, `Barrier`, `queue.Queue`, `Future`), a join or a native queue
//! ([`WaitRecord::is_forever`]). The registry counts such records; when a thread
//! is about to block, or leaves the registry, and the count reaches the number of
//! thread states, [`find`] looks closer, under the registry lock:
//!
//! - every thread must have a forever record whose wait has not finished
//!   ([`super::wait::WaitCtl::is_done`]) and whose target says nobody inside it
//!   can end it by itself ([`super::WaitTarget::stuck`]: the lock is held, the
//!   waiter is not notified, the joined thread has not finished and is still
//!   registered, the queue is empty);
//! - a thread running Python code, waiting for the GIL, sleeping, in a timed wait,
//!   reading a file or waiting on a `concurrent.interpreters` queue (those waits
//!   leave no forever record) makes it no deadlock;
//! - at least one thread is a host thread (an `exec` in progress, the CLI's
//!   `__main__`, `threading._shutdown` at close), and every host call in progress
//!   is registered: spawned threads that all wait while the host is not inside the
//!   interpreter are left alone, since the host may still run code that wakes them.
//!
//! Since a target only changes state through a thread that is running (and so has
//! no forever record), and every thread becomes blocked or leaves the registry
//! through a check, the last transition into a deadlock always runs one: no
//! watchdog is needed. A wait that finished marks itself done under the target's
//! mutex before the detector can see the target's new state.
//!
//! The report (the exception's message) names each thread, what it waits on, who
//! holds it, and the thread's Python stack captured when it blocked. The main
//! thread raises it (the blocked wait is woken through its
//! [`super::wait::WaitCtl`]); failing that, another host thread, whose `exec`
//! then fails with it. `InterpreterConfig::detect_deadlocks = false` turns the
//! detector off.

use std::collections::HashMap;
use std::fmt::Write;
use std::sync::Arc;

use crate::interp::{InterpShared, Registry, ThreadEntry, ThreadKind};
use crate::sync::Ordering;

use super::stack::write_stack;
use super::wait::{Abort, WaitCtl, WaitKind, WaitRecord, WaitTarget};

/// A deadlock found: the thread that must raise it and the report.
pub(crate) struct Found {
    /// Thread-state id of the thread that raises `DeadlockError`.
    pub(crate) victim: u64,
    /// The victim's wait.
    pub(crate) ctl: Arc<WaitCtl>,
    target: Arc<dyn WaitTarget>,
    /// The `DeadlockError` message.
    pub(crate) report: String,
}

impl Found {
    /// Makes the victim's blocked wait end with `DeadlockError` (call it without
    /// the registry lock).
    pub(crate) fn raise(self) {
        self.ctl.abort(Abort::Deadlock, Some(self.report));
        self.target.wake_all();
    }
}

/// Whether `entry` can't go on until another thread of the interpreter acts.
fn is_stuck(entry: &ThreadEntry, reg: &Registry) -> bool {
    let Some(w) = &entry.waiting else {
        return false;
    };
    if !w.is_forever() || w.ctl.aborted().is_some() {
        return false;
    }
    if !w.target.stuck() {
        return false;
    }
    if w.kind == WaitKind::Join {
        // a joined thread that already left the registry is finishing
        let Some(joined) = w.owner() else {
            return false;
        };
        if !reg.threads.iter().any(|(_, t)| t.ident == joined) {
            return false;
        }
    }
    // read after the target's state: a wait that got what it waited for marks
    // itself done under the target's mutex
    !w.ctl.is_done()
}

/// Looks for a deadlock among `interp`'s threads (`reg` is its locked registry).
pub(crate) fn find(interp: &InterpShared, reg: &Registry) -> Option<Found> {
    if !interp.config.detect_deadlocks || interp.stopping.load(Ordering::Acquire) {
        return None;
    }
    if reg.threads.is_empty() || reg.forever < reg.threads.len() {
        return None;
    }
    let hosts = reg
        .threads
        .iter()
        .filter(|(_, t)| t.kind == ThreadKind::Host)
        .count();
    if hosts == 0 || hosts < reg.running {
        return None;
    }
    if !reg.threads.iter().all(|(_, t)| is_stuck(t, reg)) {
        return None;
    }
    let victim = reg
        .threads
        .iter()
        .map(|(_, t)| t)
        .find(|t| t.main)
        .or_else(|| {
            reg.threads
                .iter()
                .map(|(_, t)| t)
                .find(|t| t.kind == ThreadKind::Host)
        })?;
    let w = victim.waiting.as_ref()?;
    Some(Found {
        victim: victim.id,
        ctl: w.ctl.clone(),
        target: w.target.clone(),
        report: report(interp, reg),
    })
}

/// Runs the detector after a thread left the registry (the remaining threads may
/// now all be stuck, e.g. waiting on a lock the finished thread never released).
pub(crate) fn check_after_exit(interp: &InterpShared) {
    if !interp.config.detect_deadlocks {
        return;
    }
    let found = {
        let reg = interp.registry.lock();
        if reg.threads.is_empty() || reg.forever < reg.threads.len() {
            return;
        }
        find(interp, &reg)
    };
    if let Some(f) = found {
        f.raise();
    }
}

/// A thread's name and ident for the report: `Thread 0x00007f... "name"`.
fn thread_label(t: &ThreadEntry) -> String {
    format!("thread {:#018x} \"{}\"", t.ident, t.name)
}

/// What a record waits on, in words, and who must act: `<locked _thread.lock
/// object at 0x...> held by thread 0x... "Thread-1"`.
pub(crate) fn describe_wait(w: &WaitRecord, names: &HashMap<u64, &ThreadEntry>) -> String {
    let who = |ident: Option<u64>| match ident {
        Some(i) => match names.get(&i) {
            Some(t) => thread_label(t),
            None => format!("thread {i:#018x} (no longer running)"),
        },
        None => "nobody".to_owned(),
    };
    let obj = w.object;
    let mut s = match w.kind {
        WaitKind::Lock => format!(
            "lock <locked _thread.lock object at {obj:#x}> held by {}",
            who(w.owner())
        ),
        WaitKind::RLock => format!(
            "lock <locked _thread.RLock object at {obj:#x}> held by {}",
            who(w.owner())
        ),
        WaitKind::Condition => {
            format!("condition <Condition object at {obj:#x}> (waiting for a notify)")
        }
        WaitKind::Join => format!("the end of {}", who(w.owner())),
        WaitKind::Queue => format!("an item of <SimpleQueue object at {obj:#x}>"),
        WaitKind::Sleep => "the end of a sleep".to_owned(),
        WaitKind::Start => "a new thread to start".to_owned(),
        WaitKind::Input => "a line from stdin".to_owned(),
    };
    if let Some(t) = w.timeout {
        let _ = write!(s, " (timeout {:.3}s)", t.as_secs_f64());
    }
    s
}

/// The `DeadlockError` message: a line per thread saying what it waits on and who
/// holds it, then its stack as `faulthandler` prints it. When the spawned threads
/// are exactly those of the last report (the same waits), they are only named.
fn report(interp: &InterpShared, reg: &Registry) -> String {
    let names: HashMap<u64, &ThreadEntry> = reg
        .threads
        .iter()
        .map(|(_, t)| (t.ident, t))
        .filter(|(i, _)| *i != 0)
        .collect();
    let mut entries: Vec<&ThreadEntry> = reg.threads.iter().map(|(_, t)| t).collect();
    // the main thread first, then in the order threads were created
    entries.sort_by_key(|t| (!t.main, t.id));
    let spawned: Vec<&ThreadEntry> = entries
        .iter()
        .copied()
        .filter(|t| t.kind == ThreadKind::Spawned)
        .collect();
    let mut key: Vec<usize> = spawned
        .iter()
        .filter_map(|t| t.waiting.as_ref())
        .map(|w| Arc::as_ptr(&w.ctl) as usize)
        .collect();
    key.sort_unstable();
    let again = {
        let mut last = interp.last_deadlock.lock();
        let again = !key.is_empty() && *last == key;
        *last = key;
        again
    };
    let n = entries.len();
    let mut out = if again {
        let listed: Vec<String> = spawned.iter().map(|t| format!("\"{}\"", t.name)).collect();
        let (noun, verb) = if listed.len() == 1 {
            ("thread", "is")
        } else {
            ("threads", "are")
        };
        format!(
            "deadlock in interpreter {} (reported before): {noun} {} {verb} still blocked for good\n",
            interp.id,
            listed.join(", ")
        )
    } else {
        format!(
            "deadlock in interpreter {}: {} blocked for good, no thread can wake {}\n",
            interp.id,
            if n == 1 {
                "its only thread is".to_owned()
            } else {
                format!("all {n} threads are")
            },
            if n == 1 { "it" } else { "another" }
        )
    };
    for t in entries {
        if again && t.kind == ThreadKind::Spawned {
            continue;
        }
        let Some(w) = &t.waiting else { continue };
        let _ = writeln!(
            out,
            "{} waits for {} (most recent call first):",
            capitalized(&thread_label(t)),
            describe_wait(w, &names)
        );
        write_stack(&mut out, &w.stack);
    }
    while out.ends_with('\n') {
        out.pop();
    }
    out
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
