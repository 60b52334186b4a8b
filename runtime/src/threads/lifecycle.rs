//! The six lifecycle steps of a thread state.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::interp::{InterpCtx, InterpShared, ThreadEntry, ThreadKind};
use crate::sync::GilHeld;
use crate::vm::Vm;

static NEXT_THREAD_ID: AtomicU64 = AtomicU64::new(1);
static NEXT_IDENT: AtomicU64 = AtomicU64::new(1);

thread_local! {
    static IDENT: u64 = NEXT_IDENT.fetch_add(1, Ordering::Relaxed) * 0x1000 + 0x7f00_0000_0000;
}

/// `threading.get_ident()` of the calling OS thread: unique among live threads of the
/// process, stable for the thread's life.
pub fn current_ident() -> u64 {
    IDENT.with(|i| *i)
}

/// The kernel's id of the calling OS thread (`threading.get_native_id()`).
pub fn current_native_id() -> u64 {
    // SAFETY: gettid has no preconditions and cannot fail.
    unsafe { libc::gettid() as u64 }
}

/// Step 1: a new thread state in `interp`'s registry. Returns its id.
pub fn create_thread_state(
    interp: &InterpShared,
    name: &str,
    daemon: bool,
    kind: ThreadKind,
) -> u64 {
    let id = NEXT_THREAD_ID.fetch_add(1, Ordering::Relaxed);
    let mut reg = interp.registry.lock();
    let main = kind == ThreadKind::Host && !reg.threads.iter().any(|(_, t)| t.main);
    reg.threads.insert(ThreadEntry {
        id,
        ident: 0,
        native_id: 0,
        name: name.to_owned(),
        daemon,
        kind,
        main,
        waiting: None,
    });
    if main {
        interp.main_thread.store(id, Ordering::Release);
    }
    drop(reg);
    tracing::debug!(target: "atoll::thread", interp = interp.id, thread = id, native_id = 0u64, step = 1u8, "create thread state");
    id
}

/// Step 2: spawns the OS thread that will run thread state `thread`.
pub fn create_os_thread<F: FnOnce() + Send + 'static>(
    interp: &InterpShared,
    thread: u64,
    name: &str,
    body: F,
) -> std::io::Result<std::thread::JoinHandle<()>> {
    tracing::debug!(target: "atoll::thread", interp = interp.id, thread, native_id = 0u64, step = 2u8, "create os thread");
    std::thread::Builder::new()
        .name(name.chars().take(15).collect())
        .stack_size(16 << 20)
        .spawn(body)
}

/// Step 3: binds the calling OS thread to thread state `thread`.
pub fn bind_os_thread(interp: &InterpShared, thread: u64) -> (u64, u64) {
    let (ident, native_id) = (current_ident(), current_native_id());
    let mut reg = interp.registry.lock();
    if let Some((_, t)) = reg.threads.iter_mut().find(|(_, t)| t.id == thread) {
        t.ident = ident;
        t.native_id = native_id;
    }
    drop(reg);
    tracing::debug!(target: "atoll::thread", interp = interp.id, thread, native_id, step = 3u8, "bind os thread");
    (ident, native_id)
}

/// Step 4: takes the GIL and makes the thread's VM (creating the interpreter's
/// objects if this is the first thread ever to run in it).
pub fn start_eval_loop(interp: &Arc<InterpShared>, thread: u64, ident: u64, native_id: u64) -> Vm {
    interp.gil.take(thread);
    let held = GilHeld::assert_held(interp.id);
    let ctx = match interp.ctx.get(&held) {
        Some(c) => c.clone(),
        None => {
            let c = std::rc::Rc::new(InterpCtx::new(&interp.config));
            interp.ctx.replace(&held, Some(c.clone()));
            let mut vm = Vm::new(interp.clone(), c.clone(), thread, ident);
            crate::stdlib::init_interpreter(&mut vm);
            c
        }
    };
    tracing::debug!(target: "atoll::thread", interp = interp.id, thread, native_id, step = 4u8, "start eval loop");
    let mut vm = Vm::new(interp.clone(), ctx, thread, ident);
    vm.daemon = interp.is_daemon(thread);
    vm
}

/// Step 5: clears the thread's objects under the GIL, removes it from the registry,
/// and drops the GIL. `finalize_interp` also frees the interpreter's objects (the
/// last thread of a closing interpreter).
pub fn finalize_thread_state(mut vm: Vm, finalize_interp: bool) {
    let interp = vm.interp.clone();
    let thread = vm.thread_id;
    let native_id = current_native_id();
    if finalize_interp {
        vm.finalize_modules();
        vm.ctx.clear();
        crate::vm::finalize::discard_pending();
    }
    drop(vm);
    if finalize_interp {
        let held = GilHeld::assert_held(interp.id);
        let ctx = interp.ctx.replace(&held, None);
        drop(ctx);
    }
    {
        let mut reg = interp.registry.lock();
        if let Some(key) = reg
            .threads
            .iter()
            .find(|(_, t)| t.id == thread)
            .map(|(k, _)| k)
        {
            reg.threads.remove(key);
        }
    }
    interp.registry_changed.notify_all();
    // the threads left may now all be blocked for good (say, on a lock this
    // thread never released)
    super::deadlock::check_after_exit(&interp);
    tracing::debug!(target: "atoll::thread", interp = interp.id, thread, native_id, step = 5u8, "finalize thread state");
    interp.gil.release(thread);
}

/// Step 6: the OS thread is about to exit.
pub fn exit_os_thread(interp: &InterpShared, thread: u64) {
    tracing::debug!(target: "atoll::thread", interp = interp.id, thread, native_id = current_native_id(), step = 6u8, "exit os thread");
}

/// Runs `f` with a VM of a fresh host thread state in `interp` (steps 1, 3, 4, 5).
pub fn with_vm<R>(interp: &Arc<InterpShared>, name: &str, f: impl FnOnce(&mut Vm) -> R) -> R {
    let thread = create_thread_state(interp, name, false, ThreadKind::Host);
    let (ident, native_id) = bind_os_thread(interp, thread);
    let mut vm = start_eval_loop(interp, thread, ident, native_id);
    let r = f(&mut vm);
    finalize_thread_state(vm, false);
    r
}
