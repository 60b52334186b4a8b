//! # atoll
//!
//! Many isolated Python-dialect interpreters in one process, each with its own GIL.
//! This crate re-exports the public API of `atoll-runtime` and `atoll-channels`.
//!
//! ```
//! let rt = atoll::Runtime::new();
//! let a = rt.create_interpreter(atoll::InterpreterConfig::default()).unwrap();
//! a.exec("print('hello from', 'interpreter')").unwrap();
//! a.close().unwrap();
//! ```

pub use atoll_channels as channels;
pub use atoll_runtime as runtime;
pub use atoll_runtime::{
    Error, GilStats, Interpreter, InterpreterConfig, PyException, Queue, Runtime, Shareable,
    SpawnHandle, UnboundPolicy, Whence,
};
