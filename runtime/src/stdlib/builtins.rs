//! The `builtins` namespace: built-in functions, classes and exceptions.

use crate::object::BoolWord;
use std::rc::Rc;

use crate::bytecode::{BinOp, CmpOp};
use crate::object::{Int, IterState, PyDict, Value};
use crate::vm::attr::{ClassMethod, Property, StaticMethod, Super};
use crate::vm::{Args, PyResult, Vm};

use super::add_funcs;
use super::methods::base_of;

/// Installs every builtin into the interpreter's builtins dict.
pub fn install(vm: &mut Vm) {
    let b = vm.ctx.builtins.clone();
    b.set_str("__name__", Value::str("builtins"));
    b.set_str("__doc__", Value::None);
    b.set_str("None", Value::None);
    b.set_str("True", Value::BoolW(BoolWord::TRUE));
    b.set_str("False", Value::BoolW(BoolWord::FALSE));
    b.set_str("Ellipsis", Value::Ellipsis);
    b.set_str("NotImplemented", Value::NotImplemented);
    b.set_str("__debug__", Value::BoolW(BoolWord::TRUE));
    let t = &vm.ctx.types;
    for ty in [
        &t.object,
        &t.type_,
        &t.bool_,
        &t.int,
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
        &t.property,
        &t.classmethod,
        &t.staticmethod,
        &t.super_,
    ] {
        b.set_str(ty.name(), Value::Type(ty.clone()));
    }
    for ty in t.exceptions() {
        b.set_str(ty.name(), Value::Type(ty.clone()));
    }
    b.set_str("IOError", Value::Type(t.os_error.clone()));
    b.set_str("EnvironmentError", Value::Type(t.os_error.clone()));
    add_funcs(
        &b,
        &[
            ("print", print),
            ("len", len),
            ("repr", repr),
            ("isinstance", isinstance),
            ("issubclass", issubclass),
            ("abs", abs),
            ("min", min),
            ("max", max),
            ("sum", sum),
            ("sorted", sorted),
            ("reversed", reversed),
            ("enumerate", enumerate),
            ("zip", zip),
            ("map", map),
            ("filter", filter),
            ("iter", iter),
            ("next", next),
            ("aiter", aiter),
            ("anext", anext),
            ("hash", hash),
            ("id", id),
            ("chr", chr),
            ("ord", ord),
            ("hex", hex),
            ("bin", bin),
            ("oct", oct),
            ("divmod", divmod),
            ("pow", pow),
            ("round", round),
            ("all", all),
            ("any", any),
            ("getattr", getattr),
            ("setattr", setattr),
            ("hasattr", hasattr),
            ("delattr", delattr),
            ("callable", callable),
            ("__build_class__", build_class),
            ("globals", globals),
            ("locals", locals),
            ("vars", vars),
            ("dir", dir),
            ("format", format),
            ("ascii", ascii),
            ("__import__", import),
            ("input", input),
            ("exit", exit),
            ("quit", exit),
            ("exec", exec),
            ("eval", eval),
            ("compile", compile),
            ("open", super::io::open),
        ],
    );
    let t = &vm.ctx.types;
    let prop = t.property.clone();
    super::add_methods(
        &prop,
        &[
            ("__new__", property_new),
            ("__init__", noop_init),
            ("setter", property_setter),
            ("getter", property_getter),
            ("deleter", property_deleter),
            ("__get__", property_get),
            ("__set__", property_set),
            ("__delete__", property_delete),
        ],
    );
    super::add_methods(
        &t.classmethod,
        &[("__new__", classmethod_new), ("__get__", classmethod_get)],
    );
    super::add_methods(
        &t.staticmethod,
        &[
            ("__new__", staticmethod_new),
            ("__get__", staticmethod_get),
            ("__call__", staticmethod_call),
        ],
    );
    super::add_methods(&t.super_, &[("__new__", super_new)]);
    super::add_methods(
        &t.base_exception,
        &[
            ("with_traceback", exc_with_traceback),
            ("add_note", exc_add_note),
        ],
    );
    super::add_methods(&t.syntax_error, &[("__str__", syntax_error_str)]);
    super::add_methods(&t.os_error, &[("__str__", os_error_str)]);
    super::add_methods(&t.system_exit, &[("__init__", system_exit_init)]);
    super::add_methods(
        &t.function,
        &[("__get__", function_get), ("__repr__", function_repr)],
    );
}

fn noop_init(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::None)
}

fn print(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let mut sep: Option<String> = None;
    let mut end: Option<String> = None;
    let mut file = None;
    let mut flush = false;
    for (k, v) in args.kw() {
        match (k, base_of(v)) {
            ("sep" | "end" | "file", Value::None) => {}
            ("sep", Value::Str(s)) => sep = Some(s.as_str().to_owned()),
            ("end", Value::Str(s)) => end = Some(s.as_str().to_owned()),
            ("sep" | "end", _) => {
                return Err(vm.type_error(format!(
                    "{k} must be None or a string, not {}",
                    vm.type_name(v)
                )));
            }
            ("file", _) => file = Some(v.clone()),
            ("flush", f) => flush = vm.truthy(&f.clone())?,
            _ => {
                return Err(
                    vm.type_error(format!("'{k}' is an invalid keyword argument for print()"))
                );
            }
        }
    }
    let sep = sep.unwrap_or_else(|| " ".to_owned());
    let end = end.unwrap_or_else(|| "\n".to_owned());
    // the target stream: an explicit file, or sys.stdout when a script replaced it
    let target = match file {
        Some(f) => Some(f),
        None => super::io::replaced_stdout(vm),
    };
    let Some(target) = target else {
        let mut out = String::new();
        for (i, v) in args.pos().iter().enumerate() {
            if i > 0 {
                out.push_str(&sep);
            }
            match v {
                Value::Str(s) => out.push_str(s.as_str()),
                other => out.push_str(&vm.str_of(other)?),
            }
        }
        out.push_str(&end);
        super::io::raw_write(false, &out);
        if flush {
            super::io::flush_stdout(vm)?;
        }
        return Ok(Value::None);
    };
    // CPython writes each piece with its own write() call
    let write = vm.get_attr_str(&target, "write")?;
    for (i, v) in args.pos().iter().enumerate() {
        if i > 0 {
            vm.call0(&write, &[Value::string(sep.clone())])?;
        }
        let s = vm.to_str_value(v)?;
        vm.call0(&write, &[s])?;
    }
    vm.call0(&write, &[Value::string(end)])?;
    if flush {
        vm.call_method(&target, "flush", &[])?;
    }
    Ok(Value::None)
}

