//! `_struct` (behind `struct.py`): converting between Python values and C structs
//! packed in bytes. A format is compiled to a [`Layout`] (item codes, counts and
//! offsets, with native alignment for `@`); packing checks ranges with CPython's
//! messages, including its per-table quirks.

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::object::{Int, Module, PyDict, PyType, Value, int_from_big};
use crate::vm::{Args, PyErr, PyResult, Vm};

use super::modsupport::{module_class, new_native, register_class, registered_class};
use super::{add_funcs, add_methods, func, new_module};

/// How a format lays its items out.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// `@`: native sizes and alignment, native order.
    Native,
    /// `<`, or `=` on a little-endian machine.
    Little,
    /// `>` and `!`, or `=` on a big-endian machine.
    Big,
}

/// One format code with its repeat count.
#[derive(Clone, Copy)]
struct Code {
    c: u8,
    /// The repeat count (for `s`/`p`: the field's byte length).
    count: usize,
    /// Offset of the first item.
    offset: usize,
    /// Size of one item.
    size: usize,
}

/// A compiled format.
struct Layout {
    mode: Mode,
    codes: Vec<Code>,
    size: usize,
    /// Values packed/unpacked.
    nitems: usize,
}

/// A `Struct` object.
struct StructObj {
    format: Value,
    layout: Rc<Layout>,
}

/// An `iter_unpack` iterator.
struct UnpackIter {
    layout: Rc<Layout>,
    data: Vec<u8>,
    pos: usize,
}

/// Creates `_struct`.
pub fn init(vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = new_module("_struct");
    m.dict.set_str(
        "__doc__",
        Value::str("Functions to convert between Python values and C structs."),
    );
    let ns = Rc::new(PyDict::new());
    ns.set_str("__module__", Value::str("struct"));
    ns.set_str("__qualname__", Value::str("error"));
    let exc = vm.ctx.types.exception.clone();
    let error = vm.new_class("error", vec![exc], ns)?;
    register_class(vm, "struct.error", &error);
    m.dict.set_str("error", Value::Type(error));
    let cls = module_class(vm, "Struct", "_struct");
    add_methods(
        &cls,
        &[
            ("pack", struct_pack),
            ("pack_into", struct_pack_into),
            ("unpack", struct_unpack),
            ("unpack_from", struct_unpack_from),
            ("iter_unpack", struct_iter_unpack),
            ("__sizeof__", struct_sizeof),
        ],
    );
    cls.dict.set_str("__new__", func("__new__", struct_new));
    for (name, getter) in [
        ("format", struct_format as crate::object::BuiltinFn),
        ("size", struct_size),
    ] {
        let prop = crate::vm::attr::Property {
            fget: func(name, getter),
            fset: Value::None,
            fdel: Value::None,
            doc: Value::None,
        };
        cls.dict
            .set_str(name, new_native(vm.ctx.types.property.clone(), prop));
    }
    register_class(vm, "_struct.Struct", &cls);
    m.dict.set_str("Struct", Value::Type(cls));
    let it = module_class(vm, "unpack_iterator", "_struct");
    add_methods(
        &it,
        &[
            ("__iter__", iter_self),
            ("__next__", iter_next),
            ("__length_hint__", iter_length_hint),
        ],
    );
    register_class(vm, "_struct.unpack_iterator", &it);
    m.dict.set_str("unpack_iterator", Value::Type(it));
    add_funcs(
        &m.dict,
        &[
            ("pack", pack),
            ("pack_into", pack_into),
            ("unpack", unpack),
            ("unpack_from", unpack_from),
            ("iter_unpack", iter_unpack),
            ("calcsize", calcsize),
            ("_clearcache", clearcache),
        ],
    );
    Ok(m)
}

/// A `struct.error` with `msg`.
fn error(vm: &Vm, msg: impl Into<String>) -> PyErr {
    let cls = registered_class(vm, "struct.error");
    vm.new_exception(&cls, msg)
}

// ---- formats ------------------------------------------------------------------------------

/// Size (and native alignment) of a code in a mode; `None` if the code is not
/// allowed there.
fn code_size(c: u8, mode: Mode) -> Option<usize> {
    let native = mode == Mode::Native;
    Some(match c {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    })
}

