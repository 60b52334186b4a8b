//! Classes: [`PyType`] for built-in and user classes, [`Instance`] for instances of
//! user classes, and [`Types`], the table of one interpreter's built-in classes.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use super::dict::PyDict;
use super::exception::ExcData;
use super::str::PyStr;
use super::type_cache::{self, LookupCache};
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
    /// Results of [`PyType::lookup`] (see `object::type_cache`).
    pub lookup_cache: LookupCache,
    /// The metaclass, when it is not `type`.
    pub meta: Option<Rc<PyType>>,
    /// For a class derived from a built-in type other than `object` (`class A(list)`):
    /// that built-in type. Its instances carry a value of it ([`Instance::base`]).
    pub solid: Option<Rc<PyType>>,
    /// The names declared in `__slots__` along the MRO, when instances have no
    /// `__dict__` (every class of the MRO but `object` declares `__slots__`).
    pub slots: Option<Vec<Rc<PyStr>>>,
    /// Direct subclasses (for `__subclasses__()`).
    pub subclasses: RefCell<Vec<Weak<PyType>>>,
    /// Cached facts about the special methods the class defines ([`TypeFlags`]),
    /// computed on first use and reset when a dunder attribute of the class or of a
    /// base changes.
    pub flags: Cell<u32>,
}

/// Bits of [`PyType::flags`].
pub struct TypeFlags;

impl TypeFlags {
    /// The other bits are computed.
    pub const VALID: u32 = 1;
    /// The class overrides `__getattribute__`.
    pub const GETATTRIBUTE: u32 = 2;
    /// The class overrides `__setattr__`.
    pub const SETATTR: u32 = 4;
    /// The class overrides `__delattr__`.
    pub const DELATTR: u32 = 8;
    /// The class defines `__getattr__`.
    pub const GETATTR: u32 = 16;
    /// The class defines `__del__`.
    pub const DEL: u32 = 32;
    /// Whether the class's `__init__` is `object.__init__` is known (set lazily,
    /// by the VM, next to the bit that answers it).
    pub const INIT_KNOWN: u32 = 64;
    /// The class's `__init__` is `object.__init__`.
    pub const INIT_OBJECT: u32 = 128;
    /// Whether the class's `__new__` is `object.__new__` is known.
    pub const NEW_KNOWN: u32 = 256;
    /// The class's `__new__` is `object.__new__`.
    pub const NEW_OBJECT: u32 = 512;
}

impl PyType {
    /// Looks `name` up along the MRO (the class first).
    ///
    /// Results are cached per class until any class dict changes.
    #[inline]
    pub fn lookup(&self, name: &str) -> Option<Value> {
        if let Some(hit) = self.lookup_cache.get(name) {
            return hit;
        }
        self.lookup_slow(name)
    }

    /// [`PyType::lookup`] for a name held as a `PyStr` (attribute names from
    /// code): the cache is keyed by the string object itself.
    #[inline]
    pub fn lookup_name(&self, name: &Rc<PyStr>) -> Option<Value> {
        if let Some(hit) = self.lookup_cache.get_name(name) {
            return hit;
        }
        let at = type_cache::epoch();
        let found = self.lookup_uncached(name.as_str());
        self.lookup_cache.put_name(name, at, found.clone());
        found
    }

    #[inline(never)]
    fn lookup_slow(&self, name: &str) -> Option<Value> {
        let at = type_cache::epoch();
        let found = self.lookup_uncached(name);
        self.lookup_cache.put(name, at, found.clone());
        found
    }

    /// [`PyType::lookup`] without the cache; marks the dicts it reads as watched.
    pub fn lookup_uncached(&self, name: &str) -> Option<Value> {
        let h = super::hash::hash_str(name);
        for t in std::iter::once(self).chain(self.mro.iter().map(|t| &**t)) {
            let d = t.dict.0.borrow();
            d.watch();
            if let Some(v) = d.get_str_hashed(name, h) {
                return Some(v.clone());
            }
        }
        None
    }

    /// Looks `name` up along the MRO, returning the class that defines it too.
    pub fn lookup_with_owner(self: &Rc<Self>, name: &str) -> Option<(Value, Rc<PyType>)> {
        let h = super::hash::hash_str(name);
        if let Some(v) = self.dict.get_str_hashed(name, h) {
            return Some((v, self.clone()));
        }
        for t in &self.mro {
            if let Some(v) = t.dict.get_str_hashed(name, h) {
                return Some((v, t.clone()));
            }
        }
        None
    }

