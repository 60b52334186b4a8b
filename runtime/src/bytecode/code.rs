//! Code objects: compiled, immutable, shareable between interpreters.
//!
//! A [`CodeObject`] holds no interpreter-owned object: its constants are [`Const`]s
//! (plain data behind `Arc`), so one compiled module can be run by many interpreters.
//! An interpreter turns the constants into its own objects once per function object.

use std::sync::Arc;

use num_bigint::BigInt;

use super::instr::{ExceptionEntry, Instr};

/// A compile-time constant.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    None,
    Ellipsis,
    Bool(bool),
    Int(i64),
    BigInt(Arc<BigInt>),
    Float(f64),
    /// `complex(0, imag)` — an imaginary literal such as `2j`.
    Imag(f64),
    Str(Arc<str>),
    Bytes(Arc<[u8]>),
    Tuple(Arc<[Const]>),
    /// A frozenset of constants, items in source order (CPython folds a set display of
    /// more than two constants into one, which fixes the set's layout).
    FrozenSet(Arc<[Const]>),
    Code(Arc<CodeObject>),
}

/// The source span of an instruction: the expression or statement it was compiled
/// for. The first line is in `CodeObject::lines`; columns are UTF-8 byte offsets
/// within their lines, as in CPython's `co_positions()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

impl Position {
    /// No known span.
    pub const NONE: Position = Position {
        end_line: 0,
        col: u32::MAX,
        end_col: u32::MAX,
    };

    /// Whether the span is known.
    pub fn is_known(&self) -> bool {
        self.col != u32::MAX
    }
}

/// Flags of a code object.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CodeFlags(pub u32);

impl CodeFlags {
    /// Takes `*args` (the varname after the positional and keyword-only parameters).
    pub const VARARGS: u32 = 1;
    /// Takes `**kwargs` (the varname after `*args`, or after the parameters).
    pub const VARKEYWORDS: u32 = 2;
    /// Calling it makes a generator.
    pub const GENERATOR: u32 = 4;
    /// Calling it makes a coroutine (`async def`).
    pub const COROUTINE: u32 = 8;
    /// A class body: run with a fresh namespace dict as its locals mapping.
    pub const CLASS_BODY: u32 = 16;
    /// Module-level code: locals mapping is the globals.
    pub const MODULE: u32 = 32;
    /// An async generator (`async def` containing `yield`).
    pub const ASYNC_GENERATOR: u32 = 64;

    /// Whether every bit of `flag` is set.
    pub fn has(self, flag: u32) -> bool {
        self.0 & flag == flag
    }
}

/// A compiled function body, class body or module.
///
/// Parameters come first in `varnames`: positional (incl. positional-only), then
/// keyword-only, then `*args` if `VARARGS`, then `**kwargs` if `VARKEYWORDS`.
/// Cells are indexed `cellvars` then `freevars`. A parameter that is captured by an
/// inner function stays in `varnames` (arguments are bound there) and the compiler
/// copies it into its cell at entry (`LoadFast`, `StoreDeref`).
#[derive(Debug, PartialEq)]
pub struct CodeObject {
    pub name: Arc<str>,
    pub qualname: Arc<str>,
    pub filename: Arc<str>,
    pub first_line: u32,
    pub flags: CodeFlags,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub instrs: Box<[Instr]>,
    /// Source line of each instruction (same length as `instrs`).
    pub lines: Box<[u32]>,
    /// Source span of each instruction (same length as `instrs`), for the `^^^`
    /// markers of tracebacks.
    pub positions: Box<[Position]>,
    pub consts: Box<[Const]>,
    pub names: Box<[Arc<str>]>,
    pub varnames: Box<[Arc<str>]>,
    pub cellvars: Box<[Arc<str>]>,
    pub freevars: Box<[Arc<str>]>,
    pub exception_table: Box<[ExceptionEntry]>,
    /// An upper bound of the value stack depth.
    pub max_stack: u32,
    /// The docstring, if the body starts with a string literal.
    pub doc: Option<Arc<str>>,
}

impl CodeObject {
    /// The source span of the instruction at `ip` (`Position::NONE` if unknown).
    pub fn position_at(&self, ip: usize) -> Position {
        self.positions.get(ip).copied().unwrap_or(Position::NONE)
    }

    /// The line of the instruction at `ip`, or the first line if out of range.
    pub fn line_at(&self, ip: usize) -> u32 {
        self.lines.get(ip).copied().unwrap_or(self.first_line)
    }

    /// The handler for an exception raised at `ip`, if any.
    pub fn handler_for(&self, ip: usize) -> Option<&ExceptionEntry> {
        let ip = ip as u32;
        self.exception_table
            .iter()
            .find(|e| e.start <= ip && ip < e.end)
    }

    /// Total number of cells (own cells then free ones).
    pub fn ncells(&self) -> usize {
        self.cellvars.len() + self.freevars.len()
    }
}
