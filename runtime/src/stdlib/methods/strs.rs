//! Methods of `str`, indexed by code point like CPython's: searching (`find`,
//! `index`, `count` with start/end), splitting, case mapping and predicates with
//! Python's definitions of whitespace and line breaks, padding, `format`,
//! `translate`/`maketrans`, `encode`.

use crate::object::BoolWord;
use std::rc::Rc;

use crate::object::{PyStr, Value};
use crate::vm::{Args, PyResult, Vm};

use super::{base_of, method, staticmethod};

/// Installs the methods of `str`.
pub fn install(vm: &mut Vm) {
    let t = vm.ctx.types.str.clone();
    method(
        &t,
        &[
            ("capitalize", capitalize),
            ("casefold", casefold),
            ("center", center),
            ("count", count),
            ("encode", encode),
            ("endswith", endswith),
            ("expandtabs", expandtabs),
            ("find", find),
            ("format", format),
            ("format_map", format_map),
            ("index", index),
            ("isalnum", isalnum),
            ("isalpha", isalpha),
            ("isascii", isascii),
            ("isdecimal", isdecimal),
            ("isdigit", isdigit),
            ("isidentifier", isidentifier),
            ("islower", islower),
            ("isnumeric", isnumeric),
            ("isprintable", isprintable),
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
            ("__getnewargs__", getnewargs),
        ],
    );
    staticmethod(vm, &t, "maketrans", maketrans);
}

/// Python's `str.isspace` for one character.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Whether `c` ends a line for `splitlines`.
fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\u{0b}'
            | '\u{0c}'
            | '\u{1c}'
            | '\u{1d}'
            | '\u{1e}'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// The str a method was called on (unwrapping instances of str subclasses).
fn this(vm: &mut Vm, args: &Args<'_>) -> PyResult<Rc<PyStr>> {
    match args.all.first().map(base_of) {
        Some(Value::Str(s)) => Ok(s.clone()),
        Some(other) => Err(vm.type_error(format!(
            "descriptor requires a 'str' object but received a '{}'",
            vm.type_name(other)
        ))),
        None => Err(vm.type_error("descriptor needs an argument")),
    }
}

/// A str argument (str subclasses unwrap).
fn str_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Rc<PyStr>> {
    match base_of(v) {
        Value::Str(s) => Ok(s.clone()),
        other => Err(vm.type_error(format!("{what} must be str, not {}", vm.type_name(other)))),
    }
}

/// The method's arguments after `self`, positional only.
fn margs<'a>(
    vm: &mut Vm,
    args: &Args<'a>,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    let a = Args {
        all: &args.all[1..],
        kwnames: args.kwnames,
    };
    let pos = a.pos();
    if !a.kwnames.is_empty() || (pos.len() >= min && pos.len() <= max) {
        return a.check(vm, name, min, max);
    }
    let given = pos.len();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    // `count` parses its arguments the old way; the others use argument clinic.
    let msg = if matches!(
        name,
        "count" | "find" | "rfind" | "index" | "rindex" | "startswith" | "endswith"
    ) {
        let (bound, n) = if given < min {
            ("least", min)
        } else {
            ("most", max)
        };
        format!(
            "{name}() takes at {bound} {n} argument{} ({given} given)",
            plural(n)
        )
    } else {
        crate::vm::arg_count_message(&format!("str.{name}"), name, min, max, given)
    };
    Err(vm.type_error(msg))
}

fn chars(s: &PyStr) -> Vec<char> {
    s.as_str().chars().collect()
}

/// Resolves optional start/end arguments against a length, like a slice.
fn span(
    vm: &mut Vm,
    start: Option<&Value>,
    end: Option<&Value>,
    len: usize,
) -> PyResult<(usize, usize, bool)> {
    let len_i = len as i64;
    let conv = |vm: &mut Vm, v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(x) => match vm.index_value(x)? {
                Some(i) => Ok(if i < 0 {
                    (i.saturating_add(len_i)).max(0)
                } else {
                    i
                }),
                None => Err(vm.type_error(
                    "slice indices must be integers or None or have an __index__ method",
                )),
            },
        }
    };
    let s = conv(vm, start, 0)?;
    let e = conv(vm, end, len_i)?.min(len_i);
    // `valid` is false when start is past the end (no match possible, even empty)
    Ok((s.min(len_i) as usize, e.max(0) as usize, s <= len_i))
}