/// Compiles a format string.
fn compile(vm: &Vm, fmt: &[u8]) -> PyResult<Layout> {
    let (mode, body) = match fmt.first() {
        Some(b'@') => (Mode::Native, &fmt[1..]),
        Some(b'<') => (Mode::Little, &fmt[1..]),
        Some(b'>') | Some(b'!') => (Mode::Big, &fmt[1..]),
        Some(b'=') => (
            if cfg!(target_endian = "little") {
                Mode::Little
            } else {
                Mode::Big
            },
            &fmt[1..],
        ),
        _ => (Mode::Native, fmt),
    };
    let mut codes = Vec::new();
    let mut size: usize = 0;
    let mut nitems = 0usize;
    let too_long = || error(vm, "total struct size too long");
    let mut i = 0;
    while i < body.len() {
        let mut c = body[i];
        i += 1;
        if c.is_ascii_whitespace() {
            continue;
        }
        let mut count = 1usize;
        if c.is_ascii_digit() {
            let mut n: usize = (c - b'0') as usize;
            while i < body.len() && body[i].is_ascii_digit() {
                n = n
                    .checked_mul(10)
                    .and_then(|n| n.checked_add((body[i] - b'0') as usize))
                    .ok_or_else(too_long)?;
                i += 1;
            }
            if i >= body.len() {
                return Err(error(vm, "repeat count given without format specifier"));
            }
            c = body[i];
            i += 1;
            count = n;
        }
        let Some(item) = code_size(c, mode) else {
            return Err(error(vm, "bad char in struct format"));
        };
        if mode == Mode::Native && item > 1 && size > 0 {
            size = size.div_ceil(item).checked_mul(item).ok_or_else(too_long)?;
        }
        match c {
            b's' | b'p' => nitems += 1,
            b'x' => {}
            _ => nitems += count,
        }
        codes.push(Code {
            c,
            count,
            offset: size,
            size: item,
        });
        size = count
            .checked_mul(item)
            .and_then(|n| size.checked_add(n))
            .filter(|&n| n <= isize::MAX as usize)
            .ok_or_else(too_long)?;
    }
    Ok(Layout {
        mode,
        codes,
        size,
        nitems,
    })
}

/// The format argument as bytes (`str` or `bytes`).
fn format_bytes(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    match v {
        Value::Str(s) => Ok(s.as_str().as_bytes().to_vec()),
        Value::Bytes(b) => Ok(b.0.to_vec()),
        other => Err(vm.type_error(format!(
            "Struct() argument 1 must be a str or bytes object, not {}",
            vm.type_name(other)
        ))),
    }
}

/// The layout of a format argument (a `Struct` object's own, or compiled).
fn layout_of(vm: &Vm, v: &Value) -> PyResult<Rc<Layout>> {
    if let Some(s) = struct_obj(v) {
        return Ok(s.layout.clone());
    }
    let fmt = format_bytes(vm, v)?;
    Ok(Rc::new(compile(vm, &fmt)?))
}

// ---- packing ------------------------------------------------------------------------------

/// The int to pack from `v` (`__index__` honoured).
fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(i) = Int::of(v) {
        return Ok(i.to_big());
    }
    let has_index = matches!(v, Value::Instance(_) | Value::Native(_))
        && vm.type_of(v).lookup("__index__").is_some();
    if has_index {
        let r = vm.index_int(v)?;
        if let Some(i) = Int::of(&r) {
            return Ok(i.to_big());
        }
    }
    Err(error(vm, "required argument is not an integer"))
}

/// The float to pack from `v`.
fn float_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Value::FloatW(f) = v {
        return Ok(f.get());
    }
    let has_index = matches!(v, Value::Instance(_) | Value::Native(_))
        && vm.type_of(v).lookup("__index__").is_some();
    let r = if has_index {
        vm.index_int(v).and_then(|i| vm.arg_f64(&i))
    } else {
        vm.arg_f64(v)
    };
    match r {
        Ok(f) => Ok(f),
        Err(e)
            if vm.err_is(&e, &vm.ctx.types.type_error.clone())
                || vm.err_is(&e, &vm.ctx.types.overflow_error.clone()) =>
        {
            Err(error(vm, "required argument is not a float"))
        }
        Err(e) => Err(e),
    }
}

