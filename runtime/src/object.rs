//! The object model: values, the built-in object types, attribute lookup.
//!
//! Objects are ordinary single-threaded Rust (`Rc` counts, `RefCell` mutability).
//! They are `!Send`: what makes it sound for the threads of one interpreter to share
//! them is the interpreter's GIL, exactly as in CPython (see `docs/architecture.md`).
//! Small ints, floats, bools and None are unboxed in [`Value`].

pub mod dict;
pub mod exception;
mod float;
mod function;
mod hash;
mod int;
pub mod set;
mod str;
pub mod trashcan;
pub mod type_cache;
mod types;
mod value;

pub use dict::{DictMap, PyDict};
pub use exception::ExcData;
pub use float::float_repr;
pub use function::{
    BoundMethod, Builtin, BuiltinFn, CodeHandle, Function, Generator, GlobalSlot, Native, PyCell,
};
pub use hash::{TupleHasher, hash_big, hash_bytes, hash_float, hash_int, hash_str, hash_tuple};
pub use int::{Int, int_from_big};
pub use set::SetMap;
pub use str::PyStr;
pub use types::{Instance, PyType, TypeFlags, TypeKind, Types};
pub use value::{
    BoolWord, FloatWord, IterState, Module, PyByteArray, PyBytes, PyIter, PyList, PyRange, PySet,
    PySlice, PyTuple, Value,
};
