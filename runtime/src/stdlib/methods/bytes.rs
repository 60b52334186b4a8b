//! Methods of `bytes` and `bytearray` (the shared ones return the receiver's kind),
//! the mutating methods of `bytearray`, and text encoding/decoding (utf-8, ascii,
//! latin-1, with the `strict`/`ignore`/`replace`/`backslashreplace` error handlers).

use crate::object::BoolWord;
use crate::object::Value;
use crate::vm::compare::find_bytes;
use crate::vm::{Args, PyResult, Vm};

use super::{base_of, classmethod, method, staticmethod};

/// Installs the methods of `bytes` and `bytearray`.
pub fn install(vm: &mut Vm) {
    let shared: &[(&'static str, crate::object::BuiltinFn)] = &[
        ("capitalize", capitalize),
        ("center", center),
        ("count", count),
        ("decode", decode_m),
        ("endswith", endswith),
        ("expandtabs", expandtabs),
        ("find", find),
        ("hex", hex),
        ("index", index),
        ("isalnum", isalnum),
        ("isalpha", isalpha),
        ("isascii", isascii),
        ("isdigit", isdigit),
        ("islower", islower),
        ("isspace", isspace),
        ("istitle", istitle),
        ("isupper", isupper),
        ("join", join),
        ("ljust", ljust),
        ("lower", lower),
        ("lstrip", lstrip),
        ("partition", partition),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
        ("replace", replace),
        ("rfind", rfind),
        ("rindex", rindex),
        ("rjust", rjust),
        ("rpartition", rpartition),
        ("rsplit", rsplit),
        ("rstrip", rstrip),
        ("split", split),
        ("splitlines", splitlines),
        ("startswith", startswith),
        ("strip", strip),
        ("swapcase", swapcase),
        ("title", title),
        ("translate", translate),
        ("upper", upper),
        ("zfill", zfill),
    ];
    let t = &vm.ctx.types;
    method(&t.bytes, shared);
    method(&t.bytearray, shared);
    method(
        &t.bytearray,
        &[
            ("append", ba_append),
            ("clear", ba_clear),
            ("copy", ba_copy),
            ("extend", ba_extend),
            ("insert", ba_insert),
            ("pop", ba_pop),
            ("remove", ba_remove),
            ("reverse", ba_reverse),
            ("__iadd__", ba_iadd),
        ],
    );
    for ty in [vm.ctx.types.bytes.clone(), vm.ctx.types.bytearray.clone()] {
        classmethod(vm, &ty, "fromhex", fromhex);
        staticmethod(vm, &ty, "maketrans", maketrans);
    }
}

/// The receiver's bytes and whether it is a bytearray.
fn this(vm: &mut Vm, args: &Args<'_>) -> PyResult<(Vec<u8>, bool)> {
    match args.all.first().map(base_of) {
        Some(Value::Bytes(b)) => Ok((b.0.to_vec(), false)),
        Some(Value::ByteArray(b)) => Ok((b.0.borrow().clone(), true)),
        Some(other) => Err(vm.type_error(format!(
            "descriptor requires a 'bytes' object but received a '{}'",
            vm.type_name(other)
        ))),
        None => Err(vm.type_error("descriptor needs an argument")),
    }
}

fn mk(data: Vec<u8>, array: bool) -> Value {
    if array {
        Value::bytearray(data)
    } else {
        Value::bytes(data)
    }
}

fn margs<'a>(
    vm: &mut Vm,
    args: &Args<'a>,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    Args {
        all: &args.all[1..],
        kwnames: args.kwnames,
    }
    .check(vm, name, min, max)
}

/// A bytes-like argument.
fn bytes_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match vm.bytes_like(v) {
        Some(b) => Ok(b),
        None => Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))),
    }
}

/// A bytes-like or int (a single byte) argument.
fn sub_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = vm.bytes_like(v) {
        return Ok(b);
    }
    match vm.index_value(v)? {
        Some(n) if (0..256).contains(&n) => Ok(vec![n as u8]),
        Some(_) => Err(vm.value_error("byte must be in range(0, 256)")),
        None => Err(vm.type_error(format!(
            "argument should be integer or bytes-like object, not '{}'",
            vm.type_name(v)
        ))),
    }
}

