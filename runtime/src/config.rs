//! Interpreter configuration.

use std::time::Duration;

/// How an interpreter is set up. Isolated by default (own GIL, threads allowed).
///
/// ```
/// use atoll_runtime::InterpreterConfig;
/// let cfg = InterpreterConfig { allow_daemon_threads: false, ..Default::default() };
/// assert!(cfg.allow_threads);
/// ```
#[derive(Clone, Debug)]
pub struct InterpreterConfig {
    /// Whether scripts may start threads at all.
    pub allow_threads: bool,
    /// Whether scripts may start daemon threads.
    pub allow_daemon_threads: bool,
    /// The GIL switch interval (`sys.getswitchinterval()`), 5 ms by default.
    pub switch_interval: Duration,
    /// Maximum Python call depth before `RecursionError` (`sys.getrecursionlimit()`).
    pub recursion_limit: usize,
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// Extra directories searched by `import` (`sys.path`), after the script's.
    pub path: Vec<String>,
    /// Whether a deadlock of the interpreter's threads (every thread blocked for
    /// good on the interpreter's own locks, conditions, joins or queues) raises
    /// `DeadlockError` in its main thread instead of hanging. On by default.
    pub detect_deadlocks: bool,
}

impl Default for InterpreterConfig {
    fn default() -> Self {
        InterpreterConfig {
            allow_threads: true,
            allow_daemon_threads: true,
            switch_interval: Duration::from_millis(5),
            recursion_limit: 1000,
            argv: vec![String::new()],
            path: vec![],
            detect_deadlocks: true,
        }
    }
}
