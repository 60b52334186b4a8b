//! Text of values: `repr()`, `str()`, `format()` with the format-spec mini-language,
//! and `%`-formatting.

use std::rc::Rc;

use crate::bytecode::Conversion;
use crate::object::{Value, float_repr};
use crate::vm::{PyResult, Vm};

/// `repr()` of a str, quoted and escaped as CPython does.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if (c as u32) < 0x80 => out.push(c),
            c if crate::stdlib::methods::is_printable_char(c) => out.push(c),
            c => {
                let n = c as u32;
                if n < 0x100 {
                    out.push_str(&format!("\\x{n:02x}"));
                } else if n < 0x10000 {
                    out.push_str(&format!("\\u{n:04x}"));
                } else {
                    out.push_str(&format!("\\U{n:08x}"));
                }
            }
        }
    }
    out.push(quote);
    out
}

/// `repr()` of bytes.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from("b");
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}

impl Vm {
    /// `repr(v)`.
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        if !matches!(
            v,
            Value::List(_) | Value::Tuple(_) | Value::Dict(_) | Value::Set(_) | Value::Instance(_)
        ) {
            return self.repr_inner(v);
        }
        // Containers recurse: count each level as a call, as CPython does.
        if self.depth >= self.interp.recursion_limit() {
            return Err(self.recursion_error(
                "maximum recursion depth exceeded while getting the repr of an object",
            ));
        }
        self.depth += 1;
        let r = stacker::maybe_grow(256 * 1024, 8 << 20, || self.repr_inner(v));
        self.depth -= 1;
        r
    }

    fn repr_inner(&mut self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::Null => "<NULL>".into(),
            Value::None => "None".into(),
            Value::NotImplemented => "NotImplemented".into(),
            Value::Ellipsis => "Ellipsis".into(),
            Value::BoolW(b) => if b.get() { "True" } else { "False" }.into(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => self.big_str(b)?,
            Value::FloatW(f) => float_repr(f.get()),
            Value::Str(s) => str_repr(s.as_str()),
            Value::Bytes(b) => bytes_repr(&b.0),
            Value::ByteArray(b) => {
                // CPython's bytearray repr escapes single quotes even inside "..."
                let r = bytes_repr(&b.0.borrow());
                let r = if r.starts_with("b\"") {
                    format!("b\"{}\"", r[2..r.len() - 1].replace('\'', "\\'"))
                } else {
                    r
                };
                format!("bytearray({r})")
            }
            Value::List(l) => {
                let items = l.0.borrow().clone();
                self.guarded(v, "[...]", |vm| Ok(format!("[{}]", vm.join_reprs(&items)?)))?
            }
            Value::Tuple(t) => {
                if t.0.len() == 1 {
                    let item = t.0[0].clone();
                    self.guarded(v, "(...)", |vm| Ok(format!("({},)", vm.repr(&item)?)))?
                } else {
                    let items = t.0.to_vec();
                    self.guarded(v, "(...)", |vm| Ok(format!("({})", vm.join_reprs(&items)?)))?
                }
            }
            Value::Dict(d) => {
                let items: Vec<(Value, Value)> =
                    d.0.borrow()
                        .iter()
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect();
                self.guarded(v, "{...}", |vm| {
                    let mut parts = Vec::with_capacity(items.len());
                    for (k, x) in &items {
                        parts.push(format!("{}: {}", vm.repr(k)?, vm.repr(x)?));
                    }
                    Ok(format!("{{{}}}", parts.join(", ")))
                })?
            }
            Value::Set(s) => {
                let items: Vec<Value> = s.map.borrow().keys().collect();
                let name = if s.frozen { "frozenset" } else { "set" };
                if items.is_empty() {
                    format!("{name}()")
                } else {
                    self.guarded(v, &format!("{name}(...)"), |vm| {
                        let body = vm.join_reprs(&items)?;
                        Ok(if s.frozen {
                            format!("frozenset({{{body}}})")
                        } else {
                            format!("{{{body}}}")
                        })
                    })?
                }
            }
            Value::Range(r) => {
                if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                }
            }
            Value::Slice(s) => format!(
                "slice({}, {}, {})",
                self.repr(&s.start)?,
                self.repr(&s.stop)?,
                self.repr(&s.step)?
            ),
            Value::Function(f) => format!(
                "<function {} at {:#x}>",
                f.qualname.borrow().as_str(),
                v.id()
            ),
            Value::Builtin(b) => match &b.bound {
                Some(s) => format!(
                    "<built-in method {} of {} object at {:#x}>",
                    b.name,
                    self.type_name(s),
                    s.id()
                ),
                None => format!("<built-in function {}>", b.name),
            },
            Value::Method(m) if matches!(m.func, Value::Builtin(_)) => {
                let name = match &m.func {
                    Value::Builtin(b) => b.name,
                    _ => "",
                };
                format!(
                    "<built-in method {} of {} object at {:#x}>",
                    name,
                    self.type_name(&m.self_),
                    m.self_.id()
                )
            }
            Value::Method(m) => {
                let fname = match &m.func {
                    Value::Function(f) => f.qualname.borrow().as_str().to_owned(),
                    other => self.type_name(other),
                };
                let s = m.self_.clone();
                format!("<bound method {} of {}>", fname, self.repr(&s)?)
            }
            Value::Type(t) if let Some(f) = meta_override(t, "__repr__") => {
                match self.call0(&f, std::slice::from_ref(v))? {
                    Value::Str(s) => s.as_str().to_owned(),
                    other => {
                        return Err(self.type_error(format!(
                            "__repr__ returned non-string (type {})",
                            self.type_name(&other)
                        )));
                    }
                }
            }
            Value::Type(t) => {
                // built-in classes of modules (`_thread.lock`) carry a `__module__`
                let module = t
                    .dict
                    .get_str("__module__")
                    .and_then(|m| m.as_str().map(str::to_owned));
                match module {
                    Some(m) if m != "builtins" => {
                        format!("<class '{}.{}'>", m, t.qualname.borrow().as_str())
                    }
                    _ => format!("<class '{}'>", t.qualname.borrow().as_str()),
                }
            }
            Value::Module(m) => {
                let name = self.repr(&m.dict.get_str("__name__").unwrap_or(Value::None))?;
                match m.dict.get_str("__file__") {
                    Some(f @ Value::Str(_)) => format!("<module {name} from {}>", self.repr(&f)?),
                    _ if m.dict.get_str("__spec__").is_none() => {
                        format!("<module {name} (built-in)>")
                    }
                    _ => format!("<module {name}>"),
                }
            }
            Value::Generator(g) => format!(
                "<{} object {} at {:#x}>",
                if g.coroutine {
                    "coroutine"
                } else {
                    "generator"
                },
                g.qualname.as_str(),
                v.id()
            ),
            Value::Code(c) => format!("<code object {} at {:#x}>", c.code.name, v.id()),
            Value::Cell(_) => format!("<cell at {:#x}>", v.id()),
            Value::Iter(_) => {
                let t = self.type_of(v);
                format!("<{} object at {:#x}>", t.name(), v.id())
            }
            Value::Native(n) if n.get::<crate::vm::attr::Super>().is_some() => {
                let s = n
                    .get::<crate::vm::attr::Super>()
                    .map(|s| (s.cls.clone(), s.obj.clone()));
                let (cls, obj) = s.unwrap_or((self.ctx.types.object.clone(), Value::None));
                let cls_repr = format!("<class '{}'>", cls.name());
                let obj_part = match &obj {
                    Value::None => "NULL".to_owned(),
                    Value::Type(t) => format!("<{} object>", t.name()),
                    o => format!("<{} object>", self.type_name(o)),
                };
                format!("<super: {cls_repr}, {obj_part}>")
            }
            Value::Instance(_) | Value::Native(_) => {
                let r = self.call_special(v, "__repr__", &[])?;
                match r {
                    Some(Value::Str(s)) => s.as_str().to_owned(),
                    Some(Value::Instance(i)) if matches!(i.base, Some(Value::Str(_))) => {
                        self.str_of(&Value::Instance(i))?
                    }
                    Some(other) => {
                        return Err(self.type_error(format!(
                            "__repr__ returned non-string (type {})",
                            self.type_name(&other)
                        )));
                    }
                    None => self.default_repr(v)?,
                }
            }
        })
    }

    /// `object.__repr__(v)`: `<module.Class object at 0x...>`.
    pub fn default_repr(&mut self, v: &Value) -> PyResult<String> {
        let t = self.type_of(v);
        let module = t
            .dict
            .get_str("__module__")
            .and_then(|m| m.as_str().map(str::to_owned));
        let q = t.qualname.borrow().as_str().to_owned();
        Ok(match module {
            Some(m) if m != "builtins" => format!("<{m}.{q} object at {:#x}>", v.id()),
            _ => format!("<{q} object at {:#x}>", v.id()),
        })
    }

    /// `BaseException.__repr__`.
    pub fn exc_repr(&mut self, i: &Rc<crate::object::Instance>) -> PyResult<String> {
        let args = i
            .exc
            .as_ref()
            .map(|e| e.args.borrow().clone())
            .unwrap_or(Value::None);
        let name = i.class.name().to_owned();
        Ok(match &args {
            Value::Tuple(t) if t.0.len() == 1 => format!("{name}({})", self.repr(&t.0[0])?),
            Value::Tuple(t) if t.0.is_empty() => format!("{name}()"),
            other => format!("{name}{}", self.repr(other)?),
        })
    }

    fn guarded(
        &mut self,
        v: &Value,
        placeholder: &str,
        f: impl FnOnce(&mut Vm) -> PyResult<String>,
    ) -> PyResult<String> {
        let id = v.id();
        if self.repr_stack.contains(&id) {
            return Ok(placeholder.to_owned());
        }
        self.repr_stack.push(id);
        let r = f(self);
        self.repr_stack.pop();
        r
    }

    fn join_reprs(&mut self, items: &[Value]) -> PyResult<String> {
        let mut parts = Vec::with_capacity(items.len());
        for x in items {
            parts.push(self.repr(x)?);
        }
        Ok(parts.join(", "))
    }

    /// `str(v)`.
    pub fn str_of(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.as_str().to_owned()),
            Value::Instance(_) | Value::Native(_) => match self.call_special(v, "__str__", &[])? {
                Some(Value::Str(s)) => Ok(s.as_str().to_owned()),
                Some(Value::Instance(i)) if matches!(i.base, Some(Value::Str(_))) => {
                    match &i.base {
                        Some(Value::Str(s)) => Ok(s.as_str().to_owned()),
                        _ => Ok(String::new()),
                    }
                }
                Some(other) => Err(self.type_error(format!(
                    "__str__ returned non-string (type {})",
                    self.type_name(&other)
                ))),
                None => self.repr(v),
            },
            Value::Type(t) if let Some(f) = meta_override(t, "__str__") => {
                match self.call0(&f, std::slice::from_ref(v))? {
                    Value::Str(s) => Ok(s.as_str().to_owned()),
                    other => Err(self.type_error(format!(
                        "__str__ returned non-string (type {})",
                        self.type_name(&other)
                    ))),
                }
            }
            _ => self.repr(v),
        }
    }

    /// `BaseException.__str__`.
    pub fn exc_str(&mut self, i: &Rc<crate::object::Instance>) -> PyResult<String> {
        let Some(exc) = &i.exc else {
            return Ok(String::new());
        };
        let args = exc.args.borrow().clone();
        match &args {
            Value::Tuple(t) if t.0.is_empty() => Ok(String::new()),
            Value::Tuple(t) if t.0.len() == 1 => {
                if i.class.is_subtype(&self.ctx.types.key_error.clone()) {
                    self.repr(&t.0[0])
                } else {
                    self.str_of(&t.0[0])
                }
            }
            other => self.repr(other),
        }
    }

    /// `str(v)` as a value (no copy for str).
    pub fn to_str_value(&mut self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Str(_) => Ok(v.clone()),
            _ => Ok(Value::string(self.str_of(v)?)),
        }
    }

    /// f-string `{v!conv:spec}`.
    pub fn format_value(
        &mut self,
        v: &Value,
        conv: Conversion,
        spec: Option<&Value>,
    ) -> PyResult<Value> {
        let v = match conv {
            Conversion::None => v.clone(),
            Conversion::Str => self.to_str_value(v)?,
            Conversion::Repr => Value::string(self.repr(v)?),
            Conversion::Ascii => Value::string(ascii_escape(&self.repr(v)?)),
        };
        let spec = match spec {
            Some(Value::Str(s)) => s.as_str().to_owned(),
            _ => String::new(),
        };
        if spec.is_empty() && !matches!(v, Value::Instance(_) | Value::Native(_)) {
            return self.to_str_value(&v);
        }
        Ok(Value::string(self.format(&v, &spec)?))
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        if let Value::Instance(_) | Value::Native(_) = v {
            if let Some(r) = self.call_special(v, "__format__", &[Value::str(spec)])? {
                return match r {
                    Value::Str(s) => Ok(s.as_str().to_owned()),
                    other => Err(self.type_error(format!(
                        "__format__ must return a str, not {}",
                        self.type_name(&other)
                    ))),
                };
            }
            if spec.is_empty() {
                return self.str_of(v);
            }
            return Err(self.type_error(format!(
                "unsupported format string passed to {}.__format__",
                self.type_name(v)
            )));
        }
        let Some(fs) = FormatSpec::parse(spec) else {
            return Err(self.value_error(format!(
                "Invalid format specifier '{spec}' for object of type '{}'",
                self.type_name(v)
            )));
        };
        let body = match v {
            Value::Int(_) | Value::BigInt(_) | Value::BoolW(_)
                if !matches!(fs.ty, Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) =>
            {
                if fs.precision.is_some() {
                    return Err(
                        self.value_error("Precision not allowed in integer format specifier")
                    );
                }
                if fs.ty == Some('c') && fs.sign != '-' {
                    return Err(
                        self.value_error("Sign not allowed with integer format specifier 'c'")
                    );
                }
                if matches!(v, Value::BoolW(_)) && fs.ty.is_none() {
                    return Ok(fs.pad(&self.str_of(v)?, false));
                }
                let n = match v {
                    Value::Int(i) => num_bigint::BigInt::from(*i),
                    Value::BoolW(b) => num_bigint::BigInt::from(b.get() as i64),
                    Value::BigInt(b) => (**b).clone(),
                    _ => unreachable_zero(),
                };
                let neg = n.sign() == num_bigint::Sign::Minus;
                let mag = n.magnitude();
                let digits = match fs.ty {
                    None | Some('d') | Some('n') => self.big_decimal(mag)?,
                    Some('x') => mag.to_str_radix(16),
                    Some('X') => mag.to_str_radix(16).to_uppercase(),
                    Some('o') => mag.to_str_radix(8),
                    Some('b') => mag.to_str_radix(2),
                    Some('c') => {
                        let c = num_traits::ToPrimitive::to_u32(&n)
                            .and_then(char::from_u32)
                            .unwrap_or('\0');
                        return Ok(fs.pad(&c.to_string(), false));
                    }
                    Some(c) => {
                        return Err(self.value_error(format!(
                            "Unknown format code '{c}' for object of type 'int'"
                        )));
                    }
                };
                let prefix = if fs.alt {
                    match fs.ty {
                        Some('x') => "0x",
                        Some('X') => "0X",
                        Some('o') => "0o",
                        Some('b') => "0b",
                        _ => "",
                    }
                } else {
                    ""
                };
                let digits = fs.group(&digits, matches!(fs.ty, None | Some('d') | Some('n')));
                return Ok(fs.pad_number(neg, prefix, &digits));
            }
            Value::Int(_) | Value::BigInt(_) | Value::BoolW(_) | Value::FloatW(_) => {
                let f = match v {
                    Value::FloatW(f) => f.get(),
                    Value::Int(i) => *i as f64,
                    Value::BoolW(b) => b.get() as i64 as f64,
                    Value::BigInt(b) => {
                        num_traits::ToPrimitive::to_f64(&**b).unwrap_or(f64::INFINITY)
                    }
                    _ => 0.0,
                };
                let neg = f.is_sign_negative();
                let a = f.abs();
                let body = match fs.ty {
                    Some('f') | Some('F') => fmt_fixed(a, fs.precision.unwrap_or(6)),
                    Some('e') | Some('E') => fmt_exp(a, fs.precision.unwrap_or(6)),
                    Some('g') | Some('G') => fmt_general(a, fs.precision.unwrap_or(6), fs.alt),
                    Some('%') => format!("{}%", fmt_fixed(a * 100.0, fs.precision.unwrap_or(6))),
                    None => match fs.precision {
                        Some(p) => {
                            let s = fmt_general(a, p.max(1), fs.alt);
                            if s.contains(['.', 'e', 'n', 'i']) {
                                s
                            } else {
                                format!("{s}.0")
                            }
                        }
                        None => float_repr(a),
                    },
                    Some(c) => {
                        return Err(self.value_error(format!(
                            "Unknown format code '{c}' for object of type 'float'"
                        )));
                    }
                };
                let mut body = if matches!(fs.ty, Some('E' | 'G' | 'F')) {
                    body.to_uppercase()
                } else {
                    body
                };
                // '#': always a decimal point
                if fs.alt && a.is_finite() && !body.contains('.') {
                    match body.find(['e', 'E', '%']) {
                        Some(p) => body.insert(p, '.'),
                        None => body.push('.'),
                    }
                }
                let (int_part, rest) = match body.find(|c: char| !c.is_ascii_digit()) {
                    Some(p) => body.split_at(p),
                    None => (body.as_str(), ""),
                };
                let grouped = format!("{}{}", fs.group(int_part, true), rest);
                let neg = neg && !f.is_nan();
                return Ok(fs.pad_number(neg, "", &grouped));
            }
            Value::Str(s) => {
                if let Some(c) = fs.ty.filter(|c| *c != 's') {
                    return Err(self.value_error(format!(
                        "Unknown format code '{c}' for object of type 'str'"
                    )));
                }
                if let Some(g) = fs.grouping {
                    return Err(self.value_error(format!("Cannot specify '{g}' with 's'.")));
                }
                if fs.align == Some('=') {
                    return Err(
                        self.value_error("'=' alignment not allowed in string format specifier")
                    );
                }
                if fs.sign != '-' {
                    return Err(self.value_error("Sign not allowed in string format specifier"));
                }
                if fs.alt {
                    return Err(self
                        .value_error("Alternate form (#) not allowed in string format specifier"));
                }
                let mut t = s.as_str().to_owned();
                if let Some(p) = fs.precision {
                    t = t.chars().take(p).collect();
                }
                t
            }
            other => {
                if spec.is_empty() {
                    self.str_of(other)?
                } else {
                    return Err(self.type_error(format!(
                        "unsupported format string passed to {}.__format__",
                        self.type_name(other)
                    )));
                }
            }
        };
        Ok(fs.pad(&body, false))
    }

    /// `fmt % args` (printf-style).
    pub fn percent_format(&mut self, fmt: &str, args: &Value) -> PyResult<String> {
        self.percent_format_impl(fmt, args, false)
    }

    /// `bytes % args`: the format is handled as latin-1 text; `%s`/`%b` take bytes.
    pub fn bytes_percent_format(&mut self, fmt: &[u8], args: &Value) -> PyResult<Vec<u8>> {
        let text: String = fmt.iter().map(|&b| b as char).collect();
        let out = self.percent_format_impl(&text, args, true)?;
        let mut bytes = Vec::with_capacity(out.len());
        for c in out.chars() {
            bytes.push(c as u32 as u8);
        }
        Ok(bytes)
    }

    fn percent_format_impl(
        &mut self,
        fmt: &str,
        args: &Value,
        bytes_mode: bool,
    ) -> PyResult<String> {
        let is_mapping = matches!(crate::stdlib::methods::base_of(args), Value::Dict(_))
            || (matches!(args, Value::Instance(_) | Value::Native(_))
                && self.type_of(args).lookup("__getitem__").is_some()
                && !matches!(crate::stdlib::methods::base_of(args), Value::Tuple(_)));
        let items: Vec<Value> = match crate::stdlib::methods::base_of(args) {
            Value::Tuple(t) => t.0.to_vec(),
            _ => vec![args.clone()],
        };
        let mut out = String::with_capacity(fmt.len());
        let mut next_arg = 0usize;
        let chars: Vec<char> = fmt.chars().collect();
        let mut i = 0;
        let mut used_mapping = false;
        while i < chars.len() {
            let c = chars[i];
            i += 1;
            if c != '%' {
                out.push(c);
                continue;
            }
            let mut key = None;
            if chars.get(i) == Some(&'(') {
                let mut depth = 1;
                let mut k = String::new();
                i += 1;
                while i < chars.len() {
                    let ch = chars[i];
                    i += 1;
                    if ch == '(' {
                        depth += 1;
                    } else if ch == ')' {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    k.push(ch);
                }
                if depth != 0 {
                    return Err(self.value_error("incomplete format key"));
                }
                key = Some(k);
            }
            let (mut left, mut zero, mut plus, mut space, mut alt) =
                (false, false, false, false, false);
            while i < chars.len() {
                match chars[i] {
                    '-' => left = true,
                    '0' => zero = true,
                    '+' => plus = true,
                    ' ' => space = true,
                    '#' => alt = true,
                    _ => break,
                }
                i += 1;
            }
            let mut take_arg = |vm: &mut Vm| -> PyResult<Value> {
                match items.get(next_arg) {
                    Some(a) => {
                        next_arg += 1;
                        Ok(a.clone())
                    }
                    None => Err(vm.type_error("not enough arguments for format string")),
                }
            };
            let mut width: Option<usize> = None;
            if chars.get(i) == Some(&'*') {
                i += 1;
                let w = take_arg(self)?;
                let w = match w {
                    Value::Int(n) => n,
                    _ => return Err(self.type_error("* wants int")),
                };
                if w < 0 {
                    left = true;
                }
                width = Some(w.unsigned_abs() as usize);
            } else {
                let st = i;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                if i > st {
                    width = chars[st..i].iter().collect::<String>().parse().ok();
                }
            }
            let mut prec: Option<usize> = None;
            if chars.get(i) == Some(&'.') {
                i += 1;
                if chars.get(i) == Some(&'*') {
                    i += 1;
                    let p = take_arg(self)?;
                    prec = Some(match p {
                        Value::Int(n) => n.max(0) as usize,
                        _ => return Err(self.type_error("* wants int")),
                    });
                } else {
                    let st = i;
                    while i < chars.len() && chars[i].is_ascii_digit() {
                        i += 1;
                    }
                    prec = Some(chars[st..i].iter().collect::<String>().parse().unwrap_or(0));
                }
            }
            while i < chars.len() && matches!(chars[i], 'h' | 'l' | 'L') {
                i += 1;
            }
            let Some(&conv) = chars.get(i) else {
                return Err(self.value_error("incomplete format"));
            };
            i += 1;
            if conv == '%' {
                out.push('%');
                continue;
            }
            let arg = match &key {
                Some(k) => {
                    if !is_mapping {
                        return Err(self.type_error("format requires a mapping"));
                    }
                    used_mapping = true;
                    let key = if bytes_mode {
                        Value::bytes(k.chars().map(|c| c as u32 as u8).collect())
                    } else {
                        Value::string(k.clone())
                    };
                    self.get_item(args, &key)?
                }
                None => take_arg(self)?,
            };
            // (sign, prefix, body, numeric)
            let (neg, prefix, body, numeric): (bool, &str, String, bool) = match conv {
                's' | 'r' | 'a' | 'b' => {
                    let mut s = if bytes_mode && (conv == 's' || conv == 'b') {
                        let b = match self.bytes_like(&arg) {
                            Some(b) => b,
                            None => match self.call_special(&arg, "__bytes__", &[])? {
                                Some(r) => self.bytes_like(&r).unwrap_or_default(),
                                None => {
                                    return Err(self.type_error(format!(
                                        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                                        self.type_name(&arg)
                                    )));
                                }
                            },
                        };
                        b.iter().map(|&x| x as char).collect()
                    } else if conv == 's' {
                        self.str_of(&arg)?
                    } else if conv == 'b' {
                        return Err(self.value_error(format!(
                            "unsupported format character 'b' (0x62) at index {}",
                            i - 1
                        )));
                    } else {
                        let r = self.repr(&arg)?;
                        if conv == 'a' || bytes_mode {
                            ascii_escape(&r)
                        } else {
                            r
                        }
                    };
                    if let Some(p) = prec {
                        s = s.chars().take(p).collect();
                    }
                    (false, "", s, false)
                }
                'c' => {
                    let s = match crate::stdlib::methods::base_of(&arg) {
                        Value::Str(s) if s.char_len() == 1 && !bytes_mode => s.as_str().to_owned(),
                        Value::Str(_) if !bytes_mode => {
                            return Err(self.type_error("%c requires int or char"));
                        }
                        v => match self.index_value(v)? {
                            Some(n) => {
                                let limit = if bytes_mode { 256 } else { 0x110000 };
                                match u32::try_from(n)
                                    .ok()
                                    .filter(|n| *n < limit)
                                    .and_then(char::from_u32)
                                {
                                    Some(ch) => ch.to_string(),
                                    None => {
                                        return Err(self.overflow_error(if bytes_mode {
                                            "%c arg not in range(256)"
                                        } else {
                                            "%c arg not in range(0x110000)"
                                        }));
                                    }
                                }
                            }
                            None => match self.bytes_like(v) {
                                Some(b) if bytes_mode && b.len() == 1 => (b[0] as char).to_string(),
                                _ => {
                                    return Err(self.type_error(if bytes_mode {
                                        "%c requires an integer in range(256) or a single byte"
                                    } else {
                                        "%c requires int or char"
                                    }));
                                }
                            },
                        },
                    };
                    (false, "", s, false)
                }
                'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                    let iv = match crate::stdlib::methods::base_of(&arg) {
                        v @ (Value::Int(_) | Value::BigInt(_) | Value::BoolW(_)) => v.clone(),
                        Value::FloatW(f) if matches!(conv, 'd' | 'i' | 'u') => {
                            crate::stdlib::methods::float_to_int(self, f.get().trunc())?
                        }
                        v => {
                            let r = if matches!(conv, 'd' | 'i' | 'u') {
                                match self.call_special(v, "__int__", &[])? {
                                    Some(r) => Some(r),
                                    None => self.call_special(v, "__index__", &[])?,
                                }
                            } else {
                                self.call_special(v, "__index__", &[])?
                            };
                            match r {
                                Some(r) => r,
                                None => {
                                    let what = if matches!(conv, 'd' | 'i' | 'u') {
                                        "a real number"
                                    } else {
                                        "an integer"
                                    };
                                    return Err(self.type_error(format!(
                                        "%{conv} format: {what} is required, not {}",
                                        self.type_name(v)
                                    )));
                                }
                            }
                        }
                    };
                    let n = crate::object::Int::of(&iv)
                        .map(|x| x.to_big())
                        .unwrap_or_default();
                    let neg = n.sign() == num_bigint::Sign::Minus;
                    let mag = n.magnitude();
                    let mut digits = match conv {
                        'x' => mag.to_str_radix(16),
                        'X' => mag.to_str_radix(16).to_uppercase(),
                        'o' => mag.to_str_radix(8),
                        _ => self.big_decimal(mag)?,
                    };
                    if let Some(p) = prec
                        && digits.len() < p
                    {
                        digits = format!("{}{digits}", "0".repeat(p - digits.len()));
                    }
                    let prefix = match (alt, conv) {
                        (true, 'x') => "0x",
                        (true, 'X') => "0X",
                        (true, 'o') => "0o",
                        _ => "",
                    };
                    (neg, prefix, digits, true)
                }
                'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                    let f = match crate::stdlib::methods::base_of(&arg) {
                        Value::FloatW(f) => f.get(),
                        v @ (Value::Int(_) | Value::BigInt(_) | Value::BoolW(_)) => {
                            let v = v.clone();
                            self.arg_f64(&v)?
                        }
                        v => match self.call_special(v, "__float__", &[])? {
                            Some(r) => self.arg_f64(&r)?,
                            None => {
                                return Err(self.type_error(format!(
                                    "must be real number, not {}",
                                    self.type_name(v)
                                )));
                            }
                        },
                    };
                    let p = prec.unwrap_or(6);
                    let a = f.abs();
                    let mut body = match conv {
                        'e' | 'E' => fmt_exp(a, p),
                        'f' | 'F' => fmt_fixed(a, p),
                        _ => fmt_general(a, p, alt),
                    };
                    if alt && !body.contains('.') && a.is_finite() && !matches!(conv, 'g' | 'G') {
                        match body.find('e') {
                            Some(pos) => body.insert(pos, '.'),
                            None => body.push('.'),
                        }
                    }
                    if matches!(conv, 'E' | 'F' | 'G') {
                        body = body.to_uppercase();
                    }
                    (f.is_sign_negative() && !f.is_nan(), "", body, a.is_finite())
                }
                c => {
                    return Err(self.value_error(format!(
                        "unsupported format character '{c}' (0x{:x}) at index {}",
                        c as u32,
                        i - 1
                    )));
                }
            };
            let is_num = matches!(
                conv,
                'd' | 'i' | 'u' | 'x' | 'X' | 'o' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G'
            );
            let sign = if !is_num {
                ""
            } else if neg {
                "-"
            } else if plus {
                "+"
            } else if space {
                " "
            } else {
                ""
            };
            let len = sign.len() + prefix.len() + body.chars().count();
            let w = width.unwrap_or(0);
            if len >= w {
                out.push_str(sign);
                out.push_str(prefix);
                out.push_str(&body);
            } else if left {
                out.push_str(sign);
                out.push_str(prefix);
                out.push_str(&body);
                out.push_str(&" ".repeat(w - len));
            } else if zero && numeric {
                out.push_str(sign);
                out.push_str(prefix);
                out.push_str(&"0".repeat(w - len));
                out.push_str(&body);
            } else {
                out.push_str(&" ".repeat(w - len));
                out.push_str(sign);
                out.push_str(prefix);
                out.push_str(&body);
            }
        }
        if next_arg < items.len() && !used_mapping && !is_mapping {
            return Err(self.type_error(if bytes_mode {
                "not all arguments converted during bytes formatting"
            } else {
                "not all arguments converted during string formatting"
            }));
        }
        Ok(out)
    }

    /// Writes to `sys.stdout`.
    pub fn write_stdout(&mut self, s: &str) -> PyResult<()> {
        crate::stdlib::io::write_stdout(self, s)
    }
}

