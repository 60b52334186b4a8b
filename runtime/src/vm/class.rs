//! Classes: the `class` statement (`__build_class__`: metaclass selection,
//! `__prepare__`, the body, the metaclass call), `type.__new__` (C3 method
//! resolution order, built-in bases, `__slots__`, `__set_name__`,
//! `__init_subclass__`, the `__class__` cell) and calling a class
//! (`type.__call__`: `__new__` then `__init__`).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::object::{Instance, Native, PyDict, PyStr, PyType, TypeKind, Value};
use crate::vm::attr::{ClassMethod, StaticMethod};
use crate::vm::{Args, Frame, PyResult, Vm};

impl Vm {
    /// `__build_class__(body, name, *bases, metaclass=..., **kw)`.
    pub fn build_class(&mut self, args: Args<'_>) -> PyResult<Value> {
        let pos = args.pos();
        if pos.len() < 2 {
            return Err(self.type_error("__build_class__: not enough arguments"));
        }
        let Value::Function(body) = &pos[0] else {
            return Err(self.type_error("__build_class__: func must be a function"));
        };
        let Some(name) = pos[1].as_str().map(str::to_owned) else {
            return Err(self.type_error("__build_class__: name is not a string"));
        };
        let bases: Vec<Value> = pos[2..].to_vec();
        let mut meta: Option<Value> = None;
        let mut kw_names = Vec::new();
        let mut kw_vals = Vec::new();
        for (k, v) in args.kw() {
            if k == "metaclass" {
                meta = Some(v.clone());
            } else {
                kw_names.push(Value::str(k));
                kw_vals.push(v.clone());
            }
        }
        let mut base_types = Vec::with_capacity(bases.len());
        let mut replaced = false;
        for b in &bases {
            match b {
                Value::Type(t) => base_types.push(t.clone()),
                other => {
                    if let Some(me) = self.get_attr_opt(other, "__mro_entries__")? {
                        replaced = true;
                        let r = self.call0(&me, &[Value::tuple(bases.clone())])?;
                        for x in self.collect(&r)? {
                            if let Value::Type(t) = x {
                                base_types.push(t);
                            }
                        }
                        continue;
                    }
                    return Err(self.type_error(format!(
                        "bases must be types, not '{}'",
                        self.type_name(other)
                    )));
                }
            }
        }
        let bases_tuple = Value::tuple(base_types.iter().map(|t| Value::Type(t.clone())).collect());
        // the metaclass: the explicit one, or the most derived of the bases'
        let meta = match meta {
            Some(Value::Type(m)) => Value::Type(self.winner_meta(m, &base_types)?),
            Some(other) => other,
            None => {
                let m = match base_types.first() {
                    Some(b) => self.type_of(&Value::Type(b.clone())),
                    None => self.ctx.types.type_.clone(),
                };
                Value::Type(self.winner_meta(m, &base_types)?)
            }
        };
        // the namespace
        let mut mapping = None;
        let ns = match self.get_attr_opt(&meta, "__prepare__")? {
            Some(prep) => {
                let mut all = vec![Value::str(&name), bases_tuple.clone()];
                all.extend(kw_vals.iter().cloned());
                let r = self.call(
                    &prep,
                    Args {
                        all: &all,
                        kwnames: &kw_names,
                    },
                )?;
                match self.unwrap_base(&r) {
                    Value::Dict(d) => {
                        if !matches!(r, Value::Dict(_)) {
                            mapping = Some(r.clone());
                        }
                        d
                    }
                    other => {
                        return Err(self.type_error(format!(
                            "{}.__prepare__() must return a mapping, not {}",
                            self.type_name(&meta),
                            self.type_name(&other)
                        )));
                    }
                }
            }
            None => Rc::new(PyDict::new()),
        };
        let mut frame = Frame::new(
            body.code.clone(),
            body.globals.clone(),
            body.builtins.clone(),
            &body.closure,
        );
        if replaced {
            ns.set_str("__orig_bases__", Value::tuple(bases.clone()));
        }
        frame.locals = Some(ns.clone());
        frame.locals_mapping = mapping.clone();
        let class_cell = self.run_new_frame(&mut frame)?;
        if let Value::Cell(_) = &class_cell {
            ns.set_str("__classcell__", class_cell.clone());
        }
        let namespace = mapping.unwrap_or_else(|| Value::Dict(ns.clone()));
        let mut all = vec![Value::str(&name), bases_tuple, namespace];
        all.extend(kw_vals);
        let cls = self.call(
            &meta,
            Args {
                all: &all,
                kwnames: &kw_names,
            },
        )?;
        if let (Value::Cell(c), Value::Type(_)) = (&class_cell, &cls)
            && c.0.borrow().is_null()
        {
            *c.0.borrow_mut() = cls.clone();
        }
        Ok(cls)
    }