    /// The [`TypeFlags`] of the class (computed on first use).
    pub fn type_flags(&self) -> u32 {
        let f = self.flags.get();
        if f & TypeFlags::VALID != 0 {
            return f;
        }
        let overridden = |name: &str| match self.lookup(name) {
            None | Some(Value::Builtin(_)) => false,
            Some(_) => true,
        };
        let mut f = TypeFlags::VALID;
        if overridden("__getattribute__") {
            f |= TypeFlags::GETATTRIBUTE;
        }
        if overridden("__setattr__") {
            f |= TypeFlags::SETATTR;
        }
        if overridden("__delattr__") {
            f |= TypeFlags::DELATTR;
        }
        if self.lookup("__getattr__").is_some() {
            f |= TypeFlags::GETATTR;
        }
        if overridden("__del__") {
            f |= TypeFlags::DEL;
        }
        self.flags.set(f);
        f
    }

    /// Forgets the cached flags of the class and of every class derived from it (after
    /// one of its attributes changed).
    pub fn modified(&self) {
        self.flags.set(0);
        let subs: Vec<Rc<PyType>> = self
            .subclasses
            .borrow()
            .iter()
            .filter_map(Weak::upgrade)
            .collect();
        for s in subs {
            s.modified();
        }
    }

    /// The MRO including the class itself.
    pub fn full_mro(self: &Rc<Self>) -> Vec<Rc<PyType>> {
        let mut v = Vec::with_capacity(self.mro.len() + 1);
        v.push(self.clone());
        v.extend(self.mro.iter().cloned());
        v
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
        PyType::new_builtin_mro(name, bases, mro, kind)
    }

    /// A built-in class with several bases and the given MRO (without itself).
    pub fn new_builtin_mro(
        name: &str,
        bases: Vec<Rc<PyType>>,
        mro: Vec<Rc<PyType>>,
        kind: TypeKind,
    ) -> Rc<PyType> {
        let name = Rc::new(PyStr::new(name));
        Rc::new(PyType {
            qualname: RefCell::new(name.clone()),
            name,
            bases,
            mro,
            dict: Rc::new(PyDict::new()),
            kind,
            builtin: true,
            lookup_cache: LookupCache::default(),
            meta: None,
            solid: None,
            slots: None,
            subclasses: RefCell::new(Vec::new()),
            flags: Cell::new(0),
        })
    }
}

/// An instance of a user class (or of a built-in exception class).
pub struct Instance {
    pub class: Rc<PyType>,
    pub dict: Rc<PyDict>,
    pub exc: Option<ExcData>,
    /// For instances of classes derived from a built-in type (`class A(int)`): the
    /// built-in value the instance is (an int, a list ...).
    pub base: Option<Value>,
    /// The values of `__slots__` members (`Null` when unset), by member index.
    pub slot_values: RefCell<Vec<Value>>,
    /// Set once `__del__` has been called (it runs at most once per object).
    pub finalized: std::cell::Cell<bool>,
}

impl Drop for Instance {
    fn drop(&mut self) {
        if !self.finalized.get() && self.class.type_flags() & TypeFlags::DEL != 0 {
            crate::vm::finalize::queue_del(self);
        }
    }
}

impl Instance {
    /// A new instance of `class` with an empty `__dict__`.
    pub fn new(class: Rc<PyType>) -> Instance {
        let exc = (class.kind == TypeKind::Exception).then(ExcData::default);
        Instance {
            class,
            dict: Rc::new(PyDict::new()),
            exc,
            base: None,
            slot_values: RefCell::new(Vec::new()),
            finalized: std::cell::Cell::new(false),
        }
    }