fn span(
    vm: &mut Vm,
    start: Option<&Value>,
    end: Option<&Value>,
    len: usize,
) -> PyResult<(usize, usize, bool)> {
    let l = len as i64;
    let conv = |vm: &mut Vm, v: Option<&Value>, d: i64| -> PyResult<i64> {
        match v {
            None | Some(Value::None) => Ok(d),
            Some(x) => match vm.index_value(x)? {
                Some(i) => Ok(if i < 0 { (i + l).max(0) } else { i }),
                None => Err(vm.type_error(
                    "slice indices must be integers or None or have an __index__ method",
                )),
            },
        }
    };
    let s = conv(vm, start, 0)?;
    let e = conv(vm, end, l)?.min(l);
    Ok((s.min(l) as usize, e.max(0) as usize, s <= l))
}

fn search(vm: &mut Vm, args: &Args<'_>, name: &str, rev: bool) -> PyResult<Option<usize>> {
    let (d, _) = this(vm, args)?;
    let a = margs(vm, args, name, 1, 3)?;
    let sub = sub_arg(vm, &a[0])?;
    let (s, e, ok) = span(vm, a.get(1), a.get(2), d.len())?;
    if !ok || s > e {
        return Ok(None);
    }
    let h = &d[s..e];
    Ok(if rev {
        if sub.is_empty() {
            Some(e)
        } else if sub.len() > h.len() {
            None
        } else {
            h.windows(sub.len()).rposition(|w| w == sub).map(|p| p + s)
        }
    } else {
        find_bytes(h, &sub, 0).map(|p| p + s)
    })
}

fn find(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(
        search(vm, &args, "find", false)?
            .map(|i| i as i64)
            .unwrap_or(-1),
    ))
}

fn rfind(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(
        search(vm, &args, "rfind", true)?
            .map(|i| i as i64)
            .unwrap_or(-1),
    ))
}

fn index(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match search(vm, &args, "index", false)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.value_error("subsection not found")),
    }
}

fn rindex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match search(vm, &args, "rindex", true)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.value_error("subsection not found")),
    }
}

fn count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, _) = this(vm, &args)?;
    let a = margs(vm, &args, "count", 1, 3)?;
    let sub = sub_arg(vm, &a[0])?;
    let (s, e, ok) = span(vm, a.get(1), a.get(2), d.len())?;
    if !ok || s > e {
        return Ok(Value::Int(0));
    }
    if sub.is_empty() {
        return Ok(Value::Int((e - s + 1) as i64));
    }
    let mut n = 0;
    let mut i = s;
    while i + sub.len() <= e {
        if d[i..i + sub.len()] == sub[..] {
            n += 1;
            i += sub.len();
        } else {
            i += 1;
        }
    }
    Ok(Value::Int(n))
}

fn affix(vm: &mut Vm, args: Args<'_>, name: &str, start: bool) -> PyResult<Value> {
    let (d, _) = this(vm, &args)?;
    let a = margs(vm, &args, name, 1, 3)?;
    let (s, e, ok) = span(vm, a.get(1), a.get(2), d.len())?;
    let cands = match &a[0] {
        Value::Tuple(t) => t.0.to_vec(),
        other => vec![other.clone()],
    };
    for c in cands {
        let Some(c) = vm.bytes_like(&c) else {
            return Err(vm.type_error(format!(
                "{name} first arg must be bytes or a tuple of bytes, not {}",
                vm.type_name(&c)
            )));
        };
        if !ok || s > e {
            continue;
        }
        let h = &d[s..e];
        if (start && h.starts_with(&c)) || (!start && h.ends_with(&c)) {
            return Ok(Value::BoolW(BoolWord::TRUE));
        }
    }
    Ok(Value::BoolW(BoolWord::FALSE))
}

fn startswith(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    affix(vm, args, "startswith", true)
}