fn find_in(hay: &[char], needle: &[char], start: usize, end: usize) -> Option<usize> {
    if start > end {
        return None;
    }
    let h = &hay[start..end];
    if needle.is_empty() {
        return Some(start);
    }
    if needle.len() > h.len() {
        return None;
    }
    h.windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + start)
}

fn rfind_in(hay: &[char], needle: &[char], start: usize, end: usize) -> Option<usize> {
    if start > end {
        return None;
    }
    let h = &hay[start..end];
    if needle.is_empty() {
        return Some(end);
    }
    if needle.len() > h.len() {
        return None;
    }
    h.windows(needle.len())
        .rposition(|w| w == needle)
        .map(|p| p + start)
}

fn search(vm: &mut Vm, args: &Args<'_>, name: &str, reverse: bool) -> PyResult<Option<usize>> {
    let s = this(vm, args)?;
    let a = margs(vm, args, name, 1, 3)?;
    let sub = match base_of(&a[0]) {
        Value::Str(x) => x.clone(),
        other => {
            return Err(vm.type_error(format!("must be str, not {}", vm.type_name(other))));
        }
    };
    let hay = chars(&s);
    let needle = chars(&sub);
    let (st, en, valid) = span(vm, a.get(1), a.get(2), hay.len())?;
    if !valid {
        return Ok(None);
    }
    Ok(if reverse {
        rfind_in(&hay, &needle, st, en)
    } else {
        find_in(&hay, &needle, st, en)
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
        None => Err(vm.value_error("substring not found")),
    }
}

fn rindex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match search(vm, &args, "rindex", true)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.value_error("substring not found")),
    }
}

fn count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let a = margs(vm, &args, "count", 1, 3)?;
    let sub = str_arg(vm, &a[0], "must")?;
    let hay = chars(&s);
    let needle = chars(&sub);
    let (st, en, valid) = span(vm, a.get(1), a.get(2), hay.len())?;
    if !valid || st > en {
        return Ok(Value::Int(0));
    }
    if needle.is_empty() {
        return Ok(Value::Int((en - st + 1) as i64));
    }
    let mut n = 0;
    let mut i = st;
    while i + needle.len() <= en {
        if hay[i..i + needle.len()] == needle[..] {
            n += 1;
            i += needle.len();
        } else {
            i += 1;
        }
    }
    Ok(Value::Int(n))
}

