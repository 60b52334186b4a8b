//! `KeyboardInterrupt` on demand: what the CLI does on SIGINT, and
//! `_thread.interrupt_main()`. As in CPython, only the interpreter's main thread
//! raises it: the request sets the `PENDING_SIGNALS` eval-breaker bit, which the
//! main thread sees at its next check, and wakes the main thread if it is blocked
//! in a wait (sleep, lock, join, queue, condition), which then raises at once.

use crate::gil::EvalBreaker;
use crate::interp::InterpShared;
use crate::sync::Ordering;
use crate::vm::{PyErr, Vm};

use super::wait::Abort;

/// Asks the main thread of `interp` to raise `KeyboardInterrupt`.
pub fn interrupt_main(interp: &InterpShared) {
    interp.interrupt.store(true, Ordering::Release);
    interp.breaker.set(EvalBreaker::PENDING_SIGNALS);
    let target = {
        let reg = interp.registry.lock();
        reg.threads
            .iter()
            .find(|(_, t)| t.main)
            .and_then(|(_, t)| t.waiting.as_ref())
            .map(|w| (w.ctl.clone(), w.target.clone()))
    };
    if let Some((ctl, target)) = target {
        ctl.abort(Abort::Interrupt, None);
        target.wake_all();
    }
}

/// Whether a `KeyboardInterrupt` is pending for `interp`'s main thread.
pub(crate) fn is_pending(interp: &InterpShared) -> bool {
    interp.interrupt.load(Ordering::Acquire)
}

/// Forgets the pending `KeyboardInterrupt` (the main thread is raising it).
pub(crate) fn clear_pending(interp: &InterpShared) {
    interp.interrupt.store(false, Ordering::Release);
    interp.breaker.clear(EvalBreaker::PENDING_SIGNALS);
}

/// At an eval-breaker check: the `KeyboardInterrupt` to raise, if one is pending
/// and this is the main thread.
pub(crate) fn take_pending(vm: &mut Vm) -> Option<PyErr> {
    if !is_pending(&vm.interp) {
        return None;
    }
    let main = {
        let reg = vm.interp.registry.lock();
        reg.threads
            .iter()
            .any(|(_, t)| t.id == vm.thread_id && t.main)
    };
    if !main {
        return None;
    }
    clear_pending(&vm.interp);
    let c = vm.ctx.types.keyboard_interrupt.clone();
    Some(vm.new_exception_args(&c, Vec::new()))
}