    /// The most derived of `meta` and the metaclasses of `bases`.
    fn winner_meta(&mut self, meta: Rc<PyType>, bases: &[Rc<PyType>]) -> PyResult<Rc<PyType>> {
        let mut winner = meta;
        for b in bases {
            let bm = self.type_of(&Value::Type(b.clone()));
            if winner.is_subtype(&bm) {
                continue;
            }
            if bm.is_subtype(&winner) {
                winner = bm;
                continue;
            }
            return Err(self.type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) \
                 subclass of the metaclasses of all its bases",
            ));
        }
        Ok(winner)
    }

    /// `type.__new__(meta, name, bases, ns, **kw)`: creates a class.
    pub fn type_new(
        &mut self,
        meta: &Rc<PyType>,
        name: &str,
        bases: Vec<Rc<PyType>>,
        ns: Rc<PyDict>,
        kw: Args<'_>,
    ) -> PyResult<Rc<PyType>> {
        let meta = self.winner_meta(meta.clone(), &bases)?;
        let meta = if Rc::ptr_eq(&meta, &self.ctx.types.type_) {
            None
        } else {
            Some(meta)
        };
        let cell = ns.get_str("__classcell__");
        if cell.is_some() {
            crate::vm::eval::dict_del_name(&ns, &Rc::new(PyStr::new("__classcell__")));
        }
        let cls = self.make_class(name, bases, ns.clone(), meta)?;
        if let Some(Value::Cell(c)) = cell {
            *c.0.borrow_mut() = Value::Type(cls.clone());
        }
        // __set_name__ on the attributes
        let items: Vec<(Value, Value)> =
            ns.0.borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
        for (k, v) in items {
            if let Value::Instance(i) = &v
                && let Some(sn) = i.class.lookup("__set_name__")
            {
                self.call0(&sn, &[v.clone(), Value::Type(cls.clone()), k])?;
            }
        }
        // __init_subclass__ of the parent
        let chain = cls.full_mro();
        for t in &chain[1..] {
            if let Some(f) = t.dict.get_str("__init_subclass__") {
                let bound = match &f {
                    Value::Function(_) => Value::Method(Rc::new(crate::object::BoundMethod {
                        func: f.clone(),
                        self_: Value::Type(cls.clone()),
                    })),
                    _ => self.bind_class_attr(f.clone(), &Value::Type(cls.clone()), &cls)?,
                };
                let kv = &kw.all[kw.all.len() - kw.kwnames.len()..];
                self.call(
                    &bound,
                    Args {
                        all: kv,
                        kwnames: kw.kwnames,
                    },
                )?;
                break;
            }
        }
        Ok(cls)
    }

    /// Creates a class with the default metaclass (C3 method resolution order).
    pub fn new_class(
        &mut self,
        name: &str,
        bases: Vec<Rc<PyType>>,
        ns: Rc<PyDict>,
    ) -> PyResult<Rc<PyType>> {
        self.make_class(name, bases, ns, None)
    }

    fn make_class(
        &mut self,
        name: &str,
        mut bases: Vec<Rc<PyType>>,
        ns: Rc<PyDict>,
        meta: Option<Rc<PyType>>,
    ) -> PyResult<Rc<PyType>> {
        if bases.is_empty() {
            bases.push(self.ctx.types.object.clone());
        }
        for (i, b) in bases.iter().enumerate() {
            if bases[..i].iter().any(|x| Rc::ptr_eq(x, b)) {
                return Err(self.type_error(format!("duplicate base class {}", b.name())));
            }
            if !self.acceptable_base(b) {
                return Err(self.type_error(format!(
                    "type '{}' is not an acceptable base type",
                    b.name()
                )));
            }
        }
        let mro = match c3_merge(&bases) {
            Some(m) => m,
            None => {
                let names: Vec<&str> = bases.iter().map(|b| b.name()).collect();
                return Err(self.type_error(format!(
                    "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                    names.join(", ")
                )));
            }
        };
        let kind = if mro.iter().any(|t| t.kind == TypeKind::Exception) {
            TypeKind::Exception
        } else if mro.iter().any(|t| t.kind == TypeKind::Local) {
            TypeKind::Local
        } else {
            TypeKind::Object
        };
        // the built-in type whose values the instances wrap
        let mut solid: Option<Rc<PyType>> = None;
        for b in &bases {
            let s = if b.builtin && b.kind == TypeKind::Builtin {
                if Rc::ptr_eq(b, &self.ctx.types.object) || Rc::ptr_eq(b, &self.ctx.types.type_) {
                    None
                } else {
                    Some(b.clone())
                }
            } else {
                b.solid.clone()
            };
            if let Some(s) = s {
                match &solid {
                    None => solid = Some(s),
                    Some(cur) if cur.is_subtype(&s) => {}
                    Some(cur) if s.is_subtype(cur) => solid = Some(s),
                    Some(_) => {
                        return Err(
                            self.type_error("multiple bases have instance lay-out conflict")
                        );
                    }
                }
            }
        }
        if kind == TypeKind::Exception && solid.is_some() {
            return Err(self.type_error("multiple bases have instance lay-out conflict"));
        }
        let qualname = match ns.get_str("__qualname__") {
            Some(Value::Str(s)) => {
                crate::vm::eval::dict_del_name(&ns, &Rc::new(PyStr::new("__qualname__")));
                s
            }
            Some(other) => {
                return Err(self.type_error(format!(
                    "type __qualname__ must be a str, not {}",
                    self.type_name(&other)
                )));
            }
            None => Rc::new(PyStr::new(name)),
        };
        if ns.get_str("__eq__").is_some() && ns.get_str("__hash__").is_none() {
            ns.set_str("__hash__", Value::None);
        }
        for special in ["__init_subclass__", "__class_getitem__"] {
            if let Some(f @ Value::Function(_)) = ns.get_str(special) {
                ns.set_str(
                    special,
                    self.native_value(&self.ctx.types.classmethod.clone(), ClassMethod(f)),
                );
            }
        }
        if let Some(f @ Value::Function(_)) = ns.get_str("__new__") {
            ns.set_str(
                "__new__",
                self.native_value(&self.ctx.types.staticmethod.clone(), StaticMethod(f)),
            );
        }
        if ns.get_str("__doc__").is_none() {
            ns.set_str("__doc__", Value::None);
        }
        if ns.get_str("__module__").is_none()
            && let Some(m) = self.ctx.main.dict.get_str("__name__")
        {
            ns.set_str("__module__", m);
        }
        let slots = self.class_slots(&ns, &bases)?;
        self.add_slot_members(name, &ns, &bases)?;
        let cls = Rc::new(PyType {
            name: Rc::new(PyStr::new(name)),
            qualname: RefCell::new(qualname),
            bases,
            mro,
            dict: ns,
            kind,
            builtin: false,
            meta,
            solid,
            slots,
            subclasses: RefCell::new(Vec::new()),
            flags: Cell::new(0),
            lookup_cache: Default::default(),
        });
        for b in &cls.bases {
            let mut subs = b.subclasses.borrow_mut();
            subs.retain(|w| w.strong_count() > 0);
            subs.push(Rc::downgrade(&cls));
        }
        Ok(cls)
    }

    /// Whether a class may be derived from.
    fn acceptable_base(&self, b: &Rc<PyType>) -> bool {
        if !b.builtin || b.kind == TypeKind::Exception {
            return true;
        }
        let t = &self.ctx.types;
        [
            &t.object,
            &t.type_,
            &t.int,
            &t.float,
            &t.str,
            &t.bytes,
            &t.list,
            &t.tuple,
            &t.dict,
            &t.set,
            &t.frozenset,
            &t.property,
            &t.bytearray,
        ]
        .iter()
        .any(|x| Rc::ptr_eq(x, b))
            || b.dict.get_str("__module__").is_some()
    }

    /// The slot names instances are limited to, when the class and its bases declare
    /// `__slots__` without `__dict__`.
    fn class_slots(
        &mut self,
        ns: &PyDict,
        bases: &[Rc<PyType>],
    ) -> PyResult<Option<Vec<Rc<PyStr>>>> {
        let Some(decl) = ns.get_str("__slots__") else {
            return Ok(None);
        };
        let names = match &decl {
            Value::Str(s) => vec![s.clone()],
            other => {
                let mut v = Vec::new();
                for x in self.collect(other)? {
                    match x {
                        Value::Str(s) => v.push(s),
                        other => {
                            return Err(self.type_error(format!(
                                "__slots__ items must be strings, not '{}'",
                                self.type_name(&other)
                            )));
                        }
                    }
                }
                v
            }
        };
        if names.iter().any(|n| n.as_str() == "__dict__") {
            return Ok(None);
        }
        let mut all = names;
        for b in bases {
            if Rc::ptr_eq(b, &self.ctx.types.object) || (b.builtin && b.kind != TypeKind::Exception)
            {
                continue;
            }
            match &b.slots {
                Some(s) => all.extend(s.iter().cloned()),
                None => return Ok(None),
            }
        }
        Ok(Some(all))
    }

    /// Puts a member descriptor for each name of `__slots__` into the namespace.
    fn add_slot_members(&mut self, cls: &str, ns: &PyDict, bases: &[Rc<PyType>]) -> PyResult<()> {
        let Some(decl) = ns.get_str("__slots__") else {
            return Ok(());
        };
        let names: Vec<Value> = match &decl {
            Value::Str(_) => vec![decl.clone()],
            other => self.collect(other)?,
        };
        // members of the bases come first
        let mut offset = 0;
        for b in bases {
            for t in b.full_mro() {
                for (_, v) in t.dict.0.borrow().iter() {
                    if let Value::Native(n) = v
                        && let Some(m) = n.get::<crate::vm::attr::SlotMember>()
                    {
                        offset = offset.max(m.index + 1);
                    }
                }
            }
        }
        let owner = Rc::new(PyStr::new(cls));
        let mut i = offset;
        for n in names {
            let Value::Str(s) = n else { continue };
            if matches!(s.as_str(), "__dict__" | "__weakref__") {
                continue;
            }
            if ns.get_str(s.as_str()).is_some() {
                return Err(self.value_error(format!(
                    "'{}' in __slots__ conflicts with class variable",
                    s.as_str()
                )));
            }
            let m = crate::vm::attr::SlotMember {
                name: s.clone(),
                index: i,
                owner: owner.clone(),
            };
            let member_t = self.member_descriptor_type();
            ns.set_str(s.as_str(), self.native_value(&member_t, m));
            i += 1;
        }
        Ok(())
    }

    /// The class of `__slots__` member descriptors.
    fn member_descriptor_type(&mut self) -> Rc<PyType> {
        if let Some(Value::Type(t)) = self.ctx.native.borrow().get("member_descriptor") {
            return t.clone();
        }
        let t = PyType::new_builtin(
            "member_descriptor",
            Some(&self.ctx.types.object),
            TypeKind::Builtin,
        );
        crate::stdlib::methods::install_member_repr(&t);
        self.ctx
            .native
            .borrow_mut()
            .insert("member_descriptor", Value::Type(t.clone()));
        t
    }

    /// A native value of a built-in class.
    pub(crate) fn native_value<T: 'static>(&self, class: &Rc<PyType>, data: T) -> Value {
        Value::Native(Rc::new(Native {
            class: class.clone(),
            data: Box::new(data),
            dict: None,
        }))
    }

    /// `cls(*args)`: the metaclass's `__call__` if it overrides it, else
    /// `type.__call__`.
    pub fn call_type(&mut self, t: &Rc<PyType>, args: Args<'_>) -> PyResult<Value> {
        if let Some(meta) = &t.meta
            && let Some(call) = meta.lookup("__call__")
            && !matches!(call, Value::Builtin(_))
        {
            let all = prepend(&Value::Type(t.clone()), args.all);
            return self.call(
                &call,
                Args {
                    all: &all,
                    kwnames: args.kwnames,
                },
            );
        }
        self.type_call(t, args)
    }

    /// `type.__call__(cls, *args)`: `__new__` then `__init__`.
    pub fn type_call(&mut self, t: &Rc<PyType>, args: Args<'_>) -> PyResult<Value> {
        if Rc::ptr_eq(t, &self.ctx.types.type_) && args.all.len() == 1 && args.kwnames.is_empty() {
            return Ok(Value::Type(self.type_of(&args.all[0])));
        }
        let new = t.lookup("__new__");
        if let Some(Value::Builtin(b)) = &new
            && let Some(r) = self.instantiate_plain(t, b, args)
        {
            return r;
        }
        let all = prepend(&Value::Type(t.clone()), args.all);
        let new_args = Args {
            all: &all,
            kwnames: args.kwnames,
        };
        let inst = match &new {
            Some(Value::Builtin(b)) => (b.func)(self, new_args)?,
            Some(Value::Function(f)) => {
                let f = f.clone();
                self.call_function(&f, new_args)?
            }
            Some(Value::Native(n)) => {
                let inner = self
                    .unwrap_staticmethod(n)
                    .unwrap_or(Value::Native(n.clone()));
                self.call(&inner, new_args)?
            }
            Some(other) => {
                let other = other.clone();
                self.call(&other, new_args)?
            }
            None => Value::Instance(Rc::new(Instance::new(t.clone()))),
        };
        let it = self.type_of(&inst);
        if t.builtin && t.kind == TypeKind::Builtin && Rc::ptr_eq(&it, t) {
            return Ok(inst);
        }
        if !it.is_subtype(t) {
            return Ok(inst);
        }
        if let Some(init) = it.lookup("__init__") {
            if let Value::Builtin(b) = &init
                && b.name == "__init__"
                && args.all.is_empty()
                && it.kind != TypeKind::Exception
            {
                return Ok(inst);
            }
            let all = prepend(&inst, args.all);
            let r = self.call(
                &init,
                Args {
                    all: &all,
                    kwnames: args.kwnames,
                },
            )?;
            if !r.is_none() {
                return Err(self.type_error(format!(
                    "__init__() should return None, not '{}'",
                    self.type_name(&r)
                )));
            }
        }
        Ok(inst)
    }

    /// The common case of instantiating a class: `__new__` is `object.__new__`
    /// and `__init__` a Python function. The instance is made directly and
    /// `__init__` called with it before the arguments, with no intermediate
    /// argument vectors. None when the case does not apply (nothing was done).
    fn instantiate_plain(
        &mut self,
        t: &Rc<PyType>,
        new: &crate::object::Builtin,
        args: Args<'_>,
    ) -> Option<PyResult<Value>> {
        if new.bound.is_some()
            || !std::ptr::fn_addr_eq(
                new.func,
                crate::stdlib::methods::object_new as crate::object::BuiltinFn,
            )
            || t.builtin
            || t.meta.is_some()
            || t.solid.is_some()
        {
            return None;
        }
        let Some(Value::Function(init)) = t.lookup("__init__") else {
            return None;
        };
        // object.__new__ refuses extra arguments when `__new__` was overridden
        // (even with object.__new__ itself)
        if !args.all.is_empty() && !self.inherits_object_method(t, "__new__") {
            return None;
        }
        let inst = Value::Instance(Rc::new(Instance::new(t.clone())));
        Some(match self.call_function_with_self(&init, &inst, args) {
            Ok(r) if r.is_none() => Ok(inst),
            Ok(r) => Err(self.type_error(format!(
                "__init__() should return None, not '{}'",
                self.type_name(&r)
            ))),
            Err(e) => Err(e),
        })
    }

    /// Whether `name` resolves, on class `t`, to the definition in `object`
    /// (the same object, as CPython compares slots; both lookups are cached).
    pub(crate) fn inherits_object_method(&self, t: &Rc<PyType>, name: &str) -> bool {
        use crate::object::TypeFlags as F;
        let (known, yes) = match name {
            "__init__" => (F::INIT_KNOWN, F::INIT_OBJECT),
            "__new__" => (F::NEW_KNOWN, F::NEW_OBJECT),
            _ => return self.resolves_to_object(t, name),
        };
        // remembered in the class's flags, which are reset when a dunder of the
        // class or of a base changes
        let f = t.type_flags();
        if f & known != 0 {
            return f & yes != 0;
        }
        let r = self.resolves_to_object(t, name);
        t.flags.set(f | known | if r { yes } else { 0 });
        r
    }

    fn resolves_to_object(&self, t: &Rc<PyType>, name: &str) -> bool {
        match t.lookup(name) {
            Some(v) => self.ctx.types.object.lookup(name).is_some_and(|o| o.is(&v)),
            None => true,
        }
    }
}

/// The MRO of a new class with these bases (without the class itself).
fn c3_merge(bases: &[Rc<PyType>]) -> Option<Vec<Rc<PyType>>> {
    let mut seqs: Vec<Vec<Rc<PyType>>> = bases.iter().map(|b| b.full_mro()).collect();
    seqs.push(bases.to_vec());
    let mut out = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(out);
        }
        let mut found = None;
        for s in &seqs {
            let cand = &s[0];
            if !seqs
                .iter()
                .any(|t| t[1..].iter().any(|x| Rc::ptr_eq(x, cand)))
            {
                found = Some(cand.clone());
                break;
            }
        }
        let c = found?;
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

/// `[first, *rest]`.
pub(crate) fn prepend(first: &Value, rest: &[Value]) -> Vec<Value> {
    let mut v = Vec::with_capacity(rest.len() + 1);
    v.push(first.clone());
    v.extend_from_slice(rest);
    v
}
