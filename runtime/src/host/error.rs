//! Errors of the host API.

/// An uncaught Python exception, as data (no object crosses out of the interpreter).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PyException {
    /// The exception class name, e.g. `ValueError`.
    pub type_name: String,
    /// `str(exc)`.
    pub message: String,
    /// The whole text CPython would print: traceback and `Type: message`.
    pub traceback: String,
    /// For `SystemExit`: the exit status it asks for.
    pub exit_code: Option<i32>,
}

impl std::fmt::Display for PyException {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.message.is_empty() {
            write!(f, "{}", self.type_name)
        } else {
            write!(f, "{}: {}", self.type_name, self.message)
        }
    }
}

/// What can go wrong using an interpreter from Rust.
///
/// ```
/// use atoll_runtime::{Runtime, InterpreterConfig, Error};
/// let rt = Runtime::new();
/// let i = rt.create_interpreter(InterpreterConfig::default()).unwrap();
/// match i.exec("1 / 0") {
///     Err(Error::Python(e)) => assert_eq!(e.type_name, "ZeroDivisionError"),
///     other => panic!("{other:?}"),
/// }
/// i.close().unwrap();
/// assert!(matches!(i.exec("pass"), Err(Error::Closed { .. })));
/// ```
#[derive(Clone, Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The code raised an exception that nothing caught.
    #[error("{0}")]
    Python(PyException),
    /// The interpreter was closed.
    #[error("interpreter {id} is closed")]
    Closed { id: u64 },
    /// `close()` while code runs in the interpreter.
    #[error("interpreter {id} is running code")]
    Running { id: u64 },
    /// No interpreter with that id.
    #[error("no interpreter with id {id}")]
    NotFound { id: u64 },
    /// A value could not cross between interpreters (e.g. a call's result).
    #[error("not shareable: {message}")]
    NotShareable { message: String },
    /// Reading a script failed.
    #[error("can't open file '{path}': {message}")]
    Io { path: String, message: String },
}
