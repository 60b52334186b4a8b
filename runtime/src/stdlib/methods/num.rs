//! Methods of `int` and `float`: `bit_length`, `to_bytes`, `from_bytes`,
//! `as_integer_ratio`, `is_integer`, `hex`, `fromhex` ...

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::object::{Int, Value};
use crate::vm::{Args, PyResult, Vm};

use super::{base_of, classmethod, method};

/// Installs the methods of `int` and `float`.
pub fn install(vm: &mut Vm) {
    let t = &vm.ctx.types;
    method(
        &t.int,
        &[
            ("bit_length", int_bit_length),
            ("bit_count", int_bit_count),
            ("to_bytes", int_to_bytes),
            ("as_integer_ratio", int_as_integer_ratio),
            ("conjugate", int_conjugate),
            ("__getnewargs__", int_getnewargs),
        ],
    );
    let int_t = vm.ctx.types.int.clone();
    for (name, f) in [
        ("real", int_real as crate::object::BuiltinFn),
        ("imag", int_imag),
        ("numerator", int_real),
        ("denominator", int_denominator),
    ] {
        property(vm, &int_t, name, f);
    }
    let float_t = vm.ctx.types.float.clone();
    property(vm, &float_t, "real", float_real);
    property(vm, &float_t, "imag", float_imag);
    classmethod(vm, &vm.ctx.types.int.clone(), "from_bytes", int_from_bytes);
    let t = &vm.ctx.types;
    method(
        &t.float,
        &[
            ("is_integer", float_is_integer),
            ("as_integer_ratio", float_as_integer_ratio),
            ("hex", float_hex),
            ("conjugate", float_conjugate),
        ],
    );
    classmethod(vm, &vm.ctx.types.float.clone(), "fromhex", float_fromhex);
}

/// A float known to be integral as an int (errors for inf and nan).
pub fn float_to_int(vm: &mut Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    if f.abs() < 9.0e18 {
        return Ok(Value::Int(f as i64));
    }
    let b: BigInt = num_traits::FromPrimitive::from_f64(f).unwrap_or_default();
    Ok(Value::from_big(b))
}

fn int_self(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    match Int::of(base_of(v)) {
        Some(i) => Ok(i.to_big()),
        None => Err(vm.type_error(format!(
            "descriptor requires an 'int' object but received a '{}'",
            vm.type_name(v)
        ))),
    }
}

fn int_bit_length(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "bit_length", 1, 1)?;
    Ok(Value::Int(match Int::of(base_of(&a[0])) {
        Some(Int::Small(i)) => 64 - i.unsigned_abs().leading_zeros() as i64,
        Some(Int::Big(b)) => b.bits() as i64,
        None => 0,
    }))
}

fn int_bit_count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "bit_count", 1, 1)?;
    let b = int_self(vm, &a[0])?;
    let n: u64 = b
        .magnitude()
        .iter_u64_digits()
        .map(|d| d.count_ones() as u64)
        .sum();
    Ok(Value::Int(n as i64))
}

fn int_conjugate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "conjugate", 1, 1)?;
    Ok(Value::from_big(int_self(vm, &a[0])?))
}

/// A read-only attribute of a built-in class computed by `f`.
pub(super) fn property(
    vm: &Vm,
    t: &std::rc::Rc<crate::object::PyType>,
    name: &'static str,
    f: crate::object::BuiltinFn,
) {
    let p = crate::vm::attr::Property {
        fget: crate::stdlib::func(name, f),
        fset: Value::None,
        fdel: Value::None,
        doc: Value::None,
    };
    t.dict
        .set_str(name, vm.native_value(&vm.ctx.types.property.clone(), p));
}

fn int_real(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "real", 1, 1)?;
    Ok(Value::from_big(int_self(vm, &a[0])?))
}

fn int_imag(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.check(vm, "imag", 1, 1)?;
    Ok(Value::Int(0))
}

fn int_denominator(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.check(vm, "denominator", 1, 1)?;
    Ok(Value::Int(1))
}

fn float_real(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "real", 1, 1)?;
    Ok(Value::Float(float_self(vm, &a[0])?))
}