fn len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "len", 1, 1)?;
    Ok(Value::Int(vm.len(&a[0])? as i64))
}

fn repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "repr", 1, 1)?;
    Ok(Value::string(vm.repr(&a[0])?))
}

fn ascii(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "ascii", 1, 1)?;
    vm.format_value(&a[0], crate::bytecode::Conversion::Ascii, None)
}

/// `isinstance(v, spec)` with tuples and `__instancecheck__`.
pub fn is_instance(vm: &mut Vm, v: &Value, spec: &Value) -> PyResult<bool> {
    match spec {
        Value::Type(c) => {
            let t = vm.type_of(v);
            if t.is_subtype(c) {
                return Ok(true);
            }
            if let Some(meta) = &c.meta
                && let Some(f) = meta.lookup("__instancecheck__")
                && !matches!(f, Value::Builtin(_))
            {
                let r = vm.call0(&f, &[spec.clone(), v.clone()])?;
                return vm.truthy(&r);
            }
            Ok(false)
        }
        Value::Tuple(ts) => {
            for c in ts.0.iter() {
                if is_instance(vm, v, c)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        other => {
            if let Some(r) = vm.call_special(other, "__instancecheck__", std::slice::from_ref(v))? {
                return vm.truthy(&r);
            }
            Err(vm.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"))
        }
    }
}

/// `issubclass(t, spec)` with tuples and `__subclasscheck__`.
pub fn is_subclass(vm: &mut Vm, t: &Value, spec: &Value) -> PyResult<bool> {
    let Value::Type(tt) = t else {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    };
    match spec {
        Value::Type(c) => {
            if tt.is_subtype(c) {
                return Ok(true);
            }
            if let Some(meta) = &c.meta
                && let Some(f) = meta.lookup("__subclasscheck__")
                && !matches!(f, Value::Builtin(_))
            {
                let r = vm.call0(&f, &[spec.clone(), t.clone()])?;
                return vm.truthy(&r);
            }
            Ok(false)
        }
        Value::Tuple(ts) => {
            for c in ts.0.iter() {
                if is_subclass(vm, t, c)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        other => {
            if let Some(r) = vm.call_special(other, "__subclasscheck__", std::slice::from_ref(t))? {
                return vm.truthy(&r);
            }
            Err(vm.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"))
        }
    }
}

fn isinstance(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "isinstance", 2, 2)?;
    Ok(Value::Bool(is_instance(vm, &a[0], &a[1])?))
}

fn issubclass(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "issubclass", 2, 2)?;
    Ok(Value::Bool(is_subclass(vm, &a[0], &a[1])?))
}

fn abs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "abs", 1, 1)?;
    match &a[0] {
        Value::Int(i) => Ok(i.checked_abs().map(Value::Int).unwrap_or_else(|| {
            Value::from_big(num_bigint::BigInt::from(*i).magnitude().clone().into())
        })),
        Value::BoolW(b) => Ok(Value::Int(b.get() as i64)),
        Value::BigInt(b) => Ok(Value::from_big(b.magnitude().clone().into())),
        Value::FloatW(f) => Ok(Value::Float(f.get().abs())),
        other => match vm.call_special(other, "__abs__", &[])? {
            Some(v) => Ok(v),
            None => Err(vm.type_error(format!(
                "bad operand type for abs(): '{}'",
                vm.type_name(other)
            ))),
        },
    }
}

fn min_max(vm: &mut Vm, args: Args<'_>, name: &str, want_less: bool) -> PyResult<Value> {
    let mut key = None;
    let mut default = None;
    for (k, v) in args.kw() {
        match k {
            "key" => key = Some(v.clone()).filter(|k| !k.is_none()),
            "default" => default = Some(v.clone()),
            _ => {
                return Err(
                    vm.type_error(format!("{name}() got an unexpected keyword argument '{k}'"))
                );
            }
        }
    }
    let pos = args.pos();
    let items = match pos.len() {
        0 => return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => {
            let it = vm.get_iter(&pos[0])?;
            let mut v = Vec::new();
            while let Some(x) = vm.next(&it)? {
                v.push(x);
            }
            v
        }
        _ => {
            if default.is_some() {
                return Err(vm.type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            pos.to_vec()
        }
    };
    let op = if want_less { CmpOp::Lt } else { CmpOp::Gt };
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = match &key {
            Some(f) => vm.call0(f, std::slice::from_ref(&item))?,
            None => item.clone(),
        };
        best = Some(match best {
            None => (item, k),
            Some((bi, bk)) => {
                let r = vm.compare(op, &k, &bk)?;
                if vm.truthy(&r)? { (item, k) } else { (bi, bk) }
            }
        });
    }
    match (best, default) {
        (Some((v, _)), _) => Ok(v),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(vm.value_error(format!("{name}() arg is an empty sequence"))),
    }
}

fn min(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    min_max(vm, args, "min", true)
}

fn max(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    min_max(vm, args, "max", false)
}

fn sum(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    if pos.is_empty() {
        return Err(vm.type_error("sum() takes at least 1 positional argument (0 given)"));
    }
    if pos.len() > 2 {
        return Err(vm.type_error(format!(
            "sum() takes at most 2 arguments ({} given)",
            pos.len()
        )));
    }
    let mut acc = args.get(1, "start").cloned().unwrap_or(Value::Int(0));
    match base_of(&acc) {
        Value::Str(_) => {
            return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
        }
        Value::Bytes(_) => {
            return Err(vm.type_error("sum() can't sum bytes [use b''.join(seq) instead]"));
        }
        Value::ByteArray(_) => {
            return Err(vm.type_error("sum() can't sum bytearray [use b''.join(seq) instead]"));
        }
        _ => {}
    }
    let it = vm.get_iter(&pos[0])?;
    while let Some(x) = vm.next(&it)? {
        acc = vm.binary_op(BinOp::Add, &acc, &x)?;
    }
    Ok(acc)
}

/// Sorts values in place with Python's `<` (stable), optionally by key.
pub fn sort_values(
    vm: &mut Vm,
    items: &mut Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> PyResult<()> {
    super::methods::sort_values(vm, items, key, reverse)
}

fn sorted(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    if pos.len() != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {}", pos.len())));
    }
    let mut items = vm.collect(&pos[0])?;
    let (key, reverse) = super::methods::sort_kwargs(vm, &args, "sort")?;
    sort_values(vm, &mut items, key.as_ref(), reverse)?;
    Ok(Value::list(items))
}

fn reversed(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "reversed", 1, 1)?;
    match &a[0] {
        Value::Range(r) => {
            let n = r.len();
            let last = r.start + (n - 1) * r.step;
            Ok(Vm::new_iter(IterState::Range {
                next: last,
                stop: r.start - r.step,
                step: -r.step,
            }))
        }
        Value::Dict(d) => Ok(Vm::new_iter(IterState::DictReversed {
            dict: d.clone(),
            pos: usize::MAX,
            len: d.len(),
            kind: 0,
        })),
        Value::List(_)
        | Value::Tuple(_)
        | Value::Str(_)
        | Value::Bytes(_)
        | Value::ByteArray(_) => {
            let n = vm.len(&a[0])?;
            Ok(Vm::new_iter(IterState::Reversed {
                seq: a[0].clone(),
                index: n,
            }))
        }
        other => {
            let t = vm.type_of(other);
            match t.lookup("__reversed__") {
                Some(Value::None) => {
                    return Err(vm.type_error(format!("'{}' object is not reversible", t.name())));
                }
                Some(_) => {
                    if let Some(r) = vm.call_special(other, "__reversed__", &[])? {
                        return Ok(r);
                    }
                }
                None => {}
            }
            if t.lookup("__len__").is_none() || t.lookup("__getitem__").is_none() {
                return Err(vm.type_error(format!("'{}' object is not reversible", t.name())));
            }
            let n = vm.len(other)?;
            Ok(Vm::new_iter(IterState::Reversed {
                seq: other.clone(),
                index: n,
            }))
        }
    }
}

fn enumerate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let it = args
        .get(0, "iterable")
        .cloned()
        .ok_or_else(|| vm.type_error("enumerate() missing required argument 'iterable' (pos 1)"))?;
    let start = match args.get(1, "start") {
        Some(s) => match vm.index_value(s)? {
            Some(i) => i,
            None => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(s)
                )));
            }
        },
        None => 0,
    };
    let it = vm.get_iter(&it)?;
    Ok(Vm::new_iter(IterState::Enumerate { it, count: start }))
}

