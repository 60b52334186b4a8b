//! The special methods of the built-in types (`int.__add__`, `list.__getitem__`,
//! `object.__eq__`, `type.mro` ...). The VM handles built-in values directly; these
//! exist for instances of classes derived from built-in types (they operate on the
//! built-in value inside) and for explicit calls such as `super().__init__()` or
//! `dict.__setitem__(self, k, v)`.

use crate::object::BoolWord;
use std::rc::Rc;

use crate::bytecode::{BinOp, CmpOp, UnOp};
use crate::object::{BuiltinFn, PyType, Types, Value};
use crate::vm::{Args, PyResult, Vm};

use super::{base_of, method};

macro_rules! binops {
    ($($fwd:ident $rev:ident => $op:expr;)*) => {
        $(
            fn $fwd(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
                bin_slot(vm, args, $op, false)
            }
            fn $rev(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
                bin_slot(vm, args, $op, true)
            }
        )*
    };
}

binops! {
    add radd => BinOp::Add;
    sub rsub => BinOp::Sub;
    mul rmul => BinOp::Mul;
    truediv rtruediv => BinOp::TrueDiv;
    floordiv rfloordiv => BinOp::FloorDiv;
    modulo rmodulo => BinOp::Mod;
    pow_ rpow => BinOp::Pow;
    lshift rlshift => BinOp::LShift;
    rshift rrshift => BinOp::RShift;
    and_ rand => BinOp::And;
    or_ ror => BinOp::Or;
    xor rxor => BinOp::Xor;
}

fn bin_slot(vm: &mut Vm, args: Args<'_>, op: BinOp, reflected: bool) -> PyResult<Value> {
    let a = args.check(vm, "operator", 2, 3)?;
    let x = base_of(&a[0]).clone();
    let y = base_of(&a[1]).clone();
    if matches!(x, Value::Int(_) | Value::BigInt(_) | Value::BoolW(_))
        && matches!(y, Value::FloatW(_))
    {
        return Ok(Value::NotImplemented);
    }
    if op == BinOp::Pow && a.len() == 3 && !a[2].is_none() {
        let (b, e) = if reflected { (y, x) } else { (x, y) };
        let m = base_of(&a[2]).clone();
        let all_int = [&b, &e, &m]
            .iter()
            .all(|v| matches!(v, Value::Int(_) | Value::BigInt(_) | Value::BoolW(_)));
        if !all_int {
            return Ok(Value::NotImplemented);
        }
        let pow = vm.builtin("pow")?;
        return vm.call0(&pow, &[b, e, m]);
    }
    let (l, r) = if reflected { (y, x) } else { (x, y) };
    Ok(vm
        .binary_builtin(op, &l, &r)?
        .unwrap_or(Value::NotImplemented))
}

macro_rules! cmps {
    ($($name:ident => $op:expr;)*) => {
        $(
            fn $name(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
                cmp_slot(vm, args, $op)
            }
        )*
    };
}

cmps! {
    lt => CmpOp::Lt;
    le => CmpOp::Le;
    eq => CmpOp::Eq;
    ne => CmpOp::Ne;
    gt => CmpOp::Gt;
    ge => CmpOp::Ge;
}

fn cmp_slot(vm: &mut Vm, args: Args<'_>, op: CmpOp) -> PyResult<Value> {
    let a = args.check(vm, "comparison", 2, 2)?;
    let x = base_of(&a[0]).clone();
    let y = base_of(&a[1]).clone();
    Ok(match vm.builtin_compare(op, &x, &y)? {
        Some(b) => Value::Bool(b),
        None => Value::NotImplemented,
    })
}

fn one<'a>(vm: &mut Vm, args: &Args<'a>, name: &str) -> PyResult<Value> {
    let a = args.check(vm, name, 1, 1)?;
    Ok(base_of(&a[0]).clone())
}

fn neg(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = one(vm, &args, "__neg__")?;
    vm.unary_op(UnOp::Neg, &v)
}

fn pos(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = one(vm, &args, "__pos__")?;
    vm.unary_op(UnOp::Pos, &v)
}

fn invert(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = one(vm, &args, "__invert__")?;
    vm.unary_op(UnOp::Invert, &v)
}

fn abs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = one(vm, &args, "__abs__")?;
    let f = vm.builtin("abs")?;
    vm.call0(&f, &[v])
}

fn bool_(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = one(vm, &args, "__bool__")?;
    Ok(Value::Bool(vm.truthy(&v)?))
}

