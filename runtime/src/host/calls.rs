//! Host calls that move data in and out of an interpreter: binding shareable
//! values in `__main__`, calling a function of `__main__` with shareable
//! arguments, and running code on a new thread of the interpreter.

use std::sync::Arc;

use atoll_channels::Shareable;

use crate::interp::ThreadKind;
use crate::sync::{Condvar, Mutex};
use crate::threads::{
    bind_os_thread, create_os_thread, create_thread_state, exit_os_thread, finalize_thread_state,
    start_eval_loop, with_vm,
};
use crate::vm::{Args, Vm};

use super::error::Error;
use super::interpreter::{Interpreter, to_exception};

/// A thread started by [`Interpreter::spawn`]; [`join`](SpawnHandle::join)
/// waits for it and returns what its code did.
///
/// ```
/// use atoll_runtime::{InterpreterConfig, Runtime};
///
/// let rt = Runtime::new();
/// let interp = rt.create_interpreter(InterpreterConfig::default()).unwrap();
/// let t = interp.spawn("total = sum(range(10))").unwrap();
/// t.join().unwrap();
/// interp.close().unwrap();
/// ```
#[derive(Debug)]
pub struct SpawnHandle {
    result: Outcome,
    thread: Option<std::thread::JoinHandle<()>>,
}

/// Where a spawned thread leaves its result, and the signal that it did.
type Outcome = Arc<(Mutex<Option<Result<(), Error>>>, Condvar)>;

impl SpawnHandle {
    /// Waits for the thread's code to finish; its uncaught exception, if any,
    /// as [`Error::Python`].
    pub fn join(mut self) -> Result<(), Error> {
        let r = {
            let (lock, cv) = &*self.result;
            let mut g = lock.lock();
            while g.is_none() {
                cv.wait(&mut g);
            }
            g.take().unwrap_or(Ok(()))
        };
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
        r
    }

    /// Whether the thread's code has finished.
    pub fn is_finished(&self) -> bool {
        self.result.0.lock().is_some()
    }
}

impl Interpreter {
    /// Binds each `(name, value)` in the interpreter's `__main__` (fresh
    /// objects built from the data, as `Interpreter.prepare_main()` does).
    ///
    /// ```
    /// use atoll_runtime::{InterpreterConfig, Runtime};
    /// use atoll_channels::Shareable;
    ///
    /// let rt = Runtime::new();
    /// let interp = rt.create_interpreter(InterpreterConfig::default()).unwrap();
    /// interp.prepare_main(&[("n", Shareable::from(20)), ("name", "x".into())]).unwrap();
    /// interp.exec("assert n == 20 and name == 'x'").unwrap();
    /// interp.close().unwrap();
    /// ```
    pub fn prepare_main(&self, items: &[(&str, Shareable)]) -> Result<(), Error> {
        self.enter()?;
        let items: Vec<(String, Shareable)> = items
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect();
        let r = with_vm(&self.shared, "MainThread", move |vm| {
            let main = vm.ctx.main.dict.clone();
            for (k, v) in items {
                match crate::stdlib::from_shareable(vm, v) {
                    Ok(v) => main.set_str(&k, v),
                    Err(e) => return Err(to_exception(vm, &e)),
                }
            }
            Ok(())
        });
        self.leave();
        r.map_err(Error::Python)
    }

    /// Calls the function `func_name` of `__main__` with `args` and returns its
    /// result as data. An exception it raises is [`Error::Python`]; a result
    /// that cannot cross is [`Error::NotShareable`].
    ///
    /// ```
    /// use atoll_runtime::{InterpreterConfig, Runtime};
    /// use atoll_channels::Shareable;
    ///
    /// let rt = Runtime::new();
    /// let interp = rt.create_interpreter(InterpreterConfig::default()).unwrap();
    /// interp.exec("def add(a, b):\n    return a + b").unwrap();
    /// let r = interp.call("add", &[Shareable::from(2), Shareable::from(40)]).unwrap();
    /// assert_eq!(r, Shareable::from(42));
    /// interp.close().unwrap();
    /// ```
    pub fn call(&self, func_name: &str, args: &[Shareable]) -> Result<Shareable, Error> {
        self.enter()?;
        let name = func_name.to_owned();
        let args = args.to_vec();
        let r = with_vm(&self.shared, "MainThread", move |vm| {
            call_main(vm, &name, args)
        });
        self.leave();
        r
    }

    /// Runs `source` in `__main__` on a new thread of the interpreter (all six
    /// lifecycle steps, like a `threading.Thread`; `close()` waits for it).
    pub fn spawn(&self, source: &str) -> Result<SpawnHandle, Error> {
        let shared = self.shared.clone();
        {
            let reg = shared.registry.lock();
            if reg.closing || reg.closed {
                return Err(Error::Closed { id: shared.id });
            }
        }
        let thread = create_thread_state(&shared, "atoll-spawn", false, ThreadKind::Spawned);
        let result: Outcome = Arc::new((Mutex::new(None), Condvar::new()));
        let (result2, shared2, source) = (result.clone(), shared.clone(), source.to_owned());
        let spawned = create_os_thread(&shared, thread, "atoll-spawn", move || {
            let (ident, native_id) = bind_os_thread(&shared2, thread);
            let mut vm = start_eval_loop(&shared2, thread, ident, native_id);
            let r = vm
                .run_main_source(&source, "<string>")
                .map_err(|e| Error::Python(to_exception(&mut vm, &e)));
            finalize_thread_state(vm, false);
            {
                *result2.0.lock() = Some(r);
                result2.1.notify_all();
            }
            exit_os_thread(&shared2, thread);
        });
        match spawned {
            Ok(h) => Ok(SpawnHandle {
                result,
                thread: Some(h),
            }),
            Err(e) => {
                let mut reg = shared.registry.lock();
                if let Some(k) = reg
                    .threads
                    .iter()
                    .find(|(_, t)| t.id == thread)
                    .map(|(k, _)| k)
                {
                    reg.threads.remove(k);
                }
                drop(reg);
                shared.registry_changed.notify_all();
                Err(Error::Io {
                    path: "<thread>".into(),
                    message: e.to_string(),
                })
            }
        }
    }
}

fn call_main(vm: &mut Vm, name: &str, args: Vec<Shareable>) -> Result<Shareable, Error> {
    let func = match vm.ctx.main.dict.get_str(name) {
        Some(f) => f,
        None => {
            let e = vm.name_error(format!("name '{name}' is not defined"));
            return Err(Error::Python(to_exception(vm, &e)));
        }
    };
    let mut values = Vec::with_capacity(args.len());
    for a in args {
        match crate::stdlib::from_shareable(vm, a) {
            Ok(v) => values.push(v),
            Err(e) => return Err(Error::Python(to_exception(vm, &e))),
        }
    }
    match vm.call(&func, Args::new(&values)) {
        Ok(v) => crate::stdlib::to_shareable(vm, &v).map_err(|why| Error::NotShareable {
            message: why.message(),
        }),
        Err(e) => Err(Error::Python(to_exception(vm, &e))),
    }
}
