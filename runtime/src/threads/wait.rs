//! Blocking waits: the one function, [`block`], through which every blocking call
//! of the runtime waits (lock and condition waits, joins, `start()` waiting for the
//! new thread, queue waits, `time.sleep`).
//!
//! While a thread waits, with the GIL released, its entry in the interpreter's
//! thread-state registry carries a [`WaitRecord`]: what kind of thing it waits on,
//! the `id()` of the Python object, whether the wait has a timeout, since when it
//! waits, and a handle on the thing itself ([`WaitTarget`]) that tells who must act
//! for the wait to end (the owner of a lock, the thread being joined). A thread dump
//! or a deadlock detector reads these records from the registry
//! ([`InterpShared::threads`]) without stopping anybody.
//!
//! The target also lets the interpreter wake every blocked thread when it stops its
//! daemon threads at shutdown ([`wake_waiters`]): a daemon thread blocked forever on
//! a lock notices the stop flag and unwinds with `SystemExit`.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::interp::{InterpShared, ThreadKind};
use crate::sync::{AtomicBool, Ordering};
use crate::vm::{PyResult, Vm};
use std::sync::atomic::AtomicU8;

use super::stack::Stack;

/// What a thread is blocked on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WaitKind {
    /// `_thread.lock.acquire` (also `threading.Lock`).
    Lock,
    /// `_thread.RLock.acquire`.
    RLock,
    /// `threading.Condition.wait` (waiting for a `notify`).
    Condition,
    /// `Thread.join`.
    Join,
    /// `Thread.start` waiting for the new OS thread to bind itself.
    Start,
    /// `time.sleep`.
    Sleep,
    /// A native queue's `get` (`queue.SimpleQueue`).
    Queue,
    /// A line read from the process's stdin (`input()`).
    Input,
}

impl WaitKind {
    /// A short lowercase name (`"lock"`, `"rlock"`, `"join"` ...).
    pub fn name(self) -> &'static str {
        match self {
            WaitKind::Lock => "lock",
            WaitKind::RLock => "rlock",
            WaitKind::Condition => "condition",
            WaitKind::Join => "join",
            WaitKind::Start => "start",
            WaitKind::Sleep => "sleep",
            WaitKind::Queue => "queue",
            WaitKind::Input => "input",
        }
    }
}

/// Something a thread can block on.
pub trait WaitTarget: Send + Sync {
    /// The ident (`threading.get_ident()`) of the thread that must act for the wait
    /// to end, if one is known right now: the owner of a lock, the thread being
    /// joined. Read at the moment of the call, so it follows ownership changes.
    fn owner(&self) -> Option<u64> {
        None
    }

    /// Whether a wait on this target cannot end until some other thread acts (a
    /// lock that is held, a condition waiter not notified yet, a thread not
    /// finished, an empty queue), as seen right now. The deadlock detector calls a
    /// thread dead only when this is true; the default, false, keeps targets that
    /// don't know from ever being called dead.
    fn stuck(&self) -> bool {
        false
    }

    /// Wakes every thread blocked on this target, so that each re-checks its
    /// condition and its [`StopFlag`]. Must take the target's own mutex before
    /// notifying, so a waiter between its check and its sleep can't miss it.
    fn wake_all(&self);
}

/// Why a wait was ended from outside (see [`WaitCtl`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Abort {
    /// The thread must stop (a daemon thread at shutdown, or a thread left stuck in
    /// a deadlock when the interpreter closes): it unwinds with `SystemExit`.
    Stop,
    /// The deadlock detector chose this thread to raise `DeadlockError`.
    Deadlock,
    /// `KeyboardInterrupt` for the main thread (SIGINT).
    Interrupt,
}

/// The control block of one blocked wait, shared between the waiting thread, its
/// [`WaitRecord`] and its [`StopFlag`]: whether the wait has finished, and whether
/// somebody ended it from outside (and why).
#[derive(Default)]
pub struct WaitCtl {
    done: AtomicBool,
    abort: AtomicU8,
    report: crate::sync::Mutex<Option<String>>,
}

