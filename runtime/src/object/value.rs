//! [`Value`]: the one value type of the VM, 16 bytes, with unboxed small scalars.

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;

use super::dict::PyDict;
use super::function::{BoundMethod, Builtin, CodeHandle, Function, Generator, Native, PyCell};
use super::str::PyStr;
use super::types::{Instance, PyType};
use crate::object::set::SetMap;

/// A Python value. Heap objects are reference counted; scalars are stored inline.
///
/// ```
/// use atoll_runtime::object::Value;
/// assert_eq!(std::mem::size_of::<Value>(), 16);
/// assert!(Value::Int(3).is_truthy_simple().unwrap());
/// ```
#[derive(Clone, Default)]
pub enum Value {
    /// Internal marker: an unbound local, an empty stack slot, "no self" in a call.
    /// Never visible to Python code.
    #[default]
    Null,
    None,
    NotImplemented,
    Ellipsis,
    /// `bool` (build one with [`Value::Bool`]).
    BoolW(BoolWord),
    Int(i64),
    BigInt(Rc<BigInt>),
    /// `float` (build one with [`Value::Float`]).
    FloatW(FloatWord),
    Str(Rc<PyStr>),
    Bytes(Rc<PyBytes>),
    ByteArray(Rc<PyByteArray>),
    List(Rc<PyList>),
    Tuple(Rc<PyTuple>),
    Dict(Rc<PyDict>),
    Set(Rc<PySet>),
    Range(Rc<PyRange>),
    Slice(Rc<PySlice>),
    Iter(Rc<PyIter>),
    Function(Rc<Function>),
    Builtin(Rc<Builtin>),
    Method(Rc<BoundMethod>),
    Code(Rc<CodeHandle>),
    Cell(Rc<PyCell>),
    Generator(Rc<Generator>),
    Type(Rc<PyType>),
    Instance(Rc<Instance>),
    Module(Rc<Module>),
    Native(Rc<Native>),
}

/// A `bool` kept in a whole machine word.
///
/// Every variant of [`Value`] with a payload holds one 8-byte word at the same
/// offset (an int, a pointer, this, or [`FloatWord`]), which lets the compiler
/// treat a `Value` as a pair of scalars (tag, word): values move between
/// registers, the value stack and return slots as two plain loads and stores.
/// A one-byte `bool` or an `f64` payload would make `Value` an opaque 16-byte
/// block, built field by field and copied whole, and the CPU stalls when it
/// reads 16 bytes back that were just written in pieces (store forwarding
/// fails): that cost the eval loop about a third of its time.
///
/// ```
/// use atoll_runtime::object::{BoolWord, Value};
/// let v = Value::BoolW(BoolWord::TRUE);
/// assert!(matches!(v, Value::BoolW(BoolWord::TRUE)));
/// assert!(BoolWord::TRUE.get() && !BoolWord::FALSE.get());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
#[repr(transparent)]
pub struct BoolWord(u64);

impl BoolWord {
    pub const TRUE: BoolWord = BoolWord(1);
    pub const FALSE: BoolWord = BoolWord(0);

    /// The word for `b`.
    #[inline(always)]
    pub const fn new(b: bool) -> BoolWord {
        BoolWord(b as u64)
    }

    /// The `bool`.
    #[inline(always)]
    pub const fn get(self) -> bool {
        self.0 != 0
    }
}

/// An `f64` kept as its bits, for the reason given at [`BoolWord`].
///
/// ```
/// use atoll_runtime::object::{FloatWord, Value};
/// let Value::FloatW(x) = Value::Float(2.5) else { unreachable!() };
/// assert_eq!(x.get(), 2.5);
/// assert_eq!(FloatWord::new(-0.0).get().to_bits(), (-0.0f64).to_bits());
/// ```
#[derive(Clone, Copy, Debug, Default)]
#[repr(transparent)]
pub struct FloatWord(u64);

impl FloatWord {
    /// The word for `x` (every bit kept, NaN payloads and the sign of zero
    /// included).
    #[inline(always)]
    pub const fn new(x: f64) -> FloatWord {
        FloatWord(x.to_bits())
    }

    /// The `f64`.
    #[inline(always)]
    pub const fn get(self) -> f64 {
        f64::from_bits(self.0)
    }
}

/// `list`
#[derive(Default)]
pub struct PyList(pub RefCell<Vec<Value>>);

