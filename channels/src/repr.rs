//! Python's `repr` of shareable values, used by [`Display`] and [`Debug`]
//! of [`Shareable`], [`Dict`] and [`Set`].
//!
//! Floats print as CPython's `repr` does: the shortest digits that read back
//! to the same float, positional for decimal exponents in `[-4, 16)` and
//! scientific (`1e+16`, `1.5e-05`) outside. Strings pick their quote and
//! escape as CPython does; which non-ASCII characters count as printable is
//! decided by a built-in table of the unprintable ranges (controls, format
//! characters, separators other than the space, private use), without
//! CPython's full Unicode database, so an unassigned code point prints as
//! itself rather than as `\u....`.

use std::fmt::{self, Debug, Display, Formatter, Write};

use crate::{Dict, Set, Shareable};

impl Display for Shareable {
    /// Python's `repr` of the value.
    ///
    /// ```
    /// use atoll_channels::Shareable;
    ///
    /// let v = Shareable::tuple([Shareable::from(1e16), Shareable::from(&b"a'\n"[..])]);
    /// assert_eq!(v.to_string(), r#"(1e+16, b"a'\n")"#);
    /// ```
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Shareable::None => f.write_str("None"),
            Shareable::Bool(true) => f.write_str("True"),
            Shareable::Bool(false) => f.write_str("False"),
            Shareable::Int(i) => write!(f, "{i}"),
            Shareable::BigInt(b) => write!(f, "{b}"),
            Shareable::Float(x) => write_float(f, *x, FloatStyle::REPR),
            Shareable::Complex { re, im } => write_complex(f, *re, *im),
            Shareable::Str(s) => write_str_repr(f, s),
            Shareable::Bytes(b) => write_bytes_repr(f, b),
            Shareable::Tuple(items) => {
                f.write_char('(')?;
                write_items(f, items)?;
                if items.len() == 1 {
                    f.write_char(',')?;
                }
                f.write_char(')')
            }
            Shareable::List(items) => {
                f.write_char('[')?;
                write_items(f, items)?;
                f.write_char(']')
            }
            Shareable::Dict(d) => Display::fmt(d, f),
            Shareable::Set(s) => Display::fmt(s, f),
            Shareable::FrozenSet(s) if s.is_empty() => f.write_str("frozenset()"),
            Shareable::FrozenSet(s) => write!(f, "frozenset({s})"),
            Shareable::Queue(q) => write!(f, "Queue({})", q.id()),
            Shareable::Unbound => f.write_str("concurrent.interpreters._queues.UNBOUND"),
        }
    }
}

impl Debug for Shareable {
    /// The same as [`Display`]: Python's `repr`.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        Display::fmt(self, f)
    }
}

impl Display for Dict {
    /// Python's `repr` of a dict: `{'id': 1, 'name': 'x'}`.
    ///
    /// ```
    /// use atoll_channels::Dict;
    ///
    /// assert_eq!(Dict::new().to_string(), "{}");
    /// ```
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_char('{')?;
        for (i, (k, v)) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{k}: {v}")?;
        }
        f.write_char('}')
    }
}

impl Debug for Dict {
    /// The same as [`Display`].
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        Display::fmt(self, f)
    }
}

impl Display for Set {
    /// Python's `repr` of a set: `{1, 2}`, or `set()` when empty.
    ///
    /// ```
    /// use atoll_channels::Set;
    ///
    /// assert_eq!(Set::from_items([1, 2]).unwrap().to_string(), "{1, 2}");
    /// ```
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return f.write_str("set()");
        }
        f.write_char('{')?;
        write_items(f, self.as_slice())?;
        f.write_char('}')
    }
}

impl Debug for Set {
    /// The same as [`Display`].
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        Display::fmt(self, f)
    }
}

fn write_items(f: &mut Formatter<'_>, items: &[Shareable]) -> fmt::Result {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        Display::fmt(item, f)?;
    }
    Ok(())
}

/// Options of CPython's `float_repr_style = 'short'` formatting (`'r'`).
#[derive(Clone, Copy)]
struct FloatStyle {
    /// Append `.0` to a positional number without a fraction (`repr(1.0)`).
    add_dot_0: bool,
    /// Print `+` before non-negative numbers (imaginary parts).
    plus: bool,
}

impl FloatStyle {
    const REPR: FloatStyle = FloatStyle {
        add_dot_0: true,
        plus: false,
    };
}

