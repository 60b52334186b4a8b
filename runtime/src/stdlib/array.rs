//! The `array` module: `array.array`, a compact sequence of machine values of one
//! type code (`bBuhHiIlLqQfd`), stored as raw native-endian bytes and converted on
//! access with CPython's range checks and messages.

use crate::object::BoolWord;
use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::bytecode::CmpOp;
use crate::object::{Int, Module, PyType, Value, int_from_big};
use crate::vm::{Args, PyResult, Vm};

use super::modsupport::{module_class, new_native, register_class, registered_class};
use super::{add_methods, func, new_module};

const TYPECODES: &str = "bBuhHiIlLqQfd";

/// An array's contents.
pub(crate) struct ArrayData {
    code: u8,
    /// The items, `itemsize` bytes each, native endian.
    bytes: Vec<u8>,
}

type Array = RefCell<ArrayData>;

struct ArrayIter {
    array: Value,
    index: usize,
}

/// Bytes per item of a type code.
fn itemsize(code: u8) -> usize {
    match code {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' | b'u' => 4,
        _ => 8,
    }
}

impl ArrayData {
    fn len(&self) -> usize {
        self.bytes.len() / itemsize(self.code)
    }

    /// Item `i` as a Python value.
    fn get(&self, i: usize) -> Value {
        let n = itemsize(self.code);
        let b = &self.bytes[i * n..(i + 1) * n];
        let mut raw = [0u8; 8];
        raw[..n].copy_from_slice(b);
        match self.code {
            b'b' => Value::Int(b[0] as i8 as i64),
            b'B' => Value::Int(b[0] as i64),
            b'h' => Value::Int(i16::from_ne_bytes([b[0], b[1]]) as i64),
            b'H' => Value::Int(u16::from_ne_bytes([b[0], b[1]]) as i64),
            b'i' => Value::Int(i32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i64),
            b'I' => Value::Int(u32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i64),
            b'f' => Value::Float(f32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as f64),
            b'u' => {
                let c = u32::from_ne_bytes([b[0], b[1], b[2], b[3]]);
                Value::string(char::from_u32(c).unwrap_or('\u{fffd}').to_string())
            }
            b'l' | b'q' => Value::Int(i64::from_ne_bytes(raw)),
            b'L' | b'Q' => {
                let u = u64::from_ne_bytes(raw);
                match i64::try_from(u) {
                    Ok(i) => Value::Int(i),
                    Err(_) => int_from_big(BigInt::from(u)),
                }
            }
            _ => Value::Float(f64::from_ne_bytes(raw)),
        }
    }
}

