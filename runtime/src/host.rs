//! The Rust embedding API: [`Interpreter`] handles, typed [`Error`]s, and the
//! calls that move [`Shareable`](atoll_channels::Shareable) data in and out.

mod calls;
mod error;
mod interpreter;

pub use calls::SpawnHandle;
pub use error::{Error, PyException};
pub use interpreter::Interpreter;
pub(crate) use interpreter::close_shared;
