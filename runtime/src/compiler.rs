//! The compiler: Python source -> [`CodeObject`]s (see `crate::bytecode`).
//!
//! Passes: parse ([`crate::syntax`]), symbol table ([`scope`]), code generation
//! ([`codegen`], statements in `stmt.rs`, expressions in `expr.rs`, constant folding in
//! [`fold`]).

use std::sync::Arc;

use crate::bytecode::CodeObject;
use crate::syntax::{self, LineIndex, SyntaxError, TextRange};

mod codegen;
mod expr;
pub mod fold;
pub mod scope;
mod stmt;

#[cfg(test)]
mod tests;

pub use codegen::stack_effect;

/// A compile error before it is positioned: message and byte range.
#[derive(Clone, Debug)]
pub struct CompileError {
    pub msg: String,
    pub range: TextRange,
}

impl CompileError {
    pub fn new(msg: impl Into<String>, range: TextRange) -> CompileError {
        CompileError {
            msg: msg.into(),
            range,
        }
    }
}

/// Compiles a module (CPython's `'exec'` mode). The result has `CodeFlags::MODULE`.
pub fn compile(source: &str, filename: &str) -> Result<Arc<CodeObject>, SyntaxError> {
    compile_mode(source, filename, Mode::Exec)
}

/// Compiles an expression (CPython's `'eval'` mode): the code returns its value.
pub fn compile_eval(source: &str, filename: &str) -> Result<Arc<CodeObject>, SyntaxError> {
    let source = source.trim_start_matches([' ', '\t']);
    compile_mode(source, filename, Mode::Eval)
}

/// What a compiled source is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Mode {
    /// A module.
    Exec,
    /// The interactive prompt: expression statements print their value.
    Single,
    /// One expression, whose value the code returns.
    Eval,
}

/// Compiles for the interactive prompt (CPython's `'single'` mode): top-level
/// expression statements print their value with `PrintExpr`.
pub fn compile_interactive(source: &str, filename: &str) -> Result<Arc<CodeObject>, SyntaxError> {
    compile_mode(source, filename, Mode::Single)
}

/// Native stack the parser wants for deeply nested source; when the calling
/// thread has less left, parsing runs on a fresh segment of [`COMPILE_STACK`]
/// bytes (only the pages used are ever touched).
const COMPILE_RED_ZONE: usize = 16 << 20;
const COMPILE_STACK: usize = 256 << 20;

fn compile_mode(source: &str, filename: &str, mode: Mode) -> Result<Arc<CodeObject>, SyntaxError> {
    stacker::maybe_grow(COMPILE_RED_ZONE, COMPILE_STACK, || {
        compile_on_stack(source, filename, mode)
    })
}

fn compile_on_stack(
    source: &str,
    filename: &str,
    mode: Mode,
) -> Result<Arc<CodeObject>, SyntaxError> {
    let index = LineIndex::new(source);
    if let Some(pos) = too_deep_brackets(source) {
        return Err(SyntaxError::at(
            "too many nested parentheses",
            filename,
            source,
            &index,
            TextRange::new((pos as u32).into(), (pos as u32 + 1).into()),
        ));
    }
    if let Some(pos) = too_deep_indent(source) {
        let mut e = SyntaxError::at(
            "too many levels of indentation",
            filename,
            source,
            &index,
            TextRange::new((pos as u32).into(), (pos as u32).into()),
        );
        e.kind = syntax::SyntaxKind::Indentation;
        return Err(e);
    }
    let module = syntax::parse_module(source, filename, &index)?;
    let to_syntax = |e: CompileError| SyntaxError::at(e.msg, filename, source, &index, e.range);
    match passes(
        &module,
        source,
        filename,
        &index,
        mode,
        scope::INLINE_NESTING,
    ) {
        Err(e) if e.msg == scope::NEEDS_BIG_STACK => {}
        other => return other.map_err(to_syntax),
    }
    // A deeply nested source: the recursive passes (and dropping the AST) run on a
    // thread with a large stack.
    let index_ref = &index;
    let result = std::thread::scope(|s| {
        let spawned = std::thread::Builder::new()
            .name("atoll-compile".into())
            .stack_size(BIG_STACK)
            .spawn_scoped(s, move || {
                let r = passes(
                    &module,
                    source,
                    filename,
                    index_ref,
                    mode,
                    scope::MAX_NESTING,
                );
                drop(module);
                r
            });
        match spawned {
            Ok(handle) => handle.join().unwrap_or_else(|_| {
                Err(CompileError::new(
                    "internal compiler error",
                    TextRange::default(),
                ))
            }),
            Err(_) => Err(CompileError::new(scope::TOO_DEEP, TextRange::default())),
        }
    });
    result.map_err(to_syntax)
}

