//! `BaseExceptionGroup` and `ExceptionGroup`: construction rules, `str()`, `derive`,
//! `split` and `subgroup`, and the two steps of `except*` (matching a clause, and
//! combining what the handlers raised with what they left unhandled).

use std::rc::Rc;

use crate::object::{Instance, PyType, Value};
use crate::vm::{Args, PyErr, PyResult, Vm};

use super::method;

/// Installs the methods of `BaseExceptionGroup`.
pub fn install(vm: &mut Vm) {
    let t = vm.ctx.types.base_exception_group.clone();
    method(
        &t,
        &[
            ("__new__", eg_new),
            ("__init__", eg_init),
            ("__str__", eg_str),
            ("derive", eg_derive),
            ("split", eg_split),
            ("subgroup", eg_subgroup),
        ],
    );
}

fn is_group(vm: &Vm, v: &Value) -> bool {
    matches!(v, Value::Instance(i) if i.class.is_subtype(&vm.ctx.types.base_exception_group))
}

/// The sub-exceptions of a group.
fn members(vm: &mut Vm, eg: &Value) -> PyResult<Vec<Value>> {
    let ex = vm.get_attr_str(eg, "exceptions")?;
    vm.collect(&ex)
}

fn eg_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    let Some(Value::Type(cls)) = pos.first() else {
        return Err(vm.type_error("BaseExceptionGroup.__new__(X): X is not a type object"));
    };
    let cls = cls.clone();
    if !args.kwnames.is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", cls.name())));
    }
    if pos.len() != 3 {
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            pos.len() - 1
        )));
    }
    let (message, excs) = (&pos[1], &pos[2]);
    if !matches!(crate::stdlib::methods::base_of(message), Value::Str(_)) {
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            vm.type_name(message)
        )));
    }
    let is_sequence = match excs {
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Range(_) => true,
        Value::Dict(_) | Value::Set(_) => false,
        other => {
            let t = vm.type_of(other);
            t.lookup("__getitem__").is_some() && !t.is_subtype(&vm.ctx.types.dict)
        }
    };
    if !is_sequence {
        return Err(vm.type_error("second argument (exceptions) must be a sequence"));
    }
    let items = vm.collect(excs)?;
    if items.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let mut nested_base = false;
    for (i, e) in items.iter().enumerate() {
        match e {
            Value::Instance(x) if x.exc.is_some() => {
                if !x.class.is_subtype(&vm.ctx.types.exception) {
                    nested_base = true;
                }
            }
            _ => {
                return Err(vm.value_error(format!(
                    "Item {i} of second argument (exceptions) is not an exception"
                )));
            }
        }
    }
    let types = &vm.ctx.types;
    let cls = if Rc::ptr_eq(&cls, &types.base_exception_group) {
        if nested_base {
            cls
        } else {
            types.exception_group.clone()
        }
    } else if Rc::ptr_eq(&cls, &types.exception_group) {
        if nested_base {
            return Err(vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
        cls
    } else {
        if nested_base && cls.is_subtype(&types.exception) {
            return Err(vm.type_error(format!("Cannot nest BaseExceptions in '{}'", cls.name())));
        }
        cls
    };
    let inst = Instance::new(cls);
    if let Some(x) = &inst.exc {
        *x.args.borrow_mut() = Value::tuple_of([message.clone(), excs.clone()]);
    }
    Ok(Value::Instance(Rc::new(inst)))
}

fn eg_init(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    // the arguments were taken by __new__ (a subclass may pass others to
    // BaseException.__init__ through super().__init__)
    Ok(Value::None)
}

fn eg_str(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "BaseExceptionGroup.__str__", 1, 1)?;
    let msg = vm.get_attr_str(&a[0], "message")?;
    let msg = vm.str_of(&msg)?;
    let n = members(vm, &a[0])?.len();
    let s = if n == 1 { "" } else { "s" };
    Ok(Value::string(format!("{msg} ({n} sub-exception{s})")))
}

fn eg_derive(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "BaseExceptionGroup.derive", 2, 2)?;
    let msg = vm.get_attr_str(&a[0], "message")?;
    let cls = Value::Type(vm.ctx.types.base_exception_group.clone());
    vm.call0(&cls, &[msg, a[1].clone()])
}

