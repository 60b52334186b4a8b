//! [`Runtime`]: the process-wide registry of interpreters (CPython's `_PyRuntime`).

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::config::InterpreterConfig;
use crate::host::{Error, Interpreter};
use crate::interp::InterpShared;
use crate::sync::Mutex;

static NEXT_INTERP_ID: AtomicU64 = AtomicU64::new(0);

/// Hosts interpreters. Ids are never reused within the process. Dropping the runtime
/// closes every interpreter it still has (joining their non-daemon threads first).
///
/// ```
/// use atoll_runtime::{Runtime, InterpreterConfig};
/// let rt = Runtime::new();
/// let a = rt.create_interpreter(InterpreterConfig::default()).unwrap();
/// let b = rt.create_interpreter(InterpreterConfig::default()).unwrap();
/// assert_ne!(a.id(), b.id());
/// a.exec("x = 6 * 7").unwrap();
/// assert_eq!(rt.len(), 2);
/// a.close().unwrap();
/// assert_eq!(rt.len(), 1);
/// ```
#[derive(Clone, Default)]
pub struct Runtime {
    inner: Arc<RuntimeInner>,
}

#[derive(Default)]
pub(crate) struct RuntimeInner {
    pub(crate) interps: Mutex<BTreeMap<u64, Arc<InterpShared>>>,
    /// Where each open interpreter came from; the first one created is the main.
    pub(crate) whence: Mutex<BTreeMap<u64, Whence>>,
}

/// Where an interpreter came from: PEP 734's `Interpreter.whence`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Whence {
    /// The runtime's first interpreter, its main (`'runtime init'`).
    Runtime,
    /// Created by a Rust host through [`Runtime::create_interpreter`] (`'C-API'`).
    Capi,
    /// Created by a script with `concurrent.interpreters.create()`
    /// (`'_interpreters module'`).
    Stdlib,
}

impl Whence {
    /// The number CPython's `_interpreters` module uses (`WHENCE_*`).
    pub fn code(self) -> i64 {
        match self {
            Whence::Runtime => 1,
            Whence::Capi => 3,
            Whence::Stdlib => 5,
        }
    }
}

impl Runtime {
    /// A runtime with no interpreters.
    pub fn new() -> Runtime {
        Runtime::default()
    }

    /// Creates an interpreter with its own GIL, registry and modules. The first
    /// one a runtime creates is its main interpreter
    /// (`concurrent.interpreters.get_main()`).
    pub fn create_interpreter(&self, config: InterpreterConfig) -> Result<Interpreter, Error> {
        self.create_with_whence(config, Whence::Capi)
    }

    /// Creates an interpreter, recording where it came from.
    pub(crate) fn create_with_whence(
        &self,
        config: InterpreterConfig,
        whence: Whence,
    ) -> Result<Interpreter, Error> {
        let id = NEXT_INTERP_ID.fetch_add(1, Ordering::Relaxed);
        let shared = Arc::new(InterpShared::new(id, config));
        let _ = shared.runtime.set(Arc::downgrade(&self.inner));
        {
            let mut w = self.inner.whence.lock();
            let whence = if w.is_empty() && self.inner.interps.lock().is_empty() {
                Whence::Runtime
            } else {
                whence
            };
            w.insert(id, whence);
        }
        self.inner.interps.lock().insert(id, shared.clone());
        tracing::debug!(target: "atoll::interp", interp = id, "create interpreter");
        Ok(Interpreter::from_parts(shared, Arc::downgrade(&self.inner)))
    }

    /// The runtime an interpreter belongs to, while it is alive.
    pub(crate) fn of(shared: &InterpShared) -> Option<Runtime> {
        let inner = shared.runtime.get()?.upgrade()?;
        Some(Runtime { inner })
    }

    /// A thread dump of every interpreter, as `faulthandler` prints one: for each
    /// thread a header line (interpreter id, thread name, what it does) and its
    /// Python stack, most recent call first. Blocked threads show the stack they
    /// blocked with; running threads are asked to record theirs at their next
    /// eval-breaker check, and those that don't within
    /// [`crate::threads::dump::ANSWER_TIMEOUT`] are shown as "running, stack not
    /// available". Nobody is stopped. The `atoll` CLI prints it on SIGQUIT.
    pub fn dump_threads(&self) -> String {
        let interps: Vec<Arc<InterpShared>> = self.inner.interps.lock().values().cloned().collect();
        crate::threads::dump::dump_interpreters(&interps)
    }

    /// The main interpreter's id: the first interpreter this runtime created,
    /// while it is open.
    pub fn main_id(&self) -> Option<u64> {
        self.inner
            .whence
            .lock()
            .iter()
            .find(|(_, w)| **w == Whence::Runtime)
            .map(|(id, _)| *id)
    }

    /// Where the open interpreter `id` came from.
    pub fn whence(&self, id: u64) -> Option<Whence> {
        self.inner.whence.lock().get(&id).copied()
    }

    /// The interpreter with this id, if it is open.
    pub fn get(&self, id: u64) -> Option<Interpreter> {
        let s = self.inner.interps.lock().get(&id).cloned()?;
        Some(Interpreter::from_parts(s, Arc::downgrade(&self.inner)))
    }

    /// Every open interpreter, by id.
    pub fn interpreters(&self) -> Vec<Interpreter> {
        let all: Vec<_> = self.inner.interps.lock().values().cloned().collect();
        all.into_iter()
            .map(|s| Interpreter::from_parts(s, Arc::downgrade(&self.inner)))
            .collect()
    }

    /// Number of open interpreters.
    pub fn len(&self) -> usize {
        self.inner.interps.lock().len()
    }

    /// Whether no interpreter is open.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Drop for RuntimeInner {
    fn drop(&mut self) {
        let all: Vec<_> = std::mem::take(&mut *self.interps.lock())
            .into_values()
            .collect();
        for s in all {
            let _ = crate::host::close_shared(&s);
        }
    }
}
