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

/// A syntax error, with CPython's `SyntaxError` attributes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub msg: String,
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
        let msg = parse_error_message(&err.error);
        Some(SyntaxError::at(msg, filename, source, index, err.location))
    } else {
        parsed
            .unsupported_syntax_errors()
            .first()
            .map(|err| SyntaxError::at(err.to_string(), filename, source, index, err.range))
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

fn parse_error_message(err: &ruff_python_parser::ParseErrorType) -> String {
    use ruff_python_parser::{LexicalErrorType, ParseErrorType as P};
    match err {
        P::Lexical(LexicalErrorType::IndentationError) => {
            "unindent does not match any outer indentation level".into()
        }
        P::UnexpectedIndentation => "unexpected indent".into(),
        P::Lexical(LexicalErrorType::UnclosedStringError) => "unterminated string literal".into(),
        P::Lexical(LexicalErrorType::Eof) => "unexpected EOF while parsing".into(),
        P::InvalidAssignmentTarget => "cannot assign to expression".into(),
        P::InvalidDeleteTarget => "cannot delete expression".into(),
        P::InvalidAugmentedAssignmentTarget => {
            "'expression' is an illegal expression for augmented assignment".into()
        }
        P::PositionalAfterKeywordArgument => "positional argument follows keyword argument".into(),
        P::PositionalAfterKeywordUnpacking => {
            "positional argument follows keyword argument unpacking".into()
        }
        P::NonDefaultParamAfterDefaultParam => {
            "non-default argument follows default argument".into()
        }
        other => format!("invalid syntax: {other}"),
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