fn affix(vm: &mut Vm, args: Args<'_>, name: &str, start: bool) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let a = margs(vm, &args, name, 1, 3)?;
    let hay = chars(&s);
    let (st, en, valid) = span(vm, a.get(1), a.get(2), hay.len())?;
    let cands: Vec<Value> = match base_of(&a[0]) {
        Value::Tuple(t) => t.0.to_vec(),
        Value::Str(_) => vec![a[0].clone()],
        other => {
            return Err(vm.type_error(format!(
                "{name} first arg must be str or a tuple of str, not {}",
                vm.type_name(other)
            )));
        }
    };
    for c in cands {
        let c = match base_of(&c) {
            Value::Str(x) => x.clone(),
            other => {
                return Err(vm.type_error(format!(
                    "tuple for {name} must only contain str, not {}",
                    vm.type_name(other)
                )));
            }
        };
        if !valid {
            continue;
        }
        let n = chars(&c);
        if st > en {
            continue;
        }
        let h = &hay[st..en];
        let hit = if start {
            h.starts_with(&n)
        } else {
            h.ends_with(&n)
        };
        if hit {
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

/// Checks the number of arguments (after `self`, keywords included) of a method that
/// takes up to `max` of them.
fn at_most(vm: &mut Vm, args: &Args<'_>, name: &str, max: usize) -> PyResult<()> {
    let given = args.all.len() - 1;
    if given > max {
        let s = if max == 1 { "" } else { "s" };
        return Err(vm.type_error(format!(
            "{name}() takes at most {max} argument{s} ({given} given)"
        )));
    }
    Ok(())
}

fn maxsplit_arg(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<(Value, i64)> {
    let pos = &args.pos()[1..];
    at_most(vm, args, name, 2)?;
    for (k, _) in args.kw() {
        if k != "sep" && k != "maxsplit" {
            return Err(vm.type_error(format!("{name}() got an unexpected keyword argument '{k}'")));
        }
    }
    let sep = pos
        .first()
        .or(args.kwarg("sep"))
        .cloned()
        .unwrap_or(Value::None);
    let maxsplit = match pos.get(1).or(args.kwarg("maxsplit")) {
        Some(m) => vm.arg_i64(m, "")?,
        None => -1,
    };
    Ok((sep, maxsplit))
}

/// `str.split(sep, maxsplit)` on text.
pub fn split_str(text: &str, sep: Option<&str>, maxsplit: i64) -> Vec<String> {
    let mut out = Vec::new();
    match sep {
        None => {
            let mut rest = text.trim_start_matches(is_space);
            while !rest.is_empty() {
                if maxsplit >= 0 && out.len() as i64 == maxsplit {
                    out.push(rest.to_owned());
                    break;
                }
                let end = rest.find(is_space).unwrap_or(rest.len());
                out.push(rest[..end].to_owned());
                rest = rest[end..].trim_start_matches(is_space);
            }
        }
        Some(p) => {
            if maxsplit < 0 {
                out.extend(text.split(p).map(str::to_owned));
            } else {
                out.extend(text.splitn(maxsplit as usize + 1, p).map(str::to_owned));
            }
        }
    }
    out
}

/// `str.rsplit(sep, maxsplit)` on text.
pub fn rsplit_str(text: &str, sep: Option<&str>, maxsplit: i64) -> Vec<String> {
    let mut out = Vec::new();
    match sep {
        None => {
            let mut rest = text.trim_end_matches(is_space);
            while !rest.is_empty() {
                if maxsplit >= 0 && out.len() as i64 == maxsplit {
                    out.push(rest.to_owned());
                    break;
                }
                let start = rest
                    .rfind(is_space)
                    .map(|p| p + rest[p..].chars().next().map(char::len_utf8).unwrap_or(1))
                    .unwrap_or(0);
                out.push(rest[start..].to_owned());
                rest = rest[..start].trim_end_matches(is_space);
            }
        }
        Some(p) => {
            if maxsplit < 0 {
                out.extend(text.rsplit(p).map(str::to_owned));
            } else {
                out.extend(text.rsplitn(maxsplit as usize + 1, p).map(str::to_owned));
            }
        }
    }
    out.reverse();
    out
}

fn split_common(vm: &mut Vm, args: Args<'_>, reverse: bool) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let name = if reverse { "rsplit" } else { "split" };
    let (sep, maxsplit) = maxsplit_arg(vm, &args, name)?;
    let sep = match base_of(&sep) {
        Value::None => None,
        Value::Str(p) => {
            if p.as_str().is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(p.clone())
        }
        other => {
            return Err(vm.type_error(format!("must be str or None, not {}", vm.type_name(other))));
        }
    };
    let sep_s = sep.as_ref().map(|p| p.as_str());
    let parts = if reverse {
        rsplit_str(s.as_str(), sep_s, maxsplit)
    } else {
        split_str(s.as_str(), sep_s, maxsplit)
    };
    Ok(Value::list(parts.into_iter().map(Value::string).collect()))
}

fn split(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    split_common(vm, args, false)
}

fn rsplit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    split_common(vm, args, true)
}

fn splitlines(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &args)?;
    at_most(vm, &args, "splitlines", 1)?;
    let keep = match args.pos().get(1).or(args.kwarg("keepends")) {
        Some(k) => vm.truthy(k)?,
        None => false,
    };
    let text: Vec<char> = chars(&s);
    let mut out = Vec::new();
    let mut i = 0;
    let mut start = 0;
    while i < text.len() {
        let c = text[i];
        if is_linebreak(c) {
            let mut end = i + 1;
            if c == '\r' && text.get(i + 1) == Some(&'\n') {
                end += 1;
            }
            let line: String = if keep {
                text[start..end].iter().collect()
            } else {
                text[start..i].iter().collect()
            };
            out.push(Value::string(line));
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < text.len() {
        out.push(Value::string(text[start..].iter().collect()));
    }
    Ok(Value::list(out))
}

fn strip_set(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<Option<Vec<char>>> {
    let a = margs(vm, args, name, 0, 1)?;
    match a.first().map(base_of) {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(c)) => Ok(Some(c.as_str().chars().collect())),
        Some(other) => Err(vm.type_error(format!(
            "{name} arg must be None or str, not {}",
            vm.type_name(other)
        ))),
    }
}

fn strip_impl(vm: &mut Vm, args: Args<'_>, name: &str, left: bool, right: bool) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let set = strip_set(vm, &args, name)?;
    let mut t = s.as_str();
    match &set {
        None => {
            if left {
                t = t.trim_start_matches(is_space);
            }
            if right {
                t = t.trim_end_matches(is_space);
            }
        }
        Some(cs) => {
            if left {
                t = t.trim_start_matches(|c| cs.contains(&c));
            }
            if right {
                t = t.trim_end_matches(|c| cs.contains(&c));
            }
        }
    }
    if t.len() == s.as_str().len() && matches!(args.all[0], Value::Str(_)) {
        return Ok(args.all[0].clone());
    }
    Ok(Value::str(t))
}

fn strip(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    strip_impl(vm, args, "strip", true, true)
}

fn lstrip(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    strip_impl(vm, args, "lstrip", true, false)
}

fn rstrip(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    strip_impl(vm, args, "rstrip", false, true)
}

fn map_str(vm: &mut Vm, args: Args<'_>, name: &str, f: fn(&str) -> String) -> PyResult<Value> {
    let s = this(vm, &args)?;
    margs(vm, &args, name, 0, 0)?;
    Ok(Value::string(f(s.as_str())))
}

fn upper(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    map_str(vm, args, "upper", str::to_uppercase)
}

fn lower(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    map_str(vm, args, "lower", str::to_lowercase)
}

fn casefold(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    map_str(vm, args, "casefold", |s| {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            match c {
                'ß' => out.push_str("ss"),
                'ς' => out.push('σ'),
                'ﬁ' => out.push_str("fi"),
                'ﬂ' => out.push_str("fl"),
                c => out.extend(c.to_lowercase()),
            }
        }
        out
    })
}

fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase() || is_titlecase(c)
}

fn is_titlecase(c: char) -> bool {
    matches!(
        c,
        'ǅ' | 'ǈ' | 'ǋ' | 'ǲ' | '\u{1f88}'..='\u{1f8f}' | '\u{1f98}'..='\u{1f9f}' | '\u{1fa8}'..='\u{1faf}'
            | 'ᾼ' | 'ῌ' | 'ῼ'
    )
}

/// The title-case form of a character (upper case except for the digraphs).
fn to_title(c: char, out: &mut String) {
    match c {
        'ǆ' | 'ǅ' | 'Ǆ' => out.push('ǅ'),
        'ǉ' | 'ǈ' | 'Ǉ' => out.push('ǈ'),
        'ǌ' | 'ǋ' | 'Ǌ' => out.push('ǋ'),
        'ǳ' | 'ǲ' | 'Ǳ' => out.push('ǲ'),
        'ß' => out.push_str("Ss"),
        'ﬁ' => out.push_str("Fi"),
        'ﬂ' => out.push_str("Fl"),
        c => out.extend(c.to_uppercase()),
    }
}

fn title_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for c in s.chars() {
        if is_cased(c) {
            if prev_cased {
                out.extend(c.to_lowercase());
            } else {
                to_title(c, &mut out);
            }
            prev_cased = true;
        } else {
            out.push(c);
            prev_cased = false;
        }
    }
    out
}

fn title(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    map_str(vm, args, "title", title_str)
}

fn capitalize(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    map_str(vm, args, "capitalize", |s| {
        let mut out = String::with_capacity(s.len());
        let mut it = s.chars();
        if let Some(c) = it.next() {
            to_title(c, &mut out);
        }
        for c in it {
            out.extend(c.to_lowercase());
        }
        out
    })
}

fn swapcase(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    map_str(vm, args, "swapcase", |s| {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            if c.is_uppercase() {
                out.extend(c.to_lowercase());
            } else if c.is_lowercase() {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
        }
        out
    })
}

fn pred(vm: &mut Vm, args: Args<'_>, name: &str, f: fn(&str) -> bool) -> PyResult<Value> {
    let s = this(vm, &args)?;
    margs(vm, &args, name, 0, 0)?;
    Ok(Value::Bool(f(s.as_str())))
}

/// Whether `c` is a decimal digit (Unicode category Nd) in a common script.
pub fn is_decimal_char(c: char) -> bool {
    decimal_value(c).is_some()
}

/// The value of a decimal digit of any common script.
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    let n = c as u32;
    const ZEROS: &[u32] = &[
        0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6,
        0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90,
        0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0,
        0xff10, 0x104a0, 0x11066, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6,
    ];
    ZEROS
        .iter()
        .find(|z| (**z..**z + 10).contains(&n))
        .map(|z| n - z)
}