fn zip(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let mut strict = false;
    for (k, v) in args.kw() {
        if k == "strict" {
            strict = vm.truthy(v)?;
        } else {
            return Err(vm.type_error(format!("zip() got an unexpected keyword argument '{k}'")));
        }
    }
    let mut its = Vec::new();
    for a in args.pos() {
        its.push(vm.get_iter(a)?);
    }
    Ok(Vm::new_iter(if strict {
        IterState::ZipStrict { its }
    } else {
        IterState::Zip { its }
    }))
}

fn map(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    if pos.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let mut its = Vec::new();
    for a in &pos[1..] {
        its.push(vm.get_iter(a)?);
    }
    Ok(Vm::new_iter(IterState::Map {
        func: pos[0].clone(),
        its,
    }))
}

fn filter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "filter", 2, 2)?;
    let it = vm.get_iter(&a[1])?;
    Ok(Vm::new_iter(IterState::Filter {
        func: a[0].clone(),
        it,
    }))
}

fn iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "iter", 1, 2)?;
    if a.len() == 2 {
        if !callable_value(vm, &a[0]) {
            return Err(vm.type_error("iter(v, w): v must be callable"));
        }
        return Ok(Vm::new_iter(IterState::Callable {
            func: a[0].clone(),
            sentinel: a[1].clone(),
        }));
    }
    vm.get_iter(&a[0])
}

fn next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "next", 1, 2)?;
    if !vm.is_iterator(&a[0]) {
        return Err(vm.type_error(format!(
            "'{}' object is not an iterator",
            vm.type_name(&a[0])
        )));
    }
    match &a[0] {
        Value::Generator(g) => {
            let g = g.clone();
            match vm.gen_resume(&g, Value::None)? {
                crate::vm::eval::Exit::Yield(v) => Ok(v),
                crate::vm::eval::Exit::Return(r) => match a.get(1) {
                    Some(d) => Ok(d.clone()),
                    None => Err(vm.stop_iteration(r)),
                },
            }
        }
        Value::Iter(_) => match vm.next(&a[0])? {
            Some(v) => Ok(v),
            None => match a.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(vm.stop_iteration(Value::None)),
            },
        },
        other => match vm.call_special(other, "__next__", &[]) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => Err(vm.type_error("object is not an iterator")),
            Err(e) if a.len() == 2 && vm.err_is(&e, &vm.ctx.types.stop_iteration.clone()) => {
                Ok(a[1].clone())
            }
            Err(e) => Err(e),
        },
    }
}