impl Drop for PyList {
    fn drop(&mut self) {
        let items = std::mem::take(self.0.get_mut());
        if !items.is_empty() {
            super::trashcan::dispose(items);
        }
    }
}

/// The items of a tuple: up to [`TUPLE_INLINE`] of them live inside the tuple
/// object itself (one allocation for the small tuples of keys and pairs).
pub type TupleItems = smallvec::SmallVec<[Value; TUPLE_INLINE]>;

/// Items a tuple holds without a separate allocation.
pub const TUPLE_INLINE: usize = 3;

/// `tuple`
#[derive(Default)]
pub struct PyTuple(pub TupleItems);

impl Drop for PyTuple {
    fn drop(&mut self) {
        let items = std::mem::take(&mut self.0);
        if !items.is_empty() {
            super::trashcan::dispose(items);
        }
    }
}

/// `bytes`
pub struct PyBytes(pub Box<[u8]>);

/// `bytearray`
#[derive(Default)]
pub struct PyByteArray(pub RefCell<Vec<u8>>);

/// `set` and `frozenset` (`frozen`), laid out as CPython lays them out.
pub struct PySet {
    pub map: RefCell<SetMap>,
    pub frozen: bool,
}

impl PySet {
    /// A new empty set or frozenset.
    pub fn new(frozen: bool) -> PySet {
        PySet {
            map: RefCell::new(SetMap::new()),
            frozen,
        }
    }
}

/// `range(start, stop, step)` with i64 bounds.
pub struct PyRange {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl PyRange {
    /// Number of items.
    pub fn len(&self) -> i64 {
        if self.step > 0 && self.start < self.stop {
            (self.stop - self.start - 1) / self.step + 1
        } else if self.step < 0 && self.start > self.stop {
            (self.start - self.stop - 1) / (-self.step) + 1
        } else {
            0
        }
    }

    /// Whether it has no items.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// `slice(start, stop, step)`
pub struct PySlice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

/// The built-in iterators.
pub struct PyIter(pub RefCell<IterState>);

/// State of a built-in iterator.
pub enum IterState {
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    Seq {
        seq: Value,
        index: usize,
    },
    Str {
        s: Rc<PyStr>,
        byte_pos: usize,
    },
    DictKeys {
        dict: Rc<PyDict>,
        pos: usize,
        /// The dict's size when iteration started (a change is an error).
        len: usize,
    },
    DictValues {
        dict: Rc<PyDict>,
        pos: usize,
        len: usize,
    },
    DictItems {
        dict: Rc<PyDict>,
        pos: usize,
        len: usize,
    },
    /// Reverse iteration of a dict or one of its views (`reversed(d)`); `kind` is 0
    /// keys, 1 values, 2 items. `pos` counts down.
    DictReversed {
        dict: Rc<PyDict>,
        pos: usize,
        len: usize,
        kind: u8,
    },
    SetItems {
        set: Rc<PySet>,
        pos: usize,
        len: usize,
    },
    /// `zip(..., strict=True)`
    ZipStrict {
        its: Vec<Value>,
    },
    /// A generator-like object that yields the values of a callable-based protocol:
    /// iterating over an object with `__getitem__` only.
    SeqIter {
        seq: Value,
        index: usize,
    },
    Enumerate {
        it: Value,
        count: i64,
    },
    Zip {
        its: Vec<Value>,
    },
    Map {
        func: Value,
        its: Vec<Value>,
    },
    Filter {
        func: Value,
        it: Value,
    },
    Reversed {
        seq: Value,
        index: usize,
    },
    /// `iter(callable, sentinel)`
    Callable {
        func: Value,
        sentinel: Value,
    },
    Exhausted,
}

/// A module: a name and a namespace dict.
pub struct Module {
    pub name: Rc<PyStr>,
    pub dict: Rc<PyDict>,
}

/// Drops a value that owns a heap object (see [`Value::discard`]).
#[inline(never)]
fn drop_heap(v: Value) {
    drop(v)
}

impl Value {
    /// A `bool` value. (Named like the variant it builds, so that building a
    /// `bool` reads as it did when the variant held a `bool` itself.)
    #[allow(non_snake_case)]
    #[inline(always)]
    pub const fn Bool(b: bool) -> Value {
        Value::BoolW(BoolWord::new(b))
    }