fn endswith(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    affix(vm, args, "endswith", false)
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn split_impl(vm: &mut Vm, args: Args<'_>, rev: bool) -> PyResult<Value> {
    let (d, arr) = this(vm, &args)?;
    let pos = &args.pos()[1..];
    let sep = pos
        .first()
        .or(args.kwarg("sep"))
        .cloned()
        .unwrap_or(Value::None);
    let maxsplit = match pos.get(1).or(args.kwarg("maxsplit")) {
        Some(m) => vm.arg_i64(m, "")?,
        None => -1,
    };
    let mut parts: Vec<Vec<u8>> = Vec::new();
    if sep.is_none() {
        let words: Vec<&[u8]> = d.split(|b| is_ws(*b)).filter(|w| !w.is_empty()).collect();
        if maxsplit < 0 || (words.len() as i64) <= maxsplit + 1 {
            parts = words.iter().map(|w| w.to_vec()).collect();
        } else if !rev {
            // first maxsplit words, then the rest of the data from the next word
            let mut i = 0;
            let mut n = 0;
            while n < maxsplit {
                while i < d.len() && is_ws(d[i]) {
                    i += 1;
                }
                let st = i;
                while i < d.len() && !is_ws(d[i]) {
                    i += 1;
                }
                parts.push(d[st..i].to_vec());
                n += 1;
            }
            while i < d.len() && is_ws(d[i]) {
                i += 1;
            }
            parts.push(d[i..].to_vec());
        } else {
            let mut j = d.len();
            let mut n = 0;
            let mut rparts = Vec::new();
            while n < maxsplit {
                while j > 0 && is_ws(d[j - 1]) {
                    j -= 1;
                }
                let en = j;
                while j > 0 && !is_ws(d[j - 1]) {
                    j -= 1;
                }
                rparts.push(d[j..en].to_vec());
                n += 1;
            }
            while j > 0 && is_ws(d[j - 1]) {
                j -= 1;
            }
            rparts.push(d[..j].to_vec());
            rparts.reverse();
            parts = rparts;
        }
    } else {
        let sep = bytes_arg(vm, &sep)?;
        if sep.is_empty() {
            return Err(vm.value_error("empty separator"));
        }
        let text = unsafe_free_latin1(&d);
        let sep_t = unsafe_free_latin1(&sep);
        let pieces: Vec<String> = if rev {
            super::strs::rsplit_str(&text, Some(&sep_t), maxsplit)
        } else {
            super::strs::split_str(&text, Some(&sep_t), maxsplit)
        };
        parts = pieces.iter().map(|p| latin1_bytes(p)).collect();
    }
    Ok(Value::list(parts.into_iter().map(|p| mk(p, arr)).collect()))
}

/// Bytes as a latin-1 string (each byte one char), to reuse the str algorithms.
fn unsafe_free_latin1(b: &[u8]) -> String {
    b.iter().map(|&x| x as char).collect()
}

fn latin1_bytes(s: &str) -> Vec<u8> {
    s.chars().map(|c| c as u32 as u8).collect()
}

fn split(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    split_impl(vm, args, false)
}

fn rsplit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    split_impl(vm, args, true)
}

fn splitlines(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, arr) = this(vm, &args)?;
    let keep = match args.pos().get(1).or(args.kwarg("keepends")) {
        Some(k) => vm.truthy(k)?,
        None => false,
    };
    let mut out = Vec::new();
    let mut i = 0;
    let mut st = 0;
    while i < d.len() {
        if d[i] == b'\n' || d[i] == b'\r' {
            let mut en = i + 1;
            if d[i] == b'\r' && d.get(i + 1) == Some(&b'\n') {
                en += 1;
            }
            out.push(mk(d[st..if keep { en } else { i }].to_vec(), arr));
            st = en;
            i = en;
        } else {
            i += 1;
        }
    }
    if st < d.len() {
        out.push(mk(d[st..].to_vec(), arr));
    }
    Ok(Value::list(out))
}

