//! Parsing: the only module that talks to `ruff_python_parser`.
//!
//! [`parse_module`] turns source text into an AST (re-exported as [`ast`]) or a
//! [`SyntaxError`] positioned like CPython's (1-based line, 1-based character column).
//! [`LineIndex`] maps byte offsets to lines and columns.

use std::fmt;

pub use ruff_python_ast as ast;
pub use ruff_text_size::{Ranged, TextRange, TextSize};

use ruff_python_ast::PythonVersion;
use ruff_python_parser::{Mode, ParseOptions};

/// Which subclass of `SyntaxError` a syntax error is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SyntaxKind {
    #[default]
    Syntax,
    Indentation,
    Tab,
}

/// A syntax error, with CPython's `SyntaxError` attributes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub msg: String,
    /// `SyntaxError`, `IndentationError` or `TabError`.
    pub kind: SyntaxKind,
    pub filename: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column in characters (CPython's `offset`).
    pub col: u32,
    /// The source line the error is on (without its line break).
    pub text: Option<String>,
    pub end_line: u32,
    pub end_col: u32,
}

impl SyntaxError {
    /// An error at byte range `range` of `source`.
    pub fn at(
        msg: impl Into<String>,
        filename: &str,
        source: &str,
        index: &LineIndex,
        range: TextRange,
    ) -> SyntaxError {
        let start = range.start().to_u32() as usize;
        let end = range.end().to_u32() as usize;
        let (line, col) = index.line_col(source, start);
        let (end_line, end_col) = index.line_col(source, end.max(start));
        SyntaxError {
            msg: msg.into(),
            kind: SyntaxKind::Syntax,
            filename: filename.to_string(),
            line,
            col,
            text: index.line_text(source, line).map(|s| s.to_string()),
            end_line,
            end_col,
        }
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({}, line {})", self.msg, self.filename, self.line)
    }
}

impl std::error::Error for SyntaxError {}

/// Byte offset -> (line, column) mapping for one source text.
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset of the start of each line.
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(source: &str) -> LineIndex {
        let mut starts = vec![0];
        let bytes = source.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i + 1);
                }
                _ => {}
            }
            i += 1;
        }
        LineIndex { starts }
    }

    /// The 1-based line containing byte `offset`.
    pub fn line(&self, offset: usize) -> u32 {
        match self.starts.binary_search(&offset) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    /// The byte offset where 1-based `line` starts.
    pub fn line_start(&self, line: u32) -> usize {
        let i = (line as usize).saturating_sub(1);
        self.starts.get(i).copied().unwrap_or(0)
    }

    /// 1-based line and 1-based column (in characters) of byte `offset`.
    pub fn line_col(&self, source: &str, offset: usize) -> (u32, u32) {
        let offset = offset.min(source.len());
        let line = self.line(offset);
        let start = self.starts[line as usize - 1];
        let mut end = offset;
        while end > start && !source.is_char_boundary(end) {
            end -= 1;
        }
        let col = source[start..end].chars().count() as u32 + 1;
        (line, col)
    }

    /// The text of 1-based `line`, without its line break.
    pub fn line_text<'s>(&self, source: &'s str, line: u32) -> Option<&'s str> {
        let i = (line as usize).checked_sub(1)?;
        let start = *self.starts.get(i)?;
        if start > source.len() {
            return None;
        }
        let end = self.starts.get(i + 1).copied().unwrap_or(source.len());
        Some(source[start..end].trim_end_matches(['\n', '\r']))
    }
}