fn float_imag(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.check(vm, "imag", 1, 1)?;
    Ok(Value::Float(0.0))
}

fn int_getnewargs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__getnewargs__", 1, 1)?;
    Ok(Value::tuple_of([Value::from_big(int_self(vm, &a[0])?)]))
}

fn int_as_integer_ratio(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "as_integer_ratio", 1, 1)?;
    Ok(Value::tuple_of([
        Value::from_big(int_self(vm, &a[0])?),
        Value::Int(1),
    ]))
}

fn byteorder(vm: &mut Vm, v: Option<&Value>) -> PyResult<bool> {
    match v {
        None => Ok(true),
        Some(v) => match vm.arg_str(v, "to_bytes() argument 'byteorder'")?.as_str() {
            "big" => Ok(true),
            "little" => Ok(false),
            _ => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
        },
    }
}

fn int_to_bytes(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let n = int_self(vm, &args.all[0])?;
    let pos = &args.pos()[1..];
    let length = match pos.first().or(args.kwarg("length")) {
        Some(l) => vm.arg_i64(l, "")?,
        None => 1,
    };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let big = byteorder(vm, pos.get(1).or(args.kwarg("byteorder")))?;
    let signed = match args.kwarg("signed") {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    if !signed && n.is_negative() {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let length = length as usize;
    let mut bytes = if signed {
        n.to_signed_bytes_le()
    } else {
        n.to_bytes_le().1
    };
    if n.is_zero() {
        bytes.clear();
    }
    if bytes.len() > length {
        return Err(vm.overflow_error("int too big to convert"));
    }
    let fill = if signed && n.is_negative() { 0xff } else { 0 };
    bytes.resize(length, fill);
    if big {
        bytes.reverse();
    }
    Ok(Value::bytes(bytes))
}

fn int_from_bytes(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = args.all[0].clone();
    let pos = &args.pos()[1..];
    let Some(src) = pos.first().or(args.kwarg("bytes")).cloned() else {
        return Err(vm.type_error("from_bytes() missing required argument 'bytes' (pos 1)"));
    };
    let data = match vm.bytes_like(&src) {
        Some(b) => b,
        None => {
            if let Value::Str(_) = src {
                return Err(vm.type_error("cannot convert 'str' object to bytes"));
            }
            let items = vm.collect(&src)?;
            let mut out = Vec::new();
            for x in items {
                out.push(vm.byte_value(&x)?);
            }
            out
        }
    };
    let big = byteorder(vm, pos.get(1).or(args.kwarg("byteorder")))?;
    let signed = match args.kwarg("signed") {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    let mut le = data;
    if big {
        le.reverse();
    }
    let n = if signed {
        BigInt::from_signed_bytes_le(&le)
    } else {
        BigInt::from_bytes_le(Sign::Plus, &le)
    };
    let v = Value::from_big(n);
    if let Value::Type(t) = &cls
        && !std::rc::Rc::ptr_eq(t, &vm.ctx.types.int)
    {
        return vm.call0(&cls, &[v]);
    }
    Ok(v)
}

fn float_self(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match base_of(v) {
        Value::FloatW(f) => Ok(f.get()),
        other => Err(vm.type_error(format!(
            "descriptor requires a 'float' object but received a '{}'",
            vm.type_name(other)
        ))),
    }
}

fn float_is_integer(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "is_integer", 1, 1)?;
    let f = float_self(vm, &a[0])?;
    Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
}

fn float_conjugate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "conjugate", 1, 1)?;
    Ok(Value::Float(float_self(vm, &a[0])?))
}

/// The exact fraction a finite float is: (numerator, denominator).
pub fn float_ratio(f: f64) -> (BigInt, BigInt) {
    let bits = f.to_bits();
    let neg = bits >> 63 == 1;
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mant, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    };
    let mut num = BigInt::from(mant);
    let mut den = BigInt::one();
    if e >= 0 {
        num <<= e as usize;
    } else {
        den <<= (-e) as usize;
    }
    let g = num.gcd(&den);
    if !g.is_zero() {
        num /= &g;
        den /= &g;
    }
    if neg {
        num = -num;
    }
    (num, den)
}