fn strip_impl(vm: &mut Vm, args: Args<'_>, left: bool, right: bool) -> PyResult<Value> {
    let (d, arr) = this(vm, &args)?;
    let a = margs(vm, &args, "strip", 0, 1)?;
    let set: Option<Vec<u8>> = match a.first() {
        None | Some(Value::None) => None,
        Some(v) => Some(bytes_arg(vm, v)?),
    };
    let keep = |b: u8| match &set {
        None => is_ws(b),
        Some(s) => s.contains(&b),
    };
    let mut s = 0;
    let mut e = d.len();
    if left {
        while s < e && keep(d[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && keep(d[e - 1]) {
            e -= 1;
        }
    }
    Ok(mk(d[s..e].to_vec(), arr))
}

fn strip(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    strip_impl(vm, args, true, true)
}

fn lstrip(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    strip_impl(vm, args, true, false)
}

fn rstrip(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    strip_impl(vm, args, false, true)
}

fn map_bytes(vm: &mut Vm, args: Args<'_>, f: fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    let (d, arr) = this(vm, &args)?;
    Ok(mk(f(&d), arr))
}

fn upper(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    map_bytes(vm, args, |d| d.to_ascii_uppercase())
}

fn lower(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    map_bytes(vm, args, |d| d.to_ascii_lowercase())
}

fn swapcase(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    map_bytes(vm, args, |d| {
        d.iter()
            .map(|b| {
                if b.is_ascii_uppercase() {
                    b.to_ascii_lowercase()
                } else {
                    b.to_ascii_uppercase()
                }
            })
            .collect()
    })
}

fn capitalize(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    map_bytes(vm, args, |d| {
        d.iter()
            .enumerate()
            .map(|(i, b)| {
                if i == 0 {
                    b.to_ascii_uppercase()
                } else {
                    b.to_ascii_lowercase()
                }
            })
            .collect()
    })
}

fn title(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    map_bytes(vm, args, |d| {
        let mut prev = false;
        d.iter()
            .map(|&b| {
                let cased = b.is_ascii_alphabetic();
                let r = if cased && !prev {
                    b.to_ascii_uppercase()
                } else if cased {
                    b.to_ascii_lowercase()
                } else {
                    b
                };
                prev = cased;
                r
            })
            .collect()
    })
}

fn bpred(vm: &mut Vm, args: Args<'_>, f: fn(&[u8]) -> bool) -> PyResult<Value> {
    let (d, _) = this(vm, &args)?;
    Ok(Value::Bool(f(&d)))
}

fn isalnum(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    bpred(vm, args, |d| {
        !d.is_empty() && d.iter().all(u8::is_ascii_alphanumeric)
    })
}

fn isalpha(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    bpred(vm, args, |d| {
        !d.is_empty() && d.iter().all(u8::is_ascii_alphabetic)
    })
}

fn isascii(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    bpred(vm, args, |d| d.is_ascii())
}

fn isdigit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    bpred(vm, args, |d| {
        !d.is_empty() && d.iter().all(u8::is_ascii_digit)
    })
}

fn isspace(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    bpred(vm, args, |d| !d.is_empty() && d.iter().all(|b| is_ws(*b)))
}

fn islower(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    bpred(vm, args, |d| {
        d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase)
    })
}

fn isupper(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    bpred(vm, args, |d| {
        d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase)
    })
}

fn istitle(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    bpred(vm, args, |d| {
        let mut cased = false;
        let mut prev = false;
        for b in d {
            if b.is_ascii_uppercase() {
                if prev {
                    return false;
                }
                prev = true;
                cased = true;
            } else if b.is_ascii_lowercase() {
                if !prev {
                    return false;
                }
                prev = true;
                cased = true;
            } else {
                prev = false;
            }
        }
        cased
    })
}

fn join(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (sep, arr) = this(vm, &args)?;
    let a = margs(vm, &args, "join", 1, 1)?;
    let items = vm.collect(&a[0])?;
    let mut out = Vec::new();
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match vm.bytes_like(x) {
            Some(b) => out.extend_from_slice(&b),
            None => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    vm.type_name(x)
                )));
            }
        }
    }
    Ok(mk(out, arr))
}

fn pad(vm: &mut Vm, args: Args<'_>, kind: char) -> PyResult<Value> {
    let (d, arr) = this(vm, &args)?;
    let name = match kind {
        '<' => "ljust",
        '>' => "rjust",
        _ => "center",
    };
    let a = margs(vm, &args, name, 1, 2)?;
    let w = vm.arg_i64(&a[0], "")?;
    let fill = match a.get(1) {
        Some(f) => match vm.bytes_like(f) {
            Some(b) if b.len() == 1 => b[0],
            _ => {
                let tn = vm.type_name(f);
                return Err(vm.type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {tn}"
                )));
            }
        },
        None => b' ',
    };
    let n = d.len() as i64;
    if w <= n {
        return Ok(mk(d, arr));
    }
    let marg = (w - n) as usize;
    let left = match kind {
        '<' => 0,
        '>' => marg,
        _ => marg / 2 + (marg & w as usize & 1),
    };
    let mut out = vec![fill; left];
    out.extend_from_slice(&d);
    out.resize(w as usize, fill);
    Ok(mk(out, arr))
}