/// Creates `array`.
pub fn init(vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = new_module("array");
    let cls = module_class(vm, "array", "array");
    add_methods(
        &cls,
        &[
            ("append", append),
            ("extend", extend),
            ("insert", insert),
            ("pop", pop),
            ("remove", remove),
            ("index", index),
            ("count", count),
            ("reverse", reverse),
            ("tobytes", tobytes),
            ("frombytes", frombytes),
            ("tolist", tolist),
            ("fromlist", fromlist),
            ("tounicode", tounicode),
            ("fromunicode", fromunicode),
            ("byteswap", byteswap),
            ("buffer_info", buffer_info),
            ("__len__", len),
            ("__getitem__", getitem),
            ("__setitem__", setitem),
            ("__delitem__", delitem),
            ("__iter__", iter),
            ("__contains__", contains),
            ("__repr__", repr),
            ("__add__", add),
            ("__iadd__", iadd),
            ("__mul__", mul),
            ("__rmul__", mul),
            ("__imul__", imul),
            ("__eq__", eq),
            ("__ne__", ne),
            ("__lt__", lt),
            ("__le__", le),
            ("__gt__", gt),
            ("__ge__", ge),
            ("__copy__", copy),
            ("__deepcopy__", copy),
            ("__reduce_ex__", reduce_ex),
            ("__class_getitem__", class_getitem),
        ],
    );
    cls.dict.set_str("__new__", func("__new__", array_new));
    cls.dict.set_str("__hash__", Value::None);
    for (name, getter) in [
        ("typecode", typecode as crate::object::BuiltinFn),
        ("itemsize", itemsize_attr),
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
    register_class(vm, "array.array", &cls);
    m.dict.set_str("array", Value::Type(cls.clone()));
    m.dict.set_str("ArrayType", Value::Type(cls));
    m.dict.set_str("typecodes", Value::str(TYPECODES));
    let it = module_class(vm, "arrayiterator", "array");
    add_methods(&it, &[("__iter__", iter_self), ("__next__", iter_next)]);
    register_class(vm, "array.arrayiterator", &it);
    Ok(m)
}

/// The raw bytes of an array (for `struct` and other bytes-like consumers).
pub(crate) fn array_bytes(v: &Value) -> Option<Vec<u8>> {
    match v {
        Value::Native(n) => n.get::<Array>().map(|a| a.borrow().bytes.clone()),
        _ => None,
    }
}

fn state<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Array> {
    if let Value::Native(n) = v
        && let Some(a) = n.get::<Array>()
    {
        return Ok(a);
    }
    Err(vm.type_error(format!(
        "descriptor requires a 'array.array' object but received a '{}'",
        vm.type_name(v)
    )))
}

fn is_array(v: &Value) -> bool {
    matches!(v, Value::Native(n) if n.get::<Array>().is_some())
}

fn new_array(vm: &Vm, cls: Option<Rc<PyType>>, code: u8, bytes: Vec<u8>) -> Value {
    let cls = cls.unwrap_or_else(|| registered_class(vm, "array.array"));
    new_native(cls, RefCell::new(ArrayData { code, bytes }))
}

/// The class of `v` (so results of operations keep a subclass... as CPython does
/// not: they are plain arrays).
fn plain(vm: &Vm, code: u8, bytes: Vec<u8>) -> Value {
    new_array(vm, None, code, bytes)
}

// ---- converting values --------------------------------------------------------------

/// An int argument for an integer array (`__index__` honoured).
fn int_value(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(i) = Int::of(v) {
        return Ok(i.to_big());
    }
    vm.arg_bigint(v)
}

/// `v` encoded for type code `code`, appended to `out`, with CPython's checks.
fn encode(vm: &mut Vm, code: u8, v: &Value, out: &mut Vec<u8>) -> PyResult<()> {
    match code {
        b'f' | b'd' => {
            let x = vm.arg_f64(v)?;
            if code == b'f' {
                out.extend_from_slice(&(x as f32).to_ne_bytes());
            } else {
                out.extend_from_slice(&x.to_ne_bytes());
            }
            return Ok(());
        }
        b'u' => {
            let c = match v {
                Value::Str(s) => {
                    let mut it = s.as_str().chars();
                    match (it.next(), it.next()) {
                        (Some(c), None) => Some(c),
                        _ => None,
                    }
                }
                _ => None,
            };
            let Some(c) = c else {
                return Err(vm.type_error("array item must be unicode character"));
            };
            out.extend_from_slice(&(c as u32).to_ne_bytes());
            return Ok(());
        }
        _ => {}
    }
    let x = int_value(vm, v)?;
    let range = |vm: &Vm, ok: bool, low: bool, what: &str| -> PyResult<()> {
        if ok {
            Ok(())
        } else if low {
            Err(vm.overflow_error(format!("{what} is less than minimum")))
        } else {
            Err(vm.overflow_error(format!("{what} is greater than maximum")))
        }
    };
    let neg = x.is_negative();
    match code {
        b'b' | b'B' | b'h' | b'H' | b'i' | b'l' => {
            let Some(l) = x.to_i64() else {
                return Err(vm.overflow_error("Python int too large to convert to C long"));
            };
            match code {
                b'b' => {
                    range(
                        vm,
                        (-32768..=32767).contains(&l),
                        l < 0,
                        "signed short integer",
                    )?;
                    range(vm, (-128..=127).contains(&l), l < 0, "signed char")?;
                    out.push(l as i8 as u8);
                }
                b'B' => {
                    range(vm, (0..=255).contains(&l), l < 0, "unsigned byte integer")?;
                    out.push(l as u8);
                }
                b'h' => {
                    range(
                        vm,
                        (-32768..=32767).contains(&l),
                        l < 0,
                        "signed short integer",
                    )?;
                    out.extend_from_slice(&(l as i16).to_ne_bytes());
                }
                b'H' => {
                    let int = i32::MIN as i64..=i32::MAX as i64;
                    range(vm, int.contains(&l), l < 0, "signed integer")?;
                    range(vm, (0..=65535).contains(&l), l < 0, "unsigned short")?;
                    out.extend_from_slice(&(l as u16).to_ne_bytes());
                }
                b'i' => {
                    let int = i32::MIN as i64..=i32::MAX as i64;
                    range(vm, int.contains(&l), l < 0, "signed integer")?;
                    out.extend_from_slice(&(l as i32).to_ne_bytes());
                }
                _ => out.extend_from_slice(&l.to_ne_bytes()),
            }
        }
        b'I' | b'L' => {
            if neg {
                return Err(vm.overflow_error("can't convert negative value to unsigned int"));
            }
            let Some(u) = x.to_u64() else {
                return Err(vm.overflow_error("Python int too large to convert to C unsigned long"));
            };
            if code == b'I' {
                range(vm, u <= u32::MAX as u64, false, "unsigned int")?;
                out.extend_from_slice(&(u as u32).to_ne_bytes());
            } else {
                out.extend_from_slice(&u.to_ne_bytes());
            }
        }
        b'q' => match x.to_i64() {
            Some(l) => out.extend_from_slice(&l.to_ne_bytes()),
            None => return Err(vm.overflow_error("int too big to convert")),
        },
        _ => {
            if neg {
                return Err(vm.overflow_error("can't convert negative int to unsigned"));
            }
            match x.to_u64() {
                Some(u) => out.extend_from_slice(&u.to_ne_bytes()),
                None => return Err(vm.overflow_error("int too big to convert")),
            }
        }
    }
    Ok(())
}

/// The encoded bytes of all items of `iterable` for `code`.
fn encode_all(vm: &mut Vm, code: u8, iterable: &Value) -> PyResult<Vec<u8>> {
    let it = vm.get_iter(iterable)?;
    let mut out = Vec::new();
    while let Some(v) = vm.next(&it)? {
        encode(vm, code, &v, &mut out)?;
    }
    Ok(out)
}

// ---- construction ---------------------------------------------------------------------

fn array_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error("array.array() takes no keyword arguments"));
    }
    let pos = &args.all[1..];
    if pos.is_empty() || pos.len() > 2 {
        return Err(vm.type_error(format!(
            "array() takes at {} {} argument{} ({} given)",
            if pos.is_empty() { "least" } else { "most" },
            if pos.is_empty() { 1 } else { 2 },
            if pos.is_empty() { "" } else { "s" },
            pos.len()
        )));
    }
    let code = match &pos[0] {
        Value::Str(s) if s.as_str().chars().count() == 1 => {
            s.as_str().chars().next().unwrap_or(' ')
        }
        other => {
            return Err(vm.type_error(format!(
                "array() argument 1 must be a unicode character, not {}",
                vm.type_name(other)
            )));
        }
    };
    if !code.is_ascii() || !TYPECODES.contains(code) {
        return Err(
            vm.value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        );
    }
    let code = code as u8;
    let cls = match &args.all[0] {
        Value::Type(t) => Some(t.clone()),
        _ => None,
    };
    let bytes = match pos.get(1) {
        None => Vec::new(),
        Some(Value::Str(s)) => {
            if code != b'u' {
                return Err(vm.type_error(format!(
                    "cannot use a str to initialize an array with typecode '{}'",
                    code as char
                )));
            }
            s.as_str()
                .chars()
                .flat_map(|c| (c as u32).to_ne_bytes())
                .collect()
        }
        Some(Value::Bytes(b)) => from_bytes_checked(vm, code, &b.0)?,
        Some(Value::ByteArray(b)) => {
            let data = b.0.borrow().clone();
            from_bytes_checked(vm, code, &data)?
        }
        Some(init) => {
            if let Ok(other) = state(vm, init) {
                let o = other.borrow();
                if o.code == b'u' && code != b'u' && o.len() > 0 {
                    return Err(vm.type_error(format!(
                        "cannot use a unicode array to initialize an array with typecode '{}'",
                        code as char
                    )));
                }
                if o.code == code {
                    o.bytes.clone()
                } else {
                    let items: Vec<Value> = (0..o.len()).map(|i| o.get(i)).collect();
                    drop(o);
                    let mut out = Vec::new();
                    for v in &items {
                        encode(vm, code, v, &mut out)?;
                    }
                    out
                }
            } else {
                let init = init.clone();
                encode_all(vm, code, &init)?
            }
        }
    };
    Ok(new_array(vm, cls, code, bytes))
}

