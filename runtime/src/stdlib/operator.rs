//! `_operator`: the functions of the `operator` module in Rust (`operator.py`
//! imports them over its Python definitions, as CPython's does). The classes
//! `itemgetter`, `attrgetter` and `methodcaller` are in `operator_getters.rs`.

use std::rc::Rc;

use crate::bytecode::{BinOp, CmpOp, UnOp};
use crate::object::{IterState, Module, Value};
use crate::vm::{Args, PyResult, Vm};

use super::{add_funcs, new_module};

/// Creates `_operator`.
pub fn init(vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = new_module("_operator");
    m.dict.set_str(
        "__doc__",
        Value::str(
            "Operator interface.\n\nThis module exports a set of functions implemented in C \
             corresponding\nto the intrinsic operators of Python.  For example, operator.add(x, \
             y)\nis equivalent to the expression x+y.  The function names are those\nused for \
             special methods; variants without leading and trailing\n'__' are also provided \
             for convenience.",
        ),
    );
    add_funcs(
        &m.dict,
        &[
            ("truth", truth),
            ("not_", not_),
            ("index", index),
            ("abs", abs),
            ("inv", inv),
            ("invert", invert),
            ("neg", neg),
            ("pos", pos),
            ("is_", is_),
            ("is_not", is_not),
            ("lt", lt),
            ("le", le),
            ("eq", eq),
            ("ne", ne),
            ("gt", gt),
            ("ge", ge),
            ("add", add),
            ("sub", sub),
            ("mul", mul),
            ("matmul", matmul),
            ("truediv", truediv),
            ("floordiv", floordiv),
            ("mod", mod_),
            ("pow", pow),
            ("lshift", lshift),
            ("rshift", rshift),
            ("and_", and_),
            ("or_", or_),
            ("xor", xor),
            ("iadd", iadd),
            ("isub", isub),
            ("imul", imul),
            ("imatmul", imatmul),
            ("itruediv", itruediv),
            ("ifloordiv", ifloordiv),
            ("imod", imod),
            ("ipow", ipow),
            ("ilshift", ilshift),
            ("irshift", irshift),
            ("iand", iand),
            ("ior", ior),
            ("ixor", ixor),
            ("concat", concat),
            ("iconcat", iconcat),
            ("contains", contains),
            ("countOf", count_of),
            ("indexOf", index_of),
            ("getitem", getitem),
            ("setitem", setitem),
            ("delitem", delitem),
            ("length_hint", length_hint),
            ("call", call),
        ],
    );
    super::operator_getters::install(vm, &m);
    Ok(m)
}

/// The one argument of a METH_O function (`_operator.neg() takes exactly one
/// argument (0 given)`).
fn one<'a>(vm: &mut Vm, args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error(format!("_operator.{name}() takes no keyword arguments")));
    }
    match args.all {
        [v] => Ok(v),
        other => Err(vm.type_error(format!(
            "_operator.{name}() takes exactly one argument ({} given)",
            other.len()
        ))),
    }
}

/// Exactly `n` positional arguments (`add expected 2 arguments, got 1`).
fn exactly<'a>(vm: &mut Vm, args: &Args<'a>, name: &str, n: usize) -> PyResult<&'a [Value]> {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error(format!("_operator.{name}() takes no keyword arguments")));
    }
    if args.all.len() != n {
        return Err(vm.type_error(format!(
            "{name} expected {n} arguments, got {}",
            args.all.len()
        )));
    }
    Ok(args.all)
}

fn truth(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = one(vm, &args, "truth")?;
    Ok(Value::Bool(vm.truthy(v)?))
}

fn not_(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = one(vm, &args, "not_")?;
    Ok(Value::Bool(!vm.truthy(v)?))
}

fn index(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = one(vm, &args, "index")?;
    vm.index_int(v)
}

fn abs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = one(vm, &args, "abs")?.clone();
    let f = vm.builtin("abs")?;
    vm.call0(&f, &[v])
}

fn unary(vm: &mut Vm, args: Args<'_>, name: &str, op: UnOp) -> PyResult<Value> {
    let v = one(vm, &args, name)?;
    vm.unary_op(op, v)
}

fn inv(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    unary(vm, args, "inv", UnOp::Invert)
}

fn invert(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    unary(vm, args, "invert", UnOp::Invert)
}

fn neg(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    unary(vm, args, "neg", UnOp::Neg)
}

fn pos(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    unary(vm, args, "pos", UnOp::Pos)
}

fn is_(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = exactly(vm, &args, "is_", 2)?;
    Ok(Value::Bool(a[0].is(&a[1])))
}

