//! Interpreter shutdown, thread side: CPython's `wait_for_thread_shutdown` — if the
//! script imported `threading`, call `threading._shutdown()` (which runs the
//! threading atexit hooks, such as `concurrent.futures` telling its workers to
//! exit, marks the main thread stopped and joins every non-daemon thread) — then
//! wait until no non-daemon thread is left in the registry, and finally stop the
//! daemon threads.

use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::gil::EvalBreaker;
use crate::interp::{InterpShared, ThreadKind};
use crate::sync::{GilHeld, Ordering};
use crate::vm::Vm;

use super::lifecycle::{bind_os_thread, create_thread_state, finalize_thread_state};
use super::wait::{Abort, wake_waiters};

/// Calls `threading._shutdown()` in `interp` on the calling (host) thread, if the
/// interpreter has objects and imported `threading`. Exceptions are reported on
/// stderr, as CPython does. Returns true when the threads it joined turned out to
/// be deadlocked (`DeadlockError`): they will never end by themselves.
pub fn run_threading_shutdown(interp: &Arc<InterpShared>) -> bool {
    let thread = create_thread_state(interp, "MainThread", false, ThreadKind::Host);
    interp.gil.take(thread);
    let ctx = {
        let held = GilHeld::assert_held(interp.id);
        interp.ctx.get(&held).clone()
    };
    let Some(ctx) = ctx else {
        interp.remove_thread_state(thread);
        interp.gil.release(thread);
        return false;
    };
    let (ident, _) = bind_os_thread(interp, thread);
    let mut vm = Vm::new(interp.clone(), ctx, thread, ident);
    let mut deadlocked = false;
    if let Some(threading) = vm.ctx.modules.get_str("threading")
        && let Err(e) = vm.call_method(&threading, "_shutdown", &[])
    {
        deadlocked = e.class.is_subtype(&vm.ctx.types.deadlock_error.clone());
        let text = crate::vm::format_exception(&mut vm, &e);
        crate::stdlib::io::raw_write(
            true,
            &format!("Exception ignored on threading shutdown:\n{text}"),
        );
    }
    finalize_thread_state(vm, false);
    deadlocked
}

/// Blocks until no non-daemon spawned thread is left in the registry.
pub fn wait_for_non_daemon_threads(interp: &InterpShared) {
    let mut reg = interp.registry.lock();
    while reg
        .threads
        .iter()
        .any(|(_, t)| t.kind == ThreadKind::Spawned && !t.daemon)
    {
        interp.registry_changed.wait(&mut reg);
    }
}

/// Gives up on the non-daemon threads (found deadlocked at shutdown): from now on
/// they are stopped with the daemon threads by [`stop_daemon_threads`].
pub fn abandon_threads(interp: &InterpShared) {
    interp.abandon.store(true, Ordering::Release);
    let waits: Vec<_> = {
        let reg = interp.registry.lock();
        reg.threads
            .iter()
            .filter(|(_, t)| t.kind == ThreadKind::Spawned)
            .filter_map(|(_, t)| t.waiting.as_ref())
            .map(|w| (w.ctl.clone(), w.target.clone()))
            .collect()
    };
    for (ctl, target) in waits {
        ctl.abort(Abort::Stop, None);
        target.wake_all();
    }
}

/// Tells the daemon threads to stop (the `ASYNC_EXC` eval-breaker bit, and a
/// wake-up for those blocked in a wait) and waits up to `limit` for them to leave
/// the registry. Returns whether all did.
pub fn stop_daemon_threads(interp: &InterpShared, limit: Duration) -> bool {
    interp.stopping.store(true, Ordering::Release);
    interp.breaker.set(EvalBreaker::ASYNC_EXC);
    wake_waiters(interp);
    let all_stopped = {
        let mut reg = interp.registry.lock();
        let deadline = Instant::now() + limit;
        while reg
            .threads
            .iter()
            .any(|(_, t)| t.kind == ThreadKind::Spawned)
        {
            if interp
                .registry_changed
                .wait_until(&mut reg, deadline)
                .timed_out()
            {
                break;
            }
        }
        !reg.threads
            .iter()
            .any(|(_, t)| t.kind == ThreadKind::Spawned)
    };
    interp.breaker.clear(EvalBreaker::ASYNC_EXC);
    all_stopped
}