fn float_as_integer_ratio(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "as_integer_ratio", 1, 1)?;
    let f = float_self(vm, &a[0])?;
    if f.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
    }
    let (n, d) = float_ratio(f);
    Ok(Value::tuple_of([Value::from_big(n), Value::from_big(d)]))
}

fn float_hex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "hex", 1, 1)?;
    let f = float_self(vm, &a[0])?;
    Ok(Value::string(float_hex_str(f)))
}

/// `float.hex()`.
pub fn float_hex_str(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    let digits = format!("{frac:013x}");
    format!(
        "{sign}0x{lead}.{digits}p{}{}",
        if e < 0 { "-" } else { "+" },
        e.abs()
    )
}

fn float_fromhex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "fromhex", 2, 2)?;
    let s = vm.arg_str(&a[1], "fromhex() argument")?;
    match parse_hex_float(s.as_str()) {
        Some(f) if f.is_infinite() && !s.as_str().to_ascii_lowercase().contains("inf") => Err(vm
            .new_exception(
                &vm.ctx.types.overflow_error.clone(),
                "hexadecimal value too large to represent as a float",
            )),
        Some(f) => {
            let v = Value::Float(f);
            if let Value::Type(t) = &a[0]
                && !std::rc::Rc::ptr_eq(t, &vm.ctx.types.float)
            {
                return vm.call0(&a[0], &[v]);
            }
            Ok(v)
        }
        None => Err(vm.value_error("invalid hexadecimal floating-point string")),
    }
}

fn parse_hex_float(s: &str) -> Option<f64> {
    let t = s.trim().to_ascii_lowercase();
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r.to_owned()),
        None => (false, t.strip_prefix('+').unwrap_or(&t).to_owned()),
    };
    match t.as_str() {
        "inf" | "infinity" => {
            return Some(if neg {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            });
        }
        "nan" => return Some(f64::NAN),
        _ => {}
    }
    let t = t.strip_prefix("0x").unwrap_or(&t);
    let (mant, exp) = match t.split_once('p') {
        Some((m, e)) => (m, e.parse::<i64>().ok()?),
        None => (t, 0),
    };
    let (ip, fp) = match mant.split_once('.') {
        Some((i, f)) => (i, f),
        None => (mant, ""),
    };
    if ip.is_empty() && fp.is_empty() {
        return None;
    }
    let mut n = BigInt::zero();
    for c in ip.chars().chain(fp.chars()) {
        n = n * 16 + c.to_digit(16)?;
    }
    let e = exp - 4 * fp.len() as i64;
    let r = if e >= 0 {
        (n << e as usize).to_f64()?
    } else {
        crate::vm::arith_big_true_div(&n, &(BigInt::one() << (-e) as usize))?
    };
    Some(if neg { -r } else { r })
}

/// `round(x, ndigits)` for a float, correctly rounded (half to even on the exact
/// decimal value, as CPython does).
pub fn round_float(f: f64, nd: i64) -> f64 {
    if !f.is_finite() || f == 0.0 {
        return f;
    }
    if nd > 323 {
        return f;
    }
    if nd < -308 {
        return 0.0f64.copysign(f);
    }
    let (num, den) = float_ratio(f);
    let (num, den) = if nd >= 0 {
        (num * BigInt::from(10).pow(nd as u32), den)
    } else {
        (num, den * BigInt::from(10).pow((-nd) as u32))
    };
    // round num/den to the nearest integer, ties to even
    let (q, r) = num.div_mod_floor(&den);
    let twice: num_bigint::BigInt = &r * num_bigint::BigInt::from(2);
    let q = match twice.cmp(&den) {
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal if q.is_odd() => q + 1,
        _ => q,
    };
    let res = if nd >= 0 {
        crate::vm::arith_big_true_div(&q, &BigInt::from(10).pow(nd as u32))
    } else {
        (q * BigInt::from(10).pow((-nd) as u32)).to_f64()
    };
    match res {
        Some(0.0) => 0.0f64.copysign(f),
        Some(r) => r,
        None => f,
    }
}