fn int_(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = one(vm, &args, "__int__")?;
    let t = Value::Type(vm.ctx.types.int.clone());
    vm.call0(&t, &[v])
}

fn index(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = one(vm, &args, "__index__")?;
    Ok(match v {
        Value::BoolW(b) => Value::Int(b.get() as i64),
        other => other,
    })
}

fn float_(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = one(vm, &args, "__float__")?;
    Ok(Value::Float(vm.arg_f64(&v)?))
}

fn round_(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    let mut all = vec![base_of(&pos[0]).clone()];
    all.extend(pos[1..].iter().cloned());
    let f = vm.builtin("round")?;
    vm.call0(&f, &all)
}

fn trunc(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = one(vm, &args, "__trunc__")?;
    let t = Value::Type(vm.ctx.types.int.clone());
    vm.call0(&t, &[v])
}

fn floor(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = one(vm, &args, "__floor__")?;
    match v {
        Value::FloatW(f) => super::num::float_to_int(vm, f.get().floor()),
        other => Ok(other),
    }
}

fn ceil(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = one(vm, &args, "__ceil__")?;
    match v {
        Value::FloatW(f) => super::num::float_to_int(vm, f.get().ceil()),
        other => Ok(other),
    }
}

fn len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = one(vm, &args, "__len__")?;
    Ok(Value::Int(vm.len(&v)? as i64))
}

fn getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__getitem__", 2, 2)?;
    let obj = base_of(&a[0]).clone();
    if let (Value::Dict(d), Value::Instance(_)) = (&obj, &a[0]) {
        return match vm.dict_get(d, &a[1])? {
            Some(v) => Ok(v),
            None => match vm.call_special(&a[0], "__missing__", &[a[1].clone()])? {
                Some(v) => Ok(v),
                None => Err(vm.key_error(a[1].clone())),
            },
        };
    }
    vm.get_item(&obj, &a[1])
}

fn setitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__setitem__", 3, 3)?;
    let obj = base_of(&a[0]).clone();
    vm.set_item(&obj, a[1].clone(), a[2].clone())?;
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__delitem__", 2, 2)?;
    let obj = base_of(&a[0]).clone();
    vm.del_item(&obj, &a[1])?;
    Ok(Value::None)
}

fn contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__contains__", 2, 2)?;
    let obj = base_of(&a[0]).clone();
    Ok(Value::Bool(vm.contains(&obj, &a[1])?))
}

fn iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = one(vm, &args, "__iter__")?;
    vm.get_iter(&v)
}

fn reversed(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = one(vm, &args, "__reversed__")?;
    let f = vm.builtin("reversed")?;
    vm.call0(&f, &[v])
}

fn repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__repr__", 1, 1)?;
    match &a[0] {
        Value::Instance(i) if matches!(i.base, Some(Value::Set(_))) => {
            let b = base_of(&a[0]).clone();
            let r = vm.repr(&b)?;
            let body = r
                .strip_prefix("frozenset(")
                .and_then(|x| x.strip_suffix(')'))
                .unwrap_or(&r);
            let body = if body == "set()" || body.is_empty() {
                ""
            } else {
                body
            };
            Ok(Value::string(format!("{}({body})", i.class.name())))
        }
        Value::Instance(i) if i.base.is_some() => {
            let b = base_of(&a[0]).clone();
            Ok(Value::string(vm.repr(&b)?))
        }
        Value::Instance(i) if i.exc.is_some() => {
            let i = i.clone();
            Ok(Value::string(vm.exc_repr(&i)?))
        }
        Value::Instance(_) | Value::Native(_) => Ok(Value::string(vm.default_repr(&a[0])?)),
        other => Ok(Value::string(vm.repr(other)?)),
    }
}

fn str_(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__str__", 1, 1)?;
    match &a[0] {
        Value::Instance(i) if i.exc.is_some() => {
            let i = i.clone();
            Ok(Value::string(vm.exc_str(&i)?))
        }
        Value::Instance(i) if matches!(i.base, Some(Value::Str(_))) => Ok(base_of(&a[0]).clone()),
        Value::Instance(i) if i.base.is_some() => {
            let b = base_of(&a[0]).clone();
            Ok(Value::string(vm.str_of(&b)?))
        }
        Value::Instance(_) | Value::Native(_) => Ok(Value::string(vm.repr(&a[0])?)),
        other => Ok(Value::string(vm.str_of(other)?)),
    }
}