fn unreachable_zero() -> num_bigint::BigInt {
    num_bigint::BigInt::from(0)
}

fn ascii_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

/// `'%.{p}f'`
pub fn fmt_fixed(a: f64, p: usize) -> String {
    if !a.is_finite() {
        return nonfinite(a);
    }
    format!("{a:.p$}")
}

/// `'%.{p}e'` with CPython's two-digit exponent.
pub fn fmt_exp(a: f64, p: usize) -> String {
    if !a.is_finite() {
        return nonfinite(a);
    }
    let s = format!("{a:.p$e}");
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
}

/// `'%.{p}g'`
pub fn fmt_general(a: f64, p: usize, alt: bool) -> String {
    if !a.is_finite() {
        return nonfinite(a);
    }
    let p = p.max(1);
    if a == 0.0 {
        return if alt {
            format!("{:.*}", p - 1, 0.0)
        } else {
            "0".into()
        };
    }
    let e = fmt_exp(a, p - 1);
    let exp: i32 = e
        .split_once('e')
        .map(|(_, x)| x.parse().unwrap_or(0))
        .unwrap_or(0);
    if exp < -4 || exp >= p as i32 {
        let (m, x) = e.split_once('e').unwrap_or((&e, ""));
        let m = if alt { m.to_owned() } else { strip_zeros(m) };
        format!("{m}e{x}")
    } else {
        let s = fmt_fixed(a, (p as i32 - 1 - exp).max(0) as usize);
        if alt { s } else { strip_zeros(&s) }
    }
}