fn aiter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "aiter", 1, 1)?;
    match vm.call_special(&a[0], "__aiter__", &[])? {
        Some(v) => Ok(v),
        None => Err(vm.type_error(format!(
            "'{}' object is not an async iterable",
            vm.type_name(&a[0])
        ))),
    }
}

fn anext(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "anext", 1, 2)?;
    match vm.call_special(&a[0], "__anext__", &[])? {
        Some(v) => Ok(v),
        None => Err(vm.type_error(format!(
            "'{}' object is not an async iterator",
            vm.type_name(&a[0])
        ))),
    }
}

fn hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "hash", 1, 1)?;
    Ok(Value::Int(vm.hash(&a[0])?))
}

fn id(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "id", 1, 1)?;
    Ok(Value::Int(a[0].id()))
}

fn chr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "chr", 1, 1)?;
    let n = match vm.index_value(&a[0])? {
        Some(n) => n,
        None => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(&a[0])
            )));
        }
    };
    match u32::try_from(n).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::string(c.to_string())),
        None if (0xd800..0xe000).contains(&n) => Ok(Value::string('\u{fffd}'.to_string())),
        None => Err(vm.value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "ord", 1, 1)?;
    match base_of(&a[0]) {
        Value::Str(s) if s.char_len() == 1 => Ok(Value::Int(s.char_at(0) as i64)),
        Value::Str(s) => Err(vm.type_error(format!(
            "ord() expected a character, but string of length {} found",
            s.char_len()
        ))),
        v @ (Value::Bytes(_) | Value::ByteArray(_)) => {
            let b = vm.bytes_like(v).unwrap_or_default();
            if b.len() == 1 {
                Ok(Value::Int(b[0] as i64))
            } else {
                Err(vm.type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    b.len()
                )))
            }
        }
        other => Err(vm.type_error(format!(
            "ord() expected string of length 1, but {} found",
            vm.type_name(other)
        ))),
    }
}

fn radix(vm: &mut Vm, args: Args<'_>, name: &str, spec: &str) -> PyResult<Value> {
    let a = args.check(vm, name, 1, 1)?;
    let v = match base_of(&a[0]) {
        v @ (Value::Int(_) | Value::BigInt(_) | Value::BoolW(_)) => v.clone(),
        _ => match vm.call_special(&a[0], "__index__", &[])? {
            Some(v) => v,
            None => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(&a[0])
                )));
            }
        },
    };
    Ok(Value::string(vm.format(&v, spec)?))
}

fn hex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    radix(vm, args, "hex", "#x")
}

fn bin(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    radix(vm, args, "bin", "#b")
}

fn oct(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    radix(vm, args, "oct", "#o")
}

fn divmod(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "divmod", 2, 2)?;
    if let (Some(_), Some(y)) = (Int::of(&a[0]), Int::of(&a[1]))
        && matches!(y, Int::Small(0))
    {
        return Err(vm.zero_division_error("integer division or modulo by zero"));
    }
    let is_num = |v: &Value| {
        matches!(
            v,
            Value::FloatW(_) | Value::Int(_) | Value::BoolW(_) | Value::BigInt(_)
        )
    };
    let is_zero = |v: &Value| match v {
        Value::FloatW(f) => f.get() == 0.0,
        Value::Int(0) | Value::BoolW(BoolWord::FALSE) => true,
        _ => false,
    };
    if is_num(&a[0])
        && is_num(&a[1])
        && (matches!(a[0], Value::FloatW(_)) || matches!(a[1], Value::FloatW(_)))
        && is_zero(&a[1])
    {
        return Err(vm.zero_division_error("float divmod()"));
    }
    if let Some(v) = vm.binary_builtin(BinOp::FloorDiv, &a[0], &a[1])? {
        let r = vm.binary_op(BinOp::Mod, &a[0], &a[1])?;
        return Ok(Value::tuple_of([v, r]));
    }
    let ta = vm.type_of(&a[0]);
    let tb = vm.type_of(&a[1]);
    if let Some(f) = ta.lookup("__divmod__") {
        let r = vm.call0(&f, &[a[0].clone(), a[1].clone()])?;
        if !matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
    }
    if !Rc::ptr_eq(&ta, &tb)
        && let Some(f) = tb.lookup("__rdivmod__")
    {
        let r = vm.call0(&f, &[a[1].clone(), a[0].clone()])?;
        if !matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
    }
    Err(vm.type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        ta.name(),
        tb.name()
    )))
}

fn pow(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let base = args.get(0, "base").cloned();
    let exp = args.get(1, "exp").cloned();
    let m = args.get(2, "mod").cloned().unwrap_or(Value::None);
    let (Some(b), Some(e)) = (base, exp) else {
        return Err(vm.type_error("pow() missing required argument 'exp' (pos 2)"));
    };
    if m.is_none() {
        return vm.binary_op(BinOp::Pow, &b, &e);
    }
    let (Some(bi), Some(ei), Some(mi)) = (
        Int::of(base_of(&b)).map(|x| x.to_big()),
        Int::of(base_of(&e)).map(|x| x.to_big()),
        Int::of(base_of(&m)).map(|x| x.to_big()),
    ) else {
        if matches!(b, Value::Instance(_))
            && let Some(r) = vm.call_special(&b, "__pow__", &[e.clone(), m.clone()])?
            && !matches!(r, Value::NotImplemented)
        {
            return Ok(r);
        }
        return Err(
            vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")
        );
    };
    use num_traits::{One, Signed, Zero};
    if mi.is_zero() {
        return Err(vm.value_error("pow() 3rd argument cannot be 0"));
    }
    let modulus = mi.abs();
    let (base, exp) = if ei.is_negative() {
        // modular inverse
        let b = num_integer::Integer::mod_floor(&bi, &modulus);
        let g = num_integer::Integer::extended_gcd(&b, &modulus);
        if !g.gcd.is_one() {
            return Err(vm.value_error("base is not invertible for the given modulus"));
        }
        (num_integer::Integer::mod_floor(&g.x, &modulus), -ei)
    } else {
        (bi, ei)
    };
    let mut r = base.modpow(&exp, &modulus);
    if r.is_negative() {
        r += &modulus;
    }
    // the result has the sign of the modulus
    if mi.is_negative() && !r.is_zero() {
        r -= &modulus;
    }
    Ok(Value::from_big(r))
}