/// Whether `c` is a digit (Nd, or a superscript/subscript/circled digit).
pub fn is_digit_char(c: char) -> bool {
    is_decimal_char(c)
        || matches!(c as u32, 0xb2 | 0xb3 | 0xb9 | 0x2070 | 0x2074..=0x2079 | 0x2080..=0x2089
            | 0x2460..=0x2468 | 0x2474..=0x247c | 0x2488..=0x2490 | 0x24ea | 0x24f5..=0x24fd
            | 0x24ff | 0x2776..=0x277e | 0x2780..=0x2788 | 0x278a..=0x2792 | 0x1369..=0x1371)
}

fn isdecimal(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pred(vm, args, "isdecimal", |s| {
        !s.is_empty() && s.chars().all(is_decimal_char)
    })
}

fn isdigit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pred(vm, args, "isdigit", |s| {
        !s.is_empty() && s.chars().all(is_digit_char)
    })
}

fn isnumeric(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pred(vm, args, "isnumeric", |s| {
        !s.is_empty() && s.chars().all(|c| is_digit_char(c) || c.is_numeric())
    })
}

fn isalpha(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pred(vm, args, "isalpha", |s| {
        !s.is_empty() && s.chars().all(char::is_alphabetic)
    })
}

fn isalnum(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pred(vm, args, "isalnum", |s| {
        !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || is_digit_char(c))
    })
}