fn from_bytes_checked(vm: &Vm, code: u8, data: &[u8]) -> PyResult<Vec<u8>> {
    if !data.len().is_multiple_of(itemsize(code)) {
        return Err(vm.value_error("bytes length not a multiple of item size"));
    }
    Ok(data.to_vec())
}

fn class_getitem(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(args.all[0].clone())
}

fn typecode(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = state(vm, &args.all[0])?;
    Ok(Value::string((a.borrow().code as char).to_string()))
}

fn itemsize_attr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = state(vm, &args.all[0])?;
    Ok(Value::Int(itemsize(a.borrow().code) as i64))
}

// ---- methods ------------------------------------------------------------------------------

fn append(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "array.append", 2, 2)?;
    let arr = state(vm, &a[0])?;
    let code = arr.borrow().code;
    let mut out = Vec::new();
    encode(vm, code, &a[1], &mut out)?;
    arr.borrow_mut().bytes.extend_from_slice(&out);
    Ok(Value::None)
}

/// The bytes to add for `extend(other)` / `+=`.
fn extension(vm: &mut Vm, code: u8, other: &Value) -> PyResult<Vec<u8>> {
    if let Ok(o) = state(vm, other) {
        let o = o.borrow();
        if o.code != code {
            return Err(vm.type_error("can only extend with array of same kind"));
        }
        return Ok(o.bytes.clone());
    }
    encode_all(vm, code, other)
}

