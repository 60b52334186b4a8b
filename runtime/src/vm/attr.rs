//! Attribute access: `getattr`/`setattr`/`delattr`, method lookup, descriptors
//! (`property`, `classmethod`, `staticmethod`, `super`) and `type(x)`.

use std::rc::Rc;

use crate::object::{BoundMethod, Builtin, Native, PyStr, PyType, TypeKind, Value};
use crate::vm::{Args, PyResult, Vm};

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

impl Vm {
    /// `type(v)`.
    pub fn type_of(&self, v: &Value) -> Rc<PyType> {
        let t = &self.ctx.types;
        match v {
            Value::Null | Value::None => t.none.clone(),
            Value::NotImplemented => t.not_implemented.clone(),
            Value::Ellipsis => t.ellipsis.clone(),
            Value::Bool(_) => t.bool_.clone(),
            Value::Int(_) | Value::BigInt(_) => t.int.clone(),
            Value::Float(_) => t.float.clone(),
            Value::Str(_) => t.str.clone(),
            Value::Bytes(_) => t.bytes.clone(),
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
            Value::Iter(_) => t.iterator.clone(),
            Value::Function(_) => t.function.clone(),
            Value::Builtin(_) => t.builtin_function.clone(),
            Value::Method(_) => t.method.clone(),
            Value::Code(_) => t.code.clone(),
            Value::Cell(_) => t.cell.clone(),
            Value::Generator(g) => {
                if g.coroutine {
                    t.coroutine.clone()
                } else {
                    t.generator.clone()
                }
            }
            Value::Type(_) => t.type_.clone(),
            Value::Instance(i) => i.class.clone(),
            Value::Module(_) => t.module.clone(),
            Value::Native(n) => n.class.clone(),
        }
    }

    /// The name of `type(v)`.
    pub fn type_name(&self, v: &Value) -> String {
        self.type_of(v).name().to_owned()
    }

    /// `getattr(obj, name)` for a Rust string name.
    pub fn get_attr_str(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        let n = Rc::new(PyStr::new(name));
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

    /// Binds a class attribute found for an instance (functions become methods,
    /// descriptors run).
    fn bind_class_attr(&mut self, attr: Value, obj: &Value, cls: &Rc<PyType>) -> PyResult<Value> {
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
                        return Err(self.attribute_error("property has no getter"));
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
            _ => Ok(attr),
        }
    }

