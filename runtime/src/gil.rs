//! The per-interpreter GIL (global interpreter lock), modelled on CPython's
//! `Python/ceval_gil.c` as used with a per-interpreter GIL (PEP 684).
//!
//! Every interpreter has its own [`Gil`] and its own [`EvalBreaker`]; threads
//! of different interpreters never contend. Within one interpreter only the
//! thread holding the GIL runs bytecode or touches interpreter objects.
//!
//! # The algorithm
//!
//! * **The lock.** The GIL is a `locked` flag (plus the holder's thread id)
//!   under a small `parking_lot` mutex, which is only held for a few
//!   instructions at a time. Waiters sleep on a condition variable that
//!   [`Gil::release`] signals (one waiter per release).
//!
//! * **Switch interval.** A thread that finds the GIL locked does not ask for
//!   it immediately: it sleeps on the condvar for one *switch interval*
//!   (5 ms by default, [`Gil::set_switch_interval`], `sys.setswitchinterval`).
//!   Every take by a thread other than the previous holder increments a
//!   `switch_number`.
//!
//! * **Drop request.** If the wait times out, the GIL is still locked and
//!   `switch_number` did not change meanwhile (the holder has really been
//!   running for a whole interval), the waiter sets
//!   [`EvalBreaker::GIL_DROP_REQUEST`] in the interpreter's eval breaker and
//!   keeps waiting. The eval loop checks the breaker word with one relaxed
//!   load at backward jumps and calls; seeing the bit, it calls
//!   [`Gil::yield_now`]. Whoever takes the GIL next clears the request.
//!   With several waiters, the others simply ask again after their next
//!   interval.
//!
//! * **Forced switching.** On a multi-core machine a thread that drops the
//!   GIL and immediately asks for it again usually wins, because the woken
//!   waiter needs time to be scheduled. So [`Gil::yield_now`], when a drop
//!   request is pending and a thread is waiting, sleeps on a second condvar
//!   until another thread has taken the GIL (`last_holder` is no longer the
//!   yielding thread) and only then queues for the GIL again. If no thread
//!   is waiting any more (for example the requester got the GIL through a
//!   blocking call and left), it does not wait, so a stale or spurious
//!   request never hangs the interpreter.
//!
//! * **Blocking calls.** Code about to block (I/O, `time.sleep`, joining a
//!   thread, acquiring a Python-level lock) calls [`Gil::release`], blocks
//!   without the GIL, and calls [`Gil::take`] afterwards — CPython's
//!   `Py_BEGIN_ALLOW_THREADS` / `Py_END_ALLOW_THREADS`. The release wakes a
//!   waiter at once, so other threads run while this one is blocked. A plain
//!   release never waits for a forced switch.
//!
//! # Tracing
//!
//! Events go to target `atoll::gil` with fields `interp` and `thread`:
//! `gil take` (at `debug` when the thread had to wait, `trace` otherwise),
//! `gil drop` (`trace`), `gil drop request` and `gil forced switch`
//! (`debug`). None is emitted per bytecode instruction: these functions run
//! only at thread switches and around blocking calls.

mod breaker;
mod state;

pub use breaker::EvalBreaker;
pub use state::{Gil, GilStats};

#[cfg(test)]
mod tests;