fn extend(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "array.extend", 2, 2)?;
    let arr = state(vm, &a[0])?;
    let code = arr.borrow().code;
    let add = extension(vm, code, &a[1])?;
    arr.borrow_mut().bytes.extend_from_slice(&add);
    Ok(Value::None)
}

fn insert(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "array.insert", 3, 3)?;
    let arr = state(vm, &a[0])?;
    let i = vm.arg_i64(&a[1], "")?;
    let code = arr.borrow().code;
    let mut out = Vec::new();
    encode(vm, code, &a[2], &mut out)?;
    let mut d = arr.borrow_mut();
    let n = d.len() as i64;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    let at = i * itemsize(code);
    d.bytes.splice(at..at, out);
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "array.pop", 1, 2)?;
    let arr = state(vm, &a[0])?;
    let i = match a.get(1) {
        Some(v) => vm.arg_i64(v, "")?,
        None => -1,
    };
    let mut d = arr.borrow_mut();
    let n = d.len() as i64;
    if n == 0 {
        return Err(vm.index_error("pop from empty array"));
    }
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("pop index out of range"));
    }
    let v = d.get(j as usize);
    let size = itemsize(d.code);
    let at = j as usize * size;
    d.bytes.drain(at..at + size);
    Ok(v)
}

/// The position of the first item equal to `x` in `start..stop`.
fn find(vm: &mut Vm, arr: &Array, x: &Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let mut i = start;
    loop {
        let item = {
            let d = arr.borrow();
            if i >= stop.min(d.len()) {
                return Ok(None);
            }
            d.get(i)
        };
        if vm.eq(&item, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
}

fn remove(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "array.remove", 2, 2)?;
    let arr = state(vm, &a[0])?;
    match find(vm, arr, &a[1], 0, usize::MAX)? {
        Some(i) => {
            let mut d = arr.borrow_mut();
            let size = itemsize(d.code);
            d.bytes.drain(i * size..(i + 1) * size);
            Ok(Value::None)
        }
        None => Err(vm.value_error("array.remove(x): x not in array")),
    }
}

/// A start/stop bound of `index` clamped to `0..=len`.
fn bound(vm: &mut Vm, v: Option<&Value>, len: usize, default: usize) -> PyResult<usize> {
    let Some(v) = v else {
        return Ok(default);
    };
    let i = match vm.arg_bigint(v)?.to_i64() {
        Some(i) => i,
        None => {
            if vm.arg_bigint(v)?.is_negative() {
                i64::MIN
            } else {
                i64::MAX
            }
        }
    };
    let n = len as i64;
    Ok(if i < 0 { (i + n).max(0) } else { i.min(n) } as usize)
}

fn index(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "array.index", 2, 4)?;
    let arr = state(vm, &a[0])?;
    let n = arr.borrow().len();
    let start = bound(vm, a.get(2), n, 0)?;
    let stop = bound(vm, a.get(3), n, n)?;
    match find(vm, arr, &a[1], start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.value_error("array.index(x): x not in array")),
    }
}

