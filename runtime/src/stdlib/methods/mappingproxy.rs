//! `mappingproxy`: the read-only view of a mapping that `Class.__dict__`, `vars(Class)`
//! and `dict_view.mapping` return (`types.MappingProxyType`).

use crate::object::Value;
use crate::vm::{Args, PyResult, Vm};

use super::method;

/// The data of a `mappingproxy`: the mapping it shows.
pub struct MappingProxy {
    pub mapping: Value,
}

/// Installs the methods of `mappingproxy` and the `mapping` attribute of dict views.
pub fn install(vm: &mut Vm) {
    let t = vm.ctx.types.mappingproxy.clone();
    method(
        &t,
        &[
            ("__new__", new),
            ("__getitem__", getitem),
            ("__iter__", iter),
            ("__len__", len),
            ("__contains__", contains),
            ("__reversed__", reversed),
            ("__repr__", repr),
            ("__str__", str_),
            ("__eq__", eq),
            ("__ne__", ne),
            ("__or__", or),
            ("__ror__", ror),
            ("__ior__", ior),
            ("get", get),
            ("keys", keys),
            ("values", values),
            ("items", items),
            ("copy", copy),
        ],
    );
    t.dict.set_str("__hash__", Value::None);
    let types = &vm.ctx.types;
    for view in [
        types.dict_keys.clone(),
        types.dict_values.clone(),
        types.dict_items.clone(),
    ] {
        super::num::property(vm, &view, "mapping", view_mapping);
    }
}

impl Vm {
    /// A `mappingproxy` showing `mapping`.
    pub fn mapping_proxy(&self, mapping: Value) -> Value {
        let class = self.ctx.types.mappingproxy.clone();
        self.native_value(&class, MappingProxy { mapping })
    }
}

fn mapping_of(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v {
        Value::Native(n) => match n.get::<MappingProxy>() {
            Some(p) => Ok(p.mapping.clone()),
            None => Err(vm.type_error("descriptor requires a 'mappingproxy' object")),
        },
        _ => Err(vm.type_error(format!(
            "descriptor requires a 'mappingproxy' object but received a '{}'",
            vm.type_name(v)
        ))),
    }
}

fn new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    if pos.len() != 2 {
        return Err(
            vm.type_error("mappingproxy() missing required argument 'mapping' (pos 1)".to_string())
        );
    }
    let m = &pos[1];
    let is_mapping = matches!(m, Value::Dict(_))
        || (!matches!(m, Value::List(_) | Value::Tuple(_))
            && vm.get_attr_opt(m, "keys")?.is_some());
    if !is_mapping {
        return Err(vm.type_error(format!(
            "mappingproxy() argument must be a mapping, not {}",
            vm.type_name(m)
        )));
    }
    Ok(vm.mapping_proxy(m.clone()))
}

fn one(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<Value> {
    let a = args.check_method(vm, name, 1, 1)?;
    mapping_of(vm, &a[0])
}

fn getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "mappingproxy.__getitem__", 2, 2)?;
    let m = mapping_of(vm, &a[0])?;
    vm.get_item(&m, &a[1])
}

fn iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let m = one(vm, &args, "mappingproxy.__iter__")?;
    vm.get_iter(&m)
}

fn len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let m = one(vm, &args, "mappingproxy.__len__")?;
    Ok(Value::Int(vm.len(&m)? as i64))
}

fn contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "mappingproxy.__contains__", 2, 2)?;
    let m = mapping_of(vm, &a[0])?;
    Ok(Value::Bool(vm.contains(&m, &a[1])?))
}

fn reversed(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let m = one(vm, &args, "mappingproxy.__reversed__")?;
    vm.call_method(&m, "__reversed__", &[])
}

fn repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let m = one(vm, &args, "mappingproxy.__repr__")?;
    let r = vm.repr(&m)?;
    Ok(Value::string(format!("mappingproxy({r})")))
}

fn str_(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let m = one(vm, &args, "mappingproxy.__str__")?;
    Ok(Value::string(vm.str_of(&m)?))
}

fn eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "mappingproxy.__eq__", 2, 2)?;
    let m = mapping_of(vm, &a[0])?;
    vm.compare(crate::bytecode::CmpOp::Eq, &m, &a[1])
}

fn ne(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "mappingproxy.__ne__", 2, 2)?;
    let m = mapping_of(vm, &a[0])?;
    vm.compare(crate::bytecode::CmpOp::Ne, &m, &a[1])
}

/// The plain value behind a proxy operand (other values unchanged).
fn unproxy(v: &Value) -> Value {
    match v {
        Value::Native(n) => match n.get::<MappingProxy>() {
            Some(p) => p.mapping.clone(),
            None => v.clone(),
        },
        _ => v.clone(),
    }
}

fn or(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "mappingproxy.__or__", 2, 2)?;
    let (l, r) = (unproxy(&a[0]), unproxy(&a[1]));
    vm.binary_op(crate::bytecode::BinOp::Or, &l, &r)
}

fn ror(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "mappingproxy.__ror__", 2, 2)?;
    let (l, r) = (unproxy(&a[1]), unproxy(&a[0]));
    vm.binary_op(crate::bytecode::BinOp::Or, &l, &r)
}

fn ior(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "mappingproxy.__ior__", 2, 2)?;
    Err(vm.type_error(format!(
        "'|=' is not supported by mappingproxy; use '|' instead (got {})",
        vm.type_name(&a[1])
    )))
}

fn get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "mappingproxy.get", 2, 3)?;
    let m = mapping_of(vm, &a[0])?;
    let mut rest = vec![a[1].clone()];
    rest.extend(a.get(2).cloned());
    vm.call_method(&m, "get", &rest)
}

fn keys(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let m = one(vm, &args, "mappingproxy.keys")?;
    vm.call_method(&m, "keys", &[])
}

fn values(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let m = one(vm, &args, "mappingproxy.values")?;
    vm.call_method(&m, "values", &[])
}

fn items(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let m = one(vm, &args, "mappingproxy.items")?;
    vm.call_method(&m, "items", &[])
}

fn copy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let m = one(vm, &args, "mappingproxy.copy")?;
    vm.call_method(&m, "copy", &[])
}

fn view_mapping(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "mapping", 1, 1)?;
    match &a[0] {
        Value::Native(n) => match n.get::<super::DictView>() {
            Some(v) => Ok(vm.mapping_proxy(Value::Dict(v.dict.clone()))),
            None => Err(vm.type_error("not a dict view")),
        },
        _ => Err(vm.type_error("not a dict view")),
    }
}