/// Parses a module. Syntax of Python versions after 3.11 is rejected.
pub fn parse_module(
    source: &str,
    filename: &str,
    index: &LineIndex,
) -> Result<ast::ModModule, SyntaxError> {
    let options = ParseOptions::from(Mode::Module).with_target_version(PythonVersion::PY311);
    let parsed = ruff_python_parser::parse_unchecked(source, options);
    let error = if let Some(err) = parsed.errors().first() {
        let (msg, kind, range) = cpython_message(&err.error, source, index, err.location);
        let mut e = SyntaxError::at(msg, filename, source, index, range);
        e.kind = kind;
        Some(e)
    } else {
        parsed.unsupported_syntax_errors().first().map(|err| {
            let msg = unsupported_message(&err.kind, source, index, err.range);
            SyntaxError::at(msg, filename, source, index, err.range)
        })
    };
    if let Some(error) = error {
        // The (partial) AST may be deeply nested: dropping it is recursive.
        if source.len() > BIG_SOURCE {
            drop_on_big_stack(parsed);
        }
        return Err(error);
    }
    match parsed.into_syntax() {
        ast::Mod::Module(m) => Ok(m),
        ast::Mod::Expression(e) => Err(SyntaxError::at(
            "expected a module",
            filename,
            source,
            index,
            e.range,
        )),
    }
}

/// CPython 3.11's message for syntax that later versions accept.
fn unsupported_message(
    kind: &ruff_python_parser::UnsupportedSyntaxErrorKind,
    source: &str,
    index: &LineIndex,
    range: TextRange,
) -> String {
    use ruff_python_parser::UnsupportedSyntaxErrorKind as K;
    match kind {
        K::Pep701FString(k) => match format!("{k:?}").as_str() {
            "Backslash" => "f-string expression part cannot include a backslash".into(),
            "Comment" => "f-string expression part cannot include '#'".into(),
            "LineBreak" => {
                let line = index.line_col(source, range.start().to_u32() as usize).0;
                format!("unterminated string literal (detected at line {line})")
            }
            _ => nested_quote_message(source, range.start().to_u32() as usize),
        },
        K::UnparenthesizedExceptionTypes => "multiple exception types must be parenthesized".into(),
        _ => "invalid syntax".into(),
    }
}

/// What CPython 3.11's tokenizer reports for an f-string whose replacement field
/// reuses the outer quote: the f-string ends at that quote, and the field is cut off.
fn nested_quote_message(source: &str, at: usize) -> String {
    let b = source.as_bytes();
    // find the f-string's opening quote: the first f/F-prefixed quote of the line
    // (other strings skipped)
    let at = at.min(b.len());
    let line_start = b[..at]
        .iter()
        .rposition(|c| *c == b'\n')
        .map_or(0, |p| p + 1);
    let mut start = None;
    let mut i = line_start;
    while i < at {
        if matches!(b[i], b'\'' | b'"') {
            let is_f = b[line_start..i]
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_alphabetic())
                .any(|c| matches!(c, b'f' | b'F'));
            if is_f {
                start = Some(i);
                break;
            }
            let q = b[i];
            i += 1;
            while i < at && b[i] != q {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
        }
        i += 1;
    }
    let Some(q_pos) = start else {
        return "f-string: expecting '}'".into();
    };
    let q = b[q_pos];
    let body_end = b[q_pos + 1..]
        .iter()
        .position(|c| *c == q || *c == b'\n')
        .map(|p| q_pos + 1 + p)
        .unwrap_or(b.len());
    let body = &b[q_pos + 1..body_end];
    // scan the replacement fields of the truncated body
    let mut brackets: Vec<u8> = Vec::new();
    let mut j = 0;
    while j < body.len() {
        let c = body[j];
        if brackets.is_empty() {
            if c == b'{' {
                if body.get(j + 1) == Some(&b'{') {
                    j += 2;
                    continue;
                }
                brackets.push(b'{');
            }
        } else {
            match c {
                b'\'' | b'"' => match body[j + 1..].iter().position(|x| *x == c) {
                    Some(p) => j += p + 1,
                    None => return "f-string: unterminated string".into(),
                },
                b'(' | b'[' | b'{' => brackets.push(c),
                b')' | b']' | b'}' => {
                    brackets.pop();
                }
                _ => {}
            }
        }
        j += 1;
    }
    match brackets.last() {
        Some(b'(') => "f-string: unmatched '('".into(),
        Some(b'[') => "f-string: unmatched '['".into(),
        _ => "f-string: expecting '}'".into(),
    }
}

