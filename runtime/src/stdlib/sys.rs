//! The `sys` module.

use crate::object::BoolWord;
use std::rc::Rc;

use crate::object::{Module, Value};
use crate::vm::{Args, PyResult, Vm};

use super::{add_funcs, new_module};

/// Creates `sys`.
pub fn init(vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = new_module("sys");
    let d = &m.dict;
    let argv = vm
        .interp
        .config
        .argv
        .iter()
        .map(|a| Value::str(a))
        .collect();
    d.set_str("argv", Value::list(argv));
    d.set_str("modules", Value::Dict(vm.ctx.modules.clone()));
    d.set_str("path", vm.ctx.path.clone());
    d.set_str("platform", Value::str("linux"));
    d.set_str("byteorder", Value::str("little"));
    d.set_str("maxsize", Value::Int(i64::MAX));
    d.set_str("version", Value::str("3.11.0 (atoll)"));
    d.set_str(
        "version_info",
        Value::tuple_of([
            Value::Int(3),
            Value::Int(11),
            Value::Int(0),
            Value::str("final"),
            Value::Int(0),
        ]),
    );
    d.set_str("implementation_name", Value::str("atoll"));
    for (name, stream) in super::io::std_streams(vm) {
        d.set_str(&name, stream.clone());
        d.set_str(&format!("__{name}__"), stream);
    }
    d.set_str("maxunicode", Value::Int(0x10ffff));
    d.set_str("hexversion", Value::Int(0x030b07f0));
    d.set_str("api_version", Value::Int(1013));
    d.set_str("dont_write_bytecode", Value::BoolW(BoolWord::TRUE));
    d.set_str("executable", Value::str(""));
    d.set_str("prefix", Value::str(""));
    d.set_str("exec_prefix", Value::str(""));
    d.set_str("copyright", Value::str("Copyright (c) atoll authors."));
    d.set_str(
        "builtin_module_names",
        Value::tuple_of([Value::str("builtins"), Value::str("sys")]),
    );
    let vi = struct_seq(
        vm,
        "version_info",
        &[
            ("major", Value::Int(3)),
            ("minor", Value::Int(11)),
            ("micro", Value::Int(7)),
            ("releaselevel", Value::str("final")),
            ("serial", Value::Int(0)),
        ],
    );
    d.set_str("version_info", vi);
    let fi = struct_seq(
        vm,
        "float_info",
        &[
            ("max", Value::Float(f64::MAX)),
            ("max_exp", Value::Int(1024)),
            ("max_10_exp", Value::Int(308)),
            ("min", Value::Float(f64::MIN_POSITIVE)),
            ("min_exp", Value::Int(-1021)),
            ("min_10_exp", Value::Int(-307)),
            ("dig", Value::Int(15)),
            ("mant_dig", Value::Int(53)),
            ("epsilon", Value::Float(f64::EPSILON)),
            ("radix", Value::Int(2)),
            ("rounds", Value::Int(1)),
        ],
    );
    d.set_str("float_info", fi);
    let ii = struct_seq(
        vm,
        "int_info",
        &[
            ("bits_per_digit", Value::Int(30)),
            ("sizeof_digit", Value::Int(4)),
            ("default_max_str_digits", Value::Int(4300)),
            ("str_digits_check_threshold", Value::Int(640)),
        ],
    );
    d.set_str("int_info", ii);
    let hi = struct_seq(
        vm,
        "hash_info",
        &[
            ("width", Value::Int(64)),
            ("modulus", Value::Int((1i64 << 61) - 1)),
            ("inf", Value::Int(314159)),
            ("nan", Value::Int(0)),
            ("imag", Value::Int(1000003)),
            ("algorithm", Value::str("siphash13")),
            ("hash_bits", Value::Int(64)),
            ("seed_bits", Value::Int(128)),
            ("cutoff", Value::Int(0)),
        ],
    );
    d.set_str("hash_info", hi);
    let impl_ns = Rc::new(crate::object::PyDict::new());
    impl_ns.set_str("name", Value::str("atoll"));
    impl_ns.set_str("cache_tag", Value::None);
    let impl_mod = Rc::new(Module {
        name: Rc::new(crate::object::PyStr::new("implementation")),
        dict: impl_ns,
    });
    d.set_str("implementation", Value::Module(impl_mod));
    add_funcs(
        d,
        &[
            ("getswitchinterval", getswitchinterval),
            ("setswitchinterval", setswitchinterval),
            ("getrecursionlimit", getrecursionlimit),
            ("setrecursionlimit", setrecursionlimit),
            ("exit", exit),
            ("exc_info", exc_info),
            ("exception", exception),
            ("intern", intern),
            ("getdefaultencoding", utf8),
            ("getfilesystemencoding", utf8),
            ("getsizeof", getsizeof),
            ("getrefcount", getrefcount),
            ("settrace", noop),
            ("setprofile", noop),
            ("gettrace", none),
            ("getprofile", none),
            ("get_int_max_str_digits", get_int_max_str_digits),
            ("set_int_max_str_digits", set_int_max_str_digits),
        ],
    );
    Ok(m)
}

