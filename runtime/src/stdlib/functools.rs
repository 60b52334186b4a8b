//! `_functools`: the native `cmp_to_key` (a `functools.KeyWrapper` whose rich
//! comparisons call the cmp function directly), which `functools.py` imports over
//! its Python definition.

use std::rc::Rc;

use crate::bytecode::CmpOp;
use crate::object::{Module, Value};
use crate::vm::{Args, PyResult, Vm};

use super::modsupport::{module_class, new_native, register_class, registered_class};
use super::{add_funcs, add_methods, new_module};

/// A `KeyWrapper`: the cmp function and, once called, the wrapped object.
struct KeyWrapper {
    cmp: Value,
    obj: Option<Value>,
}

/// Creates `_functools`.
pub fn init(vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = new_module("_functools");
    let cls = module_class(vm, "KeyWrapper", "functools");
    add_methods(
        &cls,
        &[
            ("__call__", call),
            ("__lt__", lt),
            ("__le__", le),
            ("__eq__", eq),
            ("__ne__", ne),
            ("__gt__", gt),
            ("__ge__", ge),
        ],
    );
    cls.dict.set_str("__hash__", Value::None);
    let prop = crate::vm::attr::Property {
        fget: super::func("obj", obj),
        fset: Value::None,
        fdel: Value::None,
        doc: Value::None,
    };
    cls.dict
        .set_str("obj", new_native(vm.ctx.types.property.clone(), prop));
    register_class(vm, "functools.KeyWrapper", &cls);
    add_funcs(&m.dict, &[("cmp_to_key", cmp_to_key)]);
    Ok(m)
}

fn wrapper(v: &Value) -> Option<&KeyWrapper> {
    match v {
        Value::Native(n) => n.get::<KeyWrapper>(),
        _ => None,
    }
}

/// The one argument `name` of a function taking it by position or keyword.
fn one_arg(vm: &mut Vm, args: &Args<'_>, skip: usize, fname: &str, name: &str) -> PyResult<Value> {
    let pos = &args.pos()[skip..];
    let kw: Vec<(&str, &Value)> = args.kw().collect();
    match (pos, &kw[..]) {
        ([v], []) => Ok(v.clone()),
        ([], [(k, v)]) if *k == name => Ok((*v).clone()),
        ([], []) | ([], [_]) => Err(vm.type_error(format!(
            "{fname}() missing required argument '{name}' (pos 1)"
        ))),
        _ => Err(vm.type_error(format!(
            "{fname}() takes at most 1 argument ({} given)",
            pos.len() + kw.len()
        ))),
    }
}

/// `cmp_to_key(mycmp)`: a key function for sorting with a cmp function.
fn cmp_to_key(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cmp = one_arg(vm, &args, 0, "cmp_to_key", "mycmp")?;
    let cls = registered_class(vm, "functools.KeyWrapper");
    Ok(new_native(cls, KeyWrapper { cmp, obj: None }))
}

fn call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(w) = args.all.first().and_then(wrapper) else {
        return Err(vm.type_error("descriptor '__call__' requires a 'functools.KeyWrapper'"));
    };
    let cmp = w.cmp.clone();
    let obj = one_arg(vm, &args, 1, "K", "obj")?;
    let cls = registered_class(vm, "functools.KeyWrapper");
    Ok(new_native(
        cls,
        KeyWrapper {
            cmp,
            obj: Some(obj),
        },
    ))
}

fn obj(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match args.all.first().and_then(wrapper) {
        Some(KeyWrapper { obj: Some(o), .. }) => Ok(o.clone()),
        _ => Err(vm.attribute_error("obj")),
    }
}

/// `cmp(a.obj, b.obj) OP 0`.
fn compare(vm: &mut Vm, args: Args<'_>, op: CmpOp) -> PyResult<Value> {
    let a = args.check(vm, "comparison", 2, 2)?;
    let (Some(x), Some(y)) = (wrapper(&a[0]), wrapper(&a[1])) else {
        return Err(vm.type_error("other argument must be K instance"));
    };
    let (Some(p), Some(q)) = (&x.obj, &y.obj) else {
        return Err(vm.attribute_error("object"));
    };
    let (f, p, q) = (x.cmp.clone(), p.clone(), q.clone());
    let r = vm.call0(&f, &[p, q])?;
    if let Value::Int(i) = r {
        return Ok(Value::Bool(match op {
            CmpOp::Lt => i < 0,
            CmpOp::Le => i <= 0,
            CmpOp::Eq => i == 0,
            CmpOp::Ne => i != 0,
            CmpOp::Gt => i > 0,
            CmpOp::Ge => i >= 0,
        }));
    }
    vm.compare(op, &r, &Value::Int(0))
}

fn lt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, CmpOp::Lt)
}

fn le(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, CmpOp::Le)
}

fn eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, CmpOp::Eq)
}

fn ne(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, CmpOp::Ne)
}

fn gt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, CmpOp::Gt)
}

fn ge(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, CmpOp::Ge)
}
