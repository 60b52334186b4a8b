//! Constructors and methods of the built-in types (int, float, str, bytes, list,
//! dict, set, generators ...), one file per family in `methods/`.

use std::rc::Rc;

use crate::object::{BuiltinFn, PyType, Value};

mod bytes;
mod ctors;
pub(crate) use ctors::object_new;
mod dict;
mod dunder;
pub mod exc_group;
mod generators;
mod generic_alias;
mod mappingproxy;
mod num;
mod seq;
mod set;
mod strs;

pub use bytes::{decode as decode_bytes, encode as encode_str};
pub use ctors::{float_of, int_of, parse_float, parse_int};
pub use dict::DictView;
pub use generic_alias::{GenericAlias, subscriptable as generic_subscriptable};
pub use mappingproxy::MappingProxy;
pub use num::{float_hex_str, float_ratio, float_to_int, round_float};
pub use seq::{sort_kwargs, sort_values};
pub use strs::str_format_args;
pub use strs::{is_printable_char, is_space, split_str};

/// Installs constructors and methods into the built-in classes.
pub fn install(vm: &mut crate::vm::Vm) {
    ctors::install(vm);
    dunder::install(vm);
    num::install(vm);
    strs::install(vm);
    bytes::install(vm);
    seq::install(vm);
    dict::install(vm);
    set::install(vm);
    generators::install(vm);
    mappingproxy::install(vm);
    generic_alias::install(vm);
    exc_group::install(vm);
}

/// Adds built-in methods to a class.
pub(crate) fn method(t: &Rc<PyType>, funcs: &[(&'static str, BuiltinFn)]) {
    super::add_methods(t, funcs);
}

/// Adds a built-in class method (`int.from_bytes`) to a class.
pub(crate) fn classmethod(vm: &crate::vm::Vm, t: &Rc<PyType>, name: &'static str, f: BuiltinFn) {
    let b = super::func(name, f);
    let v = vm.native_value(
        &vm.ctx.types.classmethod.clone(),
        crate::vm::attr::ClassMethod(b),
    );
    t.dict.set_str(name, v);
}

/// Adds a built-in static method (`str.maketrans`) to a class.
pub(crate) fn staticmethod(vm: &crate::vm::Vm, t: &Rc<PyType>, name: &'static str, f: BuiltinFn) {
    let b = super::func(name, f);
    let v = vm.native_value(
        &vm.ctx.types.staticmethod.clone(),
        crate::vm::attr::StaticMethod(b),
    );
    t.dict.set_str(name, v);
}

/// The built-in value an instance of a class derived from a built-in type wraps (the
/// value itself for anything else).
#[inline]
pub fn base_of(v: &Value) -> &Value {
    match v {
        Value::Instance(i) => i.base.as_ref().unwrap_or(v),
        _ => v,
    }
}

/// Gives the member-descriptor class its `__repr__` (`<member 'x' of 'A' objects>`).
pub fn install_member_repr(t: &Rc<PyType>) {
    method(t, &[("__repr__", member_repr)]);
}

fn member_repr(vm: &mut crate::vm::Vm, args: crate::vm::Args<'_>) -> crate::vm::PyResult<Value> {
    let a = args.check(vm, "__repr__", 1, 1)?;
    if let Value::Native(n) = &a[0]
        && let Some(m) = n.get::<crate::vm::attr::SlotMember>()
    {
        return Ok(Value::string(format!(
            "<member '{}' of '{}' objects>",
            m.name.as_str(),
            m.owner.as_str()
        )));
    }
    Ok(Value::str("<member>"))
}
