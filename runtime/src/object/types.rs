//! Classes: [`PyType`] for built-in and user classes, [`Instance`] for instances of
//! user classes, and [`Types`], the table of one interpreter's built-in classes.

use std::cell::RefCell;
use std::rc::Rc;

use super::dict::PyDict;
use super::exception::ExcData;
use super::str::PyStr;
use super::value::Value;

/// The layout an instance of a class has (inherited from its built-in base).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeKind {
    /// Plain instances with a `__dict__`.
    Object,
    /// Instances carry [`ExcData`].
    Exception,
    /// A built-in type whose instances are not [`Instance`]s (int, list, ...).
    Builtin,
    /// `threading.local` and its subclasses: plain instances whose attributes are
    /// per thread (the VM calls `local_switch` before touching their dict).
    Local,
}

/// A class object.
pub struct PyType {
    pub name: Rc<PyStr>,
    pub qualname: RefCell<Rc<PyStr>>,
    pub bases: Vec<Rc<PyType>>,
    /// Method resolution order *without* the class itself (it is implicitly first).
    pub mro: Vec<Rc<PyType>>,
    pub dict: Rc<PyDict>,
    pub kind: TypeKind,
    /// Built-in classes can't be changed from Python.
    pub builtin: bool,
}

impl PyType {
    /// Looks `name` up along the MRO (the class first).
    pub fn lookup(&self, name: &str) -> Option<Value> {
        if let Some(v) = self.dict.get_str(name) {
            return Some(v);
        }
        for t in &self.mro {
            if let Some(v) = t.dict.get_str(name) {
                return Some(v);
            }
        }
        None
    }

    /// Looks `name` up along the MRO using the name's cached hash.
    #[inline]
    pub fn lookup_name(&self, name: &PyStr) -> Option<Value> {
        if let Some(v) = self.dict.0.borrow().get_pystr(name) {
            return Some(v.clone());
        }
        for t in &self.mro {
            if let Some(v) = t.dict.0.borrow().get_pystr(name) {
                return Some(v.clone());
            }
        }
        None
    }

    /// Whether `self` is `other` or a subclass of it.
    pub fn is_subtype(self: &Rc<Self>, other: &Rc<PyType>) -> bool {
        Rc::ptr_eq(self, other) || self.mro.iter().any(|t| Rc::ptr_eq(t, other))
    }

    /// The class name.
    pub fn name(&self) -> &str {
        self.name.as_str()
    }

    /// A new built-in class with `base` (None for `object` itself).
    pub fn new_builtin(name: &str, base: Option<&Rc<PyType>>, kind: TypeKind) -> Rc<PyType> {
        let (bases, mro) = match base {
            Some(b) => {
                let mut mro = vec![b.clone()];
                mro.extend(b.mro.iter().cloned());
                (vec![b.clone()], mro)
            }
            None => (vec![], vec![]),
        };
        let name = Rc::new(PyStr::new(name));
        Rc::new(PyType {
            qualname: RefCell::new(name.clone()),
            name,
            bases,
            mro,
            dict: Rc::new(PyDict::new()),
            kind,
            builtin: true,
        })
    }
}

/// An instance of a user class (or of a built-in exception class).
pub struct Instance {
    pub class: Rc<PyType>,
    pub dict: Rc<PyDict>,
    pub exc: Option<ExcData>,
}

impl Instance {
    /// A new instance of `class` with an empty `__dict__`.
    pub fn new(class: Rc<PyType>) -> Instance {
        let exc = (class.kind == TypeKind::Exception).then(ExcData::default);
        Instance {
            class,
            dict: Rc::new(PyDict::new()),
            exc,
        }
    }
}