impl WaitCtl {
    /// Whether the wait got what it waited for (set by the waiting thread, under
    /// the target's mutex where it can).
    pub fn is_done(&self) -> bool {
        self.done.load(Ordering::Acquire)
    }

    /// Why the wait was ended from outside, if it was.
    pub fn aborted(&self) -> Option<Abort> {
        match self.abort.load(Ordering::Acquire) {
            1 => Some(Abort::Stop),
            2 => Some(Abort::Deadlock),
            3 => Some(Abort::Interrupt),
            _ => None,
        }
    }

    /// Ends the wait from outside (the caller then wakes the target). The first
    /// reason given wins; `report` is the `DeadlockError` message.
    pub fn abort(&self, why: Abort, report: Option<String>) {
        let code = match why {
            Abort::Stop => 1,
            Abort::Deadlock => 2,
            Abort::Interrupt => 3,
        };
        if report.is_some() {
            *self.report.lock() = report;
        }
        let _ = self
            .abort
            .compare_exchange(0, code, Ordering::AcqRel, Ordering::Acquire);
    }

    /// The deadlock report given with [`Abort::Deadlock`].
    pub fn take_report(&self) -> Option<String> {
        self.report.lock().take()
    }
}

/// The record a blocked thread leaves in its registry entry.
#[derive(Clone)]
pub struct WaitRecord {
    /// What kind of thing it waits on.
    pub kind: WaitKind,
    /// `id()` of the Python object waited on (lock, condition, thread, queue), 0 if none.
    pub object: u64,
    /// The timeout of the wait, if it has one.
    pub timeout: Option<Duration>,
    /// When the wait began.
    pub since: Instant,
    /// The thing waited on.
    pub target: Arc<dyn WaitTarget>,
    /// The thread's Python stack when it blocked, outermost frame first.
    pub stack: Stack,
    /// Whether the wait finished or was ended from outside.
    pub ctl: Arc<WaitCtl>,
}

impl WaitRecord {
    /// The ident of the thread that must act for the wait to end (lock owner, joined
    /// thread), if known now.
    pub fn owner(&self) -> Option<u64> {
        self.target.owner()
    }

    /// Whether the wait has a timeout (so it ends by itself).
    pub fn has_timeout(&self) -> bool {
        self.timeout.is_some()
    }

    /// Whether this wait can only end through another thread of the interpreter:
    /// no timeout, and a kind the deadlock detector understands (locks, conditions,
    /// joins, native queues; not sleeps or thread starts).
    pub fn is_forever(&self) -> bool {
        self.timeout.is_none()
            && matches!(
                self.kind,
                WaitKind::Lock
                    | WaitKind::RLock
                    | WaitKind::Condition
                    | WaitKind::Join
                    | WaitKind::Queue
            )
    }
}

impl fmt::Debug for WaitRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WaitRecord")
            .field("kind", &self.kind)
            .field("object", &format_args!("{:#x}", self.object))
            .field("timeout", &self.timeout)
            .field("owner", &self.owner())
            .field("stack", &self.stack)
            .finish()
    }
}

/// Tells a blocked wait that it must give up now: a daemon thread while the
/// interpreter shuts down, or a wait ended from outside through its [`WaitCtl`]
/// (deadlock, `KeyboardInterrupt`). A wait function checks it every time it wakes
/// up, and calls [`StopFlag::finish`] under its own mutex when it got what it
/// waited for.
pub struct StopFlag {
    /// The interpreter, for a spawned thread (which stops when it shuts down).
    interp: Option<Arc<InterpShared>>,
    daemon: bool,
    ctl: Option<Arc<WaitCtl>>,
}

impl StopFlag {
    /// A flag that is never set (for waits outside any interpreter thread).
    pub fn never() -> StopFlag {
        StopFlag {
            interp: None,
            daemon: false,
            ctl: None,
        }
    }

