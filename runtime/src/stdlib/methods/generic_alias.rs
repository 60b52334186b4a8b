//! `types.GenericAlias`: what subscripting a built-in container class gives
//! (`list[int]`, `dict[str, list[int]]`), as used in annotations.

use std::rc::Rc;

use crate::object::{PyType, Value};
use crate::vm::{Args, PyResult, Vm};

use super::method;

/// The data of a `GenericAlias`: the class subscripted and the arguments.
pub struct GenericAlias {
    pub origin: Value,
    pub args: Value,
}

/// The built-in classes that support `cls[...]`.
pub fn subscriptable(vm: &Vm, t: &Rc<PyType>) -> bool {
    let ty = &vm.ctx.types;
    [
        &ty.list,
        &ty.dict,
        &ty.tuple,
        &ty.set,
        &ty.frozenset,
        &ty.type_,
        &ty.enumerate,
    ]
    .iter()
    .any(|c| Rc::ptr_eq(c, t))
}

/// Installs the methods of `GenericAlias`.
pub fn install(vm: &mut Vm) {
    let t = vm.ctx.types.generic_alias.clone();
    method(
        &t,
        &[
            ("__repr__", repr),
            ("__call__", call),
            ("__mro_entries__", mro_entries),
            ("__eq__", eq),
            ("__hash__", hash),
            ("__instancecheck__", instancecheck),
            ("__subclasscheck__", subclasscheck),
            ("__getitem__", getitem),
        ],
    );
    super::num::property(vm, &t, "__origin__", origin);
    super::num::property(vm, &t, "__args__", args_attr);
    super::num::property(vm, &t, "__parameters__", parameters);
}

impl Vm {
    /// `origin[key]` as a `GenericAlias`.
    pub fn generic_alias(&self, origin: Value, key: Value) -> Value {
        let args = match key {
            Value::Tuple(_) => key,
            other => Value::tuple_of([other]),
        };
        let class = self.ctx.types.generic_alias.clone();
        self.native_value(&class, GenericAlias { origin, args })
    }
}

fn alias_of(vm: &mut Vm, v: &Value) -> PyResult<(Value, Value)> {
    if let Value::Native(n) = v
        && let Some(g) = n.get::<GenericAlias>()
    {
        return Ok((g.origin.clone(), g.args.clone()));
    }
    Err(vm.type_error(format!(
        "descriptor requires a 'types.GenericAlias' object but received a '{}'",
        vm.type_name(v)
    )))
}

/// How an argument of an alias is shown (`int`, `...`, `list[int]`).
fn arg_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v {
        Value::Ellipsis => Ok("...".into()),
        Value::Type(t) => {
            let module = match t.dict.get_str("__module__") {
                Some(Value::Str(m)) => m.as_str().to_owned(),
                _ => "builtins".into(),
            };
            let q = t.qualname.borrow().as_str().to_owned();
            Ok(if module == "builtins" {
                q
            } else {
                format!("{module}.{q}")
            })
        }
        other => vm.repr(other),
    }
}

fn repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "GenericAlias.__repr__", 1, 1)?;
    let (origin, items) = alias_of(vm, &a[0])?;
    let mut out = arg_repr(vm, &origin)?;
    out.push('[');
    let items = vm.collect(&items)?;
    if items.is_empty() {
        out.push_str("()");
    }
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&arg_repr(vm, x)?);
    }
    out.push(']');
    Ok(Value::string(out))
}

fn call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(me) = args.all.first() else {
        return Err(vm.type_error("GenericAlias.__call__ needs an argument"));
    };
    let (origin, _) = alias_of(vm, me)?;
    let rest = Args {
        all: &args.all[1..],
        kwnames: args.kwnames,
    };
    let r = vm.call(&origin, rest)?;
    if let Value::Instance(i) = &r {
        i.dict.set_str("__orig_class__", me.clone());
    }
    Ok(r)
}

fn mro_entries(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "GenericAlias.__mro_entries__", 2, 2)?;
    let (origin, _) = alias_of(vm, &a[0])?;
    Ok(Value::tuple_of([origin]))
}

fn eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "GenericAlias.__eq__", 2, 2)?;
    let (o1, a1) = alias_of(vm, &a[0])?;
    let Ok((o2, a2)) = alias_of(vm, &a[1]) else {
        return Ok(Value::NotImplemented);
    };
    Ok(Value::Bool(vm.eq(&o1, &o2)? && vm.eq(&a1, &a2)?))
}

fn hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "GenericAlias.__hash__", 1, 1)?;
    let (o, items) = alias_of(vm, &a[0])?;
    let h = vm.hash(&o)? ^ vm.hash(&items)?;
    Ok(Value::Int(if h == -1 { -2 } else { h }))
}

fn instancecheck(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Err(vm.type_error("isinstance() argument 2 cannot be a parameterized generic"))
}

fn subclasscheck(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Err(vm.type_error("issubclass() argument 2 cannot be a parameterized generic"))
}

fn getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "GenericAlias.__getitem__", 2, 2)?;
    let (origin, items) = alias_of(vm, &a[0])?;
    let r = vm.repr(&a[0])?;
    let _ = (origin, items);
    Err(vm.type_error(format!("{r} is not a generic class")))
}

fn origin(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__origin__", 1, 1)?;
    Ok(alias_of(vm, &a[0])?.0)
}

fn args_attr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__args__", 1, 1)?;
    Ok(alias_of(vm, &a[0])?.1)
}

fn parameters(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.check(vm, "__parameters__", 1, 1)?;
    Ok(Value::tuple_of([]))
}