macro_rules! builtin_types {
    (
        roots($object:ident, $type_:ident, $base_exception:ident, $bool_:ident < $int:ident)
        plain { $($f:ident : $name:literal),* $(,)? }
        exceptions { $($ef:ident : $ename:literal < $ebase:ident),* $(,)? }
    ) => {
        /// One interpreter's built-in classes (each interpreter has its own).
        pub struct Types {
            pub object: Rc<PyType>,
            pub type_: Rc<PyType>,
            pub base_exception: Rc<PyType>,
            pub bool_: Rc<PyType>,
            $(pub $f: Rc<PyType>,)*
            $(pub $ef: Rc<PyType>,)*
        }

        impl Types {
            /// Creates the classes.
            pub fn new() -> Types {
                let $object = PyType::new_builtin("object", None, TypeKind::Object);
                let $type_ = PyType::new_builtin("type", Some(&$object), TypeKind::Builtin);
                let $base_exception =
                    PyType::new_builtin("BaseException", Some(&$object), TypeKind::Exception);
                $(let $f = PyType::new_builtin($name, Some(&$object), TypeKind::Builtin);)*
                let $bool_ = PyType::new_builtin("bool", Some(&$int), TypeKind::Builtin);
                $(let $ef = PyType::new_builtin($ename, Some(&$ebase), TypeKind::Exception);)*
                Types { $object, $type_, $base_exception, $bool_, $($f,)* $($ef,)* }
            }

            /// Every built-in exception class, with its name (for the builtins module).
            pub fn exceptions(&self) -> Vec<Rc<PyType>> {
                vec![self.base_exception.clone(), $(self.$ef.clone(),)*]
            }

            /// The plain built-in classes that are names in `builtins`.
            pub fn plain(&self) -> Vec<Rc<PyType>> {
                vec![self.object.clone(), self.type_.clone(), self.bool_.clone(), $(self.$f.clone(),)*]
            }
        }
    };
}

builtin_types! {
    roots(object, type_, base_exception, bool_ < int)
    plain {
        int: "int", float: "float", str: "str", bytes: "bytes",
        list: "list", tuple: "tuple", dict: "dict", set: "set", frozenset: "frozenset",
        range: "range", slice: "slice", none: "NoneType", not_implemented: "NotImplementedType",
        ellipsis: "ellipsis", function: "function", builtin_function: "builtin_function_or_method",
        method: "method", code: "code", cell: "cell", generator: "generator",
        coroutine: "coroutine", module: "module", iterator: "iterator",
        property: "property", classmethod: "classmethod", staticmethod: "staticmethod",
        super_: "super",
    }
    exceptions {
        exception: "Exception" < base_exception,
        system_exit: "SystemExit" < base_exception,
        keyboard_interrupt: "KeyboardInterrupt" < base_exception,
        generator_exit: "GeneratorExit" < base_exception,
        arithmetic_error: "ArithmeticError" < exception,
        zero_division_error: "ZeroDivisionError" < arithmetic_error,
        overflow_error: "OverflowError" < arithmetic_error,
        floating_point_error: "FloatingPointError" < arithmetic_error,
        assertion_error: "AssertionError" < exception,
        attribute_error: "AttributeError" < exception,
        buffer_error: "BufferError" < exception,
        eof_error: "EOFError" < exception,
        import_error: "ImportError" < exception,
        module_not_found_error: "ModuleNotFoundError" < import_error,
        lookup_error: "LookupError" < exception,
        index_error: "IndexError" < lookup_error,
        key_error: "KeyError" < lookup_error,
        memory_error: "MemoryError" < exception,
        name_error: "NameError" < exception,
        unbound_local_error: "UnboundLocalError" < name_error,
        os_error: "OSError" < exception,
        file_not_found_error: "FileNotFoundError" < os_error,
        timeout_error: "TimeoutError" < os_error,
        runtime_error: "RuntimeError" < exception,
        not_implemented_error: "NotImplementedError" < runtime_error,
        recursion_error: "RecursionError" < runtime_error,
        stop_iteration: "StopIteration" < exception,
        stop_async_iteration: "StopAsyncIteration" < exception,
        syntax_error: "SyntaxError" < exception,
        indentation_error: "IndentationError" < syntax_error,
        system_error: "SystemError" < exception,
        type_error: "TypeError" < exception,
        value_error: "ValueError" < exception,
        unicode_error: "UnicodeError" < value_error,
        warning: "Warning" < exception,
        deprecation_warning: "DeprecationWarning" < warning,
        runtime_warning: "RuntimeWarning" < warning,
        user_warning: "UserWarning" < warning,
    }
}

impl Default for Types {
    fn default() -> Self {
        Types::new()
    }
}