fn strip_zeros(s: &str) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s.to_owned()
    }
}

fn nonfinite(a: f64) -> String {
    if a.is_nan() {
        "nan".into()
    } else {
        "inf".into()
    }
}

/// A parsed format spec: `[[fill]align][sign][#][0][width][,|_][.precision][type]`.
struct FormatSpec {
    fill: char,
    align: Option<char>,
    sign: char,
    alt: bool,
    zero: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    ty: Option<char>,
}

impl FormatSpec {
    fn parse(spec: &str) -> Option<FormatSpec> {
        let cs: Vec<char> = spec.chars().collect();
        let mut i = 0;
        let mut fs = FormatSpec {
            fill: ' ',
            align: None,
            sign: '-',
            alt: false,
            zero: false,
            width: 0,
            grouping: None,
            precision: None,
            ty: None,
        };
        let mut explicit_fill = false;
        if cs.len() >= 2 && "<>=^".contains(cs[1]) {
            fs.fill = cs[0];
            fs.align = Some(cs[1]);
            explicit_fill = true;
            i = 2;
        } else if !cs.is_empty() && "<>=^".contains(cs[0]) {
            fs.align = Some(cs[0]);
            i = 1;
        }
        if i < cs.len() && "+- ".contains(cs[i]) {
            fs.sign = cs[i];
            i += 1;
        }
        if i < cs.len() && cs[i] == '#' {
            fs.alt = true;
            i += 1;
        }
        if i < cs.len() && cs[i] == '0' {
            fs.zero = true;
            if !explicit_fill {
                fs.fill = '0';
            }
            i += 1;
        }
        let start = i;
        while i < cs.len() && cs[i].is_ascii_digit() {
            i += 1;
        }
        if i > start {
            fs.width = cs[start..i].iter().collect::<String>().parse().ok()?;
        }
        if i < cs.len() && (cs[i] == ',' || cs[i] == '_') {
            fs.grouping = Some(cs[i]);
            i += 1;
        }
        if i < cs.len() && cs[i] == '.' {
            i += 1;
            let s = i;
            while i < cs.len() && cs[i].is_ascii_digit() {
                i += 1;
            }
            if i == s {
                return None;
            }
            fs.precision = Some(cs[s..i].iter().collect::<String>().parse().ok()?);
        }
        if i < cs.len() {
            fs.ty = Some(cs[i]);
            i += 1;
        }
        if i != cs.len() {
            return None;
        }
        Some(fs)
    }