fn ljust(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pad(vm, args, '<')
}

fn rjust(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pad(vm, args, '>')
}

fn center(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pad(vm, args, '^')
}

fn zfill(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, arr) = this(vm, &args)?;
    let a = margs(vm, &args, "zfill", 1, 1)?;
    let w = vm.arg_i64(&a[0], "")?.max(0) as usize;
    if d.len() >= w {
        return Ok(mk(d, arr));
    }
    let (sign, rest) = if d.first().is_some_and(|b| *b == b'+' || *b == b'-') {
        d.split_at(1)
    } else {
        (&d[..0], &d[..])
    };
    let mut out = sign.to_vec();
    out.extend(std::iter::repeat_n(b'0', w - d.len()));
    out.extend_from_slice(rest);
    Ok(mk(out, arr))
}

fn expandtabs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, arr) = this(vm, &args)?;
    let ts = match args.pos().get(1).or(args.kwarg("tabsize")) {
        Some(t) => vm.arg_i64(t, "")?,
        None => 8,
    };
    let mut out = Vec::new();
    let mut col = 0i64;
    for &b in &d {
        match b {
            b'\t' => {
                if ts > 0 {
                    let n = ts - col % ts;
                    out.extend(std::iter::repeat_n(b' ', n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(b);
                col = 0;
            }
            _ => {
                out.push(b);
                col += 1;
            }
        }
    }
    Ok(mk(out, arr))
}

fn partition_impl(vm: &mut Vm, args: Args<'_>, rev: bool) -> PyResult<Value> {
    let (d, arr) = this(vm, &args)?;
    let a = margs(vm, &args, "partition", 1, 1)?;
    let sep = bytes_arg(vm, &a[0])?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let pos = if rev {
        if sep.len() > d.len() {
            None
        } else {
            d.windows(sep.len()).rposition(|w| w == sep)
        }
    } else {
        find_bytes(&d, &sep, 0)
    };
    Ok(match pos {
        Some(p) => Value::tuple_of([
            mk(d[..p].to_vec(), arr),
            mk(sep.clone(), arr),
            mk(d[p + sep.len()..].to_vec(), arr),
        ]),
        None if rev => Value::tuple_of([mk(vec![], arr), mk(vec![], arr), mk(d, arr)]),
        None => Value::tuple_of([mk(d, arr), mk(vec![], arr), mk(vec![], arr)]),
    })
}

fn partition(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    partition_impl(vm, args, false)
}

fn rpartition(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    partition_impl(vm, args, true)
}

fn removeprefix(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, arr) = this(vm, &args)?;
    let a = margs(vm, &args, "removeprefix", 1, 1)?;
    let p = bytes_arg(vm, &a[0])?;
    Ok(mk(d.strip_prefix(&p[..]).unwrap_or(&d).to_vec(), arr))
}

fn removesuffix(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, arr) = this(vm, &args)?;
    let a = margs(vm, &args, "removesuffix", 1, 1)?;
    let p = bytes_arg(vm, &a[0])?;
    Ok(mk(d.strip_suffix(&p[..]).unwrap_or(&d).to_vec(), arr))
}

fn replace(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, arr) = this(vm, &args)?;
    let a = margs(vm, &args, "replace", 2, 3)?;
    let old = bytes_arg(vm, &a[0])?;
    let new = bytes_arg(vm, &a[1])?;
    let count = match a.get(2) {
        Some(c) => vm.arg_i64(c, "")?,
        None => -1,
    };
    let text = unsafe_free_latin1(&d);
    let (o, n) = (unsafe_free_latin1(&old), unsafe_free_latin1(&new));
    let r = if count < 0 {
        text.replace(&o, &n)
    } else {
        text.replacen(&o, &n, count as usize)
    };
    Ok(mk(latin1_bytes(&r), arr))
}