fn round(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if args.pos().len() > 2 {
        return Err(vm.type_error(format!(
            "round() takes at most 2 arguments ({} given)",
            args.pos().len()
        )));
    }
    let x = args
        .get(0, "number")
        .cloned()
        .ok_or_else(|| vm.type_error("round() missing required argument 'number' (pos 1)"))?;
    let nd = args.get(1, "ndigits").cloned().unwrap_or(Value::None);
    match (&x, &nd) {
        (Value::Int(_) | Value::BigInt(_) | Value::BoolW(_), Value::None) => Ok(match x {
            Value::BoolW(b) => Value::Int(b.get() as i64),
            o => o,
        }),
        (Value::FloatW(f), Value::None) => {
            super::methods::float_to_int(vm, f.get().round_ties_even())
        }
        (Value::FloatW(f), n) => {
            let n = match vm.index_value(n)? {
                Some(n) => n,
                None => {
                    return Err(vm.type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        vm.type_name(n)
                    )));
                }
            };
            Ok(Value::Float(super::methods::round_float(f.get(), n)))
        }
        (Value::Int(_) | Value::BigInt(_) | Value::BoolW(_), n) => {
            let n = match vm.index_value(n)? {
                Some(n) => n,
                None => {
                    return Err(vm.type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        vm.type_name(n)
                    )));
                }
            };
            let v = Int::of(&x).map(|i| i.to_big()).unwrap_or_default();
            if n >= 0 {
                return Ok(Value::from_big(v));
            }
            use num_integer::Integer;
            let p = num_bigint::BigInt::from(10).pow((-n).min(4000) as u32);
            let (q, r) = v.div_mod_floor(&p);
            let twice: num_bigint::BigInt = &r * num_bigint::BigInt::from(2);
            let q = match twice.cmp(&p) {
                std::cmp::Ordering::Greater => q + 1,
                std::cmp::Ordering::Equal if q.is_odd() => q + 1,
                _ => q,
            };
            Ok(Value::from_big(q * p))
        }
        _ => {
            let extra: Vec<Value> = if nd.is_none() {
                vec![]
            } else {
                vec![nd.clone()]
            };
            match vm.call_special(&x, "__round__", &extra)? {
                Some(v) => Ok(v),
                None => Err(vm.type_error(format!(
                    "type {} doesn't define __round__ method",
                    vm.type_name(&x)
                ))),
            }
        }
    }
}

fn all(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "all", 1, 1)?;
    let it = vm.get_iter(&a[0])?;
    while let Some(x) = vm.next(&it)? {
        if !vm.truthy(&x)? {
            return Ok(Value::BoolW(BoolWord::FALSE));
        }
    }
    Ok(Value::BoolW(BoolWord::TRUE))
}

fn any(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "any", 1, 1)?;
    let it = vm.get_iter(&a[0])?;
    while let Some(x) = vm.next(&it)? {
        if vm.truthy(&x)? {
            return Ok(Value::BoolW(BoolWord::TRUE));
        }
    }
    Ok(Value::BoolW(BoolWord::FALSE))
}

fn attr_name(vm: &mut Vm, v: &Value) -> PyResult<Rc<crate::object::PyStr>> {
    match base_of(v) {
        Value::Str(s) => Ok(s.clone()),
        other => Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(other)
        ))),
    }
}

fn getattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "getattr", 2, 3)?;
    let name = attr_name(vm, &a[1])?;
    match vm.get_attr(&a[0], &name) {
        Ok(v) => Ok(v),
        Err(e) if a.len() == 3 && vm.err_is(&e, &vm.ctx.types.attribute_error.clone()) => {
            Ok(a[2].clone())
        }
        Err(e) => Err(e),
    }
}

fn setattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "setattr", 3, 3)?;
    let name = attr_name(vm, &a[1])?;
    vm.set_attr(&a[0], &name, a[2].clone())?;
    Ok(Value::None)
}

fn hasattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "hasattr", 2, 2)?;
    let name = attr_name(vm, &a[1])?;
    match vm.get_attr(&a[0], &name) {
        Ok(_) => Ok(Value::BoolW(BoolWord::TRUE)),
        Err(e) if vm.err_is(&e, &vm.ctx.types.attribute_error.clone()) => {
            Ok(Value::BoolW(BoolWord::FALSE))
        }
        Err(e) => Err(e),
    }
}

fn delattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "delattr", 2, 2)?;
    let name = attr_name(vm, &a[1])?;
    vm.del_attr(&a[0], &name)?;
    Ok(Value::None)
}

/// Whether a value can be called.
pub fn callable_value(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Function(_) | Value::Builtin(_) | Value::Method(_) | Value::Type(_) => true,
        other => vm.type_of(other).lookup("__call__").is_some(),
    }
}

fn callable(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "callable", 1, 1)?;
    Ok(Value::Bool(callable_value(vm, &a[0])))
}

fn build_class(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    vm.build_class(args)
}

fn globals(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.check(vm, "globals", 0, 0)?;
    Ok(Value::Dict(vm.current_globals()))
}

fn locals(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.check(vm, "locals", 0, 0)?;
    Ok(Value::Dict(vm.current_globals()))
}

fn vars(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "vars", 0, 1)?;
    match a.first() {
        None => Ok(Value::Dict(vm.current_globals())),
        Some(v) => match vm.get_attr_opt(v, "__dict__")? {
            Some(d) => Ok(d),
            None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
        },
    }
}

