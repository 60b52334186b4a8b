//! The Rust embedding API: [`Interpreter`] handles, typed [`Error`]s.

mod error;
mod interpreter;

pub use error::{Error, PyException};
pub use interpreter::Interpreter;
pub(crate) use interpreter::close_shared;