/// Checks `x` fits code `c` of `size` bytes in `mode`, with CPython's message
/// for each table; returns its two's-complement bits.
fn check_int(vm: &Vm, x: &BigInt, c: u8, size: usize, mode: Mode) -> PyResult<u64> {
    let big = mode == Mode::Big;
    // CPython first converts to a C long or unsigned long; a failure there has
    // its own message.
    let unsigned_conv = matches!(c, b'I' | b'L' | b'Q' | b'N') || (c == b'H' && big);
    let overflow = if c == b'P' || (big && matches!(c, b'q' | b'Q')) {
        "int too large to convert"
    } else {
        "argument out of range"
    };
    let converted = if c == b'P' {
        x.to_i64().map(|i| i as u64).or_else(|| x.to_u64())
    } else if unsigned_conv {
        x.to_u64()
    } else {
        x.to_i64().map(|i| i as u64)
    };
    let Some(bits) = converted else {
        return Err(error(vm, overflow));
    };
    if size == 8 {
        return Ok(bits);
    }
    let signed = c.is_ascii_lowercase();
    let (min, max): (i64, i64) = if signed {
        let m = (1i64 << (size * 8 - 1)) - 1;
        (-m - 1, m)
    } else {
        (0, (1i64 << (size * 8)) - 1)
    };
    let in_range = if unsigned_conv {
        bits <= max as u64
    } else {
        (min..=max).contains(&(bits as i64))
    };
    if in_range {
        return Ok(bits);
    }
    let name = match (c, big) {
        (b'b', _) => Some("byte"),
        (b'B', _) => Some("ubyte"),
        (b'h', false) => Some("short"),
        (b'H', false) => Some("ushort"),
        _ => None,
    };
    Err(error(
        vm,
        match name {
            Some(n) => format!("{n} format requires {min} <= number <= {max}"),
            None => format!("'{}' format requires {min} <= number <= {max}", c as char),
        },
    ))
}

/// Writes the low `size` bytes of `bits` in the mode's byte order.
fn put_int(out: &mut [u8], bits: u64, size: usize, mode: Mode) {
    let le = bits.to_le_bytes();
    let big = mode == Mode::Big || (mode == Mode::Native && cfg!(target_endian = "big"));
    for k in 0..size {
        out[if big { size - 1 - k } else { k }] = le[k];
    }
}

/// The bits of an IEEE half-precision float nearest to `x` (round half to even),
/// or `None` if it is too large.
fn half_bits(x: f64) -> Option<u16> {
    let sign = u16::from(x.is_sign_negative());
    let (e, bits): (i32, u32) = if x == 0.0 {
        (0, 0)
    } else if x.is_infinite() {
        (0x1f, 0)
    } else if x.is_nan() {
        (0x1f, 512)
    } else {
        let b = x.abs().to_bits();
        let exp = ((b >> 52) & 0x7ff) as i32;
        // a = f * 2**e with 1 <= f < 2 (a subnormal double underflows to zero)
        let e = if exp == 0 { -1100 } else { exp - 1023 };
        let f = f64::from_bits((b & ((1u64 << 52) - 1)) | (1023u64 << 52));
        if e >= 16 {
            return None;
        }
        let (mut e, f) = if e < -25 {
            (0, 0.0)
        } else if e < -14 {
            (0, f * 2f64.powi(14 + e))
        } else {
            (e + 15, f - 1.0)
        };
        let f = f * 1024.0;
        let mut bits = f as u32;
        let rest = f - bits as f64;
        if rest > 0.5 || (rest == 0.5 && bits % 2 == 1) {
            bits += 1;
            if bits == 1024 {
                bits = 0;
                e += 1;
                if e == 31 {
                    return None;
                }
            }
        }
        (e, bits)
    };
    Some((sign << 15) | ((e as u16) << 10) | bits as u16)
}

/// The value of IEEE half-precision bits.
fn half_value(h: u16) -> f64 {
    let sign = h >> 15 != 0;
    let e = ((h >> 10) & 0x1f) as i32;
    let f = (h & 0x3ff) as f64;
    let x = if e == 0x1f {
        if f == 0.0 { f64::INFINITY } else { f64::NAN }
    } else if e == 0 {
        f / 1024.0 * 2f64.powi(-14)
    } else {
        (1.0 + f / 1024.0) * 2f64.powi(e - 15)
    };
    if sign { -x } else { x }
}