    /// Whether the waiting thread must give up its wait.
    #[inline]
    pub fn is_set(&self) -> bool {
        if let Some(c) = &self.ctl
            && c.abort.load(Ordering::Acquire) != 0
        {
            return true;
        }
        match &self.interp {
            Some(i) => {
                i.stopping.load(Ordering::Acquire)
                    && (self.daemon || i.abandon.load(Ordering::Acquire))
            }
            None => false,
        }
    }

    /// Marks the wait as finished: it got what it waited for. Call it while still
    /// holding the target's mutex, so the deadlock detector, which reads the
    /// target's state under that mutex, never sees the new state without it.
    #[inline]
    pub fn finish(&self) {
        if let Some(c) = &self.ctl {
            c.done.store(true, Ordering::Release);
        }
    }
}

/// A deadline `timeout` from now (`None`: wait forever, also for timeouts too large
/// to represent).
pub fn deadline_after(timeout: Option<Duration>) -> Option<Instant> {
    timeout.and_then(|t| Instant::now().checked_add(t))
}

/// Blocks the calling thread: records `kind`/`object`/`timeout`/`target` and its
/// Python stack in its registry entry, releases the GIL, runs `wait(deadline,
/// stop)`, clears the record and takes the GIL back.
///
/// `wait` must return `Some(value)` once what it waits for happened (calling
/// [`StopFlag::finish`] under the target's mutex when it can), and `None` when the
/// deadline passed or `stop` is set; it must check `stop` every time it wakes up
/// (see [`WaitTarget::wake_all`]). Returns `Ok(None)` on timeout, and an exception
/// when the wait was ended from outside: a `SystemExit` that unwinds without
/// running handlers when the thread must stop, `DeadlockError` when the deadlock
/// detector chose this thread to report a deadlock (see
/// [`crate::threads::deadlock`]), `KeyboardInterrupt` for the main thread on
/// SIGINT.
pub fn block<T: Send>(
    vm: &mut Vm,
    kind: WaitKind,
    object: u64,
    timeout: Option<Duration>,
    target: Arc<dyn WaitTarget>,
    wait: impl FnOnce(Option<Instant>, &StopFlag) -> Option<T> + Send,
) -> PyResult<Option<T>> {
    let interp = vm.interp.clone();
    let thread = vm.thread_id;
    let ctl = Arc::new(WaitCtl::default());
    let record = WaitRecord {
        kind,
        object,
        timeout,
        since: Instant::now(),
        target,
        stack: super::stack::capture(vm),
        ctl: ctl.clone(),
    };
    let begun = begin_wait(&interp, thread, record);
    if let Some(why) = begun.abort {
        return Err(aborted_error(vm, why, &ctl));
    }
    let stop = StopFlag {
        interp: begun.spawned.then(|| interp.clone()),
        daemon: begun.daemon,
        ctl: Some(ctl.clone()),
    };
    let deadline = deadline_after(timeout);
    let interp2 = interp.clone();
    let ctl2 = ctl.clone();
    let r = vm.allow_threads(move || {
        let r = wait(deadline, &stop);
        if r.is_some() {
            ctl2.done.store(true, Ordering::Release);
        }
        // cleared before taking the GIL back: a thread waiting for the GIL is
        // not blocked on anything the deadlock detector knows
        end_wait(&interp2, thread);
        r
    });
    if r.is_none() {
        if let Some(why) = ctl.aborted() {
            return Err(aborted_error(vm, why, &ctl));
        }
        if vm.interp.breaker.is_set() {
            vm.handle_breaker()?;
        }
    }
    Ok(r)
}

/// The exception that ends a wait aborted for `why`.
fn aborted_error(vm: &mut Vm, why: Abort, ctl: &WaitCtl) -> crate::vm::PyErr {
    match why {
        Abort::Stop => {
            vm.killed = true;
            let c = vm.ctx.types.system_exit.clone();
            vm.new_exception(&c, "interpreter shutting down: thread stopped")
        }
        Abort::Deadlock => {
            let report = ctl.take_report().unwrap_or_else(|| "deadlock".to_owned());
            let c = vm.ctx.types.deadlock_error.clone();
            vm.new_exception(&c, report)
        }
        Abort::Interrupt => {
            super::interrupt::clear_pending(&vm.interp);
            let c = vm.ctx.types.keyboard_interrupt.clone();
            vm.new_exception_args(&c, Vec::new())
        }
    }
}

