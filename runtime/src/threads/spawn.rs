//! Starting a thread of an interpreter from a script (`threading.Thread.start`).

use std::sync::Arc;

use crate::interp::ThreadKind;
use crate::object::Value;
use crate::sync::{AtomicU64, GilHeld, Mutex, Ordering, SendBox};
use crate::vm::{Args, PyResult, Vm};

use super::wait::{Signal, WaitKind, WaitTarget, block};

use super::lifecycle::{
    bind_os_thread, create_os_thread, create_thread_state, exit_os_thread, finalize_thread_state,
    start_eval_loop,
};

/// The "thread finished" signal of a started thread; what `join` waits on.
pub struct ThreadDone {
    signal: Signal,
    ident: AtomicU64,
}

impl WaitTarget for ThreadDone {
    fn owner(&self) -> Option<u64> {
        let i = self.ident.load(Ordering::Relaxed);
        (i != 0 && !self.signal.is_set()).then_some(i)
    }

    fn stuck(&self) -> bool {
        !self.signal.is_set()
    }

    fn wake_all(&self) {
        self.signal.wake_all();
    }
}

/// A started thread, as the script sees it through `_thread`: ids and a join.
pub struct ThreadHandle {
    pub thread: u64,
    pub ident: u64,
    pub native_id: u64,
    done: Arc<ThreadDone>,
}

impl ThreadHandle {
    /// Whether the thread has finished (its state left the registry).
    pub fn is_done(&self) -> bool {
        self.done.signal.is_set()
    }

    /// Waits for the thread to finish (GIL released), at most `timeout`. `object` is
    /// the `id()` of the Python object joined (for the wait record). Returns whether
    /// it finished.
    pub fn join(
        &self,
        vm: &mut Vm,
        object: u64,
        timeout: Option<std::time::Duration>,
    ) -> PyResult<bool> {
        if self.is_done() {
            return Ok(true);
        }
        if timeout == Some(std::time::Duration::ZERO) {
            return Ok(false);
        }
        let done = self.done.clone();
        let r = block(
            vm,
            WaitKind::Join,
            object,
            timeout,
            self.done.clone(),
            move |deadline, stop| done.signal.wait(deadline, stop).then_some(()),
        )?;
        Ok(r.is_some())
    }
}

/// Starts `func()` in a new thread of the VM's interpreter: steps 1 and 2 here, 3–6
/// on the new thread. Returns once the new thread is bound (step 3), as CPython's
/// `start()` waits for `_started`.
pub fn spawn_thread(vm: &mut Vm, func: Value, name: &str, daemon: bool) -> PyResult<ThreadHandle> {
    let interp = vm.interp.clone();
    if !interp.config.allow_threads {
        return Err(vm.runtime_error("thread is not supported for isolated subinterpreters"));
    }
    if daemon && !interp.config.allow_daemon_threads {
        return Err(vm.runtime_error("daemon threads are disabled in this (sub)interpreter"));
    }
    // As in CPython 3.11, threads may still start while `threading._shutdown`
    // joins the others (pool workers, timers); not once daemon threads are stopped.
    if interp.stopping.load(crate::sync::Ordering::Acquire) || interp.registry.lock().closed {
        return Err(vm.runtime_error("can't create new thread at interpreter shutdown"));
    }
    let thread = create_thread_state(&interp, name, daemon, ThreadKind::Spawned);
    let held = GilHeld::assert_held(interp.id);
    let target = SendBox::new(&held, func);
    let done = Arc::new(ThreadDone {
        signal: Signal::new(),
        ident: AtomicU64::new(0),
    });
    let bound = Arc::new(Signal::new());
    let ids = Arc::new(Mutex::new((0u64, 0u64)));
    let (done2, bound2, ids2, interp2) = (done.clone(), bound.clone(), ids.clone(), interp.clone());
    let spawned = create_os_thread(&interp, thread, name, move || {
        let (ident, native_id) = bind_os_thread(&interp2, thread);
        done2.ident.store(ident, Ordering::Relaxed);
        *ids2.lock() = (ident, native_id);
        bound2.set();
        let mut vm = start_eval_loop(&interp2, thread, ident, native_id);
        let held = GilHeld::assert_held(interp2.id);
        let func = target.into_inner(&held);
        if let Err(e) = vm.call(&func, Args::new(&[])) {
            // _bootstrap handles exceptions itself; this is a last resort.
            if !vm.killed {
                let text = crate::vm::format_exception(&mut vm, &e);
                eprint!("Exception in thread:\n{text}");
            }
        }
        drop(func);
        finalize_thread_state(vm, false);
        done2.signal.set();
        exit_os_thread(&interp2, thread);
    });
    let handle = match spawned {
        Ok(h) => h,
        Err(e) => {
            let mut reg = interp.registry.lock();
            if let Some(k) = reg
                .threads
                .iter()
                .find(|(_, t)| t.id == thread)
                .map(|(k, _)| k)
            {
                reg.threads.remove(k);
            }
            drop(reg);
            return Err(vm.runtime_error(format!("can't start new thread: {e}")));
        }
    };
    {
        let mut os = interp.os_threads.lock();
        os.retain(|h| !h.is_finished());
        os.push(handle);
    }
    if !bound.is_set() {
        let b = bound.clone();
        block(vm, WaitKind::Start, 0, None, bound.clone(), move |_, _| {
            // waits for the binding even while the interpreter stops: it is quick
            b.wait(None, &super::wait::StopFlag::never()).then_some(())
        })?;
    }
    let (ident, native_id) = *ids.lock();
    Ok(ThreadHandle {
        thread,
        ident,
        native_id,
        done,
    })
}
