//! Helpers shared by the native standard-library modules (`math`, `random`,
//! `collections`, `itertools` ...): their classes, their objects' Rust data, and
//! argument conversion.

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;

use crate::object::{Int, Native, PyDict, PyType, TypeKind, Value};
use crate::vm::{PyResult, Vm};

/// A new class for the objects of a native module: a Python-visible class
/// (`<class 'collections.deque'>`) whose dunder methods the VM dispatches to, like a
/// user class, but whose instances are [`Native`] values holding Rust data.
pub(crate) fn module_class(vm: &Vm, name: &str, module: &str) -> Rc<PyType> {
    module_class_with_base(vm, name, module, &vm.ctx.types.object)
}

/// Like [`module_class`], with another native class as base.
pub(crate) fn module_class_with_base(
    _vm: &Vm,
    name: &str,
    module: &str,
    base: &Rc<PyType>,
) -> Rc<PyType> {
    let mut mro = vec![base.clone()];
    mro.extend(base.mro.iter().cloned());
    let name = Rc::new(crate::object::PyStr::new(name));
    let dict = Rc::new(PyDict::new());
    dict.set_str("__module__", Value::str(module));
    Rc::new(PyType {
        qualname: RefCell::new(name.clone()),
        name,
        bases: vec![base.clone()],
        mro,
        dict,
        kind: TypeKind::Builtin,
        builtin: false,
        lookup_cache: Default::default(),
        meta: None,
        solid: None,
        slots: None,
        subclasses: RefCell::new(Vec::new()),
        flags: std::cell::Cell::new(0),
    })
}

/// Remembers a native class under `key` for this interpreter.
pub(crate) fn register_class(vm: &Vm, key: &'static str, cls: &Rc<PyType>) {
    vm.ctx
        .native
        .borrow_mut()
        .insert(key, Value::Type(cls.clone()));
}

/// The native class registered under `key` (`object` if missing).
pub(crate) fn registered_class(vm: &Vm, key: &str) -> Rc<PyType> {
    match vm.ctx.native.borrow().get(key) {
        Some(Value::Type(t)) => t.clone(),
        _ => vm.ctx.types.object.clone(),
    }
}

/// A new native object of `class` holding `data`.
pub(crate) fn new_native<T: 'static>(class: Rc<PyType>, data: T) -> Value {
    Value::Native(Rc::new(Native {
        class,
        data: Box::new(data),
        dict: None,
    }))
}

impl Vm {
    /// An integer argument (`__index__` honoured) as a big integer.
    pub(crate) fn arg_bigint(&mut self, v: &Value) -> PyResult<BigInt> {
        if let Some(i) = Int::of(v) {
            return Ok(i.to_big());
        }
        let r = self.index_int(v)?;
        match Int::of(&r) {
            Some(i) => Ok(i.to_big()),
            None => Err(self.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(v)
            ))),
        }
    }

    /// `operator.index(v)`: the int itself, or the result of `__index__`.
    pub(crate) fn index_int(&mut self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Int(_) | Value::BigInt(_) => Ok(v.clone()),
            Value::BoolW(b) => Ok(Value::Int(b.get() as i64)),
            _ => {
                let t = self.type_of(v);
                match t.lookup("__index__") {
                    Some(f) if !t.builtin => {
                        let r = self.call0(&f, std::slice::from_ref(v))?;
                        match r {
                            Value::Int(_) | Value::BigInt(_) => Ok(r),
                            Value::BoolW(b) => Ok(Value::Int(b.get() as i64)),
                            other => Err(self.type_error(format!(
                                "__index__ returned non-int (type {})",
                                self.type_name(&other)
                            ))),
                        }
                    }
                    _ => Err(self.type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        self.type_name(v)
                    ))),
                }
            }
        }
    }

    /// `a < b` as a Rust bool (rich comparison, then truth).
    pub(crate) fn lt(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            return Ok(x < y);
        }
        if let (Value::FloatW(x), Value::FloatW(y)) = (a, b) {
            return Ok(x.get() < y.get());
        }
        let r = self.compare(crate::bytecode::CmpOp::Lt, a, b)?;
        match r {
            Value::BoolW(b) => Ok(b.get()),
            other => self.truthy(&other),
        }
    }
}