fn is_not(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = exactly(vm, &args, "is_not", 2)?;
    Ok(Value::Bool(!a[0].is(&a[1])))
}

fn compare(vm: &mut Vm, args: Args<'_>, name: &str, op: CmpOp) -> PyResult<Value> {
    let a = exactly(vm, &args, name, 2)?;
    vm.compare(op, &a[0], &a[1])
}

fn lt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "lt", CmpOp::Lt)
}

fn le(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "le", CmpOp::Le)
}

fn eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "eq", CmpOp::Eq)
}

fn ne(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "ne", CmpOp::Ne)
}

fn gt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "gt", CmpOp::Gt)
}

fn ge(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "ge", CmpOp::Ge)
}

fn binary(vm: &mut Vm, args: Args<'_>, name: &str, op: BinOp) -> PyResult<Value> {
    let a = exactly(vm, &args, name, 2)?;
    vm.binary_op(op, &a[0], &a[1])
}

fn inplace(vm: &mut Vm, args: Args<'_>, name: &str, op: BinOp) -> PyResult<Value> {
    let a = exactly(vm, &args, name, 2)?;
    vm.inplace_op(op, a[0].clone(), &a[1])
}

macro_rules! binary_fns {
    ($($f:ident, $i:ident => $name:literal, $iname:literal, $op:ident;)*) => {
        $(
            fn $f(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
                binary(vm, args, $name, BinOp::$op)
            }

            fn $i(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
                inplace(vm, args, $iname, BinOp::$op)
            }
        )*
    };
}

binary_fns! {
    add, iadd => "add", "iadd", Add;
    sub, isub => "sub", "isub", Sub;
    mul, imul => "mul", "imul", Mul;
    matmul, imatmul => "matmul", "imatmul", MatMul;
    truediv, itruediv => "truediv", "itruediv", TrueDiv;
    floordiv, ifloordiv => "floordiv", "ifloordiv", FloorDiv;
    mod_, imod => "mod", "imod", Mod;
    pow, ipow => "pow", "ipow", Pow;
    lshift, ilshift => "lshift", "ilshift", LShift;
    rshift, irshift => "rshift", "irshift", RShift;
    and_, iand => "and_", "iand", And;
    or_, ior => "or_", "ior", Or;
    xor, ixor => "xor", "ixor", Xor;
}

/// `PySequence_Check`: a built-in sequence, or an object whose class has
/// `__getitem__` and is not a dict.
fn is_sequence(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::List(_)
        | Value::Tuple(_)
        | Value::Str(_)
        | Value::Bytes(_)
        | Value::ByteArray(_)
        | Value::Range(_) => true,
        Value::Instance(_) | Value::Native(_) => {
            let t = vm.type_of(v);
            t.lookup("__getitem__").is_some() && !t.is_subtype(&vm.ctx.types.dict)
        }
        _ => false,
    }
}

fn concat_impl(vm: &mut Vm, args: Args<'_>, name: &str, inplace: bool) -> PyResult<Value> {
    let a = exactly(vm, &args, name, 2)?;
    if !is_sequence(vm, &a[0]) {
        return Err(vm.type_error(format!(
            "'{}' object can't be concatenated",
            vm.type_name(&a[0])
        )));
    }
    if inplace {
        vm.inplace_op(BinOp::Add, a[0].clone(), &a[1])
    } else {
        vm.binary_op(BinOp::Add, &a[0], &a[1])
    }
}

fn concat(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    concat_impl(vm, args, "concat", false)
}

fn iconcat(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    concat_impl(vm, args, "iconcat", true)
}

fn contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = exactly(vm, &args, "contains", 2)?;
    Ok(Value::Bool(vm.contains(&a[0], &a[1])?))
}