    /// A `float` value.
    #[allow(non_snake_case)]
    #[inline(always)]
    pub const fn Float(x: f64) -> Value {
        Value::FloatW(FloatWord::new(x))
    }

    /// A copy of the value, with the unboxed scalars copied inline (the eval
    /// loop's hot paths use it instead of the general `clone`).
    #[inline(always)]
    pub fn dup(&self) -> Value {
        match self {
            Value::Null
            | Value::None
            | Value::NotImplemented
            | Value::Ellipsis
            | Value::BoolW(_)
            | Value::Int(_)
            | Value::FloatW(_) => {}
            Value::BigInt(r) => std::mem::forget(Rc::clone(r)),
            Value::Str(r) => std::mem::forget(Rc::clone(r)),
            Value::Bytes(r) => std::mem::forget(Rc::clone(r)),
            Value::ByteArray(r) => std::mem::forget(Rc::clone(r)),
            Value::List(r) => std::mem::forget(Rc::clone(r)),
            Value::Tuple(r) => std::mem::forget(Rc::clone(r)),
            Value::Dict(r) => std::mem::forget(Rc::clone(r)),
            Value::Set(r) => std::mem::forget(Rc::clone(r)),
            Value::Range(r) => std::mem::forget(Rc::clone(r)),
            Value::Slice(r) => std::mem::forget(Rc::clone(r)),
            Value::Iter(r) => std::mem::forget(Rc::clone(r)),
            Value::Function(r) => std::mem::forget(Rc::clone(r)),
            Value::Builtin(r) => std::mem::forget(Rc::clone(r)),
            Value::Method(r) => std::mem::forget(Rc::clone(r)),
            Value::Code(r) => std::mem::forget(Rc::clone(r)),
            Value::Cell(r) => std::mem::forget(Rc::clone(r)),
            Value::Generator(r) => std::mem::forget(Rc::clone(r)),
            Value::Type(r) => std::mem::forget(Rc::clone(r)),
            Value::Instance(r) => std::mem::forget(Rc::clone(r)),
            Value::Module(r) => std::mem::forget(Rc::clone(r)),
            Value::Native(r) => std::mem::forget(Rc::clone(r)),
        }
        // SAFETY: a bitwise copy of a value is a valid value of the same
        // variant. The scalar variants own nothing; for the reference-counted
        // ones the match above has just taken one more strong reference (the
        // `Rc` clone it forgot), which the copy now owns. Copying the 16 bytes
        // whole, instead of rebuilding the variant field by field, keeps the
        // copy a single load and store (a value rebuilt piecewise and read back
        // whole stalls the CPU's store forwarding on the eval loop's hot path).
        unsafe { std::ptr::read(self) }
    }

    /// Drops the value, skipping the drop glue for unboxed scalars.
    #[inline(always)]
    pub fn discard(self) {
        match self {
            Value::Int(_) | Value::FloatW(_) | Value::BoolW(_) | Value::None | Value::Null => {
                std::mem::forget(self)
            }
            // Out of line on purpose: with the drop inlined here the optimizer
            // folds the whole match into one call of the drop glue, and the
            // scalar case pays for a call it does not need.
            other => drop_heap(other),
        }
    }

    /// A new `str`.
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::new(PyStr::new(s)))
    }

    /// A new `str` from an owned string.
    pub fn string(s: String) -> Value {
        Value::Str(Rc::new(PyStr::from_string(s)))
    }

    /// A new `tuple`.
    pub fn tuple(items: Vec<Value>) -> Value {
        if items.len() <= TUPLE_INLINE {
            return Value::tuple_from_iter(items);
        }
        Value::Tuple(Rc::new(PyTuple(TupleItems::from_vec(items))))
    }

    /// A new `tuple` of a fixed number of items (small ones need one allocation).
    #[inline]
    pub fn tuple_of<const N: usize>(items: [Value; N]) -> Value {
        Value::Tuple(Rc::new(PyTuple(items.into_iter().collect())))
    }

    /// A new `tuple` of the items of an iterator.
    #[inline]
    pub fn tuple_from_iter(items: impl IntoIterator<Item = Value>) -> Value {
        Value::Tuple(Rc::new(PyTuple(items.into_iter().collect())))
    }

