//! Interpreters: the thread-safe shared part ([`InterpShared`]: id, config, GIL,
//! thread-state registry) and the GIL-guarded object part ([`InterpCtx`]: built-in
//! classes, builtins, `sys.modules`, `__main__`).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use slab::Slab;

use crate::config::InterpreterConfig;
use crate::gil::{EvalBreaker, Gil};
use crate::object::{Module, PyDict, PyStr, Types, Value};
use crate::sync::{AtomicBool, AtomicU64, AtomicUsize, Condvar, GilCell, Mutex, Ordering};
use crate::threads::WaitRecord;

/// What kind of OS thread a thread state runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThreadKind {
    /// A host thread running code through the host API (`exec`), or the CLI's main.
    Host,
    /// A thread started by the interpreter (`threading.Thread`).
    Spawned,
}

/// One entry of an interpreter's thread-state registry.
#[derive(Clone, Debug)]
pub struct ThreadEntry {
    /// Unique in the process; the GIL holder id and the tracing `thread` field.
    pub id: u64,
    /// `threading.get_ident()` (0 until bound).
    pub ident: u64,
    /// The OS thread id (0 until bound).
    pub native_id: u64,
    pub name: String,
    pub daemon: bool,
    pub kind: ThreadKind,
    /// Set for the main thread of the interpreter (the first host thread running
    /// `__main__`), for `threading.main_thread()`.
    pub main: bool,
    /// What the thread is blocked on right now, if anything (see
    /// [`crate::threads::block`]).
    pub waiting: Option<WaitRecord>,
}

/// The registry of thread states plus interpreter status, behind one mutex.
#[derive(Default)]
pub struct Registry {
    pub threads: Slab<ThreadEntry>,
    /// Host calls (`exec`) in progress.
    pub running: usize,
    /// How many entries wait without a timeout on something only another thread
    /// can end ([`WaitRecord::is_forever`]): when it reaches the number of
    /// entries, the deadlock detector looks closer.
    pub forever: usize,
    /// Set once `close()` started: new work is refused, daemon threads stop.
    pub closing: bool,
    pub closed: bool,
}

/// The parts of an interpreter any thread may touch.
pub struct InterpShared {
    pub id: u64,
    pub config: InterpreterConfig,
    pub breaker: Arc<EvalBreaker>,
    pub gil: Gil,
    pub registry: Mutex<Registry>,
    /// Notified whenever a thread state leaves the registry.
    pub registry_changed: Condvar,
    pub ctx: GilCell<Option<Rc<InterpCtx>>>,
    recursion_limit: AtomicUsize,
    /// Set while finalizing, so daemon threads see they must stop.
    pub stopping: AtomicBool,
    /// Set when closing found the remaining threads deadlocked: they are stopped
    /// like daemon threads instead of being waited for forever.
    pub abandon: AtomicBool,
    /// A `KeyboardInterrupt` is pending for the main thread (SIGINT).
    pub interrupt: AtomicBool,
    /// Thread-state id of the entry marked `main` (0 before the first), so an
    /// eval-breaker check can tell cheaply whether it runs on the main thread.
    pub main_thread: AtomicU64,
    /// The waits of the spawned threads in the last deadlock reported (their
    /// `WaitCtl` addresses), so the same deadlock found again (say, at shutdown,
    /// after the main thread caught `DeadlockError`) is reported briefly.
    pub(crate) last_deadlock: Mutex<Vec<usize>>,
    /// Thread dumps in progress ([`crate::threads::dump`]).
    pub(crate) dump: crate::threads::dump::DumpBoard,
    /// OS threads started by this interpreter, joined when it closes.
    pub os_threads: Mutex<Vec<std::thread::JoinHandle<()>>>,
    /// The runtime whose registry holds this interpreter (set once by
    /// [`crate::Runtime::create_interpreter`]), so that a script can create and
    /// reach other interpreters (`concurrent.interpreters`).
    pub(crate) runtime: std::sync::OnceLock<std::sync::Weak<crate::runtime::RuntimeInner>>,
}