fn getswitchinterval(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.check(vm, "getswitchinterval", 0, 0)?;
    Ok(Value::Float(vm.interp.gil.switch_interval().as_secs_f64()))
}

fn setswitchinterval(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "setswitchinterval", 1, 1)?;
    let s = vm.arg_f64(&a[0])?;
    if s <= 0.0 || s.is_nan() {
        return Err(vm.value_error("switch interval must be strictly positive"));
    }
    vm.interp
        .gil
        .set_switch_interval(std::time::Duration::from_secs_f64(s.min(1e9)));
    Ok(Value::None)
}

fn getrecursionlimit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.check(vm, "getrecursionlimit", 0, 0)?;
    Ok(Value::Int(vm.interp.recursion_limit() as i64))
}

fn setrecursionlimit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "setrecursionlimit", 1, 1)?;
    let n = vm.arg_i64(&a[0], "")?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    vm.interp.set_recursion_limit(n as usize);
    Ok(Value::None)
}

fn exit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "exit", 0, 1)?;
    let class = vm.ctx.types.system_exit.clone();
    Err(vm.new_exception_args(&class, a.to_vec()))
}

fn exc_info(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    let e = vm.handled.clone();
    if e.is_none() || e.is_null() {
        return Ok(Value::tuple_of([Value::None, Value::None, Value::None]));
    }
    let t = Value::Type(vm.type_of(&e));
    let tb = match &e {
        Value::Instance(i) => vm.traceback_value(i),
        _ => Value::None,
    };
    Ok(Value::tuple_of([t, e, tb]))
}

fn exception(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    let e = vm.handled.clone();
    Ok(if e.is_null() { Value::None } else { e })
}

fn intern(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "intern", 1, 1)?;
    Ok(a[0].clone())
}

fn utf8(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::str("utf-8"))
}

fn noop(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::None)
}

fn none(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::None)
}

fn get_int_max_str_digits(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.check(vm, "get_int_max_str_digits", 0, 0)?;
    Ok(Value::Int(vm.int_max_str_digits() as i64))
}

fn set_int_max_str_digits(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(v) = args.get(0, "maxdigits") else {
        return Err(
            vm.type_error("set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)")
        );
    };
    let n = vm.arg_i64(v, "")?;
    if n != 0 && n < 640 {
        return Err(vm.value_error("maxdigits must be 0 or larger than 640"));
    }
    vm.ctx
        .native
        .borrow_mut()
        .insert(crate::vm::INT_MAX_STR_DIGITS, Value::Int(n));
    Ok(Value::None)
}

fn getrefcount(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.check(vm, "getrefcount", 1, 1)?;
    Ok(Value::Int(2))
}

fn getsizeof(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "getsizeof", 1, 2)?;
    let n = match &a[0] {
        Value::Str(s) => 49 + s.as_str().len(),
        Value::Bytes(b) => 33 + b.0.len(),
        Value::List(l) => 56 + 8 * l.0.borrow().len(),
        Value::Tuple(t) => 40 + 8 * t.0.len(),
        Value::Dict(d) => 64 + 24 * d.len(),
        Value::Int(_) | Value::BoolW(_) => 28,
        Value::FloatW(_) => 24,
        _ => 48,
    };
    Ok(Value::Int(n as i64))
}

/// A `sys.version_info`-like value: a tuple whose items are also attributes.
pub fn struct_seq(vm: &mut Vm, name: &str, fields: &[(&str, Value)]) -> Value {
    let ns = Rc::new(crate::object::PyDict::new());
    ns.set_str("__module__", Value::str("sys"));
    ns.set_str(
        "_fields",
        Value::tuple(fields.iter().map(|(k, _)| Value::str(k)).collect()),
    );
    ns.set_str("n_fields", Value::Int(fields.len() as i64));
    ns.set_str("__repr__", super::func("__repr__", struct_seq_repr));
    let tuple = vm.ctx.types.tuple.clone();
    let Ok(cls) = vm.new_class(name, vec![tuple], ns) else {
        return Value::tuple(fields.iter().map(|(_, v)| v.clone()).collect());
    };
    let inst = crate::object::Instance::with_base(
        cls,
        Value::tuple(fields.iter().map(|(_, v)| v.clone()).collect()),
    );
    for (k, v) in fields {
        inst.dict.set_str(k, v.clone());
    }
    Value::Instance(Rc::new(inst))
}

fn struct_seq_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__repr__", 1, 1)?;
    let t = vm.type_of(&a[0]);
    let fields = t.lookup("_fields").unwrap_or(Value::tuple_of([]));
    let names = vm.collect(&fields)?;
    let items = match super::methods::base_of(&a[0]) {
        Value::Tuple(t) => t.0.to_vec(),
        _ => vec![],
    };
    let mut parts = Vec::new();
    for (n, v) in names.iter().zip(items.iter()) {
        parts.push(format!("{}={}", vm.str_of(n)?, vm.repr(v)?));
    }
    Ok(Value::string(format!(
        "sys.{}({})",
        t.name(),
        parts.join(", ")
    )))
}