fn translate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, arr) = this(vm, &args)?;
    let a = margs(vm, &args, "translate", 1, 2)?;
    let table = match &a[0] {
        Value::None => None,
        v => {
            let t = bytes_arg(vm, v)?;
            if t.len() != 256 {
                return Err(vm.value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let delete = match a.get(1) {
        Some(v) => bytes_arg(vm, v)?,
        None => vec![],
    };
    let out = d
        .iter()
        .filter(|b| !delete.contains(b))
        .map(|&b| table.as_ref().map(|t| t[b as usize]).unwrap_or(b))
        .collect();
    Ok(mk(out, arr))
}

fn maketrans(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "maketrans", 2, 2)?;
    let (x, y) = (bytes_arg(vm, &a[0])?, bytes_arg(vm, &a[1])?);
    if x.len() != y.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut t: Vec<u8> = (0..=255).collect();
    for (p, q) in x.iter().zip(y.iter()) {
        t[*p as usize] = *q;
    }
    Ok(Value::bytes(t))
}

fn hex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, _) = this(vm, &args)?;
    let a = margs(vm, &args, "hex", 0, 2)?;
    let sep = match a.first() {
        None => None,
        Some(Value::Str(s)) => Some(s.as_str().to_owned()),
        Some(v) => match vm.bytes_like(v) {
            Some(b) => Some(String::from_utf8_lossy(&b).into_owned()),
            None => return Err(vm.type_error("sep must be str or bytes.")),
        },
    };
    let per = match a.get(1) {
        Some(n) => vm.arg_i64(n, "")?,
        None => 1,
    };
    let digits: Vec<String> = d.iter().map(|b| format!("{b:02x}")).collect();
    let Some(sep) = sep else {
        return Ok(Value::string(digits.concat()));
    };
    if per == 0 {
        return Ok(Value::string(digits.concat()));
    }
    let n = per.unsigned_abs() as usize;
    let mut groups: Vec<String> = Vec::new();
    if per > 0 {
        // groups counted from the right
        let first = d.len() % n;
        if first > 0 {
            groups.push(digits[..first].concat());
        }
        for c in digits[first..].chunks(n) {
            groups.push(c.concat());
        }
    } else {
        for c in digits.chunks(n) {
            groups.push(c.concat());
        }
    }
    Ok(Value::string(groups.join(&sep)))
}

fn fromhex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "fromhex", 2, 2)?;
    let s = match base_of(&a[1]) {
        Value::Str(s) => s.clone(),
        other => {
            return Err(vm.type_error(format!(
                "fromhex() argument must be str, not {}",
                vm.type_name(other)
            )));
        }
    };
    let cs: Vec<char> = s.as_str().chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        if cs[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = cs[i].to_digit(16);
        let lo = cs.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 2;
            }
            (Some(_), None) if i + 1 >= cs.len() || cs[i + 1].is_ascii_whitespace() => {
                return Err(vm.value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {}",
                    i + 1
                )));
            }
            (Some(_), None) => {
                return Err(vm.value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {}",
                    i + 1
                )));
            }
            (None, _) => {
                return Err(vm.value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {i}"
                )));
            }
        }
    }
    let arr = matches!(&a[0], Value::Type(t) if t.is_subtype(&vm.ctx.types.bytearray.clone()));
    let v = mk(out, arr);
    if let Value::Type(t) = &a[0]
        && !t.builtin
    {
        return vm.call0(&a[0], &[v]);
    }
    Ok(v)
}

fn decode_m(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, _) = this(vm, &args)?;
    let pos = &args.pos()[1..];
    let enc = match pos.first().or(args.kwarg("encoding")) {
        Some(e) => vm
            .arg_str(e, "decode() argument 'encoding'")?
            .as_str()
            .to_owned(),
        None => "utf-8".to_owned(),
    };
    let err = match pos.get(1).or(args.kwarg("errors")) {
        Some(e) => vm
            .arg_str(e, "decode() argument 'errors'")?
            .as_str()
            .to_owned(),
        None => "strict".to_owned(),
    };
    Ok(Value::string(decode(vm, &d, &enc, &err)?))
}

fn ba_of(vm: &mut Vm, v: &Value) -> PyResult<std::rc::Rc<crate::object::PyByteArray>> {
    match base_of(v) {
        Value::ByteArray(b) => Ok(b.clone()),
        other => Err(vm.type_error(format!(
            "descriptor requires a 'bytearray' object but received a '{}'",
            vm.type_name(other)
        ))),
    }
}

fn ba_append(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "bytearray.append", 2, 2)?;
    let b = ba_of(vm, &a[0])?;
    let x = vm.byte_value(&a[1])?;
    b.0.borrow_mut().push(x);
    Ok(Value::None)
}

