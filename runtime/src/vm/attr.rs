//! Attribute access: `getattr`/`setattr`/`delattr` with Python's descriptor protocol
//! (data descriptors before the instance `__dict__`, then non-data descriptors and
//! plain class attributes), `__getattribute__`/`__getattr__`/`__setattr__`/
//! `__delattr__` overrides, `__slots__`, attributes of classes (through their
//! metaclass), method lookup, and the built-in descriptors (`property`,
//! `classmethod`, `staticmethod`, `super`).

use crate::object::BoolWord;
use std::rc::Rc;

use crate::object::{
    BoundMethod, Builtin, Instance, Native, PyStr, PyType, TypeFlags, TypeKind, Value,
};
use crate::vm::eval::{dict_del_name, dict_get_name, dict_set_name};
use crate::vm::{Args, PyErr, PyResult, Vm};

/// `property(fget, fset, fdel, doc)`
pub struct Property {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
}

/// `classmethod(f)`
pub struct ClassMethod(pub Value);

/// `staticmethod(f)`
pub struct StaticMethod(pub Value);

/// `super(cls, obj)`
pub struct Super {
    pub cls: Rc<PyType>,
    pub obj: Value,
}

/// A member of `__slots__`: a data descriptor reading the instance's slot `index`.
pub struct SlotMember {
    pub name: Rc<PyStr>,
    pub index: usize,
    pub owner: Rc<PyStr>,
}

/// What a class attribute is, for the descriptor protocol.
enum Descr {
    Property,
    Slot(usize),
    /// An instance of a class with `__get__` and (`data`) `__set__` or `__delete__`.
    User {
        get: Option<Value>,
        data: bool,
    },
    Other,
}

impl Vm {
    /// `type(v)`.
    pub fn type_of(&self, v: &Value) -> Rc<PyType> {
        let t = &self.ctx.types;
        match v {
            Value::Null | Value::None => t.none.clone(),
            Value::NotImplemented => t.not_implemented.clone(),
            Value::Ellipsis => t.ellipsis.clone(),
            Value::BoolW(_) => t.bool_.clone(),
            Value::Int(_) | Value::BigInt(_) => t.int.clone(),
            Value::FloatW(_) => t.float.clone(),
            Value::Str(_) => t.str.clone(),
            Value::Bytes(_) => t.bytes.clone(),
            Value::ByteArray(_) => t.bytearray.clone(),
            Value::List(_) => t.list.clone(),
            Value::Tuple(_) => t.tuple.clone(),
            Value::Dict(_) => t.dict.clone(),
            Value::Set(s) => {
                if s.frozen {
                    t.frozenset.clone()
                } else {
                    t.set.clone()
                }
            }
            Value::Range(_) => t.range.clone(),
            Value::Slice(_) => t.slice.clone(),
            Value::Iter(i) => self.iter_type(i),
            Value::Function(_) => t.function.clone(),
            Value::Builtin(_) => t.builtin_function.clone(),
            Value::Method(_) => t.method.clone(),
            Value::Code(_) => t.code.clone(),
            Value::Cell(_) => t.cell.clone(),
            Value::Generator(g) => {
                if g.coroutine {
                    t.coroutine.clone()
                } else if g.is_async_gen {
                    t.async_generator.clone()
                } else {
                    t.generator.clone()
                }
            }
            Value::Type(c) => c.meta.clone().unwrap_or_else(|| t.type_.clone()),
            Value::Instance(i) => i.class.clone(),
            Value::Module(_) => t.module.clone(),
            Value::Native(n) => n.class.clone(),
        }
    }

    /// The class of a built-in iterator (by what it iterates).
    fn iter_type(&self, i: &crate::object::PyIter) -> Rc<PyType> {
        use crate::object::IterState as S;
        let t = &self.ctx.types;
        let Ok(st) = i.0.try_borrow() else {
            return t.iterator.clone();
        };
        match &*st {
            S::Range { .. } => t.range_iterator.clone(),
            S::Seq { seq, .. } => match seq {
                Value::List(_) => t.list_iterator.clone(),
                Value::Tuple(_) => t.tuple_iterator.clone(),
                Value::Bytes(_) => t.bytes_iterator.clone(),
                Value::ByteArray(_) => t.bytearray_iterator.clone(),
                _ => t.iterator.clone(),
            },
            S::Str { s, .. } => {
                if s.is_ascii() {
                    t.str_ascii_iterator.clone()
                } else {
                    t.str_iterator.clone()
                }
            }
            S::DictKeys { .. } => t.dict_keyiterator.clone(),
            S::DictValues { .. } => t.dict_valueiterator.clone(),
            S::DictItems { .. } => t.dict_itemiterator.clone(),
            S::DictReversed { kind: 0, .. } => t.dict_reverseiterator.clone(),
            S::DictReversed { kind: 1, .. } => t.dict_reversevalueiterator.clone(),
            S::DictReversed { .. } => t.dict_reverseitemiterator.clone(),
            S::SetItems { .. } => t.set_iterator.clone(),
            S::Enumerate { .. } => t.enumerate.clone(),
            S::Zip { .. } | S::ZipStrict { .. } => t.zip.clone(),
            S::Map { .. } => t.map.clone(),
            S::Filter { .. } => t.filter.clone(),
            S::Reversed { seq, .. } => match seq {
                Value::List(_) => t.list_reverseiterator.clone(),
                _ => t.reversed.clone(),
            },
            S::Callable { .. } => t.callable_iterator.clone(),
            _ => t.iterator.clone(),
        }
    }

    /// The name of `type(v)`.
    pub fn type_name(&self, v: &Value) -> String {
        self.type_of(v).name().to_owned()
    }

    /// `getattr(obj, name)` for a Rust string name.
    pub fn get_attr_str(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        let n = self.ctx.intern(name);
        self.get_attr(obj, &n)
    }