fn dir(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "dir", 0, 1)?;
    let mut names = match a.first() {
        None => {
            let g = vm.current_globals();
            let keys: Vec<Value> = g.0.borrow().keys().collect();
            keys
        }
        Some(v) => {
            let t = vm.type_of(v);
            let custom = t.lookup("__dir__");
            match custom {
                Some(f) if !matches!(f, Value::Builtin(_)) => {
                    let r = vm.call0(&f, std::slice::from_ref(v))?;
                    vm.collect(&r)?
                }
                _ => vm.dir_of(v)?,
            }
        }
    };
    sort_values(vm, &mut names, None, false)?;
    Ok(Value::list(names))
}

fn format(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "format", 1, 2)?;
    let spec = match a.get(1) {
        Some(s) => match base_of(s) {
            Value::Str(s) => s.as_str().to_owned(),
            other => {
                return Err(vm.type_error(format!(
                    "format() argument 2 must be str, not {}",
                    vm.type_name(other)
                )));
            }
        },
        None => String::new(),
    };
    Ok(Value::string(vm.format(&a[0], &spec)?))
}

fn import(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let name = args.get(0, "name").cloned().unwrap_or(Value::None);
    let name = vm.arg_str(&name, "__import__() argument 1")?;
    let globals = match args.get(1, "globals") {
        Some(Value::Dict(d)) => d.clone(),
        _ => vm.current_globals(),
    };
    let fromlist = args.get(3, "fromlist").cloned().unwrap_or(Value::None);
    let level = args.get(4, "level").cloned().unwrap_or(Value::Int(0));
    vm.import(name.as_str(), &fromlist, &level, &globals)
}

fn input(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "input", 0, 1)?;
    if let Some(p) = a.first() {
        let s = vm.str_of(p)?;
        vm.write_stdout(&s)?;
        super::io::flush_stdout(vm)?;
    }
    match super::io::stdin_readline(vm)? {
        None => Err(vm.new_exception(&vm.ctx.types.eof_error.clone(), "EOF when reading a line")),
        Some(s) => Ok(Value::string(
            s.strip_suffix('\n')
                .map(|x| x.strip_suffix('\r').unwrap_or(x))
                .unwrap_or(&s)
                .to_owned(),
        )),
    }
}

fn exit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "exit", 0, 1)?;
    let class = vm.ctx.types.system_exit.clone();
    Err(vm.new_exception_args(&class, a.to_vec()))
}

/// The code and namespaces of `exec`/`eval`.
fn exec_args(
    vm: &mut Vm,
    args: &Args<'_>,
    fname: &str,
) -> PyResult<(Value, Rc<PyDict>, Option<Rc<PyDict>>)> {
    let pos = args.pos();
    if pos.is_empty() || pos.len() > 3 {
        return Err(vm.type_error(format!(
            "{fname} expected at least 1 argument, got {}",
            pos.len()
        )));
    }
    let globals = match pos.get(1).or(args.kwarg("globals")).map(base_of) {
        None | Some(Value::None) => None,
        Some(Value::Dict(d)) => Some(d.clone()),
        Some(other) => {
            let what = if fname == "exec" {
                format!("exec() globals must be a dict, not {}", vm.type_name(other))
            } else {
                "globals must be a dict".to_string()
            };
            return Err(vm.type_error(what));
        }
    };
    let locals = match pos.get(2).or(args.kwarg("locals")).map(base_of) {
        None | Some(Value::None) => None,
        Some(Value::Dict(d)) => Some(d.clone()),
        Some(other) => {
            return Err(vm.type_error(format!(
                "locals must be a mapping, not {}",
                vm.type_name(other)
            )));
        }
    };
    let (globals, locals) = match globals {
        Some(g) => (g, locals),
        None => {
            let g = vm.current_globals();
            (g, locals)
        }
    };
    if globals.get_str("__builtins__").is_none() {
        let b = vm
            .ctx
            .modules
            .get_str("builtins")
            .unwrap_or(Value::Dict(vm.ctx.builtins.clone()));
        globals.set_str("__builtins__", b);
    }
    Ok((pos[0].clone(), globals, locals))
}

fn code_of(
    vm: &mut Vm,
    src: &Value,
    eval_mode: bool,
    fname: &str,
) -> PyResult<Rc<crate::object::CodeHandle>> {
    let text = match base_of(src) {
        Value::Code(c) => return Ok(c.clone()),
        Value::Str(s) => s.as_str().to_owned(),
        v @ (Value::Bytes(_) | Value::ByteArray(_)) => {
            let b = vm.bytes_like(v).unwrap_or_default();
            String::from_utf8_lossy(&b).into_owned()
        }
        other => {
            return Err(vm.type_error(format!(
                "{fname}() arg 1 must be a string, bytes or code object, not {}",
                vm.type_name(other)
            )));
        }
    };
    if text.contains('\0') {
        return Err(vm.value_error("source code string cannot contain null bytes"));
    }
    let r = if eval_mode {
        crate::compiler::compile_eval(&text, "<string>")
    } else {
        crate::compiler::compile(&text, "<string>")
    };
    match r {
        Ok(c) => {
            vm.ctx.cache_source("<string>", &text);
            Ok(crate::stdlib::materialize(&c))
        }
        Err(e) => Err(compile_error(vm, &e)),
    }
}

/// The exception for a compile error: `RecursionError` for sources nested too deeply
/// to compile (as CPython raises), `SyntaxError` otherwise.
fn compile_error(vm: &mut Vm, e: &crate::syntax::SyntaxError) -> crate::vm::PyErr {
    if e.msg == crate::compiler::scope::TOO_DEEP {
        return vm.recursion_error("maximum recursion depth exceeded during compilation");
    }
    vm.syntax_error(e)
}

fn run_code(
    vm: &mut Vm,
    code: Rc<crate::object::CodeHandle>,
    globals: Rc<PyDict>,
    locals: Option<Rc<PyDict>>,
) -> PyResult<Value> {
    let mut frame = crate::vm::Frame::new(code, globals.clone(), vm.ctx.builtins.clone(), &[]);
    if let Some(l) = locals
        && !Rc::ptr_eq(&l, &globals)
    {
        frame.locals = Some(l);
    }
    vm.run_code_frame(&mut frame)
}