/// CPython's name for an expression in error messages ("function call", "literal" ...).
fn expr_kind(text: &str) -> &'static str {
    use ast::Expr as E;
    let Ok(parsed) = ruff_python_parser::parse_expression(text) else {
        return "expression";
    };
    match &*parsed.syntax().body {
        E::Call(_) => "function call",
        E::Attribute(_) => "attribute",
        E::Subscript(_) => "subscript",
        E::Starred(_) => "starred",
        E::Name(_) => "name",
        E::List(_) => "list",
        E::Tuple(_) => "tuple",
        E::Lambda(_) => "lambda",
        E::BoolOp(_) | E::BinOp(_) | E::UnaryOp(_) => "expression",
        E::Generator(_) => "generator expression",
        E::Yield(_) | E::YieldFrom(_) => "yield expression",
        E::Await(_) => "await expression",
        E::ListComp(_) => "list comprehension",
        E::SetComp(_) => "set comprehension",
        E::DictComp(_) => "dict comprehension",
        E::Dict(_) => "dict literal",
        E::Set(_) => "set display",
        E::FString(_) => "f-string expression",
        E::NoneLiteral(_) => "None",
        E::BooleanLiteral(b) => {
            if b.value {
                "True"
            } else {
                "False"
            }
        }
        E::EllipsisLiteral(_) => "ellipsis",
        E::Compare(_) => "comparison",
        E::If(_) => "conditional expression",
        E::Named(_) => "named expression",
        _ => "literal",
    }
}

/// The text of a byte range of the source.
/// Whether `range` starts right after the `{` of an f-string replacement field.
fn fstring_field_start(source: &str, range: TextRange) -> bool {
    let start = (range.start().to_u32() as usize).min(source.len());
    let before = source[..start].trim_end_matches([' ', '\t']);
    if !before.ends_with('{') || before.ends_with("{{") {
        return false;
    }
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    let line = &before[line_start..];
    line.contains("f'") || line.contains("f\"") || line.contains("F'") || line.contains("F\"")
}

/// The error for `0x`, `0b2`, `0o8` ... (`text` is the prefix, `next` what follows).
fn prefixed_literal_error(text: &str, next: Option<char>) -> String {
    let (kind, digit_ok): (&str, fn(char) -> bool) = if text.starts_with("0b") {
        ("binary", |c| c.is_ascii_digit())
    } else if text.starts_with("0o") {
        ("octal", |c| c.is_ascii_digit())
    } else {
        ("hexadecimal", |_| false)
    };
    match next {
        Some(c) if digit_ok(c) => format!("invalid digit '{c}' in {kind} literal"),
        _ => format!("invalid {kind} literal"),
    }
}

/// CPython's message for a number literal directly followed by name characters
/// (`1__0`, `1e`, `0x1g`, `0b12`, `1.5j_`), if that is what `range` is.
fn number_suffix_error(source: &str, range: TextRange) -> Option<String> {
    let start = (range.start().to_u32() as usize).min(source.len());
    let first = source[start..].chars().next()?;
    if !(first.is_alphanumeric() || first == '_') {
        return None;
    }
    let before = &source[..start];
    let tok_start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_alphanumeric() || *c == '_' || *c == '.')
        .last()
        .map(|(i, _)| i)?;
    let token = before[tok_start..].to_ascii_lowercase();
    let lead = token.chars().next()?;
    if !(lead.is_ascii_digit() || (lead == '.' && token.len() > 1)) {
        return None;
    }
    Some(if token.starts_with("0x") {
        "invalid hexadecimal literal".into()
    } else if token.starts_with("0b") || token.starts_with("0o") {
        prefixed_literal_error(&token, Some(first))
    } else if token.ends_with('j') {
        "invalid imaginary literal".into()
    } else {
        "invalid decimal literal".into()
    })
}