fn hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__hash__", 1, 1)?;
    match &a[0] {
        Value::Instance(i) if i.base.is_some() => {
            let b = base_of(&a[0]).clone();
            Ok(Value::Int(vm.hash(&b)?))
        }
        Value::Instance(_) | Value::Native(_) => {
            Ok(Value::Int(crate::object::dict::identity_hash(&a[0])))
        }
        other => Ok(Value::Int(vm.hash(other)?)),
    }
}

fn format(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__format__", 2, 2)?;
    let spec = vm.arg_str(&a[1], "format() argument 2")?;
    match &a[0] {
        Value::Instance(i) if i.base.is_some() => {
            if spec.as_str().is_empty() {
                return Ok(Value::string(vm.str_of(&a[0])?));
            }
            let b = base_of(&a[0]).clone();
            Ok(Value::string(vm.format(&b, spec.as_str())?))
        }
        Value::Instance(_) | Value::Native(_) => {
            if !spec.as_str().is_empty() {
                return Err(vm.type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    vm.type_name(&a[0])
                )));
            }
            Ok(Value::string(vm.str_of(&a[0])?))
        }
        other => Ok(Value::string(vm.format(other, spec.as_str())?)),
    }
}

// ---- object -------------------------------------------------------------------------

fn object_str(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__str__", 1, 1)?;
    Ok(Value::string(vm.repr(&a[0])?))
}

fn object_eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__eq__", 2, 2)?;
    Ok(if a[0].is(&a[1]) {
        Value::BoolW(BoolWord::TRUE)
    } else {
        Value::NotImplemented
    })
}

fn object_ne(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__ne__", 2, 2)?;
    match vm.call_special(&a[0], "__eq__", &[a[1].clone()])? {
        Some(Value::NotImplemented) | None => Ok(Value::NotImplemented),
        Some(r) => Ok(Value::Bool(!vm.truthy(&r)?)),
    }
}

fn not_implemented(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.check(vm, "comparison", 2, 2)?;
    Ok(Value::NotImplemented)
}

fn object_getattribute(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__getattribute__", 2, 2)?;
    let name = vm.arg_str(&a[1], "attribute name")?;
    match &a[0] {
        Value::Instance(i) => {
            let i = i.clone();
            vm.instance_getattr(&a[0], &i, &name)
        }
        other => vm.get_attr(other, &name),
    }
}

fn object_setattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__setattr__", 3, 3)?;
    let name = vm.arg_str(&a[1], "attribute name")?;
    match &a[0] {
        Value::Instance(i) => {
            let i = i.clone();
            vm.instance_setattr(&a[0], &i, &name, a[2].clone())?;
        }
        Value::Type(t) if !t.builtin => {
            let t = t.clone();
            vm.type_setattr(&t, &name, a[2].clone())?;
        }
        other => vm.set_attr(other, &name, a[2].clone())?,
    }
    Ok(Value::None)
}

fn object_delattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__delattr__", 2, 2)?;
    let name = vm.arg_str(&a[1], "attribute name")?;
    match &a[0] {
        Value::Instance(i) => {
            let i = i.clone();
            vm.instance_delattr(&a[0], &i, &name)?;
        }
        Value::Type(t) if !t.builtin => vm.type_delattr(t, &name)?,
        other => vm.del_attr(other, &name)?,
    }
    Ok(Value::None)
}

fn object_init_subclass(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if !args.kwnames.is_empty() || args.pos().len() > 1 {
        let name = match args.all.first() {
            Some(Value::Type(t)) => t.name().to_owned(),
            _ => "object".to_owned(),
        };
        return Err(vm.type_error(format!(
            "{name}.__init_subclass__() takes no keyword arguments"
        )));
    }
    Ok(Value::None)
}

/// `object.__subclasshook__`: no opinion (ABCs' `issubclass` falls back to the MRO
/// and the registry).
fn object_subclasshook(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::NotImplemented)
}

fn object_dir(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__dir__", 1, 1)?;
    let names = vm.dir_of(&a[0])?;
    Ok(Value::list(names))
}

fn object_reduce_ex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__reduce_ex__", 1, 2)?;
    Err(vm.type_error(format!("cannot pickle '{}' object", vm.type_name(&a[0]))))
}

fn object_sizeof(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__sizeof__", 1, 1)?;
    let _ = a;
    Ok(Value::Int(16))
}