fn count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "array.count", 2, 2)?;
    let arr = state(vm, &a[0])?;
    let mut n = 0;
    let mut i = 0;
    while let Some(j) = find(vm, arr, &a[1], i, usize::MAX)? {
        n += 1;
        i = j + 1;
    }
    Ok(Value::Int(n))
}

fn contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "array.__contains__", 2, 2)?;
    let arr = state(vm, &a[0])?;
    Ok(Value::Bool(find(vm, arr, &a[1], 0, usize::MAX)?.is_some()))
}

fn reverse(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "array.reverse", 1, 1)?;
    let arr = state(vm, &a[0])?;
    let mut d = arr.borrow_mut();
    let size = itemsize(d.code);
    let rev: Vec<u8> = d.bytes.chunks(size).rev().flatten().copied().collect();
    d.bytes = rev;
    Ok(Value::None)
}

fn tobytes(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "array.tobytes", 1, 1)?;
    let arr = state(vm, &a[0])?;
    Ok(Value::bytes(arr.borrow().bytes.clone()))
}

fn frombytes(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "array.frombytes", 2, 2)?;
    let arr = state(vm, &a[0])?;
    let data = match &a[1] {
        Value::Bytes(b) => b.0.to_vec(),
        Value::ByteArray(b) => b.0.borrow().clone(),
        other => match array_bytes(other) {
            Some(b) => b,
            None => {
                return Err(vm.type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    vm.type_name(other)
                )));
            }
        },
    };
    let code = arr.borrow().code;
    let data = from_bytes_checked(vm, code, &data)?;
    arr.borrow_mut().bytes.extend_from_slice(&data);
    Ok(Value::None)
}

fn items_of(arr: &Array) -> Vec<Value> {
    let d = arr.borrow();
    (0..d.len()).map(|i| d.get(i)).collect()
}

fn tolist(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "array.tolist", 1, 1)?;
    let arr = state(vm, &a[0])?;
    Ok(Value::list(items_of(arr)))
}

fn fromlist(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "array.fromlist", 2, 2)?;
    let arr = state(vm, &a[0])?;
    let Value::List(l) = &a[1] else {
        return Err(vm.type_error("arg must be list"));
    };
    let items = l.0.borrow().clone();
    let code = arr.borrow().code;
    let mut out = Vec::new();
    for v in &items {
        encode(vm, code, v, &mut out)?;
    }
    arr.borrow_mut().bytes.extend_from_slice(&out);
    Ok(Value::None)
}