fn isascii(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pred(vm, args, "isascii", str::is_ascii)
}

fn isspace(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pred(vm, args, "isspace", |s| {
        !s.is_empty() && s.chars().all(is_space)
    })
}

fn islower(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pred(vm, args, "islower", |s| {
        let mut cased = false;
        for c in s.chars() {
            if c.is_uppercase() || is_titlecase(c) {
                return false;
            }
            if c.is_lowercase() {
                cased = true;
            }
        }
        cased
    })
}

fn isupper(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pred(vm, args, "isupper", |s| {
        let mut cased = false;
        for c in s.chars() {
            if c.is_lowercase() || is_titlecase(c) {
                return false;
            }
            if c.is_uppercase() {
                cased = true;
            }
        }
        cased
    })
}

fn istitle(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pred(vm, args, "istitle", |s| {
        let mut cased = false;
        let mut prev_cased = false;
        for c in s.chars() {
            if c.is_uppercase() || is_titlecase(c) {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else if c.is_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else {
                prev_cased = false;
            }
        }
        cased
    })
}

/// Whether `s` is a valid identifier (`str.isidentifier`).
pub fn is_identifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some(c) if c == '_' || c.is_alphabetic() => {}
        _ => return false,
    }
    it.all(|c| c == '_' || c.is_alphanumeric() || c == '\u{b7}')
}

fn isidentifier(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pred(vm, args, "isidentifier", is_identifier)
}

/// Whether a character is printable (`str.isprintable`).
pub fn is_printable_char(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_control() || is_space(c) {
        return false;
    }
    !matches!(c as u32, 0xad | 0x600..=0x605 | 0x61c | 0x6dd | 0x70f | 0x180e | 0x200b..=0x200f
        | 0x2028..=0x202e | 0x2060..=0x206f | 0xfeff | 0xfff9..=0xfffb | 0xd800..=0xdfff
        | 0xe000..=0xf8ff | 0xf0000..=0x10ffff | 0xe0001 | 0xe0020..=0xe007f)
}

fn isprintable(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pred(vm, args, "isprintable", |s| {
        s.chars().all(is_printable_char)
    })
}

fn join(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let sep = this(vm, &args)?;
    let a = margs(vm, &args, "join", 1, 1)?;
    let items = match vm.collect(&a[0]) {
        Ok(items) => items,
        Err(e)
            if vm.err_is(&e, &vm.ctx.types.type_error.clone()) && vm.get_iter(&a[0]).is_err() =>
        {
            return Err(vm.type_error("can only join an iterable"));
        }
        Err(e) => return Err(e),
    };
    let mut out = String::new();
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep.as_str());
        }
        match base_of(x) {
            Value::Str(s) => out.push_str(s.as_str()),
            _ => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    vm.type_name(x)
                )));
            }
        }
    }
    Ok(Value::string(out))
}

fn fill_char(vm: &mut Vm, v: Option<&Value>) -> PyResult<char> {
    match v {
        None => Ok(' '),
        Some(f) => {
            let s = match base_of(f) {
                Value::Str(s) => s.clone(),
                other => {
                    return Err(vm.type_error(format!(
                        "The fill character must be a unicode character, not {}",
                        vm.type_name(other)
                    )));
                }
            };
            let mut it = s.as_str().chars();
            match (it.next(), it.next()) {
                (Some(c), None) => Ok(c),
                _ => Err(vm.type_error("The fill character must be exactly one character long")),
            }
        }
    }
}