    fn group(&self, digits: &str, decimal: bool) -> String {
        let Some(sep) = self.grouping else {
            return digits.to_owned();
        };
        let every = if decimal { 3 } else { 4 };
        let mut out = String::new();
        let n = digits.len();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (n - i).is_multiple_of(every) {
                out.push(sep);
            }
            out.push(c);
        }
        out
    }

    fn pad_number(&self, neg: bool, prefix: &str, digits: &str) -> String {
        let sign = if neg {
            "-"
        } else {
            match self.sign {
                '+' => "+",
                ' ' => " ",
                _ => "",
            }
        };
        let head = format!("{sign}{prefix}");
        let len = head.chars().count() + digits.chars().count();
        if (self.zero && self.align.is_none()) || self.align == Some('=') {
            let fill = if self.align == Some('=') {
                self.fill
            } else {
                '0'
            };
            let pad = self.width.saturating_sub(len);
            return format!("{head}{}{digits}", fill.to_string().repeat(pad));
        }
        let body = format!("{head}{digits}");
        self.pad(&body, true)
    }

    fn pad(&self, body: &str, numeric: bool) -> String {
        let len = body.chars().count();
        if len >= self.width {
            return body.to_owned();
        }
        let pad = self.width - len;
        let fill = self.fill.to_string();
        match self.align.unwrap_or(if numeric { '>' } else { '<' }) {
            '>' => format!("{}{body}", fill.repeat(pad)),
            '^' => format!(
                "{}{body}{}",
                fill.repeat(pad / 2),
                fill.repeat(pad - pad / 2)
            ),
            _ => format!("{body}{}", fill.repeat(pad)),
        }
    }
}

/// The metaclass's own (Python-level) `name` method for class `t`, if its
/// metaclass defines one (`EnumType.__repr__`).
fn meta_override(t: &crate::object::PyType, name: &str) -> Option<Value> {
    match t.meta.as_ref()?.lookup(name)? {
        Value::Builtin(_) => None,
        f => Some(f),
    }
}