/// CPython's tokenizer limit on nested brackets.
const MAX_BRACKETS: usize = 200;

/// The byte offset of the first bracket nested deeper than CPython allows (strings and
/// comments skipped), if any.
fn too_deep_brackets(source: &str) -> Option<usize> {
    if source
        .bytes()
        .filter(|c| matches!(c, b'(' | b'[' | b'{'))
        .count()
        <= MAX_BRACKETS
    {
        return None;
    }
    let mut depth = 0usize;
    let mut found = None;
    syntax::scan_brackets(source, |i, c| {
        if matches!(c, b'(' | b'[' | b'{') {
            depth += 1;
            if depth > MAX_BRACKETS {
                found = Some(i);
                return false;
            }
        } else {
            depth = depth.saturating_sub(1);
        }
        true
    });
    found
}

/// CPython's tokenizer limit on indentation levels (`MAXINDENT`).
const MAX_INDENT: usize = 100;

/// The byte offset of the first line indented deeper than CPython's tokenizer allows
/// (continuation lines, strings and comments skipped), if any.
fn too_deep_indent(source: &str) -> Option<usize> {
    let b = source.as_bytes();
    // cheap filter: MAX_INDENT - 1 levels need that many leading blanks
    let deep = b
        .split(|c| *c == b'\n')
        .any(|l| l.iter().take_while(|c| matches!(c, b' ' | b'\t')).count() >= MAX_INDENT - 1);
    if !deep {
        return None;
    }
    let mut stack: Vec<usize> = vec![0];
    let mut depth = 0usize;
    let mut i = 0;
    let mut line_start = true;
    while i < b.len() {
        if line_start {
            line_start = false;
            let start = i;
            let mut col = 0;
            while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\x0c') {
                col = match b[i] {
                    b'\t' => (col / 8 + 1) * 8,
                    b' ' => col + 1,
                    _ => 0,
                };
                i += 1;
            }
            let blank = i >= b.len() || matches!(b[i], b'#' | b'\n' | b'\r');
            if depth == 0 && !blank {
                let top = *stack.last().unwrap_or(&0);
                if col > top {
                    if stack.len() >= MAX_INDENT {
                        return Some(start);
                    }
                    stack.push(col);
                } else {
                    while stack.len() > 1 && col < *stack.last().unwrap_or(&0) {
                        stack.pop();
                    }
                }
            }
            continue;
        }
        match b[i] {
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'\\' if i + 1 < b.len() && b[i + 1] == b'\n' => {
                i += 2; // explicit line joining: no new logical line
                continue;
            }
            b'\n' => line_start = true,
            q @ (b'\'' | b'"') => {
                let triple = i + 2 < b.len() && b[i + 1] == q && b[i + 2] == q;
                i += if triple { 3 } else { 1 };
                while i < b.len() {
                    if b[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if triple {
                        if b[i] == q && i + 2 < b.len() && b[i + 1] == q && b[i + 2] == q {
                            i += 2;
                            break;
                        }
                    } else if b[i] == q || b[i] == b'\n' {
                        break;
                    }
                    i += 1;
                }
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    None
}

/// Stack size of the thread that compiles deeply nested sources.
const BIG_STACK: usize = 256 << 20;

fn passes(
    module: &syntax::ast::ModModule,
    source: &str,
    filename: &str,
    index: &LineIndex,
    mode: Mode,
    limit: u32,
) -> Result<Arc<CodeObject>, CompileError> {
    let table = scope::build(module, limit)?;
    codegen::compile_module(module, table, source, filename, index, mode)
}