/// CPython's message for a bad escape (`\x4`, `\u12`, `\N{...}`) in the string literal
/// around `range`.
fn escape_error_message(source: &str, range: TextRange) -> String {
    let b = source.as_bytes();
    let at = (range.start().to_u32() as usize).min(b.len());
    // the backslash that starts the escape
    let mut bs = at;
    while bs > 0 {
        bs -= 1;
        if b[bs] == b'\\' && matches!(b.get(bs + 1), Some(b'x' | b'u' | b'U' | b'N')) {
            break;
        }
        if b[bs] == b'\n' {
            break;
        }
    }
    // the literal's opening quote(s) and prefix
    let mut q = bs;
    while q > 0 {
        q -= 1;
        if matches!(b[q], b'\'' | b'"') && (q == 0 || b[q - 1] != b'\\') {
            break;
        }
    }
    let quote = b[q];
    let mut body_start = q + 1;
    while q > 0 && b[q - 1] == quote && body_start - q < 3 {
        q -= 1;
    }
    if body_start - q == 1 && q + 2 < b.len() && b[q + 1] == quote && b[q + 2] == quote {
        body_start = q + 3;
    }
    let prefix: String = source[..q]
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    let body = &source[body_start.min(bs)..bs];
    let is_bytes = prefix.contains('b');
    let pos: usize = if is_bytes {
        body.len()
    } else {
        body.chars()
            .map(|c| if c.is_ascii() { 1 } else { 10 })
            .sum()
    };
    let kind = b.get(bs + 1).copied().unwrap_or(b'x');
    if is_bytes {
        return format!(
            "(value error) invalid \\{} escape at position {pos}",
            kind as char
        );
    }
    let hex_run = |need: usize| {
        b[(bs + 2).min(b.len())..]
            .iter()
            .take(need)
            .take_while(|c| c.is_ascii_hexdigit())
            .count()
    };
    let (len, reason) = match kind {
        b'x' => (2 + hex_run(2), "truncated \\xXX escape".to_string()),
        b'u' => (2 + hex_run(4), "truncated \\uXXXX escape".to_string()),
        b'U' => {
            let n = hex_run(8);
            if n == 8 {
                (10, "illegal Unicode character".to_string())
            } else {
                (2 + n, "truncated \\UXXXXXXXX escape".to_string())
            }
        }
        _ => {
            if b.get(bs + 2) != Some(&b'{') {
                (2, "malformed \\N character escape".to_string())
            } else {
                match b[bs..].iter().position(|c| *c == b'}') {
                    Some(close) if !b[bs..bs + close].contains(&quote) => {
                        (close + 1, "unknown Unicode character name".to_string())
                    }
                    _ => (3, "malformed \\N character escape".to_string()),
                }
            }
        }
    };
    format!(
        "(unicode error) 'unicodeescape' codec can't decode bytes in position {pos}-{}: {reason}",
        pos + len - 1
    )
}

fn slice(source: &str, range: TextRange) -> &str {
    let s = (range.start().to_u32() as usize).min(source.len());
    let e = (range.end().to_u32() as usize).clamp(s, source.len());
    source.get(s..e).unwrap_or("")
}

/// The innermost bracket still open at the end of the source: (its byte offset, the
/// bracket).
fn unclosed_bracket(source: &str) -> Option<(usize, char)> {
    let mut stack: Vec<(usize, char)> = Vec::new();
    scan_brackets(source, |i, c| {
        if matches!(c, b'(' | b'[' | b'{') {
            stack.push((i, c as char));
        } else {
            stack.pop();
        }
        true
    });
    stack.pop()
}

