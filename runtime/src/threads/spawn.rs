//! Starting a thread of an interpreter from a script (`threading.Thread.start`).

use std::sync::Arc;

use crate::interp::ThreadKind;
use crate::object::Value;
use crate::sync::{Condvar, GilHeld, Mutex, SendBox};
use crate::vm::{Args, PyResult, Vm};

use super::lifecycle::{
    bind_os_thread, create_os_thread, create_thread_state, exit_os_thread, finalize_thread_state,
    start_eval_loop,
};

/// A started thread, as the script sees it through `_thread`: ids and a join.
pub struct ThreadHandle {
    pub thread: u64,
    pub ident: u64,
    pub native_id: u64,
    done: Arc<(Mutex<bool>, Condvar)>,
}

impl ThreadHandle {
    /// Whether the thread has finished (its state left the registry).
    pub fn is_done(&self) -> bool {
        *self.done.0.lock()
    }

    /// Waits for the thread to finish (GIL released), at most `timeout`.
    /// Returns whether it finished.
    pub fn join(&self, vm: &mut Vm, timeout: Option<std::time::Duration>) -> bool {
        let done = self.done.clone();
        vm.allow_threads(move || {
            let mut g = done.0.lock();
            match timeout {
                None => {
                    while !*g {
                        done.1.wait(&mut g);
                    }
                    true
                }
                Some(t) => {
                    let deadline = std::time::Instant::now() + t;
                    while !*g {
                        if done.1.wait_until(&mut g, deadline).timed_out() {
                            break;
                        }
                    }
                    *g
                }
            }
        })
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
    if interp.registry.lock().closing {
        return Err(vm.runtime_error("can't create new thread at interpreter shutdown"));
    }
    let thread = create_thread_state(&interp, name, daemon, ThreadKind::Spawned);
    let held = GilHeld::assert_held(interp.id);
    let target = SendBox::new(&held, func);
    let done = Arc::new((Mutex::new(false), Condvar::new()));
    let bound = Arc::new((Mutex::new(None::<(u64, u64)>), Condvar::new()));
    let (done2, bound2, interp2) = (done.clone(), bound.clone(), interp.clone());
    let spawned = create_os_thread(&interp, thread, name, move || {
        let (ident, native_id) = bind_os_thread(&interp2, thread);
        {
            *bound2.0.lock() = Some((ident, native_id));
            bound2.1.notify_all();
        }
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
        {
            *done2.0.lock() = true;
            done2.1.notify_all();
        }
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
    let (ident, native_id) = vm.allow_threads(|| {
        let mut g = bound.0.lock();
        while g.is_none() {
            bound.1.wait(&mut g);
        }
        g.unwrap_or((0, 0))
    });
    Ok(ThreadHandle {
        thread,
        ident,
        native_id,
        done,
    })
}
