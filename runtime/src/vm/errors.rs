//! Making the built-in exceptions the VM raises.

use std::rc::Rc;

use crate::object::{Instance, PyType, Value};
use crate::vm::{PyErr, Vm};

macro_rules! error_ctors {
    ($($fn_name:ident => $field:ident),* $(,)?) => {
        impl Vm {
            $(
                #[doc = concat!("A new `", stringify!($field), "` with a message.")]
                pub fn $fn_name(&self, msg: impl Into<String>) -> PyErr {
                    let class = self.ctx.types.$field.clone();
                    self.new_exception(&class, msg)
                }
            )*
        }
    };
}

error_ctors! {
    type_error => type_error,
    value_error => value_error,
    name_error => name_error,
    attribute_error => attribute_error,
    index_error => index_error,
    zero_division_error => zero_division_error,
    overflow_error => overflow_error,
    runtime_error => runtime_error,
    recursion_error => recursion_error,
    import_error => import_error,
    not_implemented_error => not_implemented_error,
    unbound_local_error => unbound_local_error,
    os_error => os_error,
    assertion_error => assertion_error,
    memory_error => memory_error,
}

impl Vm {
    /// An empty vector with room for `n` items, or `MemoryError` if the memory
    /// can't be had (instead of aborting the process, as a plain allocation
    /// failure would).
    pub fn vec_with_room<T>(&self, n: usize) -> Result<Vec<T>, PyErr> {
        if n.saturating_mul(std::mem::size_of::<T>()) > memory_ceiling() {
            return Err(self.memory_error(""));
        }
        let mut v = Vec::new();
        v.try_reserve_exact(n).map_err(|_| self.memory_error(""))?;
        Ok(v)
    }

    /// `MemoryError` unless `bytes` bytes could be allocated now.
    pub fn check_room(&self, bytes: Option<usize>) -> Result<(), PyErr> {
        match bytes {
            Some(b) if b <= isize::MAX as usize => self.vec_with_room::<u8>(b).map(drop),
            _ => Err(self.memory_error("")),
        }
    }
}

/// The most bytes one allocation may ask for: the machine's memory and swap
/// (`/proc/meminfo`), or no limit where that can't be read. An allocator may
/// promise more address space than there is memory (mimalloc reserves without
/// committing), so a request beyond this is a `MemoryError` at once rather
/// than an out-of-memory kill while the memory is filled.
fn memory_ceiling() -> usize {
    static CEILING: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CEILING.get_or_init(|| {
        let Ok(info) = std::fs::read_to_string("/proc/meminfo") else {
            return usize::MAX;
        };
        let kib = |field: &str| -> Option<usize> {
            let line = info.lines().find(|l| l.starts_with(field))?;
            line.split_whitespace().nth(1)?.parse().ok()
        };
        match kib("MemTotal:") {
            Some(total) => (total + kib("SwapTotal:").unwrap_or(0)).saturating_mul(1024),
            None => usize::MAX,
        }
    })
}

impl Vm {
    /// A new exception of `class` whose args are `(msg,)`.
    pub fn new_exception(&self, class: &Rc<PyType>, msg: impl Into<String>) -> PyErr {
        self.new_exception_args(class, vec![Value::string(msg.into())])
    }

    /// A new exception of `class` with the given args.
    pub fn new_exception_args(&self, class: &Rc<PyType>, args: Vec<Value>) -> PyErr {
        let inst = Instance::new(class.clone());
        if let Some(exc) = &inst.exc {
            *exc.args.borrow_mut() = Value::tuple(args);
        }
        Rc::new(inst)
    }

    /// `KeyError(key)`.
    pub fn key_error(&self, key: Value) -> PyErr {
        let class = self.ctx.types.key_error.clone();
        self.new_exception_args(&class, vec![key])
    }

    /// `StopIteration(value)` (no args for None).
    pub fn stop_iteration(&self, value: Value) -> PyErr {
        let class = self.ctx.types.stop_iteration.clone();
        let args = if value.is_none() { vec![] } else { vec![value] };
        self.new_exception_args(&class, args)
    }

    /// Whether `err` is an instance of `class` (or a subclass).
    pub fn err_is(&self, err: &PyErr, class: &Rc<PyType>) -> bool {
        err.class.is_subtype(class)
    }

    /// The `TypeError` for an operand type a built-in doesn't take.
    pub fn bad_type(&self, what: &str, v: &Value) -> PyErr {
        self.type_error(format!("{what}, not '{}'", self.type_name(v)))
    }
}