/// What `split`/`subgroup`/`except*` match leaves against.
pub enum Matcher {
    /// An exception class or a tuple of them.
    Types(Value),
    /// A predicate called with each exception.
    Predicate(Value),
    /// The leaves with these identities (re-raised by `except*` handlers).
    Ids(Vec<i64>),
}

impl Matcher {
    /// The matcher for a `split()`/`subgroup()` argument.
    pub fn from_arg(vm: &mut Vm, cond: &Value) -> PyResult<Matcher> {
        let is_exc_type =
            |v: &Value| matches!(v, Value::Type(t) if t.kind == crate::object::TypeKind::Exception);
        match cond {
            v if is_exc_type(v) => Ok(Matcher::Types(v.clone())),
            Value::Tuple(t) if t.0.iter().all(is_exc_type) => Ok(Matcher::Types(cond.clone())),
            Value::Type(_) => Err(bad_condition(vm)),
            v if crate::stdlib::callable_value(vm, v) => Ok(Matcher::Predicate(v.clone())),
            _ => Err(bad_condition(vm)),
        }
    }

    fn matches(&self, vm: &mut Vm, e: &Value) -> PyResult<bool> {
        match self {
            Matcher::Types(t) => crate::stdlib::is_instance(vm, e, t),
            Matcher::Predicate(f) => {
                let r = vm.call0(f, std::slice::from_ref(e))?;
                vm.truthy(&r)
            }
            Matcher::Ids(ids) => Ok(ids.contains(&e.id())),
        }
    }
}

fn bad_condition(vm: &mut Vm) -> PyErr {
    vm.type_error("expected a function, exception type or tuple of exception types")
}

/// `eg.split(matcher)`: (matching part, rest), each None when empty.
pub fn split(vm: &mut Vm, eg: &Value, m: &Matcher) -> PyResult<(Value, Value)> {
    if m.matches(vm, eg)? {
        return Ok((eg.clone(), Value::None));
    }
    if !is_group(vm, eg) {
        return Ok((Value::None, eg.clone()));
    }
    let mut matched = Vec::new();
    let mut rest = Vec::new();
    for e in members(vm, eg)? {
        if is_group(vm, &e) {
            let (a, b) = split(vm, &e, m)?;
            if !a.is_none() {
                matched.push(a);
            }
            if !b.is_none() {
                rest.push(b);
            }
        } else if m.matches(vm, &e)? {
            matched.push(e);
        } else {
            rest.push(e);
        }
    }
    let matched = derive_from(vm, eg, matched)?;
    let rest = derive_from(vm, eg, rest)?;
    Ok((matched, rest))
}

/// `eg.derive(excs)` with the traceback, cause, context and notes of `eg` (None when
/// `excs` is empty).
fn derive_from(vm: &mut Vm, eg: &Value, excs: Vec<Value>) -> PyResult<Value> {
    if excs.is_empty() {
        return Ok(Value::None);
    }
    let derive = vm.get_attr_str(eg, "derive")?;
    let r = vm.call0(&derive, &[Value::list(excs)])?;
    let (Value::Instance(new), Value::Instance(old)) = (&r, eg) else {
        return Err(vm.type_error("derive must return an instance of BaseExceptionGroup"));
    };
    if !is_group(vm, &r) {
        return Err(vm.type_error("derive must return an instance of BaseExceptionGroup"));
    }
    if let (Some(n), Some(o)) = (&new.exc, &old.exc) {
        *n.traceback.borrow_mut() = o.traceback.borrow().clone();
        *n.cause.borrow_mut() = o.cause.borrow().clone();
        *n.context.borrow_mut() = o.context.borrow().clone();
        n.suppress_context.set(o.suppress_context.get());
    }
    if let Some(notes) = old.dict.get_str("__notes__") {
        new.dict.set_str("__notes__", notes);
    }
    Ok(r)
}

fn eg_split(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "BaseExceptionGroup.split", 2, 2)?;
    let m = Matcher::from_arg(vm, &a[1])?;
    let (x, y) = split(vm, &a[0], &m)?;
    Ok(Value::tuple_of([x, y]))
}