/// Packs `args` by `layout` into `out` (already zeroed, `layout.size` long).
fn pack_values(vm: &mut Vm, layout: &Layout, args: &[Value], out: &mut [u8]) -> PyResult<()> {
    if args.len() != layout.nitems {
        return Err(error(
            vm,
            format!(
                "pack expected {} items for packing (got {})",
                layout.nitems,
                args.len()
            ),
        ));
    }
    let mode = layout.mode;
    let mut next = 0usize;
    for code in &layout.codes {
        let c = code.c;
        match c {
            b'x' => continue,
            b's' | b'p' => {
                let v = &args[next];
                next += 1;
                let data: Vec<u8> = match v {
                    Value::Bytes(b) => b.0.to_vec(),
                    Value::ByteArray(b) => b.0.borrow().clone(),
                    _ => {
                        return Err(error(
                            vm,
                            format!("argument for '{}' must be a bytes object", c as char),
                        ));
                    }
                };
                let field = &mut out[code.offset..code.offset + code.count];
                if c == b's' {
                    let n = data.len().min(code.count);
                    field[..n].copy_from_slice(&data[..n]);
                } else if code.count > 0 {
                    let n = data.len().min(code.count - 1);
                    field[1..1 + n].copy_from_slice(&data[..n]);
                    field[0] = n.min(255) as u8;
                }
                continue;
            }
            _ => {}
        }
        for k in 0..code.count {
            let v = &args[next];
            next += 1;
            let at = code.offset + k * code.size;
            let slot = &mut out[at..at + code.size];
            match c {
                b'?' => slot[0] = u8::from(vm.truthy(v)?),
                b'c' => match v {
                    Value::Bytes(b) if b.0.len() == 1 => slot[0] = b.0[0],
                    Value::ByteArray(b) if b.0.borrow().len() == 1 => slot[0] = b.0.borrow()[0],
                    _ => {
                        return Err(error(vm, "char format requires a bytes object of length 1"));
                    }
                },
                b'e' | b'f' | b'd' => {
                    let x = float_arg(vm, v)?;
                    let bits: u64 = match c {
                        b'd' => x.to_bits(),
                        b'f' => {
                            let y = x as f32;
                            if y.is_infinite() && x.is_finite() && mode != Mode::Native {
                                return Err(
                                    vm.overflow_error("float too large to pack with f format")
                                );
                            }
                            y.to_bits() as u64
                        }
                        _ => match half_bits(x) {
                            Some(h) => h as u64,
                            None => {
                                return Err(
                                    vm.overflow_error("float too large to pack with e format")
                                );
                            }
                        },
                    };
                    put_int(slot, bits, code.size, mode);
                }
                _ => {
                    let x = int_arg(vm, v)?;
                    let bits = check_int(vm, &x, c, code.size, mode)?;
                    put_int(slot, bits, code.size, mode);
                }
            }
        }
    }
    Ok(())
}

/// Reads the `size` bytes at `slot` as an unsigned number in the mode's order.
fn get_int(slot: &[u8], size: usize, mode: Mode) -> u64 {
    let big = mode == Mode::Big || (mode == Mode::Native && cfg!(target_endian = "big"));
    let mut bits = 0u64;
    for k in 0..size {
        let b = if big { slot[k] } else { slot[size - 1 - k] };
        bits = (bits << 8) | b as u64;
    }
    bits
}