fn tounicode(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "array.tounicode", 1, 1)?;
    let arr = state(vm, &a[0])?;
    let d = arr.borrow();
    if d.code != b'u' {
        return Err(vm.value_error("tounicode() may only be called on unicode type arrays"));
    }
    let s: String = d
        .bytes
        .chunks(4)
        .map(|c| char::from_u32(u32::from_ne_bytes([c[0], c[1], c[2], c[3]])).unwrap_or('\u{fffd}'))
        .collect();
    Ok(Value::string(s))
}

fn fromunicode(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "array.fromunicode", 2, 2)?;
    let arr = state(vm, &a[0])?;
    let Value::Str(s) = &a[1] else {
        return Err(vm.type_error(format!(
            "fromunicode() argument must be str, not {}",
            vm.type_name(&a[1])
        )));
    };
    if arr.borrow().code != b'u' {
        return Err(vm.value_error("fromunicode() may only be called on unicode type arrays"));
    }
    let add: Vec<u8> = s
        .as_str()
        .chars()
        .flat_map(|c| (c as u32).to_ne_bytes())
        .collect();
    arr.borrow_mut().bytes.extend_from_slice(&add);
    Ok(Value::None)
}

fn byteswap(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "array.byteswap", 1, 1)?;
    let arr = state(vm, &a[0])?;
    let mut d = arr.borrow_mut();
    let size = itemsize(d.code);
    for chunk in d.bytes.chunks_mut(size) {
        chunk.reverse();
    }
    Ok(Value::None)
}

fn buffer_info(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "array.buffer_info", 1, 1)?;
    let arr = state(vm, &a[0])?;
    let d = arr.borrow();
    let addr = d.bytes.as_ptr() as usize as i64;
    Ok(Value::tuple_of([
        Value::Int(addr),
        Value::Int(d.len() as i64),
    ]))
}

fn len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "array.__len__", 1, 1)?;
    Ok(Value::Int(state(vm, &a[0])?.borrow().len() as i64))
}

/// An index argument resolved against `n` items (`None` if out of range).
fn position(vm: &mut Vm, key: &Value, n: usize) -> PyResult<Option<usize>> {
    let i = match key {
        Value::Int(i) => *i,
        Value::BoolW(b) => b.get() as i64,
        _ => match vm.index_value(key)? {
            Some(i) => i,
            None => return Err(vm.type_error("array indices must be integers")),
        },
    };
    let j = if i < 0 { i + n as i64 } else { i };
    Ok((0..n as i64).contains(&j).then_some(j as usize))
}

fn getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "array.__getitem__", 2, 2)?;
    let arr = state(vm, &a[0])?;
    if let Value::Slice(s) = &a[1] {
        let n = arr.borrow().len();
        let pos = vm.slice_positions(s, n)?;
        let d = arr.borrow();
        let size = itemsize(d.code);
        let mut out = Vec::with_capacity(pos.len() * size);
        for i in pos {
            out.extend_from_slice(&d.bytes[i * size..(i + 1) * size]);
        }
        let code = d.code;
        drop(d);
        return Ok(plain(vm, code, out));
    }
    let n = arr.borrow().len();
    match position(vm, &a[1], n)? {
        Some(i) => Ok(arr.borrow().get(i)),
        None => Err(vm.index_error("array index out of range")),
    }
}