fn pad(vm: &mut Vm, args: Args<'_>, name: &str, kind: char) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let a = margs(vm, &args, name, 1, 2)?;
    let w = vm.arg_i64(&a[0], "")?;
    let fill = fill_char(vm, a.get(1))?;
    let n = s.char_len() as i64;
    if w <= n {
        return Ok(match &args.all[0] {
            v @ Value::Str(_) => v.clone(),
            _ => Value::Str(s),
        });
    }
    let marg = (w - n) as usize;
    let (left, right) = match kind {
        '<' => (0, marg),
        '>' => (marg, 0),
        _ => {
            let left = marg / 2 + (marg & w as usize & 1);
            (left, marg - left)
        }
    };
    let mut out = String::with_capacity(s.as_str().len() + marg);
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s.as_str());
    out.extend(std::iter::repeat_n(fill, right));
    Ok(Value::string(out))
}

fn ljust(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pad(vm, args, "ljust", '<')
}

fn rjust(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pad(vm, args, "rjust", '>')
}

fn center(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pad(vm, args, "center", '^')
}

fn zfill(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let a = margs(vm, &args, "zfill", 1, 1)?;
    let w = vm.arg_i64(&a[0], "")?.max(0) as usize;
    let t = s.as_str();
    let n = s.char_len();
    if n >= w {
        return Ok(Value::Str(s.clone()));
    }
    let (sign, rest) = if t.starts_with(['+', '-']) {
        t.split_at(1)
    } else {
        ("", t)
    };
    Ok(Value::string(format!("{sign}{}{rest}", "0".repeat(w - n))))
}

fn expandtabs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &args)?;
    at_most(vm, &args, "expandtabs", 1)?;
    let ts = match args.pos().get(1).or(args.kwarg("tabsize")) {
        Some(t) => vm.arg_i64(t, "")?,
        None => 8,
    };
    let mut out = String::with_capacity(s.as_str().len());
    let mut col: i64 = 0;
    for c in s.as_str().chars() {
        match c {
            '\t' => {
                if ts > 0 {
                    let n = ts - col % ts;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(Value::string(out))
}

fn partition_impl(vm: &mut Vm, args: Args<'_>, reverse: bool) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let a = margs(
        vm,
        &args,
        if reverse { "rpartition" } else { "partition" },
        1,
        1,
    )?;
    let sep = str_arg(vm, &a[0], "must")?;
    if sep.as_str().is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let t = s.as_str();
    let found = if reverse {
        t.rfind(sep.as_str())
    } else {
        t.find(sep.as_str())
    };
    Ok(match found {
        Some(p) => Value::tuple_of([
            Value::str(&t[..p]),
            Value::Str(sep.clone()),
            Value::str(&t[p + sep.as_str().len()..]),
        ]),
        None if reverse => Value::tuple_of([Value::str(""), Value::str(""), Value::Str(s.clone())]),
        None => Value::tuple_of([Value::Str(s.clone()), Value::str(""), Value::str("")]),
    })
}

fn partition(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    partition_impl(vm, args, false)
}

fn rpartition(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    partition_impl(vm, args, true)
}

fn removeprefix(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let a = margs(vm, &args, "removeprefix", 1, 1)?;
    let p = str_arg(vm, &a[0], "removeprefix() argument")?;
    Ok(match s.as_str().strip_prefix(p.as_str()) {
        Some(r) if !p.as_str().is_empty() => Value::str(r),
        _ => Value::Str(s.clone()),
    })
}

fn removesuffix(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let a = margs(vm, &args, "removesuffix", 1, 1)?;
    let p = str_arg(vm, &a[0], "removesuffix() argument")?;
    Ok(match s.as_str().strip_suffix(p.as_str()) {
        Some(r) if !p.as_str().is_empty() => Value::str(r),
        _ => Value::Str(s.clone()),
    })
}

fn replace(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let a = margs(vm, &args, "replace", 2, 3)?;
    let old = str_arg(vm, &a[0], "replace() argument 1")?;
    let new = str_arg(vm, &a[1], "replace() argument 2")?;
    let count = match a.get(2) {
        Some(c) => vm.arg_i64(c, "")?,
        None => -1,
    };
    Ok(Value::string(if count < 0 {
        s.as_str().replace(old.as_str(), new.as_str())
    } else {
        s.as_str()
            .replacen(old.as_str(), new.as_str(), count as usize)
    }))
}

fn encode(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &args)?;
    at_most(vm, &args, "encode", 2)?;
    let pos = &args.pos()[1..];
    let enc = match pos.first().or(args.kwarg("encoding")) {
        Some(e) => str_arg(vm, e, "encode() argument 'encoding'")?
            .as_str()
            .to_owned(),
        None => "utf-8".to_owned(),
    };
    let err = match pos.get(1).or(args.kwarg("errors")) {
        Some(e) => str_arg(vm, e, "encode() argument 'errors'")?
            .as_str()
            .to_owned(),
        None => "strict".to_owned(),
    };
    let b = super::bytes::encode(vm, s.as_str(), &enc, &err)?;
    Ok(Value::bytes(b))
}

fn translate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let a = margs(vm, &args, "translate", 1, 1)?;
    let table = a[0].clone();
    let mut out = String::with_capacity(s.as_str().len());
    let lookup_err = vm.ctx.types.lookup_error.clone();
    for c in s.as_str().chars() {
        match vm.get_item(&table, &Value::Int(c as i64)) {
            Ok(v) => match base_of(&v) {
                Value::None => {}
                Value::Str(r) => out.push_str(r.as_str()),
                Value::Int(n) => match u32::try_from(*n).ok().and_then(char::from_u32) {
                    Some(ch) => out.push(ch),
                    None => {
                        return Err(vm.value_error("character mapping must be in range(0x110000)"));
                    }
                },
                _ => {
                    return Err(vm.type_error("character mapping must return integer, None or str"));
                }
            },
            Err(e) if vm.err_is(&e, &lookup_err) => out.push(c),
            Err(e) => return Err(e),
        }
    }
    Ok(Value::string(out))
}