/// Unpacks `data` (exactly `layout.size` bytes) into values.
fn unpack_values(layout: &Layout, data: &[u8]) -> Vec<Value> {
    let mode = layout.mode;
    let mut out = Vec::with_capacity(layout.nitems);
    for code in &layout.codes {
        let c = code.c;
        match c {
            b'x' => continue,
            b's' => {
                let f = &data[code.offset..code.offset + code.count];
                out.push(Value::bytes(f.to_vec()));
                continue;
            }
            b'p' => {
                let f = &data[code.offset..code.offset + code.count];
                let n = if f.is_empty() {
                    0
                } else {
                    (f[0] as usize).min(code.count - 1)
                };
                out.push(Value::bytes(if f.is_empty() {
                    vec![]
                } else {
                    f[1..1 + n].to_vec()
                }));
                continue;
            }
            _ => {}
        }
        for k in 0..code.count {
            let at = code.offset + k * code.size;
            let slot = &data[at..at + code.size];
            let bits = get_int(slot, code.size, mode);
            let v = match c {
                b'?' => Value::Bool(slot[0] != 0),
                b'c' => Value::bytes(vec![slot[0]]),
                b'd' => Value::Float(f64::from_bits(bits)),
                b'f' => Value::Float(f32::from_bits(bits as u32) as f64),
                b'e' => Value::Float(half_value(bits as u16)),
                _ if c.is_ascii_lowercase() => {
                    let shift = 64 - 8 * code.size as u32;
                    Value::Int(((bits << shift) as i64) >> shift)
                }
                _ => {
                    if bits <= i64::MAX as u64 {
                        Value::Int(bits as i64)
                    } else {
                        int_from_big(BigInt::from(bits))
                    }
                }
            };
            out.push(v);
        }
    }
    out
}

/// The bytes of a bytes-like argument.
fn buffer_bytes(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    match v {
        Value::Bytes(b) => Ok(b.0.to_vec()),
        Value::ByteArray(b) => Ok(b.0.borrow().clone()),
        other => match super::array::array_bytes(other) {
            Some(b) => Ok(b),
            None => Err(vm.type_error(format!(
                "a bytes-like object is required, not '{}'",
                vm.type_name(other)
            ))),
        },
    }
}

/// An offset into a buffer of `len` bytes (negative counts from the end).
fn buffer_offset(vm: &Vm, offset: i64, len: usize) -> PyResult<usize> {
    if offset < 0 {
        if offset.unsigned_abs() as usize > len {
            return Err(error(
                vm,
                format!("offset {offset} out of range for {len}-byte buffer"),
            ));
        }
        return Ok(len - offset.unsigned_abs() as usize);
    }
    Ok(offset as usize)
}

// ---- the functions --------------------------------------------------------------------

fn no_kwargs(vm: &Vm, args: &Args<'_>, name: &str) -> PyResult<()> {
    if args.kwnames.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("_struct.{name}() takes no keyword arguments")))
    }
}

fn do_pack(vm: &mut Vm, layout: &Layout, args: &[Value]) -> PyResult<Value> {
    let mut out = vec![0u8; layout.size];
    pack_values(vm, layout, args, &mut out)?;
    Ok(Value::bytes(out))
}

fn do_pack_into(vm: &mut Vm, layout: &Layout, args: &[Value]) -> PyResult<Value> {
    if args.len() < 2 {
        return Err(vm.type_error("pack_into expected buffer argument"));
    }
    let Value::ByteArray(buf) = &args[0] else {
        return Err(vm.type_error(format!(
            "argument must be read-write bytes-like object, not {}",
            vm.type_name(&args[0])
        )));
    };
    let offset = vm.arg_i64(&args[1], "")?;
    let len = buf.0.borrow().len();
    let at = buffer_offset(vm, offset, len)?;
    let mut out = vec![0u8; layout.size];
    pack_values(vm, layout, &args[2..], &mut out)?;
    if len - at.min(len) < layout.size {
        return Err(error(
            vm,
            format!(
                "pack_into requires a buffer of at least {} bytes for packing {} bytes at offset {} (actual buffer size is {})",
                layout.size + at,
                layout.size,
                at,
                len
            ),
        ));
    }
    buf.0.borrow_mut()[at..at + layout.size].copy_from_slice(&out);
    Ok(Value::None)
}

fn do_unpack(vm: &mut Vm, layout: &Layout, buffer: &Value) -> PyResult<Value> {
    let data = buffer_bytes(vm, buffer)?;
    if data.len() != layout.size {
        return Err(error(
            vm,
            format!("unpack requires a buffer of {} bytes", layout.size),
        ));
    }
    Ok(Value::tuple(unpack_values(layout, &data)))
}

fn do_unpack_from(vm: &mut Vm, layout: &Layout, buffer: &Value, offset: i64) -> PyResult<Value> {
    let data = buffer_bytes(vm, buffer)?;
    let at = buffer_offset(vm, offset, data.len())?;
    if data.len() - at.min(data.len()) < layout.size {
        return Err(error(
            vm,
            format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {} (actual buffer size is {})",
                layout.size + at,
                layout.size,
                at,
                data.len()
            ),
        ));
    }
    Ok(Value::tuple(unpack_values(
        layout,
        &data[at..at + layout.size],
    )))
}

