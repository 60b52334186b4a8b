//! [`Interpreter`]: a `Send + Sync` handle to one interpreter, usable from any host
//! thread.

use std::path::Path;
use std::sync::{Arc, Weak};
use std::time::Duration;

use crate::gil::GilStats;
use crate::interp::{InterpShared, ThreadKind};
use crate::runtime::RuntimeInner;
use crate::threads::with_vm;
use crate::vm::{PyErr, Vm};

use super::error::{Error, PyException};

/// A handle to an interpreter. Cloning it makes another handle to the same one.
///
/// ```
/// use atoll_runtime::{Runtime, InterpreterConfig};
/// let rt = Runtime::new();
/// let interp = rt.create_interpreter(InterpreterConfig::default()).unwrap();
/// interp.exec("import threading\nt = threading.Thread(target=print, args=('hi',))\nt.start()\nt.join()").unwrap();
/// interp.close().unwrap();
/// ```
#[derive(Clone)]
pub struct Interpreter {
    pub(crate) shared: Arc<InterpShared>,
    runtime: Weak<RuntimeInner>,
}

impl std::fmt::Debug for Interpreter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Interpreter")
            .field("id", &self.shared.id)
            .finish()
    }
}

impl Interpreter {
    pub(crate) fn from_parts(
        shared: Arc<InterpShared>,
        runtime: Weak<RuntimeInner>,
    ) -> Interpreter {
        Interpreter { shared, runtime }
    }

    /// The interpreter's id (never reused in the process).
    pub fn id(&self) -> u64 {
        self.shared.id
    }

    /// Number of live thread states in its registry.
    pub fn thread_count(&self) -> usize {
        self.shared.thread_count()
    }

    /// A snapshot of its thread-state registry: each thread's ids, name, kind, and
    /// what it is blocked on right now (`ThreadEntry::waiting`), for thread dumps
    /// and deadlock detection.
    pub fn threads(&self) -> Vec<crate::interp::ThreadEntry> {
        self.shared.threads()
    }

    /// Counters of its GIL.
    pub fn gil_stats(&self) -> GilStats {
        self.shared.gil.stats()
    }

    /// Asks its main thread to raise `KeyboardInterrupt`, as SIGINT does in
    /// CPython: at its next eval-breaker check, or at once if it is blocked in a
    /// wait (sleep, lock, join, queue, condition). The `atoll` CLI calls it on
    /// SIGINT.
    pub fn interrupt_main(&self) {
        crate::threads::interrupt_main(&self.shared);
    }

    /// Whether code is running in it from a host thread.
    pub fn is_running(&self) -> bool {
        self.shared.registry.lock().running > 0
    }

    /// Runs `source` in its `__main__` on the calling thread.
    pub fn exec(&self, source: &str) -> Result<(), Error> {
        self.exec_named(source, "<string>")
    }

    /// Runs `source` as if read from file `filename` (for tracebacks).
    pub fn exec_named(&self, source: &str, filename: &str) -> Result<(), Error> {
        self.enter()?;
        let source = source.to_owned();
        let filename = filename.to_owned();
        let r = with_vm(&self.shared, "MainThread", |vm| {
            vm.run_main_source(&source, &filename)
                .map_err(|e| to_exception(vm, &e))
        });
        self.leave();
        r.map_err(Error::Python)
    }

    /// Runs one entry of an interactive session in `__main__`, as CPython's
    /// `'single'` mode does: the value of each top-level expression statement
    /// that is not `None` is printed with `repr()` and bound to `builtins._`.
    ///
    /// ```
    /// use atoll_runtime::{InterpreterConfig, Runtime};
    ///
    /// let rt = Runtime::new();
    /// let interp = rt.create_interpreter(InterpreterConfig::default()).unwrap();
    /// interp.exec_interactive("x = 6 * 7").unwrap();
    /// interp.exec_interactive("x").unwrap(); // prints 42 on stdout
    /// interp.close().unwrap();
    /// ```
    pub fn exec_interactive(&self, source: &str) -> Result<(), Error> {
        self.enter()?;
        let source = source.to_owned();
        let r = with_vm(&self.shared, "MainThread", |vm| {
            vm.run_interactive(&source, "<stdin>")
                .map_err(|e| to_exception(vm, &e))
        });
        self.leave();
        r.map_err(Error::Python)
    }

