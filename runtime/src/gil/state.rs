//! The GIL itself: a flag under a mutex, a condvar for waiters and one for
//! forced switches. See the [module docs](crate::gil) for the algorithm.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use parking_lot::{Condvar, Mutex, MutexGuard};
use tracing::{debug, trace};

use crate::gil::EvalBreaker;

/// Default switch interval, as in CPython (`sys.getswitchinterval()` is
/// 0.005).
const DEFAULT_INTERVAL_US: u64 = 5000;

/// Counters kept by a [`Gil`], read with [`Gil::stats`].
///
/// # Example
///
/// ```
/// use std::sync::Arc;
/// use atoll_runtime::gil::{EvalBreaker, Gil};
///
/// let gil = Gil::new(0, Arc::new(EvalBreaker::new()));
/// gil.take(1);
/// gil.release(1);
/// let stats = gil.stats();
/// assert_eq!(stats.takes, 1);
/// assert_eq!(stats.forced_switches, 0);
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct GilStats {
    /// How many times the GIL was taken (by [`Gil::take`] or by the re-take
    /// inside [`Gil::yield_now`]).
    pub takes: u64,
    /// How many takes went to a thread other than the previous holder.
    pub switches: u64,
    /// How many times [`Gil::yield_now`] waited for another thread to take
    /// the GIL before competing for it again (CPython's `FORCE_SWITCHING`).
    pub forced_switches: u64,
    /// How many times a waiter set [`EvalBreaker::GIL_DROP_REQUEST`] after a
    /// switch interval passed without a switch.
    pub drop_requests: u64,
}

/// Everything protected by the GIL's mutex.
#[derive(Debug, Default)]
struct GilState {
    /// Whether some thread holds the GIL.
    locked: bool,
    /// The holding thread, or 0 when unlocked.
    holder: u64,
    /// The thread that took the GIL most recently (kept after release); 0
    /// before the first take.
    last_holder: u64,
    /// Incremented each time the GIL is taken by a thread other than
    /// `last_holder`; lets waiters tell whether a switch happened while they
    /// slept.
    switch_number: u64,
    /// Threads currently blocked in [`Gil::take`].
    waiters: usize,
    /// Counters reported by [`Gil::stats`].
    stats: GilStats,
}

/// A per-interpreter global interpreter lock.
///
/// Threads identify themselves with a non-zero `u64` thread id. The holder
/// runs bytecode; the eval loop polls the shared [`EvalBreaker`] and calls
/// [`yield_now`](Self::yield_now) when it sees
/// [`GIL_DROP_REQUEST`](EvalBreaker::GIL_DROP_REQUEST). Blocking operations
/// bracket themselves with [`release`](Self::release) and
/// [`take`](Self::take).
///
/// # Example
///
/// ```
/// use std::sync::Arc;
/// use std::time::Duration;
/// use atoll_runtime::gil::{EvalBreaker, Gil};
///
/// let breaker = Arc::new(EvalBreaker::new());
/// let gil = Arc::new(Gil::new(7, breaker.clone()));
/// gil.set_switch_interval(Duration::from_millis(1));
///
/// // Thread 1 runs "bytecode" until thread 2 has had a turn.
/// gil.take(1);
/// let other = {
///     let gil = gil.clone();
///     std::thread::spawn(move || {
///         gil.take(2); // waits 1 ms, then sets GIL_DROP_REQUEST
///         gil.release(2);
///     })
/// };
/// while gil.stats().takes < 2 {
///     if breaker.is_set() && breaker.has(EvalBreaker::GIL_DROP_REQUEST) {
///         gil.yield_now(1); // hands over, then takes it back
///     }
///     std::hint::spin_loop();
/// }
/// assert!(gil.is_held_by(1));
/// gil.release(1);
/// other.join().unwrap();
/// assert_eq!(gil.holder(), None);
/// ```
#[derive(Debug)]
pub struct Gil {
    /// Interpreter id, only for tracing.
    interp: u64,
    state: Mutex<GilState>,
    /// Signalled when the GIL is released; waited on (with a timeout of one
    /// switch interval) by threads in `take`.
    cond: Condvar,
    /// Signalled when the GIL is taken; waited on by a thread in `yield_now`
    /// until someone else has taken the GIL.
    switch_cond: Condvar,
    breaker: Arc<EvalBreaker>,
    /// Switch interval in microseconds, at least 1.
    interval_us: AtomicU64,
}

impl Gil {
    /// Creates an unlocked GIL for interpreter `interp_id`, which will post
    /// drop requests to `breaker` (the interpreter's eval breaker).
    pub fn new(interp_id: u64, breaker: Arc<EvalBreaker>) -> Gil {
        Gil {
            interp: interp_id,
            state: Mutex::new(GilState::default()),
            cond: Condvar::new(),
            switch_cond: Condvar::new(),
            breaker,
            interval_us: AtomicU64::new(DEFAULT_INTERVAL_US),
        }
    }