// ---- type ---------------------------------------------------------------------------

fn type_self<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Rc<PyType>> {
    match v {
        Value::Type(t) => Ok(t),
        other => Err(vm.type_error(format!(
            "descriptor requires a 'type' object but received a '{}'",
            vm.type_name(other)
        ))),
    }
}

fn type_mro(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "mro", 1, 1)?;
    let t = type_self(vm, &a[0])?;
    Ok(Value::list(
        t.full_mro().into_iter().map(Value::Type).collect(),
    ))
}

fn type_subclasses(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__subclasses__", 1, 1)?;
    let t = type_self(vm, &a[0])?;
    let subs: Vec<Value> = t
        .subclasses
        .borrow()
        .iter()
        .filter_map(std::rc::Weak::upgrade)
        .map(Value::Type)
        .collect();
    Ok(Value::list(subs))
}

fn type_instancecheck(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__instancecheck__", 2, 2)?;
    let t = type_self(vm, &a[0])?.clone();
    let it = vm.type_of(&a[1]);
    Ok(Value::Bool(it.is_subtype(&t)))
}

fn type_subclasscheck(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__subclasscheck__", 2, 2)?;
    let t = type_self(vm, &a[0])?.clone();
    match &a[1] {
        Value::Type(s) => Ok(Value::Bool(s.is_subtype(&t))),
        _ => Err(vm.type_error("issubclass() arg 1 must be a class")),
    }
}

fn type_prepare(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Dict(Rc::new(crate::object::PyDict::new())))
}

fn type_call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(Value::Type(t)) = args.all.first() else {
        return Err(vm.type_error("descriptor '__call__' requires a 'type' object"));
    };
    let t = t.clone();
    vm.type_call(
        &t,
        Args {
            all: &args.all[1..],
            kwnames: args.kwnames,
        },
    )
}

fn type_init(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::None)
}

fn type_or(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__or__", 2, 2)?;
    // `int | str` in annotations: a union object is not modelled; keep a tuple
    Ok(Value::tuple_of([a[0].clone(), a[1].clone()]))
}