/// Visits the brackets of Python source that are code (not inside strings or
/// comments) in order, with their byte offsets, while `visit` returns true.
/// Returns whether the source ends inside an unterminated triple-quoted string.
///
/// ```
/// let mut seen = String::new();
/// let src = "f(x['(']) # (\n\"\"\"open";
/// let open = atoll_runtime::syntax::scan_brackets(src, |_, c| {
///     seen.push(c as char);
///     true
/// });
/// assert_eq!(seen, "([])");
/// assert!(open);
/// ```
pub fn scan_brackets(source: &str, mut visit: impl FnMut(usize, u8) -> bool) -> bool {
    let b = source.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            q @ (b'\'' | b'"') => {
                let triple = i + 2 < b.len() && b[i + 1] == q && b[i + 2] == q;
                i += if triple { 3 } else { 1 };
                let mut closed = false;
                while i < b.len() {
                    if b[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if triple {
                        if b[i] == q && i + 2 < b.len() && b[i + 1] == q && b[i + 2] == q {
                            i += 2;
                            closed = true;
                            break;
                        }
                    } else if b[i] == q || b[i] == b'\n' {
                        closed = true;
                        break;
                    }
                    i += 1;
                }
                if triple && !closed {
                    return true;
                }
            }
            c @ (b'(' | b'[' | b'{' | b')' | b']' | b'}') if !visit(i, c) => return false,
            _ => {}
        }
        i += 1;
    }
    false
}

/// The 1-based line of the last non-blank, non-comment line before `line`.
fn previous_code_line(source: &str, index: &LineIndex, line: u32) -> u32 {
    let mut l = line.saturating_sub(1);
    while l > 1 {
        let t = index.line_text(source, l).unwrap_or("").trim();
        if !t.is_empty() && !t.starts_with('#') {
            break;
        }
        l -= 1;
    }
    l.max(1)
}