fn write_float(f: &mut Formatter<'_>, x: f64, style: FloatStyle) -> fmt::Result {
    if x.is_nan() {
        return f.write_str(if style.plus { "+nan" } else { "nan" });
    }
    if x.is_sign_negative() {
        f.write_char('-')?;
    } else if style.plus {
        f.write_char('+')?;
    }
    if x.is_infinite() {
        return f.write_str("inf");
    }
    // Rust's `{:e}` gives the shortest digits that round-trip, as CPython's
    // repr does; only the layout differs.
    let sci = format!("{:e}", x.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    if (-4..16).contains(&exp) {
        if exp < 0 {
            f.write_str("0.")?;
            for _ in 0..(-exp - 1) {
                f.write_char('0')?;
            }
            f.write_str(&digits)
        } else {
            let point = exp as usize + 1;
            if digits.len() <= point {
                f.write_str(&digits)?;
                for _ in digits.len()..point {
                    f.write_char('0')?;
                }
                if style.add_dot_0 {
                    f.write_str(".0")?;
                }
                Ok(())
            } else {
                write!(f, "{}.{}", &digits[..point], &digits[point..])
            }
        }
    } else {
        f.write_str(&digits[..1])?;
        if digits.len() > 1 {
            write!(f, ".{}", &digits[1..])?;
        }
        let sign = if exp < 0 { '-' } else { '+' };
        write!(f, "e{sign}{:02}", exp.unsigned_abs())
    }
}

/// CPython's complex repr: `1j`, `(1+2j)`, `(-0-1j)`, `(nan+infj)`.
fn write_complex(f: &mut Formatter<'_>, re: f64, im: f64) -> fmt::Result {
    let part = FloatStyle {
        add_dot_0: false,
        plus: false,
    };
    if re == 0.0 && re.is_sign_positive() {
        write_float(f, im, part)?;
        return f.write_char('j');
    }
    f.write_char('(')?;
    write_float(f, re, part)?;
    write_float(f, im, FloatStyle { plus: true, ..part })?;
    f.write_str("j)")
}

/// Whether CPython's `str.isprintable()` is false for this non-ASCII char
/// (per the table described in the module docs).
fn is_unprintable(c: char) -> bool {
    matches!(
        c as u32,
        0x80..=0xA0 // C1 controls, no-break space
            | 0xAD // soft hyphen
            | 0x600..=0x605
            | 0x61C
            | 0x6DD
            | 0x70F
            | 0x890..=0x891
            | 0x8E2
            | 0x1680
            | 0x180E
            | 0x2000..=0x200F // spaces, zero-width and direction marks
            | 0x2028..=0x202F // line/paragraph separators, embeddings
            | 0x205F..=0x2064
            | 0x2066..=0x206F
            | 0x3000
            | 0xE000..=0xF8FF // private use
            | 0xFEFF
            | 0xFFF9..=0xFFFB
            | 0xFFFE..=0xFFFF
            | 0x110BD
            | 0x110CD
            | 0x13430..=0x1343F
            | 0x1BCA0..=0x1BCA3
            | 0x1D173..=0x1D17A
            | 0xE0001
            | 0xE0020..=0xE007F
            | 0xF0000..=0x10FFFF // private use planes
    )
}

fn write_str_repr(f: &mut Formatter<'_>, s: &str) -> fmt::Result {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    f.write_char(quote)?;
    for c in s.chars() {
        match c {
            '\\' => f.write_str("\\\\")?,
            '\n' => f.write_str("\\n")?,
            '\r' => f.write_str("\\r")?,
            '\t' => f.write_str("\\t")?,
            c if c == quote => write!(f, "\\{c}")?,
            c if c < ' ' || c == '\x7f' => write!(f, "\\x{:02x}", c as u32)?,
            c if c.is_ascii() || !is_unprintable(c) => f.write_char(c)?,
            c if (c as u32) <= 0xFF => write!(f, "\\x{:02x}", c as u32)?,
            c if (c as u32) <= 0xFFFF => write!(f, "\\u{:04x}", c as u32)?,
            c => write!(f, "\\U{:08x}", c as u32)?,
        }
    }
    f.write_char(quote)
}

fn write_bytes_repr(f: &mut Formatter<'_>, b: &[u8]) -> fmt::Result {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    f.write_char('b')?;
    f.write_char(char::from(quote))?;
    for &c in b {
        match c {
            b'\\' => f.write_str("\\\\")?,
            b'\n' => f.write_str("\\n")?,
            b'\r' => f.write_str("\\r")?,
            b'\t' => f.write_str("\\t")?,
            c if c == quote => write!(f, "\\{}", char::from(c))?,
            0x20..=0x7E => f.write_char(char::from(c))?,
            c => write!(f, "\\x{c:02x}")?,
        }
    }
    f.write_char(char::from(quote))
}