    /// A new instance of a class derived from a built-in type, wrapping `base`.
    pub fn with_base(class: Rc<PyType>, base: Value) -> Instance {
        let mut i = Instance::new(class);
        i.base = Some(base);
        i
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
                let mut t = Types { $object, $type_, $base_exception, $bool_, $($f,)* $($ef,)* };
                // ExceptionGroup derives from both BaseExceptionGroup and Exception
                t.exception_group = PyType::new_builtin_mro(
                    "ExceptionGroup",
                    vec![t.base_exception_group.clone(), t.exception.clone()],
                    vec![
                        t.base_exception_group.clone(),
                        t.exception.clone(),
                        t.base_exception.clone(),
                        t.object.clone(),
                    ],
                    TypeKind::Exception,
                );
                t
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
        int: "int", float: "float", complex: "complex", str: "str", bytes: "bytes",
        bytearray: "bytearray",
        list: "list", tuple: "tuple", dict: "dict", set: "set", frozenset: "frozenset",
        range: "range", slice: "slice", none: "NoneType", not_implemented: "NotImplementedType",
        ellipsis: "ellipsis", function: "function", builtin_function: "builtin_function_or_method",
        method: "method", code: "code", cell: "cell", generator: "generator",
        coroutine: "coroutine", async_generator: "async_generator", module: "module",
        iterator: "iterator",
        property: "property", classmethod: "classmethod", staticmethod: "staticmethod",
        super_: "super", dict_keys: "dict_keys", dict_values: "dict_values",
        dict_items: "dict_items", traceback: "traceback", frame: "frame",
        memoryview: "memoryview", mappingproxy: "mappingproxy",
        generic_alias: "GenericAlias",
        list_iterator: "list_iterator", tuple_iterator: "tuple_iterator",
        str_ascii_iterator: "str_ascii_iterator", str_iterator: "str_iterator",
        range_iterator: "range_iterator", dict_keyiterator: "dict_keyiterator",
        dict_valueiterator: "dict_valueiterator", dict_itemiterator: "dict_itemiterator",
        dict_reverseiterator: "dict_reversekeyiterator",
        dict_reversevalueiterator: "dict_reversevalueiterator",
        dict_reverseitemiterator: "dict_reverseitemiterator", set_iterator: "set_iterator",
        bytes_iterator: "bytes_iterator", bytearray_iterator: "bytearray_iterator",
        enumerate: "enumerate", zip: "zip", map: "map", filter: "filter",
        reversed: "reversed", list_reverseiterator: "list_reverseiterator",
        callable_iterator: "callable_iterator",
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
        blocking_io_error: "BlockingIOError" < os_error,
        child_process_error: "ChildProcessError" < os_error,
        connection_error: "ConnectionError" < os_error,
        broken_pipe_error: "BrokenPipeError" < connection_error,
        connection_aborted_error: "ConnectionAbortedError" < connection_error,
        connection_refused_error: "ConnectionRefusedError" < connection_error,
        connection_reset_error: "ConnectionResetError" < connection_error,
        file_exists_error: "FileExistsError" < os_error,
        file_not_found_error: "FileNotFoundError" < os_error,
        interrupted_error: "InterruptedError" < os_error,
        is_a_directory_error: "IsADirectoryError" < os_error,
        not_a_directory_error: "NotADirectoryError" < os_error,
        permission_error: "PermissionError" < os_error,
        process_lookup_error: "ProcessLookupError" < os_error,
        timeout_error: "TimeoutError" < os_error,
        reference_error: "ReferenceError" < exception,
        runtime_error: "RuntimeError" < exception,
        not_implemented_error: "NotImplementedError" < runtime_error,
        recursion_error: "RecursionError" < runtime_error,
        deadlock_error: "DeadlockError" < runtime_error,
        stop_iteration: "StopIteration" < exception,
        stop_async_iteration: "StopAsyncIteration" < exception,
        base_exception_group: "BaseExceptionGroup" < base_exception,
        exception_group: "ExceptionGroup" < base_exception_group,
        syntax_error: "SyntaxError" < exception,
        indentation_error: "IndentationError" < syntax_error,
        tab_error: "TabError" < indentation_error,
        system_error: "SystemError" < exception,
        type_error: "TypeError" < exception,
        value_error: "ValueError" < exception,
        unicode_error: "UnicodeError" < value_error,
        unicode_decode_error: "UnicodeDecodeError" < unicode_error,
        unicode_encode_error: "UnicodeEncodeError" < unicode_error,
        unicode_translate_error: "UnicodeTranslateError" < unicode_error,
        warning: "Warning" < exception,
        bytes_warning: "BytesWarning" < warning,
        deprecation_warning: "DeprecationWarning" < warning,
        encoding_warning: "EncodingWarning" < warning,
        future_warning: "FutureWarning" < warning,
        import_warning: "ImportWarning" < warning,
        pending_deprecation_warning: "PendingDeprecationWarning" < warning,
        resource_warning: "ResourceWarning" < warning,
        runtime_warning: "RuntimeWarning" < warning,
        syntax_warning: "SyntaxWarning" < warning,
        unicode_warning: "UnicodeWarning" < warning,
        user_warning: "UserWarning" < warning,
    }
}

impl Default for Types {
    fn default() -> Self {
        Types::new()
    }
}