fn do_iter_unpack(vm: &mut Vm, layout: Rc<Layout>, buffer: &Value) -> PyResult<Value> {
    if layout.size == 0 {
        return Err(error(
            vm,
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    let data = buffer_bytes(vm, buffer)?;
    if data.len() % layout.size != 0 {
        return Err(error(
            vm,
            format!(
                "iterative unpacking requires a buffer of a multiple of {} bytes",
                layout.size
            ),
        ));
    }
    let cls = registered_class(vm, "_struct.unpack_iterator");
    Ok(new_native(
        cls,
        RefCell::new(UnpackIter {
            layout,
            data,
            pos: 0,
        }),
    ))
}

/// (format, rest) of a module-level function's arguments.
fn split_format<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(&'a Value, &'a [Value])> {
    no_kwargs(vm, args, name)?;
    match args.all.split_first() {
        Some((f, rest)) => Ok((f, rest)),
        None => Err(vm.type_error("missing format argument")),
    }
}

fn pack(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (fmt, rest) = split_format(vm, &args, "pack")?;
    let layout = layout_of(vm, fmt)?;
    do_pack(vm, &layout, rest)
}

fn pack_into(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (fmt, rest) = split_format(vm, &args, "pack_into")?;
    let layout = layout_of(vm, fmt)?;
    do_pack_into(vm, &layout, rest)
}

fn unpack(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    no_kwargs(vm, &args, "unpack")?;
    if args.all.len() != 2 {
        return Err(vm.type_error(format!(
            "unpack expected 2 arguments, got {}",
            args.all.len()
        )));
    }
    let layout = layout_of(vm, &args.all[0])?;
    do_unpack(vm, &layout, &args.all[1])
}

/// The `buffer` and `offset=0` arguments of `unpack_from` after `skip` others.
fn buffer_and_offset(
    vm: &mut Vm,
    args: &Args<'_>,
    skip: usize,
    name: &str,
) -> PyResult<(Value, i64)> {
    let pos = &args.pos()[skip..];
    let mut buffer = pos.first().cloned();
    let mut offset = pos.get(1).cloned();
    if pos.len() > 2 {
        return Err(vm.type_error(format!(
            "{name}() takes at most {} arguments ({} given)",
            2 + skip,
            pos.len() + skip
        )));
    }
    for (k, v) in args.kw() {
        match k {
            "buffer" if buffer.is_none() => buffer = Some(v.clone()),
            "offset" if offset.is_none() => offset = Some(v.clone()),
            _ => {
                return Err(
                    vm.type_error(format!("'{k}' is an invalid keyword argument for {name}()"))
                );
            }
        }
    }
    let Some(buffer) = buffer else {
        return Err(vm.type_error(format!(
            "{name}() missing required argument 'buffer' (pos {})",
            1 + skip
        )));
    };
    let offset = match offset {
        Some(o) => vm.arg_i64(&o, "")?,
        None => 0,
    };
    Ok((buffer, offset))
}

fn unpack_from(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(fmt) = args.pos().first() else {
        return Err(vm.type_error("unpack_from() missing required argument 'format' (pos 1)"));
    };
    let layout = layout_of(vm, fmt)?;
    let (buffer, offset) = buffer_and_offset(vm, &args, 1, "unpack_from")?;
    do_unpack_from(vm, &layout, &buffer, offset)
}

fn iter_unpack(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    no_kwargs(vm, &args, "iter_unpack")?;
    if args.all.len() != 2 {
        return Err(vm.type_error(format!(
            "iter_unpack expected 2 arguments, got {}",
            args.all.len()
        )));
    }
    let layout = layout_of(vm, &args.all[0])?;
    do_iter_unpack(vm, layout, &args.all[1])
}

fn calcsize(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "calcsize", 1, 1)?;
    let layout = layout_of(vm, &a[0])?;
    Ok(Value::Int(layout.size as i64))
}

fn clearcache(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.check(vm, "_clearcache", 0, 0)?;
    Ok(Value::None)
}

// ---- Struct -------------------------------------------------------------------------------

fn struct_obj(v: &Value) -> Option<&StructObj> {
    match v {
        Value::Native(n) => n.get::<StructObj>(),
        _ => None,
    }
}

fn this<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a StructObj> {
    match args.all.first().and_then(struct_obj) {
        Some(s) => Ok(s),
        None => Err(vm.type_error("descriptor requires a '_struct.Struct' object")),
    }
}

fn struct_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = &args.pos()[1..];
    let fmt = match (pos.first(), args.kwarg("format")) {
        (Some(f), None) if pos.len() == 1 => f.clone(),
        (None, Some(f)) => f.clone(),
        _ => {
            return Err(vm.type_error(format!(
                "Struct() takes exactly 1 argument ({} given)",
                pos.len() + args.kwnames.len()
            )));
        }
    };
    let bytes = format_bytes(vm, &fmt)?;
    let layout = Rc::new(compile(vm, &bytes)?);
    let format = Value::string(String::from_utf8_lossy(&bytes).into_owned());
    let cls: Rc<PyType> = match &args.all[0] {
        Value::Type(t) => t.clone(),
        _ => registered_class(vm, "_struct.Struct"),
    };
    Ok(new_native(cls, StructObj { format, layout }))
}

fn struct_format(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(this(vm, &args)?.format.clone())
}

fn struct_size(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(this(vm, &args)?.layout.size as i64))
}