    /// A new `list`.
    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(PyList(RefCell::new(items))))
    }

    /// A new `bytes`.
    pub fn bytes(b: Vec<u8>) -> Value {
        Value::Bytes(Rc::new(PyBytes(b.into_boxed_slice())))
    }

    /// A new `bytearray`.
    pub fn bytearray(b: Vec<u8>) -> Value {
        Value::ByteArray(Rc::new(PyByteArray(RefCell::new(b))))
    }

    /// An int from a big integer, demoted to a small int when it fits.
    pub fn from_big(b: BigInt) -> Value {
        super::int::int_from_big(b)
    }

    /// Whether this is the internal null marker.
    #[inline]
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// Whether this is `None`.
    #[inline]
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// Truthiness of values that need no call into Python (`None` for instances that
    /// may define `__bool__`/`__len__`).
    #[inline]
    pub fn is_truthy_simple(&self) -> Option<bool> {
        Some(match self {
            Value::BoolW(b) => b.get(),
            Value::Int(i) => *i != 0,
            Value::None | Value::Null => false,
            Value::FloatW(f) => f.get() != 0.0,
            Value::BigInt(_) => true,
            Value::Str(s) => !s.as_str().is_empty(),
            Value::List(l) => !l.0.borrow().is_empty(),
            Value::Tuple(t) => !t.0.is_empty(),
            Value::Dict(d) => !d.is_empty(),
            Value::Set(s) => !s.map.borrow().is_empty(),
            Value::Bytes(b) => !b.0.is_empty(),
            Value::ByteArray(b) => !b.0.borrow().is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::Instance(_) | Value::Native(_) => return None,
            _ => true,
        })
    }

    /// Identity (`is`): same object, or equal scalars of the same kind.
    pub fn is(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (Null, Null)
            | (None, None)
            | (NotImplemented, NotImplemented)
            | (Ellipsis, Ellipsis) => true,
            (BoolW(a), BoolW(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (FloatW(a), FloatW(b)) => a.get().to_bits() == b.get().to_bits(),
            _ => match (self.ptr(), other.ptr()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }

    /// The address of the heap object, if boxed.
    pub fn ptr(&self) -> Option<usize> {
        use Value::*;
        Some(match self {
            BigInt(r) => Rc::as_ptr(r) as *const u8 as usize,
            Str(r) => Rc::as_ptr(r) as *const u8 as usize,
            Bytes(r) => Rc::as_ptr(r) as *const u8 as usize,
            ByteArray(r) => Rc::as_ptr(r) as *const u8 as usize,
            List(r) => Rc::as_ptr(r) as *const u8 as usize,
            Tuple(r) => Rc::as_ptr(r) as *const u8 as usize,
            Dict(r) => Rc::as_ptr(r) as *const u8 as usize,
            Set(r) => Rc::as_ptr(r) as *const u8 as usize,
            Range(r) => Rc::as_ptr(r) as *const u8 as usize,
            Slice(r) => Rc::as_ptr(r) as *const u8 as usize,
            Iter(r) => Rc::as_ptr(r) as *const u8 as usize,
            Function(r) => Rc::as_ptr(r) as *const u8 as usize,
            Builtin(r) => Rc::as_ptr(r) as *const u8 as usize,
            Method(r) => Rc::as_ptr(r) as *const u8 as usize,
            Code(r) => Rc::as_ptr(r) as *const u8 as usize,
            Cell(r) => Rc::as_ptr(r) as *const u8 as usize,
            Generator(r) => Rc::as_ptr(r) as *const u8 as usize,
            Type(r) => Rc::as_ptr(r) as *const u8 as usize,
            Instance(r) => Rc::as_ptr(r) as *const u8 as usize,
            Module(r) => Rc::as_ptr(r) as *const u8 as usize,
            Native(r) => Rc::as_ptr(r) as *const u8 as usize,
            _ => return Option::None,
        })
    }

    /// `id(x)`: the address for heap objects, a stable made-up number for scalars.
    pub fn id(&self) -> i64 {
        match self.ptr() {
            Some(p) => p as i64,
            None => match self {
                Value::None => 0x1000,
                Value::BoolW(b) => 0x1010 + b.get() as i64,
                Value::NotImplemented => 0x1020,
                Value::Ellipsis => 0x1030,
                Value::Int(i) => i.wrapping_mul(2).wrapping_add(1),
                Value::FloatW(f) => f.get().to_bits() as i64 | 1,
                _ => 0,
            },
        }
    }

    /// The str payload, if this is a str.
    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s.as_str()),
            _ => None,
        }
    }
}
