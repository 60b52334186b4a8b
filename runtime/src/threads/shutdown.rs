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
use super::wait::wake_waiters;

/// Calls `threading._shutdown()` in `interp` on the calling (host) thread, if the
/// interpreter has objects and imported `threading`. Exceptions are reported on
/// stderr, as CPython does.
pub fn run_threading_shutdown(interp: &Arc<InterpShared>) {
    let thread = create_thread_state(interp, "MainThread", false, ThreadKind::Host);
    interp.gil.take(thread);
    let ctx = {
        let held = GilHeld::assert_held(interp.id);
        interp.ctx.get(&held).clone()
    };
    let Some(ctx) = ctx else {
        interp.remove_thread_state(thread);
        interp.gil.release(thread);
        return;
    };
    let (ident, _) = bind_os_thread(interp, thread);
    let mut vm = Vm::new(interp.clone(), ctx, thread, ident);
    if let Some(threading) = vm.ctx.modules.get_str("threading")
        && let Err(e) = vm.call_method(&threading, "_shutdown", &[])
    {
        let text = crate::vm::format_exception(&mut vm, &e);
        crate::stdlib::io::raw_write(
            true,
            &format!("Exception ignored on threading shutdown:\n{text}"),
        );
    }
    finalize_thread_state(vm, false);
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