fn eg_subgroup(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "BaseExceptionGroup.subgroup", 2, 2)?;
    let m = Matcher::from_arg(vm, &a[1])?;
    Ok(split(vm, &a[0], &m)?.0)
}

/// `except* T`: splits the unhandled part `rest` by `T`. Returns (new rest, match),
/// either None. A lone exception that matches is wrapped in a group.
pub fn except_star_match(vm: &mut Vm, rest: &Value, ty: &Value) -> PyResult<(Value, Value)> {
    if rest.is_none() {
        return Ok((Value::None, Value::None));
    }
    check_except_star_type(vm, ty)?;
    if !is_group(vm, rest) {
        if vm.exc_matches(rest, ty)? {
            let cls = Value::Type(vm.ctx.types.base_exception_group.clone());
            let wrapped = vm.call0(&cls, &[Value::str(""), Value::tuple_of([rest.clone()])])?;
            if let (Value::Instance(w), Value::Instance(r)) = (&wrapped, rest)
                && let (Some(wx), Some(rx)) = (&w.exc, &r.exc)
            {
                *wx.traceback.borrow_mut() = rx.traceback.borrow().clone();
            }
            return Ok((Value::None, wrapped));
        }
        return Ok((rest.clone(), Value::None));
    }
    let (matched, rest) = split(vm, rest, &Matcher::Types(ty.clone()))?;
    Ok((rest, matched))
}

fn check_except_star_type(vm: &mut Vm, ty: &Value) -> PyResult<()> {
    let eg = vm.ctx.types.base_exception_group.clone();
    let bad = |t: &Rc<PyType>| t.is_subtype(&eg);
    let is_group_type = match ty {
        Value::Type(t) => bad(t),
        Value::Tuple(ts) => ts.0.iter().any(|x| matches!(x, Value::Type(t) if bad(t))),
        _ => false,
    };
    if is_group_type {
        return Err(vm.type_error(
            "catching ExceptionGroup with except* is not allowed. Use except instead.",
        ));
    }
    Ok(())
}

/// The exception an `except*` statement ends with: `raised` holds what each
/// handler raised (re-raising the matched group counts as leaving it unhandled) and,
/// last, the unhandled rest. None when everything was handled.
pub fn prep_reraise_star(vm: &mut Vm, orig: &Value, raised: &[Value]) -> PyResult<Value> {
    let excs: Vec<Value> = raised.iter().filter(|e| !e.is_none()).cloned().collect();
    if excs.is_empty() {
        return Ok(Value::None);
    }
    if !is_group(vm, orig) {
        // a lone exception: what the handler raised, or the exception itself
        return Ok(excs[0].clone());
    }
    // re-raised parts are the leaves of `orig` (derived groups share its leaves)
    let mut orig_leaves = Vec::new();
    leaf_ids(vm, orig, &mut orig_leaves)?;
    let mut reraised_ids = Vec::new();
    let mut new_raised = Vec::new();
    for e in &excs {
        let mut ids = Vec::new();
        leaf_ids(vm, e, &mut ids)?;
        if !ids.is_empty() && ids.iter().all(|i| orig_leaves.contains(i)) {
            reraised_ids.extend(ids);
        } else {
            new_raised.push(e.clone());
        }
    }
    let reraised = if reraised_ids.is_empty() {
        Value::None
    } else {
        split(vm, orig, &Matcher::Ids(reraised_ids))?.0
    };
    if new_raised.is_empty() {
        return Ok(reraised);
    }
    if !reraised.is_none() {
        new_raised.push(reraised);
    }
    if new_raised.len() == 1 {
        return Ok(new_raised.remove(0));
    }
    let cls = Value::Type(vm.ctx.types.base_exception_group.clone());
    vm.call0(&cls, &[Value::str(""), Value::list(new_raised)])
}

fn leaf_ids(vm: &mut Vm, e: &Value, out: &mut Vec<i64>) -> PyResult<()> {
    if is_group(vm, e) {
        for x in members(vm, e)? {
            leaf_ids(vm, &x, out)?;
        }
    } else {
        out.push(e.id());
    }
    Ok(())
}