fn setitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "array.__setitem__", 3, 3)?;
    let arr = state(vm, &a[0])?;
    let code = arr.borrow().code;
    let size = itemsize(code);
    if let Value::Slice(s) = &a[1] {
        let Ok(src) = state(vm, &a[2]) else {
            return Err(vm.type_error(format!(
                "can only assign array (not \"{}\") to array slice",
                vm.type_name(&a[2])
            )));
        };
        let src = src.borrow();
        if src.code != code {
            return Err(vm.type_error("bad argument type for built-in operation"));
        }
        let data = src.bytes.clone();
        drop(src);
        let n = arr.borrow().len();
        let (start, stop, step) = vm.slice_indices(s, n)?;
        if step == 1 {
            let stop = stop.max(start);
            let mut d = arr.borrow_mut();
            d.bytes
                .splice(start as usize * size..stop as usize * size, data);
            return Ok(Value::None);
        }
        let pos = vm.slice_positions(s, n)?;
        if pos.len() * size != data.len() {
            return Err(vm.value_error(format!(
                "attempt to assign array of size {} to extended slice of size {}",
                data.len() / size,
                pos.len()
            )));
        }
        let mut d = arr.borrow_mut();
        for (k, i) in pos.into_iter().enumerate() {
            d.bytes[i * size..(i + 1) * size].copy_from_slice(&data[k * size..(k + 1) * size]);
        }
        return Ok(Value::None);
    }
    let n = arr.borrow().len();
    let Some(i) = position(vm, &a[1], n)? else {
        return Err(vm.index_error("array assignment index out of range"));
    };
    let mut out = Vec::new();
    encode(vm, code, &a[2], &mut out)?;
    let mut d = arr.borrow_mut();
    if (i + 1) * size <= d.bytes.len() {
        d.bytes[i * size..(i + 1) * size].copy_from_slice(&out);
    }
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "array.__delitem__", 2, 2)?;
    let arr = state(vm, &a[0])?;
    let n = arr.borrow().len();
    let size = itemsize(arr.borrow().code);
    if let Value::Slice(s) = &a[1] {
        let mut pos = vm.slice_positions(s, n)?;
        pos.sort_unstable();
        let mut d = arr.borrow_mut();
        for i in pos.into_iter().rev() {
            d.bytes.drain(i * size..(i + 1) * size);
        }
        return Ok(Value::None);
    }
    let Some(i) = position(vm, &a[1], n)? else {
        return Err(vm.index_error("array assignment index out of range"));
    };
    arr.borrow_mut().bytes.drain(i * size..(i + 1) * size);
    Ok(Value::None)
}

fn iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "array.__iter__", 1, 1)?;
    state(vm, &a[0])?;
    let cls = registered_class(vm, "array.arrayiterator");
    Ok(new_native(
        cls,
        RefCell::new(ArrayIter {
            array: a[0].clone(),
            index: 0,
        }),
    ))
}

fn iter_self(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(args.all[0].clone())
}

fn iter_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Value::Native(n) = &args.all[0] else {
        return Err(vm.type_error("expected an array iterator"));
    };
    let Some(it) = n.get::<RefCell<ArrayIter>>() else {
        return Err(vm.type_error("expected an array iterator"));
    };
    let mut it = it.borrow_mut();
    let array = it.array.clone();
    let arr = state(vm, &array)?;
    let d = arr.borrow();
    if it.index >= d.len() {
        it.index = usize::MAX / 2;
        return Err(vm.stop_iteration(Value::None));
    }
    let v = d.get(it.index);
    it.index += 1;
    Ok(v)
}

fn repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "array.__repr__", 1, 1)?;
    let arr = state(vm, &a[0])?;
    let (code, n) = {
        let d = arr.borrow();
        (d.code, d.len())
    };
    let name = vm.type_of(&a[0]).name().to_owned();
    if n == 0 {
        return Ok(Value::string(format!("{name}('{}')", code as char)));
    }
    let body = if code == b'u' {
        let s = tounicode(vm, Args::new(&a[..1]))?;
        vm.repr(&s)?
    } else {
        vm.repr(&Value::list(items_of(arr)))?
    };
    Ok(Value::string(format!("{name}('{}', {body})", code as char)))
}

fn add(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "array.__add__", 2, 2)?;
    let arr = state(vm, &a[0])?;
    let Ok(other) = state(vm, &a[1]) else {
        return Err(vm.type_error(format!(
            "can only append array (not \"{}\") to array",
            vm.type_name(&a[1])
        )));
    };
    let (d, o) = (arr.borrow(), other.borrow());
    if d.code != o.code {
        return Err(vm.type_error("bad argument type for built-in operation"));
    }
    let mut bytes = d.bytes.clone();
    bytes.extend_from_slice(&o.bytes);
    let code = d.code;
    drop((d, o));
    Ok(plain(vm, code, bytes))
}