fn maketrans(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "maketrans", 1, 3)?;
    let d = Rc::new(crate::object::PyDict::new());
    if a.len() == 1 {
        let Value::Dict(src) = base_of(&a[0]).clone() else {
            return Err(
                vm.type_error("if you give only one argument to maketrans it must be a dict")
            );
        };
        let items: Vec<(Value, Value)> = src
            .0
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (k, v) in items {
            let key = match base_of(&k) {
                Value::Str(s) if s.char_len() == 1 => Value::Int(s.char_at(0) as i64),
                Value::Str(_) => {
                    return Err(
                        vm.value_error("string keys in translate table must be of length 1")
                    );
                }
                Value::Int(_) | Value::BoolW(_) => k.clone(),
                _ => {
                    return Err(
                        vm.type_error("keys in translate table must be strings or integers")
                    );
                }
            };
            vm.dict_set(&d, key, v)?;
        }
        return Ok(Value::Dict(d));
    }
    let x = str_arg(vm, &a[0], "maketrans() argument 1")?;
    let y = str_arg(vm, &a[1], "maketrans() argument 2")?;
    if x.char_len() != y.char_len() {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    for (p, q) in x.as_str().chars().zip(y.as_str().chars()) {
        vm.dict_set(&d, Value::Int(p as i64), Value::Int(q as i64))?;
    }
    if let Some(z) = a.get(2) {
        let z = str_arg(vm, z, "maketrans() argument 3")?;
        for c in z.as_str().chars() {
            vm.dict_set(&d, Value::Int(c as i64), Value::None)?;
        }
    }
    Ok(Value::Dict(d))
}

fn getnewargs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &args)?;
    Ok(Value::tuple_of([Value::Str(s)]))
}

fn format(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let pos = args.pos()[1..].to_vec();
    let kw: Vec<(String, Value)> = args.kw().map(|(k, v)| (k.to_owned(), v.clone())).collect();
    let out = str_format_args(vm, s.as_str(), &pos, &mut |vm, key| match kw
        .iter()
        .find(|(k, _)| k == key)
    {
        Some((_, v)) => Ok(v.clone()),
        None => Err(vm.key_error(Value::str(key))),
    })?;
    Ok(Value::string(out))
}

fn format_map(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let a = margs(vm, &args, "format_map", 1, 1)?;
    let m = a[0].clone();
    let out = str_format_args(vm, s.as_str(), &[], &mut |vm, key| {
        vm.get_item(&m, &Value::str(key))
    })?;
    Ok(Value::string(out))
}

/// Looks a keyword field of a format string up.
pub type KwLookup<'a> = dyn FnMut(&mut Vm, &str) -> PyResult<Value> + 'a;

/// `fmt.format(*pos, **kw)`: fields `{}`, `{0}`, `{name}`, `{x.attr}`, `{x[0]}`, with
/// `!r`/`!s`/`!a` and a (possibly nested) format spec.
pub fn str_format_args(
    vm: &mut Vm,
    fmt: &str,
    pos: &[Value],
    kw: &mut KwLookup<'_>,
) -> PyResult<String> {
    let mut auto: Option<usize> = None;
    let mut manual = false;
    format_rec(vm, fmt, pos, kw, &mut auto, &mut manual, 2)
}