/// Installs the special methods into the built-in classes.
pub fn install(vm: &mut Vm) {
    let t: &Types = &vm.ctx.types;
    let cmp: &[(&'static str, BuiltinFn)] = &[
        ("__lt__", lt),
        ("__le__", le),
        ("__eq__", eq),
        ("__ne__", ne),
        ("__gt__", gt),
        ("__ge__", ge),
    ];
    let common: &[(&'static str, BuiltinFn)] = &[("__repr__", repr), ("__hash__", hash)];
    let numeric: &[(&'static str, BuiltinFn)] = &[
        ("__add__", add),
        ("__radd__", radd),
        ("__sub__", sub),
        ("__rsub__", rsub),
        ("__mul__", mul),
        ("__rmul__", rmul),
        ("__truediv__", truediv),
        ("__rtruediv__", rtruediv),
        ("__floordiv__", floordiv),
        ("__rfloordiv__", rfloordiv),
        ("__mod__", modulo),
        ("__rmod__", rmodulo),
        ("__pow__", pow_),
        ("__rpow__", rpow),
        ("__divmod__", divmod_),
        ("__rdivmod__", rdivmod),
        ("__neg__", neg),
        ("__pos__", pos),
        ("__abs__", abs),
        ("__bool__", bool_),
        ("__int__", int_),
        ("__float__", float_),
        ("__round__", round_),
        ("__trunc__", trunc),
        ("__floor__", floor),
        ("__ceil__", ceil),
    ];
    let bits: &[(&'static str, BuiltinFn)] = &[
        ("__lshift__", lshift),
        ("__rlshift__", rlshift),
        ("__rshift__", rshift),
        ("__rrshift__", rrshift),
        ("__and__", and_),
        ("__rand__", rand),
        ("__or__", or_),
        ("__ror__", ror),
        ("__xor__", xor),
        ("__rxor__", rxor),
        ("__invert__", invert),
        ("__index__", index),
    ];
    let seq: &[(&'static str, BuiltinFn)] = &[
        ("__len__", len),
        ("__getitem__", getitem),
        ("__contains__", contains),
        ("__iter__", iter),
        ("__add__", add),
        ("__mul__", mul),
        ("__rmul__", rmul),
    ];
    let mutable: &[(&'static str, BuiltinFn)] =
        &[("__setitem__", setitem), ("__delitem__", delitem)];
    let setops: &[(&'static str, BuiltinFn)] = &[
        ("__len__", len),
        ("__contains__", contains),
        ("__iter__", iter),
        ("__and__", and_),
        ("__rand__", rand),
        ("__or__", or_),
        ("__ror__", ror),
        ("__sub__", sub),
        ("__rsub__", rsub),
        ("__xor__", xor),
        ("__rxor__", rxor),
    ];
    let all_values = [
        &t.int,
        &t.bool_,
        &t.float,
        &t.str,
        &t.bytes,
        &t.bytearray,
        &t.list,
        &t.tuple,
        &t.dict,
        &t.set,
        &t.frozenset,
        &t.range,
        &t.slice,
    ];
    for ty in all_values {
        method(ty, cmp);
        method(ty, common);
    }
    for ty in [&t.str, &t.bytes, &t.bytearray] {
        method(ty, &[("__str__", str_)]);
    }
    for ty in [&t.int, &t.float, &t.str] {
        method(ty, &[("__format__", format)]);
    }
    method(&t.int, numeric);
    method(&t.int, bits);
    method(&t.float, numeric);
    for ty in [&t.str, &t.bytes, &t.bytearray] {
        method(ty, seq);
        method(ty, &[("__mod__", modulo), ("__rmod__", rmodulo)]);
    }
    for ty in [&t.list, &t.tuple, &t.range] {
        method(ty, seq);
    }
    method(&t.range, &[("__reversed__", reversed), ("__bool__", bool_)]);
    method(&t.list, mutable);
    method(&t.list, &[("__reversed__", reversed)]);
    method(&t.bytearray, mutable);
    method(
        &t.dict,
        &[
            ("__len__", len),
            ("__getitem__", getitem),
            ("__contains__", contains),
            ("__iter__", iter),
            ("__reversed__", reversed),
            ("__or__", or_),
            ("__ror__", ror),
        ],
    );
    method(&t.dict, mutable);
    method(&t.set, setops);
    method(&t.frozenset, setops);
    for ty in [&t.list, &t.dict, &t.set, &t.bytearray] {
        ty.dict.set_str("__hash__", Value::None);
    }
    method(
        &t.object,
        &[
            ("__eq__", object_eq),
            ("__ne__", object_ne),
            ("__lt__", not_implemented),
            ("__le__", not_implemented),
            ("__gt__", not_implemented),
            ("__ge__", not_implemented),
            ("__hash__", hash),
            ("__repr__", repr),
            ("__str__", object_str),
            ("__format__", format),
            ("__getattribute__", object_getattribute),
            ("__setattr__", object_setattr),
            ("__delattr__", object_delattr),
            ("__dir__", object_dir),
            ("__reduce_ex__", object_reduce_ex),
            ("__sizeof__", object_sizeof),
        ],
    );
    super::classmethod(
        vm,
        &vm.ctx.types.object.clone(),
        "__init_subclass__",
        object_init_subclass,
    );
    super::classmethod(
        vm,
        &vm.ctx.types.object.clone(),
        "__subclasshook__",
        object_subclasshook,
    );
    let t: &Types = &vm.ctx.types;
    method(
        &t.type_,
        &[
            ("mro", type_mro),
            ("__subclasses__", type_subclasses),
            ("__instancecheck__", type_instancecheck),
            ("__subclasscheck__", type_subclasscheck),
            ("__prepare__", type_prepare),
            ("__call__", type_call),
            ("__init__", type_init),
            ("__or__", type_or),
        ],
    );
    method(&t.base_exception, &[("__repr__", repr), ("__str__", str_)]);
}

fn divmod_(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    divmod_slot(vm, args, false)
}

fn rdivmod(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    divmod_slot(vm, args, true)
}

fn divmod_slot(vm: &mut Vm, args: Args<'_>, reflected: bool) -> PyResult<Value> {
    let a = args.check(vm, "__divmod__", 2, 2)?;
    let x = base_of(&a[0]).clone();
    let y = base_of(&a[1]).clone();
    let (l, r) = if reflected { (y, x) } else { (x, y) };
    let q = vm.binary_builtin(BinOp::FloorDiv, &l, &r)?;
    let m = vm.binary_builtin(BinOp::Mod, &l, &r)?;
    Ok(match (q, m) {
        (Some(q), Some(m)) => Value::tuple_of([q, m]),
        _ => Value::NotImplemented,
    })
}