/// CPython's message, exception class and position for a parse error.
fn cpython_message(
    err: &ruff_python_parser::ParseErrorType,
    source: &str,
    index: &LineIndex,
    range: TextRange,
) -> (String, SyntaxKind, TextRange) {
    use ruff_python_ast::token::TokenKind as T;
    use ruff_python_parser::{LexicalErrorType, ParseErrorType as P};
    let at_eof = range.start().to_u32() as usize >= source.trim_end().len();
    let plain = |m: &str| (m.to_owned(), SyntaxKind::Syntax, range);
    if at_eof
        && matches!(
            err,
            P::Lexical(LexicalErrorType::Eof) | P::ExpectedExpression | P::ExpectedToken { .. }
        )
        && let Some((pos, c)) = unclosed_bracket(source)
    {
        let r = TextRange::new((pos as u32).into(), (pos as u32 + 1).into());
        return (format!("'{c}' was never closed"), SyntaxKind::Syntax, r);
    }
    match err {
        P::Lexical(LexicalErrorType::IndentationError) => (
            "unindent does not match any outer indentation level".into(),
            SyntaxKind::Indentation,
            range,
        ),
        P::UnexpectedIndentation => ("unexpected indent".into(), SyntaxKind::Indentation, range),
        P::Lexical(LexicalErrorType::UnclosedStringError) => {
            let text = slice(source, range);
            let line = index.line_col(source, range.start().to_u32() as usize).0;
            if text.contains("\"\"\"") || text.contains("\'\'\'") {
                let last = index.line(source.len());
                (
                    format!("unterminated triple-quoted string literal (detected at line {last})"),
                    SyntaxKind::Syntax,
                    range,
                )
            } else {
                (
                    format!("unterminated string literal (detected at line {line})"),
                    SyntaxKind::Syntax,
                    range,
                )
            }
        }
        P::Lexical(LexicalErrorType::Eof) => plain("unexpected EOF while parsing"),
        P::Lexical(LexicalErrorType::LineContinuationError) => {
            plain("unexpected character after line continuation character")
        }
        P::Lexical(LexicalErrorType::UnrecognizedToken { tok }) => {
            if tok.is_ascii() {
                plain("invalid syntax")
            } else {
                plain(&format!(
                    "invalid character '{tok}' (U+{:04X})",
                    *tok as u32
                ))
            }
        }
        P::Lexical(LexicalErrorType::FStringError(e)) | P::FStringError(e) => {
            use ruff_python_parser::InterpolatedStringErrorType as F;
            plain(match e {
                F::UnclosedLbrace => "f-string: expecting '}'",
                F::InvalidConversionFlag => {
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'"
                }
                F::SingleRbrace => "f-string: single '}' is not allowed",
                F::UnterminatedString => "f-string: unterminated string",
                F::UnterminatedTripleQuotedString => "f-string: unterminated triple-quoted string",
                F::LambdaWithoutParentheses => {
                    "f-string: lambda expressions are not allowed without parentheses"
                }
                _ => "f-string: invalid syntax",
            })
        }
        P::Lexical(
            LexicalErrorType::UnicodeError
            | LexicalErrorType::MissingUnicodeLbrace
            | LexicalErrorType::MissingUnicodeRbrace,
        ) => plain(&escape_error_message(source, range)),
        P::Lexical(LexicalErrorType::InvalidByteLiteral) => {
            plain("bytes can only contain ASCII literal characters")
        }
        P::Lexical(LexicalErrorType::OtherError(m)) if m.contains("Invalid decimal integer") => {
            plain(
                "leading zeros in decimal integer literals are not permitted; \
                 use an 0o prefix for octal integers",
            )
        }
        P::Lexical(LexicalErrorType::OtherError(m)) if m.contains("ParseIntError") => {
            let text = slice(source, range).to_ascii_lowercase();
            let next = source[(range.end().to_u32() as usize).min(source.len())..]
                .chars()
                .next();
            plain(&prefixed_literal_error(&text, next))
        }
        P::ExpectedExpression if fstring_field_start(source, range) => {
            match slice(source, range).chars().next() {
                Some(c @ (':' | '=' | '!')) => {
                    plain(&format!("f-string: expression required before '{c}'"))
                }
                Some('}') => plain("f-string: empty expression not allowed"),
                _ => plain("f-string: expecting '}'"),
            }
        }
        P::OtherError(m) => {
            if let Some(rest) = m.strip_prefix("Expected an indented block after ") {
                let what = rest.replace('`', "'");
                let line = index.line_col(source, range.start().to_u32() as usize).0;
                let header = previous_code_line(source, index, line);
                return (
                    format!("expected an indented block after {what} on line {header}"),
                    SyntaxKind::Indentation,
                    range,
                );
            }
            if m.starts_with("Expected `except` or `finally`") {
                return plain("expected 'except' or 'finally' block");
            }
            if m.starts_with("Cannot have both 'except' and 'except*'") {
                return plain("cannot have both 'except' and 'except*' on the same 'try'");
            }
            if m.starts_with("Expected one or more exception types") {
                let line = index.line_col(source, range.start().to_u32() as usize).0;
                let text = index.line_text(source, line).unwrap_or("");
                if text.contains("except*") {
                    return plain("expected one or more exception types");
                }
            }
            plain("invalid syntax")
        }
        P::ExpectedToken {
            expected: T::Colon, ..
        } => plain("expected ':'"),
        P::ExpectedToken {
            expected: T::Else, ..
        } => plain("expected 'else' after 'if' expression"),
        P::SimpleStatementsOnSameLine if number_suffix_error(source, range).is_some() => {
            plain(&number_suffix_error(source, range).unwrap_or_default())
        }
        P::SimpleStatementsOnSameLine => {
            let line = index.line_col(source, range.start().to_u32() as usize).0;
            let text = index.line_text(source, line).unwrap_or("").trim_start();
            if let Some(rest) = text.strip_prefix("print ")
                && !rest.trim_start().starts_with(['(', '=', '.', '['])
            {
                return plain("Missing parentheses in call to 'print'. Did you mean print(...)?");
            }
            if let Some(rest) = text.strip_prefix("exec ")
                && !rest.trim_start().starts_with(['(', '='])
            {
                return plain("Missing parentheses in call to 'exec'. Did you mean exec(...)?");
            }
            plain("invalid syntax")
        }
        P::InvalidAssignmentTarget => {
            let k = expr_kind(slice(source, range));
            match k {
                "None" | "True" | "False" | "ellipsis" => plain(&format!("cannot assign to {k}")),
                _ => {
                    // a single assignment target gets the "==" hint
                    let line_text = {
                        let line = index.line_col(source, range.start().to_u32() as usize).0;
                        index.line_text(source, line).unwrap_or("").to_owned()
                    };
                    let target = slice(source, range).trim();
                    let single = line_text.trim_start().starts_with(target)
                        && line_text.matches('=').count() == 1
                        && !line_text.trim_start().starts_with("for ")
                        && !line_text.trim_start().starts_with("with ");
                    if single {
                        plain(&format!(
                            "cannot assign to {k} here. Maybe you meant '==' instead of '='?"
                        ))
                    } else {
                        plain(&format!("cannot assign to {k}"))
                    }
                }
            }
        }
        P::InvalidNamedAssignmentTarget => plain(&format!(
            "cannot use assignment expressions with {}",
            expr_kind(slice(source, range))
        )),
        P::InvalidAnnotatedAssignmentTarget => plain("illegal target for annotation"),
        P::InvalidAugmentedAssignmentTarget => plain(&format!(
            "'{}' is an illegal expression for augmented assignment",
            expr_kind(slice(source, range))
        )),
        P::InvalidDeleteTarget => plain(&format!(
            "cannot delete {}",
            expr_kind(slice(source, range))
        )),
        P::PositionalAfterKeywordArgument => plain("positional argument follows keyword argument"),
        P::PositionalAfterKeywordUnpacking => {
            plain("positional argument follows keyword argument unpacking")
        }
        P::InvalidArgumentUnpackingOrder => {
            plain("iterable argument unpacking follows keyword argument unpacking")
        }
        P::UnparenthesizedGeneratorExpression => {
            plain("Generator expression must be parenthesized")
        }
        P::NonDefaultParamAfterDefaultParam => {
            plain("non-default argument follows default argument")
        }
        P::ParamAfterVarKeywordParam => plain("arguments cannot follow var-keyword argument"),
        P::VarParameterWithDefault => plain("var-positional argument cannot have default value"),
        P::ExpectedKeywordParam => plain("named arguments must follow bare *"),
        P::InvalidStarredExpressionUsage => plain("can't use starred expression here"),
        P::IterableUnpackingInComprehension => {
            plain("iterable unpacking cannot be used in comprehension")
        }
        P::EmptySlice => plain("invalid syntax"),
        _ => plain("invalid syntax"),
    }
}

/// Sources longer than this may hold ASTs too deep to drop on a small stack.
const BIG_SOURCE: usize = 4096;

/// Drops `value` on a thread with a large stack (recursive drops of deep ASTs); if no
/// thread can be started, the value is leaked rather than risking a stack overflow.
pub fn drop_on_big_stack<T: Send + 'static>(value: T) {
    let slot = std::sync::Arc::new(std::sync::Mutex::new(Some(value)));
    let inner = slot.clone();
    let spawned = std::thread::Builder::new()
        .name("atoll-drop".into())
        .stack_size(256 << 20)
        .spawn(move || {
            let taken = inner.lock().ok().and_then(|mut g| g.take());
            drop(taken);
        });
    match spawned {
        Ok(handle) => {
            let _ = handle.join();
        }
        Err(_) => {
            if let Some(v) = slot.lock().ok().and_then(|mut g| g.take()) {
                std::mem::forget(v);
            }
        }
    }
}