fn exec(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (src, globals, locals) = exec_args(vm, &args, "exec")?;
    let code = code_of(vm, &src, false, "exec")?;
    run_code(vm, code, globals, locals)?;
    Ok(Value::None)
}

fn eval(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (src, globals, locals) = exec_args(vm, &args, "eval")?;
    let code = code_of(vm, &src, true, "eval")?;
    run_code(vm, code, globals, locals)
}

fn compile(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let src = args
        .get(0, "source")
        .cloned()
        .ok_or_else(|| vm.type_error("compile() missing required argument 'source' (pos 1)"))?;
    let filename = match args.get(1, "filename") {
        Some(f) => vm.str_of(f)?,
        None => return Err(vm.type_error("compile() missing required argument 'filename' (pos 2)")),
    };
    let mode = match args.get(2, "mode") {
        Some(m) => vm.str_of(m)?,
        None => return Err(vm.type_error("compile() missing required argument 'mode' (pos 3)")),
    };
    if let Value::Code(_) = src {
        return Ok(src);
    }
    let text = match base_of(&src) {
        Value::Str(s) => s.as_str().to_owned(),
        v @ (Value::Bytes(_) | Value::ByteArray(_)) => {
            String::from_utf8_lossy(&vm.bytes_like(v).unwrap_or_default()).into_owned()
        }
        other => {
            return Err(vm.type_error(format!(
                "compile() arg 1 must be a string, bytes or AST object, not {}",
                vm.type_name(other)
            )));
        }
    };
    let r = match mode.as_str() {
        "exec" => crate::compiler::compile(&text, &filename),
        "eval" => crate::compiler::compile_eval(&text, &filename),
        "single" => crate::compiler::compile_interactive(&text, &filename),
        _ => {
            return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'"));
        }
    };
    match r {
        Ok(c) => {
            vm.ctx.cache_source(&filename, &text);
            Ok(Value::Code(crate::stdlib::materialize(&c)))
        }
        Err(e) => Err(compile_error(vm, &e)),
    }
}

fn property_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let get = |i: usize, n: &str| args.get(i, n).cloned().unwrap_or(Value::None);
    let p = Property {
        fget: get(1, "fget"),
        fset: get(2, "fset"),
        fdel: get(3, "fdel"),
        doc: get(4, "doc"),
    };
    let class = vm.ctx.types.property.clone();
    Ok(vm.native_value(&class, p))
}

fn property_of(vm: &mut Vm, v: &Value) -> PyResult<Rc<crate::object::Native>> {
    match v {
        Value::Native(n) if n.get::<Property>().is_some() => Ok(n.clone()),
        other => Err(vm.type_error(format!(
            "descriptor requires a 'property' object but received a '{}'",
            vm.type_name(other)
        ))),
    }
}

fn property_with(vm: &mut Vm, args: Args<'_>, which: u8) -> PyResult<Value> {
    let a = args.check(vm, "property", 2, 2)?;
    let n = property_of(vm, &a[0])?;
    let Some(p) = n.get::<Property>() else {
        return Err(vm.type_error("not a property"));
    };
    let mut q = Property {
        fget: p.fget.clone(),
        fset: p.fset.clone(),
        fdel: p.fdel.clone(),
        doc: p.doc.clone(),
    };
    match which {
        0 => q.fget = a[1].clone(),
        1 => q.fset = a[1].clone(),
        _ => q.fdel = a[1].clone(),
    }
    let class = n.class.clone();
    Ok(vm.native_value(&class, q))
}

fn property_getter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    property_with(vm, args, 0)
}

fn property_setter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    property_with(vm, args, 1)
}

fn property_deleter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    property_with(vm, args, 2)
}

fn property_get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__get__", 2, 3)?;
    let n = property_of(vm, &a[0])?;
    if a[1].is_none() {
        return Ok(a[0].clone());
    }
    let fget = n
        .get::<Property>()
        .map(|p| p.fget.clone())
        .unwrap_or_default();
    if fget.is_none() {
        return Err(vm.attribute_error("unreadable attribute"));
    }
    vm.call0(&fget, &[a[1].clone()])
}

fn property_set(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__set__", 3, 3)?;
    let n = property_of(vm, &a[0])?;
    let fset = n
        .get::<Property>()
        .map(|p| p.fset.clone())
        .unwrap_or_default();
    if fset.is_none() {
        return Err(vm.attribute_error("can't set attribute"));
    }
    vm.call0(&fset, &[a[1].clone(), a[2].clone()])?;
    Ok(Value::None)
}

fn property_delete(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__delete__", 2, 2)?;
    let n = property_of(vm, &a[0])?;
    let fdel = n
        .get::<Property>()
        .map(|p| p.fdel.clone())
        .unwrap_or_default();
    if fdel.is_none() {
        return Err(vm.attribute_error("can't delete attribute"));
    }
    vm.call0(&fdel, &[a[1].clone()])?;
    Ok(Value::None)
}

fn classmethod_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "classmethod", 2, 2)?;
    let class = vm.ctx.types.classmethod.clone();
    Ok(vm.native_value(&class, ClassMethod(a[1].clone())))
}

fn classmethod_get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__get__", 2, 3)?;
    let Value::Native(n) = &a[0] else {
        return Err(vm.type_error("descriptor requires a 'classmethod' object"));
    };
    let Some(c) = n.get::<ClassMethod>() else {
        return Err(vm.type_error("descriptor requires a 'classmethod' object"));
    };
    let owner = match a.get(2) {
        Some(o) if !o.is_none() => o.clone(),
        _ => Value::Type(vm.type_of(&a[1])),
    };
    Ok(Value::Method(Rc::new(crate::object::BoundMethod {
        func: c.0.clone(),
        self_: owner,
    })))
}