impl InterpShared {
    /// A new interpreter's shared part (its objects are created by the first thread
    /// that takes the GIL, see [`crate::threads`]).
    pub fn new(id: u64, config: InterpreterConfig) -> InterpShared {
        let breaker = Arc::new(EvalBreaker::new());
        let gil = Gil::new(id, breaker.clone());
        gil.set_switch_interval(config.switch_interval);
        InterpShared {
            id,
            recursion_limit: AtomicUsize::new(config.recursion_limit),
            config,
            breaker,
            gil,
            registry: Mutex::new(Registry::default()),
            registry_changed: Condvar::new(),
            ctx: GilCell::new(id, None),
            stopping: AtomicBool::new(false),
            abandon: AtomicBool::new(false),
            interrupt: AtomicBool::new(false),
            main_thread: AtomicU64::new(0),
            last_deadlock: Mutex::new(Vec::new()),
            dump: Default::default(),
            os_threads: Mutex::new(Vec::new()),
            runtime: std::sync::OnceLock::new(),
        }
    }

    /// `sys.getrecursionlimit()`.
    pub fn recursion_limit(&self) -> usize {
        self.recursion_limit.load(Ordering::Relaxed)
    }

    /// `sys.setrecursionlimit(n)`.
    pub fn set_recursion_limit(&self, n: usize) {
        self.recursion_limit.store(n, Ordering::Relaxed)
    }

    /// Whether thread state `thread` must stop now (a daemon thread while the
    /// interpreter finalizes).
    pub fn should_stop(&self, thread: u64) -> bool {
        if !self.stopping.load(Ordering::Acquire) {
            return false;
        }
        let reg = self.registry.lock();
        let abandon = self.abandon.load(Ordering::Acquire);
        reg.threads
            .iter()
            .any(|(_, t)| t.id == thread && (t.daemon || abandon) && t.kind == ThreadKind::Spawned)
    }

    /// Removes thread state `thread` from the registry (for a state that never ran).
    pub fn remove_thread_state(&self, thread: u64) {
        let mut reg = self.registry.lock();
        if let Some(key) = reg
            .threads
            .iter()
            .find(|(_, t)| t.id == thread)
            .map(|(k, _)| k)
        {
            reg.threads.remove(key);
        }
        drop(reg);
        self.registry_changed.notify_all();
    }

    /// Whether thread state `thread` is a daemon thread.
    pub fn is_daemon(&self, thread: u64) -> bool {
        let reg = self.registry.lock();
        reg.threads
            .iter()
            .any(|(_, t)| t.id == thread && t.daemon && t.kind == ThreadKind::Spawned)
    }

    /// Number of live thread states.
    pub fn thread_count(&self) -> usize {
        self.registry.lock().threads.len()
    }

    /// A copy of the registry's entries.
    pub fn threads(&self) -> Vec<ThreadEntry> {
        self.registry
            .lock()
            .threads
            .iter()
            .map(|(_, t)| t.clone())
            .collect()
    }
}

/// A built-in module's constructor.
pub type ModuleInit = fn(&mut crate::vm::Vm) -> crate::vm::PyResult<Rc<Module>>;

/// An interpreter's objects; reachable only with its GIL held.
pub struct InterpCtx {
    pub types: Types,
    pub builtins: Rc<PyDict>,
    /// `sys.modules`
    pub modules: Rc<PyDict>,
    pub main: Rc<Module>,
    /// Lines of source files, for tracebacks.
    linecache: RefCell<HashMap<String, Option<Rc<Vec<String>>>>>,
    /// Native state of built-in modules (by module name).
    pub native: RefCell<HashMap<&'static str, Value>>,
    /// `sys.path`-like search list, shared with `sys.path`.
    pub path: Value,
    /// Interned identifier strings: every code object's names share one `PyStr`
    /// per spelling, so name lookups compare pointers, not bytes.
    interned: RefCell<HashMap<Box<str>, Rc<PyStr>>>,
    /// The one-character strs of the code points below 256, shared as CPython
    /// shares them (indexing and iterating over a str allocate nothing).
    latin1: Box<[Rc<PyStr>]>,
}

impl InterpCtx {
    /// Creates the built-in classes and namespaces (no modules loaded yet).
    pub fn new(config: &InterpreterConfig) -> InterpCtx {
        let types = Types::new();
        let main_dict = Rc::new(PyDict::new());
        main_dict.set_str("__name__", Value::str("__main__"));
        main_dict.set_str("__doc__", Value::None);
        let main = Rc::new(Module {
            name: Rc::new(PyStr::new("__main__")),
            dict: main_dict,
        });
        let modules = Rc::new(PyDict::new());
        modules.set_str("__main__", Value::Module(main.clone()));
        let path = Value::list(config.path.iter().map(|p| Value::str(p)).collect());
        InterpCtx {
            types,
            builtins: Rc::new(PyDict::new()),
            modules,
            main,
            linecache: RefCell::new(HashMap::new()),
            native: RefCell::new(HashMap::new()),
            path,
            interned: RefCell::new(HashMap::new()),
            latin1: (0u8..=255)
                .map(|b| Rc::new(PyStr::from_string(char::from(b).to_string())))
                .collect(),
        }
    }