    /// Takes the GIL for `thread`, blocking until it is available.
    ///
    /// While the GIL is held by someone else this waits one switch interval
    /// at a time; if an interval passes with the GIL still held and no
    /// switch having happened, it sets
    /// [`EvalBreaker::GIL_DROP_REQUEST`] so the holder's eval loop yields.
    /// Once taken, a pending drop request is cleared (it is satisfied).
    ///
    /// `thread` must be non-zero and must not already hold this GIL.
    pub fn take(&self, thread: u64) {
        debug_assert_ne!(thread, 0, "thread id 0 is reserved");
        let mut st = self.state.lock();
        debug_assert!(
            !(st.locked && st.holder == thread),
            "thread {thread} takes a GIL it already holds"
        );
        let waited = st.locked;
        if waited {
            st.waiters += 1;
            while st.locked {
                let saved_switch = st.switch_number;
                let timed_out = self
                    .cond
                    .wait_for(&mut st, self.switch_interval())
                    .timed_out();
                if timed_out && st.locked && st.switch_number == saved_switch {
                    // The holder had a whole interval: ask it to let go.
                    self.breaker.set(EvalBreaker::GIL_DROP_REQUEST);
                    st.stats.drop_requests += 1;
                    debug!(
                        target: "atoll::gil",
                        interp = self.interp,
                        thread,
                        holder = st.holder,
                        "gil drop request"
                    );
                }
            }
            st.waiters -= 1;
        }
        self.acquire_locked(&mut st, thread);
        if waited {
            debug!(target: "atoll::gil", interp = self.interp, thread, "gil take");
        } else {
            trace!(target: "atoll::gil", interp = self.interp, thread, "gil take");
        }
    }

    /// Marks the (unlocked) GIL as held by `thread` and does the bookkeeping.
    fn acquire_locked(&self, st: &mut MutexGuard<'_, GilState>, thread: u64) {
        debug_assert!(!st.locked);
        st.locked = true;
        st.holder = thread;
        st.stats.takes += 1;
        if st.last_holder != thread {
            st.last_holder = thread;
            st.switch_number += 1;
            st.stats.switches += 1;
        }
        // A thread in `yield_now` may be waiting for exactly this.
        self.switch_cond.notify_all();
        // Whoever asked for the GIL to be dropped, the GIL changed hands (or
        // was free): the request is satisfied. Remaining waiters re-request
        // after another interval.
        if self.breaker.has(EvalBreaker::GIL_DROP_REQUEST) {
            self.breaker.clear(EvalBreaker::GIL_DROP_REQUEST);
        }
    }

    /// Marks the GIL held by `thread` as free and wakes one waiter.
    fn drop_locked(&self, st: &mut MutexGuard<'_, GilState>, thread: u64) {
        debug_assert!(
            st.locked && st.holder == thread,
            "thread {thread} releases a GIL held by {} (locked: {})",
            st.holder,
            st.locked
        );
        st.locked = false;
        st.holder = 0;
        self.cond.notify_one();
        trace!(target: "atoll::gil", interp = self.interp, thread, "gil drop");
    }

    /// Releases the GIL held by `thread` (e.g. around a blocking call) and
    /// wakes one waiter. Does not wait for anyone to take it.
    pub fn release(&self, thread: u64) {
        let mut st = self.state.lock();
        self.drop_locked(&mut st, thread);
    }

    /// Lets another thread run, then takes the GIL back: what the eval loop
    /// calls when it sees [`EvalBreaker::GIL_DROP_REQUEST`].
    ///
    /// If a drop request is pending and some thread is waiting for the GIL,
    /// this does not compete for the GIL until another thread has actually
    /// taken it (CPython's `FORCE_SWITCHING`; otherwise, on a multi-core
    /// machine, the yielding thread tends to win the race again at once).
    /// If nobody is waiting (the requester already got the GIL some other
    /// way, or the request was spurious) the request is cleared and the GIL
    /// is re-taken without waiting.
    pub fn yield_now(&self, thread: u64) {
        let mut st = self.state.lock();
        self.drop_locked(&mut st, thread);
        if self.breaker.has(EvalBreaker::GIL_DROP_REQUEST) {
            // The request is being honoured; clear it before sleeping so the
            // next holder does not see a stale one.
            self.breaker.clear(EvalBreaker::GIL_DROP_REQUEST);
            if st.waiters > 0 && st.last_holder == thread {
                st.stats.forced_switches += 1;
                debug!(
                    target: "atoll::gil",
                    interp = self.interp,
                    thread,
                    waiters = st.waiters,
                    "gil forced switch"
                );
                // Both conditions are re-checked under the mutex that every
                // take holds while updating `last_holder` and `waiters`, so
                // no wake-up can be lost; `waiters == 0` ends the wait if the
                // waiters vanished without taking the GIL.
                while st.last_holder == thread && st.waiters > 0 {
                    self.switch_cond.wait(&mut st);
                }
            }
        }
        drop(st);
        self.take(thread);
    }

    /// Whether `thread` currently holds the GIL.
    pub fn is_held_by(&self, thread: u64) -> bool {
        let st = self.state.lock();
        st.locked && st.holder == thread
    }

    /// The thread holding the GIL, if any.
    pub fn holder(&self) -> Option<u64> {
        let st = self.state.lock();
        st.locked.then_some(st.holder)
    }

    /// How long a waiter lets the holder run before asking it to drop the
    /// GIL (`sys.getswitchinterval()`); 5 ms by default.
    pub fn switch_interval(&self) -> Duration {
        Duration::from_micros(self.interval_us.load(Ordering::Relaxed))
    }

    /// Sets the switch interval (`sys.setswitchinterval()`), clamped to at
    /// least 1 µs. Callers reject non-positive values themselves (CPython
    /// raises `ValueError`). Takes effect at the waiters' next interval.
    pub fn set_switch_interval(&self, d: Duration) {
        let us = u64::try_from(d.as_micros()).unwrap_or(u64::MAX).max(1);
        self.interval_us.store(us, Ordering::Relaxed);
    }

    /// A snapshot of this GIL's counters.
    pub fn stats(&self) -> GilStats {
        self.state.lock().stats
    }
}
