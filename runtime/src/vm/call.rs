//! Calling: Python functions (argument binding, frames), built-ins, bound methods,
//! classes (instance creation), and class creation (`__build_class__`).

use std::rc::Rc;

use crate::bytecode::CodeFlags;
use crate::object::{Function, Instance, PyDict, PyType, TypeKind, Value};
use crate::vm::eval::Exit;
use crate::vm::{Args, Frame, PyResult, Vm};

impl Vm {
    /// Calls any callable.
    pub fn call(&mut self, callee: &Value, args: Args<'_>) -> PyResult<Value> {
        match callee {
            Value::Function(f) => self.call_function(f, args),
            Value::Builtin(b) => match &b.bound {
                None => (b.func)(self, args),
                Some(s) => {
                    let all = prepend(s, args.all);
                    (b.func)(
                        self,
                        Args {
                            all: &all,
                            kwnames: args.kwnames,
                        },
                    )
                }
            },
            Value::Method(m) => {
                let all = prepend(&m.self_, args.all);
                let func = m.func.clone();
                self.call(
                    &func,
                    Args {
                        all: &all,
                        kwnames: args.kwnames,
                    },
                )
            }
            Value::Type(t) => self.call_type(t, args),
            Value::Instance(_) | Value::Native(_) => {
                let t = self.type_of(callee);
                match t.lookup("__call__") {
                    Some(f) => {
                        let all = prepend(callee, args.all);
                        self.call(
                            &f,
                            Args {
                                all: &all,
                                kwnames: args.kwnames,
                            },
                        )
                    }
                    None => Err(self.type_error(format!("'{}' object is not callable", t.name()))),
                }
            }
            _ => Err(self.type_error(format!(
                "'{}' object is not callable",
                self.type_name(callee)
            ))),
        }
    }

    /// Calls with positional arguments only.
    pub fn call0(&mut self, callee: &Value, args: &[Value]) -> PyResult<Value> {
        self.call(callee, Args::new(args))
    }

    /// `f(*args, **kwargs)`.
    pub fn call_ex(
        &mut self,
        callee: &Value,
        args: &Value,
        kwargs: Option<&Value>,
    ) -> PyResult<Value> {
        let mut all = match args {
            Value::Tuple(t) => t.0.to_vec(),
            other => self.collect(other)?,
        };
        let mut names = Vec::new();
        if let Some(kw) = kwargs {
            let Value::Dict(d) = kw else {
                return Err(self.type_error("argument after ** must be a mapping"));
            };
            for (k, v) in d.0.borrow().iter() {
                if k.as_str().is_none() {
                    return Err(self.type_error("keywords must be strings"));
                }
                names.push(k.clone());
                all.push(v.clone());
            }
        }
        self.call(
            callee,
            Args {
                all: &all,
                kwnames: &names,
            },
        )
    }

    /// Calls a Python function: binds arguments into a new frame and runs it (or makes
    /// a generator).
    pub fn call_function(&mut self, func: &Rc<Function>, args: Args<'_>) -> PyResult<Value> {
        let code = &func.code.code;
        let mut frame = Frame::new(
            func.code.clone(),
            func.globals.clone(),
            func.builtins.clone(),
            &func.closure,
        );
        let simple = args.kwnames.is_empty()
            && args.all.len() == code.argcount as usize
            && code.kwonlyargcount == 0
            && code.flags.0 & (CodeFlags::VARARGS | CodeFlags::VARKEYWORDS) == 0;
        if simple {
            frame.fast[..args.all.len()].clone_from_slice(args.all);
        } else {
            self.bind_args(func, &mut frame, args)?;
        }
        if code.flags.0 & (CodeFlags::GENERATOR | CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR)
            != 0
        {
            return Ok(self.make_generator(frame, func));
        }
        self.run_new_frame(&mut frame)
    }

    /// Runs a fresh frame to completion with the recursion check.
    pub(crate) fn run_new_frame(&mut self, frame: &mut Frame) -> PyResult<Value> {
        if self.depth >= self.interp.recursion_limit() {
            return Err(self.recursion_error("maximum recursion depth exceeded"));
        }
        self.depth += 1;
        let r = self.run_frame(frame);
        self.depth -= 1;
        match r? {
            Exit::Return(v) => Ok(v),
            Exit::Yield(_) => Err(self.runtime_error("yield outside a generator frame")),
        }
    }