fn staticmethod_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "staticmethod", 2, 2)?;
    let class = vm.ctx.types.staticmethod.clone();
    Ok(vm.native_value(&class, StaticMethod(a[1].clone())))
}

fn staticmethod_get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__get__", 2, 3)?;
    match &a[0] {
        Value::Native(n) => match n.get::<StaticMethod>() {
            Some(s) => Ok(s.0.clone()),
            None => Err(vm.type_error("descriptor requires a 'staticmethod' object")),
        },
        _ => Err(vm.type_error("descriptor requires a 'staticmethod' object")),
    }
}

fn staticmethod_call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(Value::Native(n)) = args.all.first() else {
        return Err(vm.type_error("descriptor requires a 'staticmethod' object"));
    };
    let Some(s) = n.get::<StaticMethod>() else {
        return Err(vm.type_error("descriptor requires a 'staticmethod' object"));
    };
    let f = s.0.clone();
    vm.call(
        &f,
        Args {
            all: &args.all[1..],
            kwnames: args.kwnames,
        },
    )
}

fn super_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "super", 1, 3)?;
    if a.len() == 1 {
        return Err(vm.runtime_error("super(): no arguments"));
    }
    let Value::Type(cls) = &a[1] else {
        return Err(vm.type_error(format!(
            "super() argument 1 must be a type, not {}",
            vm.type_name(&a[1])
        )));
    };
    let obj = a.get(2).cloned().unwrap_or(Value::None);
    if a.len() == 3 {
        let ok = match &obj {
            Value::Type(t) => t.is_subtype(cls) || vm.type_of(&obj).is_subtype(cls),
            other => vm.type_of(other).is_subtype(cls),
        };
        if !ok {
            return Err(
                vm.type_error("super(type, obj): obj must be an instance or subtype of type")
            );
        }
    }
    let class = vm.ctx.types.super_.clone();
    Ok(vm.native_value(
        &class,
        Super {
            cls: cls.clone(),
            obj,
        },
    ))
}

fn exc_with_traceback(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "with_traceback", 2, 2)?;
    Ok(a[0].clone())
}

fn exc_add_note(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "add_note", 2, 2)?;
    let Value::Instance(i) = &a[0] else {
        return Err(vm.type_error("add_note() requires an exception"));
    };
    if !matches!(base_of(&a[1]), Value::Str(_)) {
        return Err(vm.type_error(format!("note must be a str, not '{}'", vm.type_name(&a[1]))));
    }
    let notes = match i.dict.get_str("__notes__") {
        Some(n @ Value::List(_)) => n,
        Some(_) => return Err(vm.type_error("Cannot add note: __notes__ is not a list")),
        None => {
            let n = Value::list(vec![]);
            i.dict.set_str("__notes__", n.clone());
            n
        }
    };
    if let Value::List(l) = notes {
        l.0.borrow_mut().push(a[1].clone());
    }
    Ok(Value::None)
}

fn exc_args_of(v: &Value) -> Vec<Value> {
    match v {
        Value::Instance(i) => match i.exc.as_ref().map(|x| x.args.borrow().clone()) {
            Some(Value::Tuple(t)) => t.0.to_vec(),
            _ => vec![],
        },
        _ => vec![],
    }
}

fn syntax_error_str(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__str__", 1, 1)?;
    let Value::Instance(i) = &a[0] else {
        return Ok(Value::str(""));
    };
    let msg = match i.dict.get_str("msg") {
        Some(m) if !m.is_none() => vm.str_of(&m)?,
        _ => {
            let args = exc_args_of(&a[0]);
            match args.first() {
                Some(m) => vm.str_of(m)?,
                None => String::new(),
            }
        }
    };
    let filename = i.dict.get_str("filename").filter(|f| !f.is_none());
    let lineno = i.dict.get_str("lineno").filter(|f| !f.is_none());
    Ok(Value::string(match (filename, lineno) {
        (Some(f), Some(l)) => {
            let f = vm.str_of(&f)?;
            let base = f.rsplit('/').next().unwrap_or(&f).to_owned();
            format!("{msg} ({base}, line {})", vm.str_of(&l)?)
        }
        (Some(f), None) => {
            let f = vm.str_of(&f)?;
            format!("{msg} ({f})")
        }
        (None, Some(l)) => format!("{msg} (line {})", vm.str_of(&l)?),
        (None, None) => msg,
    }))
}

fn os_error_str(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__str__", 1, 1)?;
    let Value::Instance(i) = &a[0] else {
        return Ok(Value::str(""));
    };
    let args_v = exc_args_of(&a[0]);
    let filename = i.dict.get_str("filename").filter(|f| !f.is_none());
    if args_v.len() >= 2 {
        let errno = vm.str_of(&args_v[0])?;
        let strerror = vm.str_of(&args_v[1])?;
        return Ok(Value::string(match filename {
            Some(f) => format!("[Errno {errno}] {strerror}: {}", vm.repr(&f)?),
            None => format!("[Errno {errno}] {strerror}"),
        }));
    }
    let i = i.clone();
    Ok(Value::string(vm.exc_str(&i)?))
}

fn system_exit_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    if let Some(Value::Instance(i)) = pos.first()
        && let Some(x) = &i.exc
    {
        *x.args.borrow_mut() = Value::tuple(pos[1..].to_vec());
        let code = match pos.len() {
            1 => Value::None,
            2 => pos[1].clone(),
            _ => Value::tuple(pos[1..].to_vec()),
        };
        i.dict.set_str("code", code);
    }
    let _ = vm;
    Ok(Value::None)
}

fn function_get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__get__", 2, 3)?;
    if a[1].is_none() {
        return Ok(a[0].clone());
    }
    Ok(Value::Method(Rc::new(crate::object::BoundMethod {
        func: a[0].clone(),
        self_: a[1].clone(),
    })))
}

fn function_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__repr__", 1, 1)?;
    Ok(Value::string(vm.repr(&a[0])?))
}