fn ba_clear(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "bytearray.clear", 1, 1)?;
    ba_of(vm, &a[0])?.0.borrow_mut().clear();
    Ok(Value::None)
}

fn ba_copy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "bytearray.copy", 1, 1)?;
    let b = ba_of(vm, &a[0])?;
    let v = b.0.borrow().clone();
    Ok(Value::bytearray(v))
}

fn ba_extend(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "bytearray.extend", 2, 2)?;
    let b = ba_of(vm, &a[0])?;
    let data = match vm.bytes_like(&a[1]) {
        Some(d) => d,
        None => {
            if let Value::Str(_) = &a[1] {
                return Err(vm.type_error("expected iterable of integers; got: 'str'"));
            }
            let items = vm.collect(&a[1])?;
            let mut out = Vec::with_capacity(items.len());
            for x in items {
                out.push(vm.byte_value(&x)?);
            }
            out
        }
    };
    b.0.borrow_mut().extend_from_slice(&data);
    Ok(Value::None)
}

fn ba_iadd(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__iadd__", 2, 2)?;
    let b = ba_of(vm, &a[0])?;
    let Some(data) = vm.bytes_like(&a[1]) else {
        return Err(vm.type_error(format!("can't concat {} to bytearray", vm.type_name(&a[1]))));
    };
    b.0.borrow_mut().extend_from_slice(&data);
    Ok(a[0].clone())
}

fn ba_insert(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "bytearray.insert", 3, 3)?;
    let b = ba_of(vm, &a[0])?;
    let n = b.0.borrow().len() as i64;
    let mut i = vm.arg_i64(&a[1], "")?;
    if i < 0 {
        i = (i + n).max(0);
    }
    let x = vm.byte_value(&a[2])?;
    b.0.borrow_mut().insert(i.min(n) as usize, x);
    Ok(Value::None)
}

fn ba_pop(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "bytearray.pop", 1, 2)?;
    let b = ba_of(vm, &a[0])?;
    let n = b.0.borrow().len();
    if n == 0 {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let i = match a.get(1) {
        Some(k) => vm.seq_index(k, n, "pop")?,
        None => n - 1,
    };
    let v = b.0.borrow_mut().remove(i);
    Ok(Value::Int(v as i64))
}

fn ba_remove(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "bytearray.remove", 2, 2)?;
    let b = ba_of(vm, &a[0])?;
    let x = vm.byte_value(&a[1])?;
    let pos = b.0.borrow().iter().position(|y| *y == x);
    match pos {
        Some(p) => {
            b.0.borrow_mut().remove(p);
            Ok(Value::None)
        }
        None => Err(vm.value_error("value not found in bytearray")),
    }
}

fn ba_reverse(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "bytearray.reverse", 1, 1)?;
    ba_of(vm, &a[0])?.0.borrow_mut().reverse();
    Ok(Value::None)
}

/// The canonical name of a supported encoding.
fn codec(vm: &mut Vm, enc: &str) -> PyResult<&'static str> {
    let e = enc.to_ascii_lowercase().replace(['-', ' '], "_");
    Ok(match e.as_str() {
        "utf_8" | "utf8" | "u8" | "cp65001" => "utf-8",
        "ascii" | "us_ascii" | "646" => "ascii",
        "latin_1" | "latin1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" | "l1" => "latin-1",
        _ => {
            return Err(vm.new_exception(
                &vm.ctx.types.lookup_error.clone(),
                format!("unknown encoding: {enc}"),
            ));
        }
    })
}