    /// `getattr(obj, name)`, or None when missing (other errors propagate).
    pub fn get_attr_opt(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        match self.get_attr_str(obj, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.err_is(&e, &self.ctx.types.attribute_error.clone()) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn descr_kind(&self, attr: &Value) -> Descr {
        match attr {
            Value::Native(n) if n.get::<Property>().is_some() => Descr::Property,
            Value::Native(n) if n.get::<SlotMember>().is_some() => {
                Descr::Slot(n.get::<SlotMember>().map(|m| m.index).unwrap_or(0))
            }
            Value::Instance(d) if !d.class.builtin => {
                let c = &d.class;
                let get = c.lookup("__get__");
                let data = c.lookup("__set__").is_some() || c.lookup("__delete__").is_some();
                if get.is_none() && !data {
                    Descr::Other
                } else {
                    Descr::User { get, data }
                }
            }
            _ => Descr::Other,
        }
    }

    /// Binds a class attribute found for an instance (functions become methods,
    /// descriptors run). `obj` is None (`Value::None` with `for_class`) when the
    /// attribute is read from the class itself.
    pub(crate) fn bind_class_attr(
        &mut self,
        attr: Value,
        obj: &Value,
        cls: &Rc<PyType>,
    ) -> PyResult<Value> {
        match &attr {
            Value::Function(_) => Ok(Value::Method(Rc::new(BoundMethod {
                func: attr,
                self_: obj.clone(),
            }))),
            Value::Builtin(b) if b.bound.is_none() => Ok(Value::Builtin(Rc::new(Builtin {
                name: b.name,
                func: b.func,
                bound: Some(obj.clone()),
            }))),
            Value::Native(n) => {
                if let Some(p) = n.get::<Property>() {
                    if p.fget.is_none() {
                        return Err(self.attribute_error("unreadable attribute"));
                    }
                    let g = p.fget.clone();
                    return self.call0(&g, std::slice::from_ref(obj));
                }
                if let Some(c) = n.get::<ClassMethod>() {
                    return Ok(Value::Method(Rc::new(BoundMethod {
                        func: c.0.clone(),
                        self_: Value::Type(cls.clone()),
                    })));
                }
                if let Some(s) = n.get::<StaticMethod>() {
                    return Ok(s.0.clone());
                }
                Ok(attr)
            }
            Value::Instance(d) if !d.class.builtin => {
                if let Some(get) = d.class.lookup("__get__") {
                    return self
                        .call0(&get, &[attr.clone(), obj.clone(), Value::Type(cls.clone())]);
                }
                Ok(attr)
            }
            _ => Ok(attr),
        }
    }

    /// Binds a class attribute read from the class itself (`C.attr`).
    fn bind_for_class(&mut self, attr: Value, cls: &Rc<PyType>) -> PyResult<Value> {
        match &attr {
            Value::Native(n) => {
                if let Some(c) = n.get::<ClassMethod>() {
                    return Ok(Value::Method(Rc::new(BoundMethod {
                        func: c.0.clone(),
                        self_: Value::Type(cls.clone()),
                    })));
                }
                if let Some(s) = n.get::<StaticMethod>() {
                    return Ok(s.0.clone());
                }
                Ok(attr)
            }
            Value::Instance(d) if !d.class.builtin => {
                if let Some(get) = d.class.lookup("__get__") {
                    return self
                        .call0(&get, &[attr.clone(), Value::None, Value::Type(cls.clone())]);
                }
                Ok(attr)
            }
            _ => Ok(attr),
        }
    }

    /// `getattr(obj, name)`.
    pub fn get_attr(&mut self, obj: &Value, name: &Rc<PyStr>) -> PyResult<Value> {
        match obj {
            Value::Instance(inst) => {
                let flags = inst.class.type_flags();
                let r = if flags & TypeFlags::GETATTRIBUTE != 0 {
                    let f = inst.class.lookup("__getattribute__").unwrap_or_default();
                    self.call0(&f, &[obj.clone(), Value::Str(name.clone())])
                } else {
                    self.instance_getattr(obj, inst, name)
                };
                match r {
                    Err(e)
                        if flags & TypeFlags::GETATTR != 0
                            && self.err_is(&e, &self.ctx.types.attribute_error.clone()) =>
                    {
                        let ga = inst.class.lookup("__getattr__").unwrap_or_default();
                        self.call0(&ga, &[obj.clone(), Value::Str(name.clone())])
                    }
                    r => r,
                }
            }
            Value::Type(t) => self.type_getattr(obj, t, name),
            Value::Module(m) => match dict_get_name(&m.dict, name) {
                Some(v) => Ok(v),
                None => match name.as_str() {
                    "__dict__" => Ok(Value::Dict(m.dict.clone())),
                    "__class__" => Ok(Value::Type(self.ctx.types.module.clone())),
                    n => {
                        if let Some(ga) = m.dict.get_str("__getattr__") {
                            return self.call0(&ga, &[Value::Str(name.clone())]);
                        }
                        let partial = if crate::stdlib::module_initializing(&m.dict) {
                            "partially initialized "
                        } else {
                            ""
                        };
                        let why = if partial.is_empty() {
                            ""
                        } else {
                            " (most likely due to a circular import)"
                        };
                        Err(self.attribute_error(format!(
                            "{partial}module '{}' has no attribute '{}'{why}",
                            m.name.as_str(),
                            n
                        )))
                    }
                },
            },
            Value::Function(f) => match name.as_str() {
                "__name__" => Ok(Value::Str(f.name.borrow().clone())),
                "__qualname__" => Ok(Value::Str(f.qualname.borrow().clone())),
                "__doc__" => Ok(match f.dict.get_str("__doc__") {
                    Some(d) => d,
                    None => f
                        .code
                        .code
                        .doc
                        .as_deref()
                        .map(Value::str)
                        .unwrap_or(Value::None),
                }),
                "__module__" => Ok(match f.dict.get_str("__module__") {
                    Some(m) => m,
                    None => f.globals.get_str("__name__").unwrap_or(Value::None),
                }),
                "__dict__" => Ok(Value::Dict(f.dict.clone())),
                "__defaults__" => Ok(f
                    .defaults
                    .borrow()
                    .clone()
                    .map(Value::Tuple)
                    .unwrap_or(Value::None)),
                "__kwdefaults__" => Ok(f
                    .kwdefaults
                    .borrow()
                    .clone()
                    .map(Value::Dict)
                    .unwrap_or(Value::None)),
                "__globals__" => Ok(Value::Dict(f.globals.clone())),
                "__code__" => Ok(Value::Code(f.code.clone())),
                "__closure__" => Ok(if f.closure.is_empty() {
                    Value::None
                } else {
                    Value::tuple(f.closure.iter().map(|c| Value::Cell(c.clone())).collect())
                }),
                "__annotations__" => {
                    if let Some(a) = f.dict.get_str("__annotations__") {
                        return Ok(a);
                    }
                    let d = Value::Dict(Rc::new(crate::object::PyDict::new()));
                    f.dict.set_str("__annotations__", d.clone());
                    Ok(d)
                }
                _ => match dict_get_name(&f.dict, name) {
                    Some(v) => Ok(v),
                    None => self.generic_attr(obj, name),
                },
            },
            Value::Method(m) => match name.as_str() {
                "__self__" => Ok(m.self_.clone()),
                "__func__" => Ok(m.func.clone()),
                "__class__" => Ok(Value::Type(self.ctx.types.method.clone())),
                _ => {
                    let f = m.func.clone();
                    self.get_attr(&f, name)
                }
            },
            Value::Builtin(b) => match name.as_str() {
                "__name__" => Ok(Value::str(b.name)),
                "__qualname__" => Ok(match &b.bound {
                    Some(s) => Value::string(format!("{}.{}", self.type_name(s), b.name)),
                    None => Value::str(b.name),
                }),
                "__self__" => Ok(b.bound.clone().unwrap_or(Value::None)),
                "__doc__" => Ok(Value::None),
                "__module__" => Ok(if b.bound.is_none() {
                    Value::str("builtins")
                } else {
                    Value::None
                }),
                _ => self.generic_attr(obj, name),
            },
            Value::Code(c) => match name.as_str() {
                "co_name" => Ok(Value::str(&c.code.name)),
                "co_qualname" => Ok(Value::str(&c.code.qualname)),
                "co_filename" => Ok(Value::str(&c.code.filename)),
                "co_firstlineno" => Ok(Value::Int(c.code.first_line as i64)),
                "co_argcount" => Ok(Value::Int(c.code.argcount as i64)),
                "co_posonlyargcount" => Ok(Value::Int(c.code.posonlyargcount as i64)),
                "co_kwonlyargcount" => Ok(Value::Int(c.code.kwonlyargcount as i64)),
                "co_varnames" => Ok(Value::tuple(
                    c.varnames.iter().map(|v| Value::Str(v.clone())).collect(),
                )),
                "co_names" => Ok(Value::tuple(
                    c.names.iter().map(|v| Value::Str(v.clone())).collect(),
                )),
                "co_flags" => Ok(Value::Int(cpython_co_flags(c.code.flags))),
                "co_cellvars" => Ok(Value::tuple(
                    c.code.cellvars.iter().map(|v| Value::str(v)).collect(),
                )),
                "co_freevars" => Ok(Value::tuple(
                    c.code.freevars.iter().map(|v| Value::str(v)).collect(),
                )),
                "co_nlocals" => Ok(Value::Int(c.varnames.len() as i64)),
                "co_stacksize" => Ok(Value::Int(c.code.max_stack as i64)),
                "co_consts" => Ok(Value::tuple(c.consts.to_vec())),
                _ => self.generic_attr(obj, name),
            },
            Value::Native(nat) => {
                if let Some(s) = nat.get::<Super>() {
                    return self.super_attr(s, name.as_str());
                }
                if let Some(m) = nat.get::<SlotMember>() {
                    match name.as_str() {
                        "__name__" => return Ok(Value::Str(m.name.clone())),
                        "__objclass__" => return Ok(Value::None),
                        _ => {}
                    }
                }
                if let Some(p) = nat.get::<Property>() {
                    match name.as_str() {
                        "fget" => return Ok(p.fget.clone()),
                        "fset" => return Ok(p.fset.clone()),
                        "fdel" => return Ok(p.fdel.clone()),
                        "__isabstractmethod__" => {
                            let fs = [p.fget.clone(), p.fset.clone(), p.fdel.clone()];
                            for f in &fs {
                                if self.is_abstract_method(f)? {
                                    return Ok(Value::BoolW(BoolWord::TRUE));
                                }
                            }
                            return Ok(Value::BoolW(BoolWord::FALSE));
                        }
                        "__doc__" => {
                            if !p.doc.is_none() {
                                return Ok(p.doc.clone());
                            }
                            if !p.fget.is_none() {
                                let g = p.fget.clone();
                                return self.get_attr_str(&g, "__doc__");
                            }
                            return Ok(Value::None);
                        }
                        _ => {}
                    }
                }
                if let Some(c) = nat.get::<ClassMethod>() {
                    match name.as_str() {
                        "__func__" | "__wrapped__" => return Ok(c.0.clone()),
                        "__isabstractmethod__" => {
                            let f = c.0.clone();
                            return Ok(Value::Bool(self.is_abstract_method(&f)?));
                        }
                        _ => {}
                    }
                }
                if let Some(c) = nat.get::<StaticMethod>() {
                    match name.as_str() {
                        "__func__" | "__wrapped__" => return Ok(c.0.clone()),
                        "__isabstractmethod__" => {
                            let f = c.0.clone();
                            return Ok(Value::Bool(self.is_abstract_method(&f)?));
                        }
                        _ => {}
                    }
                }
                if let Some(d) = &nat.dict
                    && let Some(v) = dict_get_name(d, name)
                {
                    return Ok(v);
                }
                match self.generic_attr(obj, name) {
                    Err(e)
                        if self.err_is(&e, &self.ctx.types.attribute_error.clone())
                            && nat.class.lookup("__getattr__").is_some() =>
                    {
                        let ga = nat.class.lookup("__getattr__").unwrap_or_default();
                        self.call0(&ga, &[obj.clone(), Value::Str(name.clone())])
                    }
                    r => r,
                }
            }
            _ => self.generic_attr(obj, name),
        }
    }

    /// `object.__getattribute__(obj, name)` for an instance of a class.
    pub(crate) fn instance_getattr(
        &mut self,
        obj: &Value,
        inst: &Rc<Instance>,
        name: &Rc<PyStr>,
    ) -> PyResult<Value> {
        let cls = inst.class.clone();
        if cls.kind == TypeKind::Local {
            crate::stdlib::local_switch(self, inst)?;
        }
        let class_attr = cls.lookup_name(name);
        if let Some(ca) = &class_attr {
            match self.descr_kind(ca) {
                Descr::Property => return self.bind_class_attr(ca.clone(), obj, &cls),
                Descr::User {
                    get: Some(get),
                    data: true,
                } => {
                    return self.call0(&get, &[ca.clone(), obj.clone(), Value::Type(cls)]);
                }
                Descr::Slot(i) => {
                    let v = inst
                        .slot_values
                        .borrow()
                        .get(i)
                        .cloned()
                        .unwrap_or_default();
                    if v.is_null() {
                        return Err(self.no_attr(obj, name.as_str()));
                    }
                    return Ok(v);
                }
                _ => {}
            }
        }
        if let Some(exc) = &inst.exc {
            match name.as_str() {
                "args" => return Ok(exc.args.borrow().clone()),
                "__cause__" => return Ok(none_if_null(exc.cause.borrow().clone())),
                "__context__" => return Ok(none_if_null(exc.context.borrow().clone())),
                "__suppress_context__" => {
                    return Ok(Value::Bool(exc.suppress_context.get()));
                }
                "__traceback__" => return Ok(self.traceback_of(inst)),
                _ => {}
            }
        }
        if let Some(v) = inst.dict.0.borrow().get_pystr(name).cloned() {
            return Ok(v);
        }
        match name.as_str() {
            "__class__" => return Ok(Value::Type(cls)),
            "__dict__" if cls.slots.is_none() => return Ok(Value::Dict(inst.dict.clone())),
            _ => {}
        }
        if let Some(a) = class_attr {
            return self.bind_class_attr(a, obj, &cls);
        }
        if let Some(base) = &inst.base
            && let Some(v) = self.builtin_value_attr(base, name.as_str())
        {
            return Ok(v);
        }
        if let Some(v) = self.exc_computed_attr(inst, name.as_str()) {
            return Ok(v);
        }
        Err(self.no_attr(obj, name.as_str()))
    }

    /// Attributes of built-in exceptions derived from their args (`StopIteration.value`,
    /// `SystemExit.code`, `OSError.errno` ...).
    fn exc_computed_attr(&self, inst: &Rc<Instance>, n: &str) -> Option<Value> {
        let exc = inst.exc.as_ref()?;
        let args = match &*exc.args.borrow() {
            Value::Tuple(t) => t.0.to_vec(),
            _ => vec![],
        };
        let t = &self.ctx.types;
        let c = &inst.class;
        let first = || args.first().cloned().unwrap_or(Value::None);
        Some(match n {
            "message" if c.is_subtype(&t.base_exception_group) => first(),
            "exceptions" if c.is_subtype(&t.base_exception_group) => match args.get(1) {
                Some(Value::Tuple(t)) => Value::Tuple(t.clone()),
                Some(Value::List(l)) => Value::tuple(l.0.borrow().clone()),
                _ => Value::tuple_of([]),
            },
            "value" if c.is_subtype(&t.stop_iteration) || c.is_subtype(&t.stop_async_iteration) => {
                first()
            }
            "code" if c.is_subtype(&t.system_exit) => match args.len() {
                0 => Value::None,
                1 => first(),
                _ => Value::tuple(args),
            },
            "errno" if c.is_subtype(&t.os_error) => {
                if args.len() >= 2 {
                    first()
                } else {
                    Value::None
                }
            }
            "strerror" if c.is_subtype(&t.os_error) => args.get(1).cloned().unwrap_or(Value::None),
            "filename" | "filename2" if c.is_subtype(&t.os_error) => Value::None,
            "name" | "path" if c.is_subtype(&t.import_error) => Value::None,
            "name" if c.is_subtype(&t.name_error) || c.is_subtype(&t.attribute_error) => {
                Value::None
            }
            "obj" if c.is_subtype(&t.attribute_error) => Value::None,
            "msg" if c.is_subtype(&t.syntax_error) => first(),
            "filename" | "lineno" | "offset" | "text" | "end_lineno" | "end_offset"
                if c.is_subtype(&t.syntax_error) =>
            {
                Value::None
            }
            _ => return None,
        })
    }

    /// The traceback object of an exception (a minimal `traceback` stand-in: None when
    /// the exception has not been raised).
    fn traceback_of(&mut self, inst: &Rc<Instance>) -> Value {
        match &inst.exc {
            Some(x) if !x.traceback.borrow().is_empty() => self.traceback_value(inst),
            _ => Value::None,
        }
    }

    /// `C.name` for a class `C`.
    fn type_getattr(&mut self, obj: &Value, t: &Rc<PyType>, name: &Rc<PyStr>) -> PyResult<Value> {
        let n = name.as_str();
        match n {
            "__name__" => return Ok(Value::Str(t.name.clone())),
            "__qualname__" => return Ok(Value::Str(t.qualname.borrow().clone())),
            "__mro__" => {
                let mut v = vec![obj.clone()];
                v.extend(t.mro.iter().map(|x| Value::Type(x.clone())));
                return Ok(Value::tuple(v));
            }
            "__bases__" => {
                return Ok(Value::tuple(
                    t.bases.iter().map(|x| Value::Type(x.clone())).collect(),
                ));
            }
            "__base__" => {
                return Ok(t
                    .bases
                    .first()
                    .map(|b| Value::Type(b.clone()))
                    .unwrap_or(Value::None));
            }
            "__dict__" => return Ok(self.mapping_proxy(Value::Dict(t.dict.clone()))),
            "__class__" => return Ok(Value::Type(self.type_of(obj))),
            "__module__" if t.builtin && t.dict.get_str("__module__").is_none() => {
                return Ok(Value::str("builtins"));
            }
            "__doc__" if t.dict.get_str("__doc__").is_none() => return Ok(Value::None),
            _ => {}
        }
        let meta = self.type_of(obj);
        let meta_attr = if Rc::ptr_eq(&meta, &self.ctx.types.type_) {
            None
        } else {
            meta.lookup_name(name)
        };
        if let Some(ma) = &meta_attr {
            match self.descr_kind(ma) {
                Descr::Property => return self.bind_class_attr(ma.clone(), obj, &meta),
                Descr::User {
                    get: Some(get),
                    data: true,
                } => {
                    return self.call0(&get, &[ma.clone(), obj.clone(), Value::Type(meta)]);
                }
                _ => {}
            }
        }
        if let Some(a) = t.lookup_name(name) {
            return self.bind_for_class(a, t);
        }
        if let Some(ma) = meta_attr {
            return self.bind_class_attr(ma, obj, &meta);
        }
        // methods of `type` itself (mro, __subclasses__ ...)
        if let Some(a) = self.ctx.types.type_.lookup_name(name)
            && !matches!(n, "__new__" | "__init__" | "__call__")
        {
            let tt = self.ctx.types.type_.clone();
            return self.bind_class_attr(a, obj, &tt);
        }
        if let Some(ga) = meta.lookup("__getattr__")
            && !Rc::ptr_eq(&meta, &self.ctx.types.type_)
        {
            return self.call0(&ga, &[obj.clone(), Value::Str(name.clone())]);
        }
        Err(self.attribute_error(format!(
            "type object '{}' has no attribute '{}'",
            t.name(),
            n
        )))
    }

    /// Attributes that built-in values have without a class-dict entry (`(1).real`).
    fn builtin_value_attr(&self, obj: &Value, n: &str) -> Option<Value> {
        Some(match (obj, n) {
            (Value::Int(_) | Value::BigInt(_) | Value::BoolW(_), "real" | "numerator") => {
                self.to_plain_int(obj)
            }
            (Value::Int(_) | Value::BigInt(_) | Value::BoolW(_), "imag") => Value::Int(0),
            (Value::Int(_) | Value::BigInt(_) | Value::BoolW(_), "denominator") => Value::Int(1),
            (Value::FloatW(f), "real") => Value::Float(f.get()),
            (Value::FloatW(_), "imag") => Value::Float(0.0),
            (Value::Generator(g), "__name__") => Value::Str(g.name.clone()),
            (Value::Generator(g), "__qualname__") => Value::Str(g.qualname.clone()),
            (Value::Generator(g), "gi_running" | "cr_running" | "ag_running") => {
                Value::Bool(g.running.get())
            }
            (Value::Generator(g), "gi_yieldfrom" | "cr_await" | "ag_await") => {
                let frame = g.frame.borrow();
                match frame.as_deref() {
                    Some(f)
                        if f.lasti > 0
                            && matches!(
                                f.code.code.instrs.get(f.lasti),
                                Some(crate::bytecode::Instr::YieldValue)
                            )
                            && matches!(
                                f.code.code.instrs.get(f.lasti - 1),
                                Some(crate::bytecode::Instr::Send(_))
                            ) =>
                    {
                        f.stack.last().cloned().unwrap_or(Value::None)
                    }
                    _ => Value::None,
                }
            }
            (Value::Generator(g), "gi_frame" | "cr_frame" | "ag_frame") => {
                if g.frame.borrow().is_some() {
                    Value::BoolW(BoolWord::TRUE)
                } else {
                    Value::None
                }
            }
            (Value::Range(r), "start") => Value::Int(r.start),
            (Value::Range(r), "stop") => Value::Int(r.stop),
            (Value::Range(r), "step") => Value::Int(r.step),
            (Value::Slice(s), "start") => s.start.clone(),
            (Value::Slice(s), "stop") => s.stop.clone(),
            (Value::Slice(s), "step") => s.step.clone(),
            (Value::Cell(c), "cell_contents") => c.0.borrow().clone(),
            _ => return None,
        })
    }

    /// Attribute lookup on built-in values: methods from the type's dict.
    fn generic_attr(&mut self, obj: &Value, name: &Rc<PyStr>) -> PyResult<Value> {
        let n = name.as_str();
        let cls = self.type_of(obj);
        if n == "__class__" {
            return Ok(Value::Type(cls));
        }
        if let Some(v) = self.builtin_value_attr(obj, n) {
            return Ok(v);
        }
        if n == "__doc__" {
            return Ok(Value::None);
        }
        match cls.lookup_name(name) {
            Some(a) => self.bind_class_attr(a, obj, &cls),
            None => Err(self.no_attr(obj, n)),
        }
    }

    fn to_plain_int(&self, v: &Value) -> Value {
        match v {
            Value::BoolW(b) => Value::Int(b.get() as i64),
            other => other.clone(),
        }
    }

    /// The `AttributeError` for a missing attribute.
    pub(crate) fn no_attr(&self, obj: &Value, n: &str) -> PyErr {
        let e = self.attribute_error(format!(
            "'{}' object has no attribute '{}'",
            self.type_name(obj),
            n
        ));
        e.dict.set_str("name", Value::str(n));
        e.dict.set_str("obj", obj.clone());
        e
    }

    fn super_attr(&mut self, s: &Super, n: &str) -> PyResult<Value> {
        let (start, obj_is_class) = match &s.obj {
            Value::Type(t) if t.is_subtype(&s.cls) => (t.clone(), true),
            other => (self.type_of(other), false),
        };
        let chain = start.full_mro();
        let pos = chain
            .iter()
            .position(|t| Rc::ptr_eq(t, &s.cls))
            .map(|p| p + 1)
            .unwrap_or(chain.len());
        for t in &chain[pos..] {
            if let Some(a) = t.dict.get_str(n) {
                if obj_is_class {
                    return self.bind_for_class(a, &start);
                }
                let obj = s.obj.clone();
                return self.bind_class_attr(a, &obj, &start);
            }
        }
        match n {
            "__class__" => return Ok(Value::Type(self.ctx.types.super_.clone())),
            "__self__" => return Ok(s.obj.clone()),
            "__thisclass__" => return Ok(Value::Type(s.cls.clone())),
            "__self_class__" => {
                return Ok(match &s.obj {
                    Value::Type(t) if t.is_subtype(&s.cls) => Value::Type(t.clone()),
                    Value::None => Value::None,
                    o => Value::Type(self.type_of(o)),
                });
            }
            _ => {}
        }
        Err(self.attribute_error(format!("'super' object has no attribute '{n}'")))
    }

    /// `obj.name = v`.
    pub fn set_attr(&mut self, obj: &Value, name: &Rc<PyStr>, v: Value) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                if inst.class.kind == TypeKind::Local {
                    crate::stdlib::local_switch(self, inst)?;
                }
                if inst.class.type_flags() & TypeFlags::SETATTR != 0 {
                    let sa = inst.class.lookup("__setattr__").unwrap_or_default();
                    self.call0(&sa, &[obj.clone(), Value::Str(name.clone()), v])?;
                    return Ok(());
                }
                self.instance_setattr(obj, inst, name, v)
            }
            Value::Type(t) if !t.builtin => {
                let meta = self.type_of(obj);
                if !Rc::ptr_eq(&meta, &self.ctx.types.type_)
                    && let Some(sa) = meta.lookup("__setattr__")
                    && !matches!(sa, Value::Builtin(_))
                {
                    self.call0(&sa, &[obj.clone(), Value::Str(name.clone()), v])?;
                    return Ok(());
                }
                self.type_setattr(t, name, v)
            }
            Value::Type(t) => Err(self.type_error(format!(
                "cannot set '{}' attribute of immutable type '{}'",
                name.as_str(),
                t.name()
            ))),
            Value::Module(m) => {
                dict_set_name(&m.dict, name, v);
                Ok(())
            }
            Value::Function(f) => {
                match name.as_str() {
                    "__name__" | "__qualname__" => {
                        let Value::Str(s) = v else {
                            return Err(self.type_error(format!(
                                "{} must be set to a string object",
                                name.as_str()
                            )));
                        };
                        if name.as_str() == "__name__" {
                            *f.name.borrow_mut() = s;
                        } else {
                            *f.qualname.borrow_mut() = s;
                        }
                    }
                    "__defaults__" => {
                        *f.defaults.borrow_mut() = match v {
                            Value::None => None,
                            Value::Tuple(t) => Some(t),
                            _ => {
                                return Err(
                                    self.type_error("__defaults__ must be set to a tuple object")
                                );
                            }
                        };
                    }
                    "__kwdefaults__" => {
                        *f.kwdefaults.borrow_mut() = match v {
                            Value::None => None,
                            Value::Dict(d) => Some(d),
                            _ => {
                                return Err(
                                    self.type_error("__kwdefaults__ must be set to a dict object")
                                );
                            }
                        };
                    }
                    _ => dict_set_name(&f.dict, name, v),
                }
                Ok(())
            }
            Value::Native(nat) if nat.dict.is_some() => {
                if let Some(d) = &nat.dict {
                    dict_set_name(d, name, v);
                }
                Ok(())
            }
            _ => {
                let t = self.type_of(obj);
                if self.builtin_value_attr(obj, name.as_str()).is_some() {
                    return Err(self.attribute_error(format!(
                        "attribute '{}' of '{}' objects is not writable",
                        name.as_str(),
                        t.name()
                    )));
                }
                if t.lookup_name(name).is_some() {
                    return Err(self.attribute_error(format!(
                        "'{}' object attribute '{}' is read-only",
                        t.name(),
                        name.as_str()
                    )));
                }
                Err(self.no_attr(obj, name.as_str()))
            }
        }
    }

    /// `type.__setattr__(cls, name, v)`.
    pub(crate) fn type_setattr(
        &mut self,
        t: &Rc<PyType>,
        name: &Rc<PyStr>,
        v: Value,
    ) -> PyResult<()> {
        match name.as_str() {
            "__name__" => {
                return Err(self.type_error("can't set __name__ of a class yet"));
            }
            "__qualname__" => {
                if let Value::Str(s) = &v {
                    *t.qualname.borrow_mut() = s.clone();
                    return Ok(());
                }
                return Err(self.type_error(format!(
                    "can only assign string to {}.__qualname__, not '{}'",
                    t.name(),
                    self.type_name(&v)
                )));
            }
            _ => {}
        }
        dict_set_name(&t.dict, name, v);
        if name.as_str().starts_with("__") {
            t.modified();
        }
        Ok(())
    }

    /// `object.__setattr__(obj, name, v)` for an instance of a class.
    pub(crate) fn instance_setattr(
        &mut self,
        obj: &Value,
        inst: &Rc<Instance>,
        name: &Rc<PyStr>,
        v: Value,
    ) -> PyResult<()> {
        let cls = inst.class.clone();
        if let Some(ca) = cls.lookup_name(name) {
            match self.descr_kind(&ca) {
                Descr::Property => {
                    let Value::Native(nat) = &ca else {
                        return Ok(());
                    };
                    let Some(p) = nat.get::<Property>() else {
                        return Ok(());
                    };
                    if p.fset.is_none() {
                        return Err(self.attribute_error(format!(
                            "property '{}' of '{}' object has no setter",
                            name.as_str(),
                            cls.name()
                        )));
                    }
                    let f = p.fset.clone();
                    self.call0(&f, &[obj.clone(), v])?;
                    return Ok(());
                }
                Descr::Slot(i) => {
                    let mut sv = inst.slot_values.borrow_mut();
                    if sv.len() <= i {
                        sv.resize(i + 1, Value::Null);
                    }
                    let old = std::mem::replace(&mut sv[i], v);
                    drop(sv);
                    drop(old);
                    return Ok(());
                }
                Descr::User { data: true, .. } => {
                    let Value::Instance(d) = &ca else {
                        return Ok(());
                    };
                    return match d.class.lookup("__set__") {
                        Some(set) => {
                            self.call0(&set, &[ca.clone(), obj.clone(), v])?;
                            Ok(())
                        }
                        None => Err(self.attribute_error("__set__")),
                    };
                }
                _ => {}
            }
        }
        if let Some(exc) = &inst.exc {
            match name.as_str() {
                "__cause__" | "__context__" if !self.is_exception_or_none(&v) => {
                    let what = &name.as_str()[2..name.as_str().len() - 2];
                    return Err(self.type_error(format!(
                        "exception {what} must be None or derive from BaseException"
                    )));
                }
                "__cause__" => {
                    *exc.cause.borrow_mut() = v;
                    exc.suppress_context.set(true);
                    return Ok(());
                }
                "__context__" => {
                    *exc.context.borrow_mut() = v;
                    return Ok(());
                }
                "__suppress_context__" => {
                    let b = self.truthy(&v)?;
                    exc.suppress_context.set(b);
                    return Ok(());
                }
                "__traceback__" => return Ok(()),
                "args" => {
                    let items = self.collect(&v)?;
                    *exc.args.borrow_mut() = Value::tuple(items);
                    return Ok(());
                }
                _ => {}
            }
        }
        if name.as_str() == "__class__" {
            return Err(self.type_error("__class__ assignment is not supported"));
        }
        if let Some(slots) = &cls.slots
            && !slots.iter().any(|s| s.as_str() == name.as_str())
        {
            return Err(self.no_attr(obj, name.as_str()));
        }
        // plain `object()` instances have no __dict__
        if Rc::ptr_eq(&cls, &self.ctx.types.object) {
            return Err(self.no_attr(obj, name.as_str()));
        }
        if name.as_str() == "__dict__" {
            let Value::Dict(d) = &v else {
                return Err(self.type_error(format!(
                    "__dict__ must be set to a dictionary, not a '{}'",
                    self.type_name(&v)
                )));
            };
            let items: Vec<(Value, Value)> =
                d.0.borrow()
                    .iter()
                    .map(|(k, x)| (k.clone(), x.clone()))
                    .collect();
            inst.dict.0.borrow_mut().clear();
            for (k, x) in items {
                self.dict_set(&inst.dict, k, x)?;
            }
            return Ok(());
        }
        dict_set_name(&inst.dict, name, v);
        Ok(())
    }

    /// `type.__delattr__(t, name)` for a class that is not built in (no metaclass
    /// hook).
    pub fn type_delattr(&mut self, t: &Rc<PyType>, name: &Rc<PyStr>) -> PyResult<()> {
        match dict_del_name(&t.dict, name) {
            Some(_) => {
                if name.as_str().starts_with("__") {
                    t.modified();
                }
                Ok(())
            }
            None => Err(self.attribute_error(format!(
                "type object '{}' has no attribute '{}'",
                t.name(),
                name.as_str()
            ))),
        }
    }

    /// `del obj.name`.
    pub fn del_attr(&mut self, obj: &Value, name: &Rc<PyStr>) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                if inst.class.kind == TypeKind::Local {
                    crate::stdlib::local_switch(self, inst)?;
                }
                if inst.class.type_flags() & TypeFlags::DELATTR != 0 {
                    let da = inst.class.lookup("__delattr__").unwrap_or_default();
                    self.call0(&da, &[obj.clone(), Value::Str(name.clone())])?;
                    return Ok(());
                }
                self.instance_delattr(obj, inst, name)
            }
            Value::Type(t) if !t.builtin => {
                let meta = self.type_of(obj);
                if !Rc::ptr_eq(&meta, &self.ctx.types.type_)
                    && let Some(da) = meta.lookup("__delattr__")
                    && !matches!(da, Value::Builtin(_))
                {
                    self.call0(&da, &[obj.clone(), Value::Str(name.clone())])?;
                    return Ok(());
                }
                self.type_delattr(t, name)
            }
            Value::Type(t) => Err(self.type_error(format!(
                "cannot delete '{}' attribute of immutable type '{}'",
                name.as_str(),
                t.name()
            ))),
            Value::Module(m) => match dict_del_name(&m.dict, name) {
                Some(_) => Ok(()),
                None => Err(self.attribute_error(format!(
                    "module '{}' has no attribute '{}'",
                    m.name.as_str(),
                    name.as_str()
                ))),
            },
            Value::Function(f) => match dict_del_name(&f.dict, name) {
                Some(_) => Ok(()),
                None => Err(self.no_attr(obj, name.as_str())),
            },
            Value::Native(nat) if nat.dict.is_some() => {
                match nat.dict.as_ref().and_then(|d| dict_del_name(d, name)) {
                    Some(_) => Ok(()),
                    None => Err(self.no_attr(obj, name.as_str())),
                }
            }
            _ => {
                let t = self.type_of(obj);
                if t.lookup_name(name).is_some() {
                    return Err(self.attribute_error(format!(
                        "'{}' object attribute '{}' is read-only",
                        t.name(),
                        name.as_str()
                    )));
                }
                Err(self.no_attr(obj, name.as_str()))
            }
        }
    }

    /// `object.__delattr__(obj, name)` for an instance of a class.
    pub(crate) fn instance_delattr(
        &mut self,
        obj: &Value,
        inst: &Rc<Instance>,
        name: &Rc<PyStr>,
    ) -> PyResult<()> {
        let cls = inst.class.clone();
        if let Some(ca) = cls.lookup_name(name) {
            match self.descr_kind(&ca) {
                Descr::Property => {
                    if let Value::Native(nat) = &ca
                        && let Some(p) = nat.get::<Property>()
                    {
                        if p.fdel.is_none() {
                            return Err(self.attribute_error(format!(
                                "property '{}' of '{}' object has no deleter",
                                name.as_str(),
                                cls.name()
                            )));
                        }
                        let f = p.fdel.clone();
                        self.call0(&f, std::slice::from_ref(obj))?;
                        return Ok(());
                    }
                }
                Descr::Slot(i) => {
                    let old = {
                        let mut sv = inst.slot_values.borrow_mut();
                        match sv.get_mut(i) {
                            Some(v) => std::mem::take(v),
                            None => Value::Null,
                        }
                    };
                    if old.is_null() {
                        return Err(self.no_attr(obj, name.as_str()));
                    }
                    return Ok(());
                }
                Descr::User { data: true, .. } => {
                    if let Value::Instance(d) = &ca {
                        return match d.class.lookup("__delete__") {
                            Some(del) => {
                                self.call0(&del, &[ca.clone(), obj.clone()])?;
                                Ok(())
                            }
                            None => Err(self.attribute_error("__delete__")),
                        };
                    }
                }
                _ => {}
            }
        }
        match dict_del_name(&inst.dict, name) {
            Some(_) => Ok(()),
            None => Err(self.no_attr(obj, name.as_str())),
        }
    }

    /// For `LoadMethod`: `(function, self)` when the attribute is a plain function or
    /// built-in method on the type, else `(attribute, null)`.
    pub fn load_method(&mut self, obj: Value, name: &Rc<PyStr>) -> PyResult<(Value, Value)> {
        let fast = match &obj {
            Value::Instance(i) if i.class.kind == TypeKind::Local => false,
            Value::Instance(i) => {
                i.class.type_flags() & TypeFlags::GETATTRIBUTE == 0
                    && i.dict.0.borrow().get_pystr(name).is_none()
            }
            Value::Native(n) => {
                n.dict
                    .as_ref()
                    .is_none_or(|d| d.0.borrow().get_pystr(name).is_none())
                    && n.get::<Super>().is_none()
            }
            Value::Type(_) | Value::Module(_) | Value::Function(_) => false,
            _ => true,
        };
        if fast {
            let cls = self.type_of(&obj);
            match cls.lookup_name(name) {
                Some(f @ Value::Function(_)) => return Ok((f, obj)),
                Some(b @ Value::Builtin(_)) if !matches!(&b, Value::Builtin(x) if x.bound.is_some()) =>
                {
                    return Ok((b, obj));
                }
                _ => {}
            }
        }
        let a = self.get_attr(&obj, name)?;
        Ok((a, Value::Null))
    }

    /// The function inside a staticmethod object.
    pub fn unwrap_staticmethod(&self, n: &Rc<Native>) -> Option<Value> {
        n.get::<StaticMethod>().map(|s| s.0.clone())
    }

    /// Calls a method by name: `obj.name(*args)`.
    pub fn call_method(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let n = self.ctx.intern(name);
        let (m, s) = self.load_method(obj.clone(), &n)?;
        if s.is_null() {
            self.call(&m, Args::new(args))
        } else {
            let mut all = Vec::with_capacity(args.len() + 1);
            all.push(s);
            all.extend_from_slice(args);
            self.call(&m, Args::new(&all))
        }
    }

    /// The attribute names `dir(v)` lists (unsorted, without duplicates).
    pub fn dir_of(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        let mut seen = std::collections::HashSet::new();
        let mut out = Vec::new();
        let mut add = |d: &crate::object::PyDict, out: &mut Vec<Value>| {
            for k in d.0.borrow().keys() {
                if let Some(s) = k.as_str()
                    && seen.insert(s.to_owned())
                {
                    out.push(k.clone());
                }
            }
        };
        match v {
            Value::Module(m) => add(&m.dict, &mut out),
            Value::Type(t) => {
                for c in t.full_mro() {
                    add(&c.dict, &mut out);
                }
            }
            _ => {
                if let Value::Instance(i) = v {
                    add(&i.dict, &mut out);
                }
                if let Value::Function(f) = v {
                    add(&f.dict, &mut out);
                }
                if let Value::Native(n) = v
                    && let Some(d) = &n.dict
                {
                    add(d, &mut out);
                }
                let t = self.type_of(v);
                for c in t.full_mro() {
                    add(&c.dict, &mut out);
                }
            }
        }
        Ok(out)
    }

    /// Calls a special method looked up on the type (bypassing the instance, as
    /// Python does for dunders): `Some(result)`, or None if the type lacks it.
    pub fn call_special(
        &mut self,
        obj: &Value,
        name: &str,
        args: &[Value],
    ) -> PyResult<Option<Value>> {
        let t = self.type_of(obj);
        let Some(f) = t.lookup(name) else {
            return Ok(None);
        };
        match &f {
            Value::Function(_) => {}
            Value::Builtin(b) if b.bound.is_none() => {}
            _ => {
                let b = self.bind_class_attr(f, obj, &t)?;
                return self.call(&b, Args::new(args)).map(Some);
            }
        }
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(obj.clone());
        all.extend_from_slice(args);
        self.call(&f, Args::new(&all)).map(Some)
    }
}