fn iadd(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "array.__iadd__", 2, 2)?;
    let arr = state(vm, &a[0])?;
    if !is_array(&a[1]) {
        return Err(vm.type_error(format!(
            "can only extend array with array (not \"{}\")",
            vm.type_name(&a[1])
        )));
    }
    let code = arr.borrow().code;
    let add = extension(vm, code, &a[1])?;
    arr.borrow_mut().bytes.extend_from_slice(&add);
    Ok(a[0].clone())
}

fn repeat_count(vm: &mut Vm, v: &Value) -> PyResult<Option<usize>> {
    match vm.index_value(v)? {
        Some(n) => Ok(Some(n.max(0) as usize)),
        None => Ok(None),
    }
}

fn mul(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "array.__mul__", 2, 2)?;
    let arr = state(vm, &a[0])?;
    let Some(n) = repeat_count(vm, &a[1])? else {
        return Ok(Value::NotImplemented);
    };
    let d = arr.borrow();
    vm.check_room(d.bytes.len().checked_mul(n))?;
    let bytes = d.bytes.repeat(n);
    let code = d.code;
    drop(d);
    Ok(plain(vm, code, bytes))
}

fn imul(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "array.__imul__", 2, 2)?;
    let arr = state(vm, &a[0])?;
    let Some(n) = repeat_count(vm, &a[1])? else {
        return Ok(Value::NotImplemented);
    };
    let mut d = arr.borrow_mut();
    vm.check_room(d.bytes.len().checked_mul(n))?;
    d.bytes = d.bytes.repeat(n);
    Ok(a[0].clone())
}

/// Rich comparison of two arrays item by item, as sequences compare.
fn compare(vm: &mut Vm, args: Args<'_>, op: CmpOp) -> PyResult<Value> {
    let a = args.check_method(vm, "array.__eq__", 2, 2)?;
    let arr = state(vm, &a[0])?;
    let Ok(other) = state(vm, &a[1]) else {
        return Ok(Value::NotImplemented);
    };
    let (x, y) = (items_of(arr), items_of(other));
    if matches!(op, CmpOp::Eq | CmpOp::Ne) && x.len() != y.len() {
        return Ok(Value::Bool(op == CmpOp::Ne));
    }
    for (p, q) in x.iter().zip(&y) {
        if !vm.eq(p, q)? {
            return match op {
                CmpOp::Eq => Ok(Value::BoolW(BoolWord::FALSE)),
                CmpOp::Ne => Ok(Value::BoolW(BoolWord::TRUE)),
                _ => vm.compare(op, p, q),
            };
        }
    }
    let (n, m) = (x.len(), y.len());
    Ok(Value::Bool(match op {
        CmpOp::Eq => true,
        CmpOp::Ne => false,
        CmpOp::Lt => n < m,
        CmpOp::Le => n <= m,
        CmpOp::Gt => n > m,
        CmpOp::Ge => n >= m,
    }))
}

fn eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, CmpOp::Eq)
}

fn ne(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, CmpOp::Ne)
}

fn lt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, CmpOp::Lt)
}

fn le(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, CmpOp::Le)
}

fn gt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, CmpOp::Gt)
}

fn ge(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, CmpOp::Ge)
}

fn copy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "array.__copy__", 1, 2)?;
    let arr = state(vm, &a[0])?;
    let d = arr.borrow();
    let (code, bytes) = (d.code, d.bytes.clone());
    drop(d);
    Ok(plain(vm, code, bytes))
}

fn reduce_ex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "array.__reduce_ex__", 2, 2)?;
    let arr = state(vm, &a[0])?;
    let code = arr.borrow().code;
    let cls = Value::Type(vm.type_of(&a[0]));
    let items = Value::list(items_of(arr));
    Ok(Value::tuple_of([
        cls,
        Value::tuple_of([Value::string((code as char).to_string()), items]),
        Value::None,
    ]))
}