/// `str.encode(encoding, errors)`.
pub fn encode(vm: &mut Vm, s: &str, enc: &str, errors: &str) -> PyResult<Vec<u8>> {
    let name = codec(vm, enc)?;
    if name == "utf-8" {
        return Ok(s.as_bytes().to_vec());
    }
    let limit: u32 = if name == "ascii" { 128 } else { 256 };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        match errors {
            "ignore" => {}
            "replace" => out.push(b'?'),
            "backslashreplace" => {
                let n = c as u32;
                let esc = if n < 0x100 {
                    format!("\\x{n:02x}")
                } else if n < 0x10000 {
                    format!("\\u{n:04x}")
                } else {
                    format!("\\U{n:08x}")
                };
                out.extend_from_slice(esc.as_bytes());
            }
            "xmlcharrefreplace" => out.extend_from_slice(format!("&#{};", c as u32).as_bytes()),
            _ => {
                let mut j = i;
                while j < chars.len() && (chars[j] as u32) >= limit {
                    j += 1;
                }
                let what = if j - i == 1 {
                    let n = c as u32;
                    let esc = if n < 0x100 {
                        format!("\\x{n:02x}")
                    } else if n < 0x10000 {
                        format!("\\u{n:04x}")
                    } else {
                        format!("\\U{n:08x}")
                    };
                    format!("character '{esc}' in position {i}")
                } else {
                    format!("characters in position {i}-{}", j - 1)
                };
                let msg = format!(
                    "'{}' codec can't encode {what}: ordinal not in range({limit})",
                    if name == "ascii" { "ascii" } else { "latin-1" }
                );
                let e = vm.new_exception(&vm.ctx.types.unicode_encode_error.clone(), msg);
                e.dict.set_str("encoding", Value::str(name));
                e.dict.set_str("object", Value::str(s));
                e.dict.set_str("start", Value::Int(i as i64));
                e.dict.set_str("end", Value::Int(j as i64));
                e.dict.set_str(
                    "reason",
                    Value::string(format!("ordinal not in range({limit})")),
                );
                return Err(e);
            }
        }
        i += 1;
    }
    Ok(out)
}

/// `bytes.decode(encoding, errors)`.
pub fn decode(vm: &mut Vm, data: &[u8], enc: &str, errors: &str) -> PyResult<String> {
    let name = codec(vm, enc)?;
    match name {
        "latin-1" => Ok(data.iter().map(|&b| b as char).collect()),
        "ascii" => {
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if b < 128 {
                    out.push(b as char);
                    continue;
                }
                match errors {
                    "ignore" => {}
                    "replace" => out.push('\u{fffd}'),
                    "backslashreplace" => out.push_str(&format!("\\x{b:02x}")),
                    _ => {
                        return Err(decode_error(
                            vm,
                            "ascii",
                            data,
                            i,
                            i + 1,
                            "ordinal not in range(128)",
                        ));
                    }
                }
            }
            Ok(out)
        }
        _ => {
            let mut out = String::with_capacity(data.len());
            let mut rest = data;
            let mut offset = 0;
            loop {
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        out.push_str(s);
                        return Ok(out);
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or(""));
                        let bad_len = e.error_len().unwrap_or(rest.len() - good);
                        let b = rest[good];
                        let reason = if !(0xc2..=0xf4).contains(&b) {
                            "invalid start byte"
                        } else if e.error_len().is_none() {
                            "unexpected end of data"
                        } else {
                            "invalid continuation byte"
                        };
                        match errors {
                            "ignore" => {}
                            "replace" => out.push('\u{fffd}'),
                            "backslashreplace" => {
                                for x in &rest[good..good + bad_len] {
                                    out.push_str(&format!("\\x{x:02x}"));
                                }
                            }
                            "surrogateescape" => {
                                for x in &rest[good..good + bad_len] {
                                    out.push(
                                        char::from_u32(0xdc00 + *x as u32).unwrap_or('\u{fffd}'),
                                    );
                                }
                            }
                            _ => {
                                return Err(decode_error(
                                    vm,
                                    "utf-8",
                                    data,
                                    offset + good,
                                    offset + good + bad_len,
                                    reason,
                                ));
                            }
                        }
                        offset += good + bad_len;
                        rest = &rest[good + bad_len..];
                    }
                }
            }
        }
    }
}

fn decode_error(
    vm: &mut Vm,
    enc: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> crate::vm::PyErr {
    let what = if end - start == 1 {
        format!("byte 0x{:02x} in position {start}", data[start])
    } else {
        format!("bytes in position {start}-{}", end - 1)
    };
    let msg = format!("'{enc}' codec can't decode {what}: {reason}");
    let e = vm.new_exception(&vm.ctx.types.unicode_decode_error.clone(), msg);
    e.dict.set_str("encoding", Value::str(enc));
    e.dict.set_str("object", Value::bytes(data.to_vec()));
    e.dict.set_str("start", Value::Int(start as i64));
    e.dict.set_str("end", Value::Int(end as i64));
    e.dict.set_str("reason", Value::str(reason));
    e
}