/// What [`begin_wait`] found out about the waiting thread.
struct Begun {
    spawned: bool,
    daemon: bool,
    /// Don't wait: raise at once.
    abort: Option<Abort>,
}

/// Puts `record` in thread `thread`'s registry entry and, when this wait could
/// complete a deadlock, runs the detector.
fn begin_wait(interp: &Arc<InterpShared>, thread: u64, record: WaitRecord) -> Begun {
    let forever = record.is_forever();
    let mut found = None;
    let begun = {
        let mut reg = interp.registry.lock();
        let Some((_, entry)) = reg.threads.iter_mut().find(|(_, t)| t.id == thread) else {
            return Begun {
                spawned: false,
                daemon: false,
                abort: None,
            };
        };
        let spawned = entry.kind == ThreadKind::Spawned;
        let daemon = spawned && entry.daemon;
        if entry.main && super::interrupt::is_pending(interp) {
            return Begun {
                spawned,
                daemon,
                abort: Some(Abort::Interrupt),
            };
        }
        entry.waiting = Some(record);
        if forever {
            reg.forever += 1;
            if interp.config.detect_deadlocks && reg.forever >= reg.threads.len() {
                found = super::deadlock::find(interp, &reg);
            }
        }
        Begun {
            spawned,
            daemon,
            abort: None,
        }
    };
    match found {
        Some(d) if d.victim == thread => {
            end_wait(interp, thread);
            d.ctl.abort(Abort::Deadlock, Some(d.report));
            Begun {
                abort: Some(Abort::Deadlock),
                ..begun
            }
        }
        Some(d) => {
            d.raise();
            begun
        }
        None => begun,
    }
}

/// Clears thread `thread`'s wait record.
fn end_wait(interp: &InterpShared, thread: u64) {
    let mut reg = interp.registry.lock();
    if let Some((_, t)) = reg.threads.iter_mut().find(|(_, t)| t.id == thread)
        && let Some(old) = t.waiting.take()
        && old.is_forever()
    {
        reg.forever = reg.forever.saturating_sub(1);
    }
}

/// Wakes every thread of `interp` that is blocked in [`block`] (used when daemon
/// threads must stop).
pub fn wake_waiters(interp: &InterpShared) {
    let targets: Vec<Arc<dyn WaitTarget>> = interp
        .threads()
        .into_iter()
        .filter_map(|t| t.waiting.map(|w| w.target))
        .collect();
    for t in targets {
        t.wake_all();
    }
}

/// A one-shot signal with a condition variable: the simplest [`WaitTarget`] (used
/// for `time.sleep`, `start()` and condition waiters).
#[derive(Default)]
pub struct Signal {
    set: crate::sync::Mutex<bool>,
    cv: crate::sync::Condvar,
}

impl Signal {
    /// A signal not set yet.
    pub fn new() -> Signal {
        Signal::default()
    }

    /// Sets it and wakes its waiters. Returns false if it was set already.
    pub fn set(&self) -> bool {
        let mut g = self.set.lock();
        let was = *g;
        *g = true;
        self.cv.notify_all();
        !was
    }

    /// Whether it is set.
    pub fn is_set(&self) -> bool {
        *self.set.lock()
    }

    /// Waits until it is set (true), the deadline passes or `stop` is set (false).
    pub fn wait(&self, deadline: Option<Instant>, stop: &StopFlag) -> bool {
        let mut g = self.set.lock();
        while !*g {
            if stop.is_set() {
                return false;
            }
            match deadline {
                None => self.cv.wait(&mut g),
                Some(d) => {
                    if self.cv.wait_until(&mut g, d).timed_out() {
                        return *g;
                    }
                }
            }
        }
        true
    }
}

impl WaitTarget for Signal {
    fn stuck(&self) -> bool {
        !*self.set.lock()
    }

    fn wake_all(&self) {
        let _g = self.set.lock();
        self.cv.notify_all();
    }
}