/// Walks `seq` comparing each item with `x` (identity first); calls `found` with
/// the position of each match until it returns true.
fn scan(
    vm: &mut Vm,
    seq: &Value,
    x: &Value,
    mut found: impl FnMut(usize) -> bool,
) -> PyResult<bool> {
    let it = match vm.get_iter(seq) {
        Ok(it) => it,
        Err(e) if vm.err_is(&e, &vm.ctx.types.type_error.clone()) => {
            return Err(vm.type_error(format!(
                "argument of type '{}' is not iterable",
                vm.type_name(seq)
            )));
        }
        Err(e) => return Err(e),
    };
    let mut i = 0usize;
    while let Some(v) = vm.next(&it)? {
        if (v.is(x) || vm.eq(&v, x)?) && found(i) {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

fn count_of(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = exactly(vm, &args, "countOf", 2)?;
    let mut n = 0i64;
    scan(vm, &a[0], &a[1], |_| {
        n += 1;
        false
    })?;
    Ok(Value::Int(n))
}

fn index_of(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = exactly(vm, &args, "indexOf", 2)?;
    let mut at = 0usize;
    if scan(vm, &a[0], &a[1], |i| {
        at = i;
        true
    })? {
        return Ok(Value::Int(at as i64));
    }
    Err(vm.value_error("sequence.index(x): x not in sequence"))
}

fn getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = exactly(vm, &args, "getitem", 2)?;
    vm.get_item(&a[0], &a[1])
}

fn setitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = exactly(vm, &args, "setitem", 3)?;
    vm.set_item(&a[0], a[1].clone(), a[2].clone())?;
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = exactly(vm, &args, "delitem", 2)?;
    vm.del_item(&a[0], &a[1])?;
    Ok(Value::None)
}

/// The items left in a built-in iterator, when it is cheap to know.
fn builtin_iter_hint(st: &IterState) -> Option<i64> {
    match st {
        IterState::Range { next, stop, step } => Some(if *step > 0 && next < stop {
            (stop - next - 1) / step + 1
        } else if *step < 0 && next > stop {
            (next - stop - 1) / (-step) + 1
        } else {
            0
        }),
        IterState::Seq { seq, index } => {
            let len = match seq {
                Value::List(l) => l.0.borrow().len(),
                Value::Tuple(t) => t.0.len(),
                Value::Bytes(b) => b.0.len(),
                Value::ByteArray(b) => b.0.borrow().len(),
                _ => return None,
            };
            Some(len.saturating_sub(*index) as i64)
        }
        IterState::Str { s, byte_pos } => Some(s.as_str()[*byte_pos..].chars().count() as i64),
        IterState::Exhausted => Some(0),
        _ => None,
    }
}

/// `length_hint(obj, default=0)`: `len(obj)`, else `obj.__length_hint__()`, else
/// `default`.
fn length_hint(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error("length_hint() takes no keyword arguments"));
    }
    let a = args.all;
    if a.is_empty() || a.len() > 2 {
        let (what, n) = if a.is_empty() {
            ("least", 1)
        } else {
            ("most", 2)
        };
        return Err(vm.type_error(format!(
            "length_hint expected at {what} {n} argument{}, got {}",
            if n == 1 { "" } else { "s" },
            a.len()
        )));
    }
    let default = match a.get(1) {
        Some(v) => super::itertools::ssize_arg(vm, v)?,
        None => 0,
    };
    let obj = &a[0];
    let has_len = match obj {
        Value::Instance(_) | Value::Native(_) | Value::Type(_) => {
            vm.type_of(obj).lookup("__len__").is_some()
        }
        Value::Iter(_) | Value::Generator(_) => false,
        _ => true,
    };
    if has_len {
        match vm.len(obj) {
            Ok(n) => return Ok(Value::Int(n as i64)),
            Err(e) if vm.err_is(&e, &vm.ctx.types.type_error.clone()) => {}
            Err(e) => return Err(e),
        }
    }
    if let Value::Iter(i) = obj
        && let Ok(st) = i.0.try_borrow()
        && let Some(n) = builtin_iter_hint(&st)
    {
        return Ok(Value::Int(n));
    }
    let hint = match obj {
        Value::Instance(_) | Value::Native(_) => vm.type_of(obj).lookup("__length_hint__"),
        _ => None,
    };
    let Some(_) = hint else {
        return Ok(Value::Int(default));
    };
    let r = match vm.call_special(obj, "__length_hint__", &[])? {
        Some(r) => r,
        None => return Ok(Value::Int(default)),
    };
    match r {
        Value::NotImplemented => Ok(Value::Int(default)),
        Value::Int(n) if n < 0 => Err(vm.value_error("__length_hint__() should return >= 0")),
        Value::Int(_) | Value::BigInt(_) => Ok(r),
        Value::BoolW(b) => Ok(Value::Int(b.get() as i64)),
        other => Err(vm.type_error(format!(
            "__length_hint__ must be an integer, not {}",
            vm.type_name(&other)
        ))),
    }
}

/// `call(obj, /, *args, **kwargs)`: `obj(*args, **kwargs)`.
fn call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let npos = args.all.len() - args.kwnames.len();
    if npos == 0 {
        return Err(vm.type_error(format!("call expected at least 1 argument, got {npos}")));
    }
    let f = args.all[0].clone();
    vm.call(
        &f,
        Args {
            all: &args.all[1..],
            kwnames: args.kwnames,
        },
    )
}
