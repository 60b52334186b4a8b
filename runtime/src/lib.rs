//! # atoll-runtime
//!
//! The runtime of atoll: many isolated interpreters of a Python dialect in one
//! process, each with its own GIL and its own registry of thread states.
//!
//! ```
//! use atoll_runtime::{Runtime, InterpreterConfig};
//!
//! let rt = Runtime::new();
//! let interp = rt.create_interpreter(InterpreterConfig::default()).unwrap();
//! interp.exec("total = sum(i * i for i in range(10))\nassert total == 285").unwrap();
//! interp.close().unwrap();
//! ```

pub mod bytecode;
pub mod compiler;
pub mod config;
pub mod gil;
pub mod host;
pub mod interp;
pub mod object;
pub mod runtime;
pub mod stdlib;
pub mod sync;
pub mod syntax;
pub mod threads;
pub mod vm;

pub use atoll_channels::{Queue, Shareable, UnboundPolicy};
pub use compiler::{compile, compile_interactive};
pub use config::InterpreterConfig;
pub use gil::GilStats;
pub use host::{Error, Interpreter, PyException, SpawnHandle};
pub use runtime::Runtime;
pub use runtime::Whence;
