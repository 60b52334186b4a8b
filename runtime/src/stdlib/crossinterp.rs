//! Crossing between interpreters: converting this interpreter's objects to
//! [`Shareable`] data and back, sending a function by its shared code object,
//! capturing an uncaught exception as plain data, and running a closure in
//! another interpreter on the calling OS thread.
//!
//! Nothing here lets an object of one interpreter reach another: what crosses
//! is `Send` data (`Shareable`, `Arc<CodeObject>`, strings), and the receiving
//! side always builds fresh objects of its own.

use std::rc::Rc;
use std::sync::Arc;

use atoll_channels::{Dict, Set, Shareable};

use crate::bytecode::CodeObject;
use crate::interp::InterpShared;
use crate::object::{Function, PyDict, PyStr, Value};
use crate::threads::with_vm;
use crate::vm::{Args, PyErr, PyResult, Vm};

/// How deeply containers may nest in a value that crosses. Deeper values are
/// refused (dropping, comparing and printing a `Shareable` recurse).
pub const MAX_DEPTH: usize = 1000;

/// Why an object cannot cross: the Python type name of the first part that
/// cannot, or a nesting deeper than [`MAX_DEPTH`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotShareable {
    /// An object of this type does not support cross-interpreter data.
    Type(String),
    /// Containers nest deeper than [`MAX_DEPTH`].
    TooDeep,
    /// A function that cannot cross (a closure, a method ...): why.
    Function(String),
}

impl NotShareable {
    /// The message of the `NotShareableError`.
    pub fn message(&self) -> String {
        match self {
            NotShareable::Type(t) => {
                format!("object of type '{t}' does not support cross-interpreter data")
            }
            NotShareable::TooDeep => format!(
                "object nested more than {MAX_DEPTH} levels deep does not support cross-interpreter data"
            ),
            NotShareable::Function(why) => why.clone(),
        }
    }
}

/// Converts `v` into shareable data (a deep copy), or says why it can't.
pub fn to_shareable(vm: &Vm, v: &Value) -> Result<Shareable, NotShareable> {
    convert(vm, v, 0)
}

fn convert(vm: &Vm, v: &Value, depth: usize) -> Result<Shareable, NotShareable> {
    if depth > MAX_DEPTH {
        return Err(NotShareable::TooDeep);
    }
    Ok(match v {
        Value::None => Shareable::None,
        Value::BoolW(b) => Shareable::Bool(b.get()),
        Value::Int(i) => Shareable::Int(*i),
        Value::BigInt(b) => Shareable::from((**b).clone()),
        Value::FloatW(f) => Shareable::Float(f.get()),
        Value::Str(s) => Shareable::Str(Arc::from(s.as_str())),
        Value::Bytes(b) => Shareable::Bytes(Arc::from(&b.0[..])),
        Value::Tuple(t) => Shareable::Tuple(convert_all(vm, t.0.iter(), depth)?),
        Value::List(l) => {
            let items: Vec<Value> = l.0.borrow().clone();
            Shareable::List(convert_all(vm, items.iter(), depth)?)
        }
        Value::Dict(d) => {
            let pairs: Vec<(Value, Value)> =
                d.0.borrow()
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
            let mut out = Dict::with_capacity(pairs.len());
            for (k, v) in &pairs {
                let k = convert(vm, k, depth + 1)?;
                let v = convert(vm, v, depth + 1)?;
                out.insert(k, v)
                    .map_err(|e| NotShareable::Type(e.type_name.to_owned()))?;
            }
            Shareable::Dict(out)
        }
        Value::Set(s) => {
            let keys: Vec<Value> = s.map.borrow().keys().collect();
            let mut out = Set::new();
            for k in &keys {
                out.insert(convert(vm, k, depth + 1)?)
                    .map_err(|e| NotShareable::Type(e.type_name.to_owned()))?;
            }
            if s.frozen {
                Shareable::FrozenSet(out)
            } else {
                Shareable::Set(out)
            }
        }
        Value::Native(n) => match super::interpqueues::queue_of_native(n) {
            Some(q) => Shareable::Queue(q),
            None => return Err(NotShareable::Type(n.class.name().to_owned())),
        },
        other if super::interpqueues::is_unbound(vm, other) => Shareable::Unbound,
        other => return Err(NotShareable::Type(vm.type_name(other))),
    })
}

fn convert_all<'a>(
    vm: &Vm,
    items: impl Iterator<Item = &'a Value>,
    depth: usize,
) -> Result<Vec<Shareable>, NotShareable> {
    items.map(|x| convert(vm, x, depth + 1)).collect()
}