impl Vm {
    /// Whether `f.__isabstractmethod__` is true (false when `f` has no such
    /// attribute): what `abc` reads through properties and class/static methods.
    fn is_abstract_method(&mut self, f: &Value) -> PyResult<bool> {
        if f.is_none() {
            return Ok(false);
        }
        match self.get_attr_str(f, "__isabstractmethod__") {
            Ok(v) => self.truthy(&v),
            Err(e) if self.err_is(&e, &self.ctx.types.attribute_error.clone()) => Ok(false),
            Err(e) => Err(e),
        }
    }
}

fn none_if_null(v: Value) -> Value {
    if v.is_null() { Value::None } else { v }
}

impl Vm {
    /// Whether `v` may be an exception's `__cause__` or `__context__`.
    fn is_exception_or_none(&self, v: &Value) -> bool {
        match v {
            Value::None => true,
            Value::Instance(i) => i.exc.is_some(),
            _ => false,
        }
    }
}

/// A code object's flags as CPython numbers them (`inspect.CO_*`).
fn cpython_co_flags(f: crate::bytecode::CodeFlags) -> i64 {
    use crate::bytecode::CodeFlags as F;
    let mut out = 0;
    if !f.has(F::MODULE) && !f.has(F::CLASS_BODY) {
        out |= 0x1 | 0x2; // CO_OPTIMIZED | CO_NEWLOCALS
    }
    for (ours, theirs) in [
        (F::VARARGS, 0x4),
        (F::VARKEYWORDS, 0x8),
        (F::GENERATOR, 0x20),
        (F::COROUTINE, 0x80),
        (F::ASYNC_GENERATOR, 0x200),
    ] {
        if f.has(ours) {
            out |= theirs;
        }
    }
    out
}
