//! The state every exception instance carries: args, traceback, cause and context.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::function::CodeHandle;
use super::value::Value;

/// One traceback entry: where a frame was when the exception passed through it.
#[derive(Clone)]
pub struct TbEntry {
    pub code: Rc<CodeHandle>,
    pub line: u32,
    /// The instruction that was running (for the source span of the `^^^` markers).
    pub lasti: u32,
}

/// Exception state of an instance of a `BaseException` subclass.
#[derive(Default)]
pub struct ExcData {
    pub args: RefCell<Value>,
    /// Innermost frame last, as CPython prints it.
    pub traceback: RefCell<Vec<TbEntry>>,
    pub cause: RefCell<Value>,
    pub context: RefCell<Value>,
    pub suppress_context: Cell<bool>,
    /// The `__traceback__` object last built, with the number of traceback entries it
    /// shows (rebuilt when the exception has travelled further).
    pub tb_object: RefCell<Option<(usize, Value)>>,
}