/// Builds this interpreter's objects from shareable data.
pub fn from_shareable(vm: &mut Vm, s: Shareable) -> PyResult<Value> {
    Ok(match s {
        Shareable::None => Value::None,
        Shareable::Bool(b) => Value::Bool(b),
        Shareable::Int(i) => Value::Int(i),
        Shareable::BigInt(b) => Value::from_big((*b).clone()),
        Shareable::Float(f) => Value::Float(f),
        Shareable::Complex { .. } => {
            return Err(vm.type_error("complex numbers are not supported by this runtime"));
        }
        Shareable::Str(s) => Value::str(&s),
        Shareable::Bytes(b) => Value::bytes(b.to_vec()),
        Shareable::Tuple(items) => Value::tuple(from_all(vm, items)?),
        Shareable::List(items) => Value::list(from_all(vm, items)?),
        Shareable::Dict(d) => {
            // The keys came out of one dict, so they are distinct: each is
            // appended without a search, and the entries are moved, not copied.
            let mut map = crate::object::DictMap::with_capacity(d.len());
            for (k, v) in d {
                let k = from_shareable(vm, k)?;
                let v = from_shareable(vm, v)?;
                let h = crate::object::dict::key_hash(&k)
                    .map_err(|u| vm.type_error(format!("unhashable type: '{}'", u.0)))?;
                map.insert_new(h, k, v);
            }
            Value::Dict(Rc::new(PyDict(std::cell::RefCell::new(map))))
        }
        Shareable::Set(s) => {
            let items = from_all(vm, s.as_slice().to_vec())?;
            vm.new_set(items, false)?
        }
        Shareable::FrozenSet(s) => {
            let items = from_all(vm, s.as_slice().to_vec())?;
            vm.new_set(items, true)?
        }
        Shareable::Queue(q) => super::interpqueues::wrap_queue(vm, q)?,
        Shareable::Unbound => super::interpqueues::unbound_value(vm)?,
    })
}

fn from_all(vm: &mut Vm, items: Vec<Shareable>) -> PyResult<Vec<Value>> {
    items.into_iter().map(|x| from_shareable(vm, x)).collect()
}

/// A callable that can cross: a plain function by its shared code object, or a
/// built-in by name.
#[derive(Clone, Debug)]
pub enum CallTarget {
    /// A function without closure: its code, name and shareable defaults. It is
    /// rebuilt in the target interpreter with `__main__` as its globals.
    Code {
        /// The immutable, shared code object.
        code: Arc<CodeObject>,
        /// `__name__`.
        name: String,
        /// `__qualname__`.
        qualname: String,
        /// `__defaults__`, a tuple.
        defaults: Option<Shareable>,
        /// `__kwdefaults__`, a dict.
        kwdefaults: Option<Shareable>,
    },
    /// A built-in function or class, looked up by name in the target's builtins.
    Builtin(String),
}

/// Turns a callable into something that can cross, or says why it can't.
pub fn call_target(vm: &mut Vm, callable: &Value) -> Result<CallTarget, NotShareable> {
    match callable {
        Value::Function(f) => {
            if !f.closure.is_empty() {
                return Err(NotShareable::Function(format!(
                    "function '{}' is a closure and does not support cross-interpreter data",
                    f.qualname.borrow().as_str()
                )));
            }
            let defaults = match f.defaults.borrow().clone() {
                Some(t) => Some(to_shareable(vm, &Value::Tuple(t))?),
                None => None,
            };
            let kwdefaults = match f.kwdefaults.borrow().clone() {
                Some(d) => Some(to_shareable(vm, &Value::Dict(d))?),
                None => None,
            };
            Ok(CallTarget::Code {
                code: f.code.code.clone(),
                name: f.name.borrow().as_str().to_owned(),
                qualname: f.qualname.borrow().as_str().to_owned(),
                defaults,
                kwdefaults,
            })
        }
        Value::Builtin(b) if b.bound.is_none() => {
            if vm.ctx.builtins.get_str(b.name).is_some() {
                Ok(CallTarget::Builtin(b.name.to_owned()))
            } else {
                Err(NotShareable::Type("builtin_function_or_method".into()))
            }
        }
        Value::Type(t) if t.builtin && vm.ctx.builtins.get_str(t.name()).is_some() => {
            Ok(CallTarget::Builtin(t.name().to_owned()))
        }
        other => Err(NotShareable::Type(vm.type_name(other))),
    }
}

impl CallTarget {
    /// The callable in this interpreter (a function's globals are `__main__`'s).
    pub fn materialize(self, vm: &mut Vm) -> PyResult<Value> {
        match self {
            CallTarget::Builtin(name) => vm.builtin(&name),
            CallTarget::Code {
                code,
                name,
                qualname,
                defaults,
                kwdefaults,
            } => {
                let defaults = match defaults {
                    Some(d) => match from_shareable(vm, d)? {
                        Value::Tuple(t) => Some(t),
                        _ => None,
                    },
                    None => None,
                };
                let kwdefaults = match kwdefaults {
                    Some(d) => match from_shareable(vm, d)? {
                        Value::Dict(d) => Some(d),
                        _ => None,
                    },
                    None => None,
                };
                let main = vm.ctx.main.dict.clone();
                let func = Function {
                    name: std::cell::RefCell::new(Rc::new(PyStr::new(&name))),
                    qualname: std::cell::RefCell::new(Rc::new(PyStr::new(&qualname))),
                    code: super::import::materialize_in(&vm.ctx, &code),
                    globals: main,
                    builtins: vm.ctx.builtins.clone(),
                    defaults: std::cell::RefCell::new(defaults),
                    kwdefaults: std::cell::RefCell::new(kwdefaults),
                    closure: Box::new([]),
                    dict: Rc::new(PyDict::new()),
                };
                let func = Value::Function(Rc::new(func));
                if let Value::Function(f) = &func {
                    f.dict.set_str("__module__", Value::str("__main__"));
                }
                Ok(func)
            }
        }
    }
}