    /// The str of one character: shared for code points below 256.
    #[inline]
    pub fn char_str(&self, c: char) -> Value {
        match self.latin1.get(c as usize) {
            Some(s) => Value::Str(s.clone()),
            None => {
                let mut buf = [0u8; 4];
                Value::str(c.encode_utf8(&mut buf))
            }
        }
    }

    /// The interpreter's one `PyStr` for the identifier `s`.
    pub fn intern(&self, s: &str) -> Rc<PyStr> {
        if let Some(p) = self.interned.borrow().get(s) {
            return p.clone();
        }
        let p = Rc::new(PyStr::new(s));
        self.interned.borrow_mut().insert(s.into(), p.clone());
        p
    }

    /// Line `line` (1-based) of file `filename`, if readable.
    pub fn source_line(&self, filename: &str, line: u32) -> Option<String> {
        let mut cache = self.linecache.borrow_mut();
        if filename.starts_with('<') {
            // only sources registered with `cache_source` (modules shipped inside atoll)
            let lines = cache.get(filename)?.clone()?;
            return lines.get(line.checked_sub(1)? as usize).cloned();
        }
        let lines = cache
            .entry(filename.to_owned())
            .or_insert_with(|| {
                std::fs::read_to_string(filename)
                    .ok()
                    .map(|s| Rc::new(s.lines().map(str::to_owned).collect()))
            })
            .clone()?;
        lines.get(line.checked_sub(1)? as usize).cloned()
    }

    /// Remembers the source of a file compiled from memory (so tracebacks show it).
    pub fn cache_source(&self, filename: &str, source: &str) {
        self.linecache.borrow_mut().insert(
            filename.to_owned(),
            Some(Rc::new(source.lines().map(str::to_owned).collect())),
        );
    }

    /// Breaks the reference cycles between modules, classes and functions so that
    /// everything the interpreter owns is freed (CPython's finalization clears module
    /// dicts the same way).
    pub fn clear(&self) {
        let mods: Vec<Value> = self
            .modules
            .0
            .borrow()
            .iter()
            .map(|(_, v)| v.clone())
            .collect();
        // Classes defined in modules (and their nested classes) are cleared
        // too: a class whose dict or lookup cache refers back to itself (a
        // singleton instance, a cached method of a subclass) is a cycle that
        // clearing the module dict alone does not break.
        let mut classes: Vec<Rc<crate::object::PyType>> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut todo: Vec<Value> = Vec::new();
        for m in &mods {
            if let Value::Module(m) = m {
                todo.extend(m.dict.0.borrow().iter().map(|(_, v)| v.clone()));
            }
        }
        todo.extend(self.native.borrow().values().cloned());
        while let Some(v) = todo.pop() {
            if let Value::Type(t) = v
                && !t.builtin
                && seen.insert(Rc::as_ptr(&t) as usize)
            {
                todo.extend(t.dict.0.borrow().iter().map(|(_, v)| v.clone()));
                classes.push(t);
            }
        }
        for m in mods {
            if let Value::Module(m) = m {
                let old = std::mem::take(&mut *m.dict.0.borrow_mut());
                drop(old);
            }
        }
        for t in classes {
            let old = std::mem::take(&mut *t.dict.0.borrow_mut());
            drop(old);
            t.lookup_cache.clear();
        }
        let old = std::mem::take(&mut *self.modules.0.borrow_mut());
        drop(old);
        let old = std::mem::take(&mut *self.builtins.0.borrow_mut());
        drop(old);
        let old = std::mem::take(&mut *self.native.borrow_mut());
        drop(old);
        let old = std::mem::take(&mut *self.interned.borrow_mut());
        drop(old);
        for t in self
            .types
            .plain()
            .into_iter()
            .chain(self.types.exceptions())
        {
            let old = std::mem::take(&mut *t.dict.0.borrow_mut());
            drop(old);
            t.lookup_cache.clear();
        }
        crate::object::type_cache::invalidate_all();
    }
}