fn format_rec(
    vm: &mut Vm,
    fmt: &str,
    pos: &[Value],
    kw: &mut KwLookup<'_>,
    auto: &mut Option<usize>,
    manual: &mut bool,
    depth: u32,
) -> PyResult<String> {
    if depth == 0 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::with_capacity(fmt.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            let mut level = 1;
            let mut j = i + 1;
            while j < chars.len() {
                match chars[j] {
                    '{' => level += 1,
                    '}' => {
                        level -= 1;
                        if level == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            if j >= chars.len() {
                if i + 1 == chars.len() {
                    return Err(vm.value_error("Single '{' encountered in format string"));
                }
                return Err(vm.value_error("expected '}' before end of string"));
            }
            let field: String = chars[i + 1..j].iter().collect();
            // split into name, conversion, spec (the spec starts at the first ':' that is
            // not inside brackets)
            let mut name_end = field.len();
            let mut bracket = false;
            for (p, ch) in field.char_indices() {
                match ch {
                    '[' => bracket = true,
                    ']' => bracket = false,
                    '!' | ':' if !bracket => {
                        name_end = p;
                        break;
                    }
                    _ => {}
                }
            }
            let name = &field[..name_end];
            let rest = &field[name_end..];
            let (conv, spec) = if let Some(r) = rest.strip_prefix('!') {
                let mut it = r.chars();
                let cv = it.next();
                let after: String = it.collect();
                if after.is_empty() {
                    (cv, String::new())
                } else if let Some(sp) = after.strip_prefix(':') {
                    (cv, sp.to_owned())
                } else {
                    return Err(vm.value_error("expected ':' after conversion specifier"));
                }
            } else if let Some(sp) = rest.strip_prefix(':') {
                (None, sp.to_owned())
            } else {
                (None, String::new())
            };
            let first_end = name.find(['.', '[']).unwrap_or(name.len());
            let key = &name[..first_end];
            let mut v = if key.is_empty() {
                if *manual {
                    return Err(vm.value_error(
                        "cannot switch from manual field specification to automatic field numbering",
                    ));
                }
                let n = auto.map(|a| a + 1).unwrap_or(0);
                *auto = Some(n);
                pos.get(n).cloned().ok_or_else(|| {
                    vm.index_error(format!(
                        "Replacement index {n} out of range for positional args tuple"
                    ))
                })?
            } else if let Ok(n) = key.parse::<usize>() {
                if auto.is_some() {
                    return Err(vm.value_error(
                        "cannot switch from automatic field numbering to manual field specification",
                    ));
                }
                *manual = true;
                pos.get(n).cloned().ok_or_else(|| {
                    vm.index_error(format!(
                        "Replacement index {n} out of range for positional args tuple"
                    ))
                })?
            } else {
                kw(vm, key)?
            };
            let mut rest = &name[first_end..];
            while !rest.is_empty() {
                if let Some(r) = rest.strip_prefix('.') {
                    let end = r.find(['.', '[']).unwrap_or(r.len());
                    if end == 0 {
                        return Err(vm.value_error("Empty attribute in format string"));
                    }
                    v = vm.get_attr_str(&v, &r[..end])?;
                    rest = &r[end..];
                } else if let Some(r) = rest.strip_prefix('[') {
                    let Some(end) = r.find(']') else {
                        return Err(vm.value_error("Missing ']' in format string"));
                    };
                    let k = &r[..end];
                    let key = match k.parse::<i64>() {
                        Ok(n) => Value::Int(n),
                        Err(_) => Value::str(k),
                    };
                    v = vm.get_item(&v, &key)?;
                    rest = &r[end + 1..];
                } else {
                    return Err(
                        vm.value_error("Only '.' or '[' may follow ']' in format field specifier")
                    );
                }
            }
            let v = match conv {
                Some('r') => Value::string(vm.repr(&v)?),
                Some('s') => vm.to_str_value(&v)?,
                Some('a') => vm.format_value(&v, crate::bytecode::Conversion::Ascii, None)?,
                None => v,
                Some(c) => {
                    return Err(vm.value_error(format!("Unknown conversion specifier {c}")));
                }
            };
            let spec = if spec.contains('{') {
                format_rec(vm, &spec, pos, kw, auto, manual, depth - 1)?
            } else {
                spec
            };
            out.push_str(&vm.format(&v, &spec)?);
            i = j + 1;
        } else if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(vm.value_error("Single '}' encountered in format string"));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}