    /// `getattr(obj, name)`.
    pub fn get_attr(&mut self, obj: &Value, name: &Rc<PyStr>) -> PyResult<Value> {
        let n = name.as_str();
        match obj {
            Value::Instance(inst) => {
                let cls = inst.class.clone();
                if cls.kind == TypeKind::Local {
                    crate::stdlib::local_switch(self, inst)?;
                }
                let class_attr = cls.lookup_name(name);
                if let Some(Value::Native(nat)) = &class_attr
                    && nat.get::<Property>().is_some()
                {
                    return self.bind_class_attr(class_attr.clone().unwrap_or_default(), obj, &cls);
                }
                if let Some(v) = inst.dict.0.borrow().get_pystr(name).cloned() {
                    return Ok(v);
                }
                if let Some(exc) = &inst.exc {
                    match n {
                        "args" => return Ok(exc.args.borrow().clone()),
                        "code" if cls.is_subtype(&self.ctx.types.system_exit.clone()) => {
                            // SystemExit.code: None, the one argument, or the args tuple
                            return Ok(match &*exc.args.borrow() {
                                Value::Tuple(t) if t.0.is_empty() => Value::None,
                                Value::Tuple(t) if t.0.len() == 1 => t.0[0].clone(),
                                other => other.clone(),
                            });
                        }
                        "__cause__" => return Ok(none_if_null(exc.cause.borrow().clone())),
                        "__context__" => return Ok(none_if_null(exc.context.borrow().clone())),
                        "__suppress_context__" => {
                            return Ok(Value::Bool(exc.suppress_context.get()));
                        }
                        "__traceback__" => return Ok(Value::None),
                        _ => {}
                    }
                }
                match n {
                    "__class__" => return Ok(Value::Type(cls)),
                    "__dict__" => return Ok(Value::Dict(inst.dict.clone())),
                    _ => {}
                }
                if let Some(a) = class_attr {
                    return self.bind_class_attr(a, obj, &cls);
                }
                if let Some(ga) = cls.lookup("__getattr__") {
                    return self.call0(&ga, &[obj.clone(), Value::Str(name.clone())]);
                }
                Err(self.no_attr(obj, n))
            }
            Value::Type(t) => {
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
                    "__dict__" => return Ok(Value::Dict(t.dict.clone())),
                    "__class__" => return Ok(Value::Type(self.ctx.types.type_.clone())),
                    "__module__" if t.builtin && t.dict.get_str("__module__").is_none() => {
                        return Ok(Value::str("builtins"));
                    }
                    _ => {}
                }
                match t.lookup(n) {
                    Some(Value::Native(nat)) => {
                        if let Some(c) = nat.get::<ClassMethod>() {
                            return Ok(Value::Method(Rc::new(BoundMethod {
                                func: c.0.clone(),
                                self_: obj.clone(),
                            })));
                        }
                        if let Some(s) = nat.get::<StaticMethod>() {
                            return Ok(s.0.clone());
                        }
                        Ok(Value::Native(nat))
                    }
                    Some(v) => Ok(v),
                    None => Err(self.attribute_error(format!(
                        "type object '{}' has no attribute '{}'",
                        t.name(),
                        n
                    ))),
                }
            }
            Value::Module(m) => match m.dict.0.borrow().get_pystr(name).cloned() {
                Some(v) => Ok(v),
                None => match n {
                    "__dict__" => Ok(Value::Dict(m.dict.clone())),
                    _ => Err(self.attribute_error(format!(
                        "module '{}' has no attribute '{}'",
                        m.name.as_str(),
                        n
                    ))),
                },
            },
            Value::Function(f) => match n {
                "__name__" => Ok(Value::Str(f.name.borrow().clone())),
                "__qualname__" => Ok(Value::Str(f.qualname.borrow().clone())),
                "__doc__" => Ok(f
                    .code
                    .code
                    .doc
                    .as_deref()
                    .map(Value::str)
                    .unwrap_or(Value::None)),
                "__module__" => Ok(f.globals.get_str("__name__").unwrap_or(Value::None)),
                "__dict__" => Ok(Value::Dict(f.dict.clone())),
                "__defaults__" => Ok(f.defaults.clone().map(Value::Tuple).unwrap_or(Value::None)),
                "__globals__" => Ok(Value::Dict(f.globals.clone())),
                _ => match f.dict.get_str(n) {
                    Some(v) => Ok(v),
                    None => self.generic_attr(obj, name),
                },
            },
            Value::Method(m) => match n {
                "__self__" => Ok(m.self_.clone()),
                "__func__" => Ok(m.func.clone()),
                _ => {
                    let f = m.func.clone();
                    self.get_attr(&f, name)
                }
            },
            Value::Builtin(b) => match n {
                "__name__" | "__qualname__" => Ok(Value::str(b.name)),
                "__self__" => Ok(b.bound.clone().unwrap_or(Value::None)),
                _ => self.generic_attr(obj, name),
            },
            Value::Native(nat) => {
                if let Some(s) = nat.get::<Super>() {
                    return self.super_attr(s, n);
                }
                if let Some(d) = &nat.dict
                    && let Some(v) = d.get_str(n)
                {
                    return Ok(v);
                }
                self.generic_attr(obj, name)
            }
            _ => self.generic_attr(obj, name),
        }
    }

    /// Attribute lookup on built-in values: methods from the type's dict.
    fn generic_attr(&mut self, obj: &Value, name: &Rc<PyStr>) -> PyResult<Value> {
        let n = name.as_str();
        let cls = self.type_of(obj);
        if n == "__class__" {
            return Ok(Value::Type(cls));
        }
        match (obj, n) {
            (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "real" | "numerator") => {
                return Ok(self.to_plain_int(obj));
            }
            (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "imag") => {
                return Ok(Value::Int(0));
            }
            (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "denominator") => {
                return Ok(Value::Int(1));
            }
            (Value::Float(f), "real") => return Ok(Value::Float(*f)),
            (Value::Float(_), "imag") => return Ok(Value::Float(0.0)),
            (Value::Generator(g), "__name__") => return Ok(Value::Str(g.name.clone())),
            (Value::Generator(g), "__qualname__") => return Ok(Value::Str(g.qualname.clone())),
            (Value::Range(r), "start") => return Ok(Value::Int(r.start)),
            (Value::Range(r), "stop") => return Ok(Value::Int(r.stop)),
            (Value::Range(r), "step") => return Ok(Value::Int(r.step)),
            (Value::Slice(s), "start") => return Ok(s.start.clone()),
            (Value::Slice(s), "stop") => return Ok(s.stop.clone()),
            (Value::Slice(s), "step") => return Ok(s.step.clone()),
            (Value::Cell(c), "cell_contents") => return Ok(c.0.borrow().clone()),
            _ => {}
        }
        match cls.lookup_name(name) {
            Some(a) => self.bind_class_attr(a, obj, &cls),
            None => Err(self.no_attr(obj, n)),
        }
    }

    fn to_plain_int(&self, v: &Value) -> Value {
        match v {
            Value::Bool(b) => Value::Int(*b as i64),
            other => other.clone(),
        }
    }

    fn no_attr(&self, obj: &Value, n: &str) -> crate::vm::PyErr {
        self.attribute_error(format!(
            "'{}' object has no attribute '{}'",
            self.type_name(obj),
            n
        ))
    }

    fn super_attr(&mut self, s: &Super, n: &str) -> PyResult<Value> {
        let start = match &s.obj {
            Value::Type(t) if t.is_subtype(&s.cls) => t.clone(),
            other => self.type_of(other),
        };
        let mut chain = vec![start.clone()];
        chain.extend(start.mro.iter().cloned());
        let pos = chain
            .iter()
            .position(|t| Rc::ptr_eq(t, &s.cls))
            .map(|p| p + 1)
            .unwrap_or(chain.len());
        for t in &chain[pos..] {
            if let Some(a) = t.dict.get_str(n) {
                if let Value::Type(_) = &s.obj {
                    if let Value::Native(nat) = &a
                        && let Some(c) = nat.get::<ClassMethod>()
                    {
                        return Ok(Value::Method(Rc::new(BoundMethod {
                            func: c.0.clone(),
                            self_: s.obj.clone(),
                        })));
                    }
                    return Ok(a);
                }
                let obj = s.obj.clone();
                return self.bind_class_attr(a, &obj, &start);
            }
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
                if let Some(Value::Native(nat)) = inst.class.lookup_name(name)
                    && let Some(p) = nat.get::<Property>()
                {
                    if p.fset.is_none() {
                        return Err(self.attribute_error(format!(
                            "property '{}' of '{}' object has no setter",
                            name.as_str(),
                            inst.class.name()
                        )));
                    }
                    let f = p.fset.clone();
                    self.call0(&f, &[obj.clone(), v])?;
                    return Ok(());
                }
                if let Some(sa) = inst.class.lookup("__setattr__")
                    && !matches!(sa, Value::Builtin(_))
                {
                    self.call0(&sa, &[obj.clone(), Value::Str(name.clone()), v])?;
                    return Ok(());
                }
                if let Some(exc) = &inst.exc {
                    match name.as_str() {
                        "__cause__" => {
                            *exc.cause.borrow_mut() = v;
                            exc.suppress_context.set(true);
                            return Ok(());
                        }
                        "__context__" => {
                            *exc.context.borrow_mut() = v;
                            return Ok(());
                        }
                        "args" => {
                            let items = self.collect(&v)?;
                            *exc.args.borrow_mut() = Value::tuple(items);
                            return Ok(());
                        }
                        _ => {}
                    }
                }
                crate::vm::eval::dict_set_name(&inst.dict, name, v);
                Ok(())
            }
            Value::Type(t) if !t.builtin => {
                crate::vm::eval::dict_set_name(&t.dict, name, v);
                Ok(())
            }
            Value::Type(t) => Err(self.type_error(format!(
                "cannot set '{}' attribute of immutable type '{}'",
                name.as_str(),
                t.name()
            ))),
            Value::Module(m) => {
                crate::vm::eval::dict_set_name(&m.dict, name, v);
                Ok(())
            }
            Value::Function(f) => {
                match name.as_str() {
                    "__name__" => {
                        if let Value::Str(s) = v {
                            *f.name.borrow_mut() = s;
                        }
                    }
                    "__qualname__" => {
                        if let Value::Str(s) = v {
                            *f.qualname.borrow_mut() = s;
                        }
                    }
                    _ => crate::vm::eval::dict_set_name(&f.dict, name, v),
                }
                Ok(())
            }
            Value::Native(nat) if nat.dict.is_some() => {
                if let Some(d) = &nat.dict {
                    crate::vm::eval::dict_set_name(d, name, v);
                }
                Ok(())
            }
            _ => Err(self.attribute_error(format!(
                "'{}' object has no attribute '{}'",
                self.type_name(obj),
                name.as_str()
            ))),
        }
    }

    /// `del obj.name`.
    pub fn del_attr(&mut self, obj: &Value, name: &Rc<PyStr>) -> PyResult<()> {
        let dict = match obj {
            Value::Instance(i) => {
                if i.class.kind == TypeKind::Local {
                    crate::stdlib::local_switch(self, i)?;
                }
                Some(i.dict.clone())
            }
            Value::Type(t) if !t.builtin => Some(t.dict.clone()),
            Value::Module(m) => Some(m.dict.clone()),
            Value::Function(f) => Some(f.dict.clone()),
            _ => None,
        };
        match dict.and_then(|d| crate::vm::eval::dict_del_name(&d, name)) {
            Some(_) => Ok(()),
            None => Err(self.no_attr(obj, name.as_str())),
        }
    }

    /// For `LoadMethod`: `(function, self)` when the attribute is a plain function or
    /// built-in method on the type, else `(attribute, null)`.
    pub fn load_method(&mut self, obj: Value, name: &Rc<PyStr>) -> PyResult<(Value, Value)> {
        let fast = match &obj {
            Value::Instance(i) if i.class.kind == TypeKind::Local => false,
            Value::Instance(i) => !i.dict.0.borrow().contains(&Value::Str(name.clone())),
            Value::Native(n) => {
                n.dict
                    .as_ref()
                    .is_none_or(|d| !d.0.borrow().contains(&Value::Str(name.clone())))
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
        let n = Rc::new(PyStr::new(name));
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
}

fn none_if_null(v: Value) -> Value {
    if v.is_null() { Value::None } else { v }
}