    fn bind_args(&mut self, func: &Function, frame: &mut Frame, args: Args<'_>) -> PyResult<()> {
        let code = &func.code.code;
        let fname = code.qualname.clone();
        let argc = code.argcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let has_varargs = code.flags.has(CodeFlags::VARARGS);
        let has_varkw = code.flags.has(CodeFlags::VARKEYWORDS);
        let pos = args.pos();
        let ncopy = pos.len().min(argc);
        frame.fast[..ncopy].clone_from_slice(&pos[..ncopy]);
        let mut slot = argc + kwonly;
        if has_varargs {
            let extra = if pos.len() > argc {
                pos[argc..].to_vec()
            } else {
                vec![]
            };
            frame.fast[slot] = Value::tuple(extra);
            slot += 1;
        } else if pos.len() > argc {
            let given = pos.len();
            let takes = if func.defaults.is_some() {
                let nd = func.defaults.as_ref().map(|d| d.0.len()).unwrap_or(0);
                format!(
                    "from {} to {} positional arguments",
                    argc - nd.min(argc),
                    argc
                )
            } else {
                format!(
                    "{argc} positional argument{}",
                    if argc == 1 { "" } else { "s" }
                )
            };
            return Err(self.type_error(format!(
                "{fname}() takes {takes} but {given} {} given",
                if given == 1 { "was" } else { "were" }
            )));
        }
        let kwdict = if has_varkw {
            let d = Rc::new(PyDict::new());
            frame.fast[slot] = Value::Dict(d.clone());
            Some(d)
        } else {
            None
        };
        let posonly = code.posonlyargcount as usize;
        for (name, v) in args.kw() {
            let idx = func.code.varnames[..argc + kwonly]
                .iter()
                .position(|n| n.as_str() == name);
            match idx {
                Some(i) if i >= posonly => {
                    if !frame.fast[i].is_null() {
                        return Err(self.type_error(format!(
                            "{fname}() got multiple values for argument '{name}'"
                        )));
                    }
                    frame.fast[i] = v.clone();
                }
                _ => match &kwdict {
                    Some(d) => d.set_str(name, v.clone()),
                    None => {
                        return Err(self.type_error(format!(
                            "{fname}() got an unexpected keyword argument '{name}'"
                        )));
                    }
                },
            }
        }
        // defaults for missing positionals
        let defaults: &[Value] = func.defaults.as_ref().map(|d| &d.0[..]).unwrap_or(&[]);
        let first_default = argc - defaults.len().min(argc);
        let mut missing = Vec::new();
        for i in 0..argc {
            if frame.fast[i].is_null() {
                if i >= first_default {
                    frame.fast[i] = defaults[i - first_default].clone();
                } else {
                    missing.push(format!("'{}'", func.code.varnames[i].as_str()));
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(format!(
                "{fname}() missing {} required positional argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                join_names(&missing)
            )));
        }
        for i in argc..argc + kwonly {
            if frame.fast[i].is_null() {
                let name = func.code.varnames[i].clone();
                match func
                    .kwdefaults
                    .as_ref()
                    .and_then(|d| d.get_str(name.as_str()))
                {
                    Some(v) => frame.fast[i] = v,
                    None => missing.push(format!("'{}'", name.as_str())),
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(format!(
                "{fname}() missing {} required keyword-only argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                join_names(&missing)
            )));
        }
        Ok(())
    }

    /// `cls(*args)`: `__new__` then `__init__`.
    pub fn call_type(&mut self, t: &Rc<PyType>, args: Args<'_>) -> PyResult<Value> {
        if Rc::ptr_eq(t, &self.ctx.types.type_) && args.all.len() == 1 {
            return Ok(Value::Type(self.type_of(&args.all[0])));
        }
        let new = t.lookup("__new__");
        let inst = match &new {
            Some(Value::Builtin(b)) => {
                let all = prepend(&Value::Type(t.clone()), args.all);
                (b.func)(
                    self,
                    Args {
                        all: &all,
                        kwnames: args.kwnames,
                    },
                )?
            }
            Some(Value::Function(f)) => {
                let all = prepend(&Value::Type(t.clone()), args.all);
                let f = f.clone();
                self.call_function(
                    &f,
                    Args {
                        all: &all,
                        kwnames: args.kwnames,
                    },
                )?
            }
            Some(Value::Native(n)) => {
                // staticmethod-wrapped __new__
                let inner = self
                    .unwrap_staticmethod(n)
                    .unwrap_or(Value::Native(n.clone()));
                let all = prepend(&Value::Type(t.clone()), args.all);
                self.call(
                    &inner,
                    Args {
                        all: &all,
                        kwnames: args.kwnames,
                    },
                )?
            }
            _ => Value::Instance(Rc::new(Instance::new(t.clone()))),
        };
        if t.builtin && t.kind == TypeKind::Builtin {
            return Ok(inst);
        }
        if !self.type_of(&inst).is_subtype(t) {
            return Ok(inst);
        }
        if let Some(init) = t.lookup("__init__")
            && (!matches!(init, Value::Builtin(_)) || t.kind == TypeKind::Exception)
        {
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

    /// `__build_class__(body, name, *bases, **kw)`.
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
        let mut bases = Vec::new();
        for b in &pos[2..] {
            match b {
                Value::Type(t) => bases.push(t.clone()),
                other => {
                    return Err(self.type_error(format!(
                        "bases must be types, not '{}'",
                        self.type_name(other)
                    )));
                }
            }
        }
        if let Some((k, _)) = args.kw().next()
            && k != "metaclass"
        {
            return Err(self.type_error(format!(
                "__build_class__ got an unexpected keyword argument '{k}'"
            )));
        }
        let ns = Rc::new(PyDict::new());
        let mut frame = Frame::new(
            body.code.clone(),
            body.globals.clone(),
            body.builtins.clone(),
            &body.closure,
        );
        frame.locals = Some(ns.clone());
        let class_cell = self.run_new_frame(&mut frame)?;
        let cls = self.new_class(&name, bases, ns)?;
        if let Value::Cell(c) = class_cell {
            *c.0.borrow_mut() = Value::Type(cls.clone());
        }
        Ok(Value::Type(cls))
    }

    /// Creates a class (C3 method resolution order).
    pub fn new_class(
        &mut self,
        name: &str,
        mut bases: Vec<Rc<PyType>>,
        ns: Rc<PyDict>,
    ) -> PyResult<Rc<PyType>> {
        if bases.is_empty() {
            bases.push(self.ctx.types.object.clone());
        }
        let mro = match c3_merge(&bases) {
            Some(m) => m,
            None => {
                return Err(self.type_error(
                    "Cannot create a consistent method resolution order (MRO)".to_string(),
                ));
            }
        };
        let kind = if mro.iter().any(|t| t.kind == TypeKind::Exception) {
            TypeKind::Exception
        } else if mro.iter().any(|t| t.kind == TypeKind::Local) {
            TypeKind::Local
        } else {
            TypeKind::Object
        };
        if let Some(b) = bases.iter().find(|b| b.kind == TypeKind::Builtin) {
            return Err(self.not_implemented_error(format!(
                "subclassing the built-in type '{}' is not supported yet",
                b.name()
            )));
        }
        let qualname = ns
            .get_str("__qualname__")
            .and_then(|v| v.as_str().map(|s| Rc::new(crate::object::PyStr::new(s))))
            .unwrap_or_else(|| Rc::new(crate::object::PyStr::new(name)));
        Ok(Rc::new(PyType {
            name: Rc::new(crate::object::PyStr::new(name)),
            qualname: std::cell::RefCell::new(qualname),
            bases,
            mro,
            dict: ns,
            kind,
            builtin: false,
        }))
    }
}

/// The MRO of a new class with these bases (without the class itself).
fn c3_merge(bases: &[Rc<PyType>]) -> Option<Vec<Rc<PyType>>> {
    let mut seqs: Vec<Vec<Rc<PyType>>> = bases
        .iter()
        .map(|b| {
            let mut v = vec![b.clone()];
            v.extend(b.mro.iter().cloned());
            v
        })
        .collect();
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

fn prepend(first: &Value, rest: &[Value]) -> Vec<Value> {
    let mut v = Vec::with_capacity(rest.len() + 1);
    v.push(first.clone());
    v.extend_from_slice(rest);
    v
}

fn join_names(names: &[String]) -> String {
    match names.len() {
        0 => String::new(),
        1 => names[0].clone(),
        2 => format!("{} and {}", names[0], names[1]),
        n => format!("{}, and {}", names[..n - 1].join(", "), names[n - 1]),
    }
}
