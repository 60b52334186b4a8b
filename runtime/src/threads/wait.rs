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

use crate::interp::InterpShared;
use crate::sync::Ordering;
use crate::vm::{PyResult, Vm};

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

    /// Wakes every thread blocked on this target, so that each re-checks its
    /// condition and its [`StopFlag`]. Must take the target's own mutex before
    /// notifying, so a waiter between its check and its sleep can't miss it.
    fn wake_all(&self);
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
}

impl fmt::Debug for WaitRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WaitRecord")
            .field("kind", &self.kind)
            .field("object", &format_args!("{:#x}", self.object))
            .field("timeout", &self.timeout)
            .field("owner", &self.owner())
            .finish()
    }
}

/// Tells a blocked wait that its thread must stop now (a daemon thread while the
/// interpreter shuts down). Always clear for other threads.
pub struct StopFlag(Option<Arc<InterpShared>>);

impl StopFlag {
    /// A flag that is never set (for waits outside any daemon thread).
    pub fn never() -> StopFlag {
        StopFlag(None)
    }

    /// Whether the waiting thread must give up its wait.
    #[inline]
    pub fn is_set(&self) -> bool {
        match &self.0 {
            Some(i) => i.stopping.load(Ordering::Acquire),
            None => false,
        }
    }
}

/// A deadline `timeout` from now (`None`: wait forever, also for timeouts too large
/// to represent).
pub fn deadline_after(timeout: Option<Duration>) -> Option<Instant> {
    timeout.and_then(|t| Instant::now().checked_add(t))
}

/// Blocks the calling thread: records `kind`/`object`/`timeout`/`target` in its
/// registry entry, releases the GIL, runs `wait(deadline, stop)`, takes the GIL back
/// and clears the record.
///
/// `wait` must return `Some(value)` once what it waits for happened, and `None` when
/// the deadline passed or `stop` is set; it must check `stop` every time it wakes up
/// (see [`WaitTarget::wake_all`]). Returns `Ok(None)` on timeout, and an exception
/// (a `SystemExit` that unwinds without running handlers) when the thread was told
/// to stop.
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
    let record = WaitRecord {
        kind,
        object,
        timeout,
        since: Instant::now(),
        target,
    };
    interp.set_waiting(thread, Some(record));
    let stop = if vm.daemon {
        StopFlag(Some(interp.clone()))
    } else {
        StopFlag::never()
    };
    let deadline = deadline_after(timeout);
    let r = vm.allow_threads(move || wait(deadline, &stop));
    interp.set_waiting(thread, None);
    if r.is_none() && vm.interp.breaker.is_set() {
        vm.handle_breaker()?;
    }
    Ok(r)
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
    fn wake_all(&self) {
        let _g = self.set.lock();
        self.cv.notify_all();
    }
}