fn struct_sizeof(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &args)?;
    Ok(Value::Int(
        (64 + s.layout.codes.len() * std::mem::size_of::<Code>()) as i64,
    ))
}

fn struct_pack(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    no_kwargs(vm, &args, "Struct.pack")?;
    let layout = this(vm, &args)?.layout.clone();
    do_pack(vm, &layout, &args.all[1..])
}

fn struct_pack_into(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    no_kwargs(vm, &args, "Struct.pack_into")?;
    let layout = this(vm, &args)?.layout.clone();
    do_pack_into(vm, &layout, &args.all[1..])
}

fn struct_unpack(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "Struct.unpack", 2, 2)?;
    let layout = this(vm, &args)?.layout.clone();
    do_unpack(vm, &layout, &a[1])
}

fn struct_unpack_from(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let layout = this(vm, &args)?.layout.clone();
    let (buffer, offset) = buffer_and_offset(vm, &args, 1, "unpack_from")?;
    do_unpack_from(vm, &layout, &buffer, offset)
}

fn struct_iter_unpack(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "Struct.iter_unpack", 2, 2)?;
    let layout = this(vm, &args)?.layout.clone();
    do_iter_unpack(vm, layout, &a[1])
}

// ---- unpack_iterator ------------------------------------------------------------------

fn iter_state<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a RefCell<UnpackIter>> {
    match v {
        Value::Native(n) => n
            .get::<RefCell<UnpackIter>>()
            .ok_or_else(|| vm.type_error("expected an unpack_iterator")),
        _ => Err(vm.type_error("expected an unpack_iterator")),
    }
}

fn iter_self(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(args.all[0].clone())
}

fn iter_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let st = iter_state(vm, &args.all[0])?;
    let mut st = st.borrow_mut();
    let size = st.layout.size;
    if st.pos + size > st.data.len() {
        return Err(vm.stop_iteration(Value::None));
    }
    let at = st.pos;
    st.pos += size;
    let values = unpack_values(&st.layout, &st.data[at..at + size]);
    Ok(Value::tuple(values))
}

fn iter_length_hint(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let st = iter_state(vm, &args.all[0])?.borrow();
    let left = st.data.len().saturating_sub(st.pos) / st.layout.size.max(1);
    Ok(Value::Int(left as i64))
}

#[cfg(test)]
mod tests {
    use super::{half_bits, half_value};

    #[test]
    fn half_round_trip() {
        for (x, bits) in [
            (1.5, 0x3e00u16),
            (65504.0, 0x7bff),
            (-2.0, 0xc000),
            (0.0, 0),
        ] {
            assert_eq!(half_bits(x), Some(bits));
            assert_eq!(half_value(bits), x);
        }
        assert_eq!(half_bits(65520.0), None);
        assert_eq!(half_value(0x0001), 5.960464477539063e-08);
    }
}
