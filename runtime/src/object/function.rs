//! Callables and their parts: code handles, functions, built-ins, bound methods,
//! cells, generators, and native objects owned by built-in modules.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

use super::dict::PyDict;
use super::str::PyStr;
use super::types::PyType;
use super::value::{PyTuple, Value};
use crate::bytecode::CodeObject;
use crate::vm::{Args, Frame, PyResult, Vm};

/// A code object as one interpreter sees it: the shared immutable code plus its
/// constants and names turned into this interpreter's objects (done once).
pub struct CodeHandle {
    pub code: Arc<CodeObject>,
    pub consts: Box<[Value]>,
    pub names: Box<[Rc<PyStr>]>,
    pub varnames: Box<[Rc<PyStr>]>,
    /// One global-lookup cache slot per name (used by `LoadGlobal`).
    pub global_cache: Box<[std::cell::Cell<GlobalSlot>]>,
    /// Inline caches of the attribute instructions (`LoadAttr`, `StoreAttr`,
    /// `LoadMethod`).
    pub attr_cache: crate::vm::attr_cache::AttrCaches,
}

/// Where `LoadGlobal` last found a name: a position in the globals dict, or in
/// the builtins dict while the name was absent from globals. Valid only while
/// the dicts' tags (and, for builtins, the globals' raw length) are unchanged;
/// see `DictMap::tag`.
#[derive(Clone, Copy, Default)]
pub struct GlobalSlot {
    /// Tag of the globals dict when filled; 0 = empty slot.
    pub globals_tag: u64,
    /// Raw length of the globals dict when the name was found in builtins.
    pub globals_len: u32,
    /// Position in globals, or in builtins when `builtins_tag != 0`.
    pub pos: u32,
    /// Tag of the builtins dict when found there; 0 = found in globals.
    pub builtins_tag: u64,
}

/// A Python function (`def` or `lambda`).
pub struct Function {
    pub code: Rc<CodeHandle>,
    pub globals: Rc<PyDict>,
    pub builtins: Rc<PyDict>,
    /// `__defaults__` (assignable).
    pub defaults: RefCell<Option<Rc<PyTuple>>>,
    /// `__kwdefaults__` (assignable).
    pub kwdefaults: RefCell<Option<Rc<PyDict>>>,
    pub closure: Box<[Rc<PyCell>]>,
    pub name: RefCell<Rc<PyStr>>,
    pub qualname: RefCell<Rc<PyStr>>,
    /// Attributes set on the function (`f.attr = ...`, `__wrapped__`, ...).
    pub dict: Rc<PyDict>,
}

/// The signature of a built-in function.
pub type BuiltinFn = fn(&mut Vm, Args<'_>) -> PyResult<Value>;

/// A function written in Rust. `bound` is the object it is a method of, if any
/// (e.g. `[].append`), passed as the first argument.
pub struct Builtin {
    pub name: &'static str,
    pub func: BuiltinFn,
    pub bound: Option<Value>,
}

/// A function bound to an object (`obj.method`).
pub struct BoundMethod {
    pub func: Value,
    pub self_: Value,
}

/// A cell: one variable shared by a function and the functions nested in it.
#[derive(Default)]
pub struct PyCell(pub RefCell<Value>);

/// A generator or coroutine: a suspended frame.
pub struct Generator {
    pub frame: RefCell<Option<Box<Frame>>>,
    pub running: Cell<bool>,
    pub name: Rc<PyStr>,
    pub qualname: Rc<PyStr>,
    /// An `async def` coroutine.
    pub coroutine: bool,
    /// An async generator (`async def` with `yield`).
    pub is_async_gen: bool,
    /// A generator usable in `await` (`types.coroutine`).
    pub iterable_coroutine: Cell<bool>,
}

/// An object implemented in Rust by a built-in module (a lock, a thread handle ...):
/// its class and its data.
pub struct Native {
    pub class: Rc<PyType>,
    pub data: Box<dyn Any>,
    pub dict: Option<Rc<PyDict>>,
}

impl Native {
    /// The data as `T`, if it is one.
    pub fn get<T: 'static>(&self) -> Option<&T> {
        self.data.downcast_ref::<T>()
    }
}

impl Drop for Generator {
    fn drop(&mut self) {
        crate::vm::finalize::queue_close(self);
    }
}