    /// Runs a script file as `__main__` (its directory goes first on `sys.path`).
    pub fn exec_file(&self, path: impl AsRef<Path>) -> Result<(), Error> {
        let path = path.as_ref();
        let source = std::fs::read_to_string(path).map_err(|e| Error::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        self.exec_named(&source, &path.display().to_string())
    }

    pub(crate) fn enter(&self) -> Result<(), Error> {
        let mut reg = self.shared.registry.lock();
        if reg.closing || reg.closed {
            return Err(Error::Closed { id: self.shared.id });
        }
        reg.running += 1;
        Ok(())
    }

    pub(crate) fn leave(&self) {
        let mut reg = self.shared.registry.lock();
        reg.running -= 1;
        drop(reg);
        self.shared.registry_changed.notify_all();
    }

    /// Closes it: waits for its non-daemon threads, stops daemon threads, frees what
    /// it owns. A typed error if it is closed already or code is running in it.
    pub fn close(&self) -> Result<(), Error> {
        close_shared(&self.shared)?;
        if let Some(rt) = self.runtime.upgrade() {
            rt.interps.lock().remove(&self.shared.id);
            rt.whence.lock().remove(&self.shared.id);
        }
        Ok(())
    }
}

/// Closes an interpreter (see [`Interpreter::close`]).
pub(crate) fn close_shared(s: &Arc<InterpShared>) -> Result<(), Error> {
    {
        let mut reg = s.registry.lock();
        if reg.closed || reg.closing {
            return Err(Error::Closed { id: s.id });
        }
        if reg.running > 0 {
            return Err(Error::Running { id: s.id });
        }
        reg.closing = true;
    }
    // as Py_FinalizeEx: threading._shutdown() (atexit hooks, join non-daemon threads)
    if crate::threads::run_threading_shutdown(s) {
        // the threads it joined are deadlocked, or the join was interrupted:
        // stop them instead of waiting
        crate::threads::abandon_threads(s);
    } else {
        crate::threads::wait_for_non_daemon_threads(s);
    }
    // stop daemon threads at their next eval-breaker check or wait
    let all_stopped = crate::threads::stop_daemon_threads(s, Duration::from_secs(10));
    if all_stopped {
        // free the interpreter's objects under its GIL
        let id = crate::threads::create_thread_state(s, "finalizer", false, ThreadKind::Host);
        let (ident, native) = crate::threads::bind_os_thread(s, id);
        let vm = crate::threads::start_eval_loop(s, id, ident, native);
        crate::threads::finalize_thread_state(vm, true);
        let handles: Vec<_> = std::mem::take(&mut *s.os_threads.lock());
        for h in handles {
            let _ = h.join();
        }
    }
    s.registry.lock().closed = true;
    tracing::debug!(target: "atoll::interp", interp = s.id, "close interpreter");
    Ok(())
}

/// Turns an uncaught exception into host data.
pub(crate) fn to_exception(vm: &mut Vm, e: &PyErr) -> PyException {
    let traceback = crate::vm::format_exception(vm, e);
    let type_name = e.class.name().to_owned();
    let message = vm
        .str_of(&crate::object::Value::Instance(e.clone()))
        .unwrap_or_default();
    let exit_code = if e.class.is_subtype(&vm.ctx.types.system_exit.clone()) {
        let args = e.exc.as_ref().map(|x| x.args.borrow().clone());
        Some(match args {
            Some(crate::object::Value::Tuple(t)) if !t.0.is_empty() => match &t.0[0] {
                crate::object::Value::Int(n) => *n as i32,
                crate::object::Value::None => 0,
                crate::object::Value::BoolW(b) => b.get() as i32,
                _ => 1,
            },
            _ => 0,
        })
    } else {
        None
    };
    PyException {
        type_name,
        message,
        traceback,
        exit_code,
    }
}