/// An exception that nothing caught in an interpreter, as data (CPython's
/// `excinfo`: the type's names, `str(exc)`, and the printed traceback).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExcInfo {
    /// `type(exc).__name__`
    pub type_name: String,
    /// `type(exc).__qualname__`
    pub qualname: String,
    /// `type(exc).__module__`
    pub module: String,
    /// `str(exc)`
    pub msg: String,
    /// `Type: msg` (or `Type` when the message is empty).
    pub formatted: String,
    /// The whole traceback as CPython prints it, without the final newline.
    pub errdisplay: String,
}

impl ExcInfo {
    /// Captures an exception raised in this interpreter.
    pub fn capture(vm: &mut Vm, e: &PyErr) -> ExcInfo {
        let class = e.class.clone();
        let type_name = class.name().to_owned();
        let qualname = class.qualname.borrow().as_str().to_owned();
        let module = match class.dict.get_str("__module__") {
            Some(Value::Str(s)) => s.as_str().to_owned(),
            _ => "builtins".to_owned(),
        };
        let msg = vm
            .str_of(&Value::Instance(e.clone()))
            .unwrap_or_else(|_| "<exception str() failed>".to_owned());
        let formatted = if msg.is_empty() {
            type_name.clone()
        } else {
            format!("{type_name}: {msg}")
        };
        let errdisplay = crate::vm::format_exception(vm, e)
            .trim_end_matches('\n')
            .to_owned();
        ExcInfo {
            type_name,
            qualname,
            module,
            msg,
            formatted,
            errdisplay,
        }
    }

    /// The tuple the `_interpreters` functions return:
    /// `(name, qualname, module, msg, formatted, errdisplay)`.
    pub fn to_value(&self) -> Value {
        Value::tuple_of([
            Value::str(&self.type_name),
            Value::str(&self.qualname),
            Value::str(&self.module),
            Value::str(&self.msg),
            Value::str(&self.formatted),
            Value::str(&self.errdisplay),
        ])
    }
}

/// What a call in another interpreter produced.
#[derive(Debug)]
pub enum CallOutcome {
    /// The result, as data.
    Returned(Shareable),
    /// The callable raised.
    Raised(ExcInfo),
    /// The result could not cross.
    ResultNotShareable(NotShareable),
}

/// Runs `f` in interpreter `target` on this OS thread, with the caller's GIL
/// released meanwhile: the thread-state lifecycle steps 1, 3, 4 and 5 in the
/// target, as a host `exec` does. `f` gets the target's VM; everything going in
/// and out must be `Send`, so no object crosses.
pub fn run_in<R: Send>(
    vm: &mut Vm,
    target: &Arc<InterpShared>,
    f: impl FnOnce(&mut Vm) -> R + Send,
) -> R {
    let target = target.clone();
    vm.allow_threads(move || with_vm(&target, "MainThread", f))
}

/// Runs `source` in the target VM's `__main__`; returns the uncaught exception.
pub fn exec_source_in(tvm: &mut Vm, source: &str) -> Option<ExcInfo> {
    match tvm.run_main_source(source, "<string>") {
        Ok(()) => None,
        Err(e) => Some(ExcInfo::capture(tvm, &e)),
    }
}

/// Calls `target(*args, **kwargs)` in the target VM.
pub fn call_in(
    tvm: &mut Vm,
    target: CallTarget,
    args: Vec<Shareable>,
    kwargs: Vec<(String, Shareable)>,
) -> CallOutcome {
    let r = (|| -> PyResult<Value> {
        let func = target.materialize(tvm)?;
        let mut all = Vec::with_capacity(args.len() + kwargs.len());
        for a in args {
            all.push(from_shareable(tvm, a)?);
        }
        let mut names = Vec::with_capacity(kwargs.len());
        for (k, v) in kwargs {
            all.push(from_shareable(tvm, v)?);
            names.push(Value::str(&k));
        }
        tvm.call(
            &func,
            Args {
                all: &all,
                kwnames: &names,
            },
        )
    })();
    match r {
        Ok(v) => match to_shareable(tvm, &v) {
            Ok(s) => CallOutcome::Returned(s),
            Err(ns) => CallOutcome::ResultNotShareable(ns),
        },
        Err(e) => CallOutcome::Raised(ExcInfo::capture(tvm, &e)),
    }
}
