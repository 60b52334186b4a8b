//! Code generation infrastructure: compilation units, labels, the exception-handler
//! stack, name resolution, constants, and assembly into [`CodeObject`]s.
//!
//! Statements are in `stmt.rs`, expressions in `expr.rs`.

use std::collections::HashMap;
use std::sync::Arc;

use crate::bytecode::{
    CodeFlags, CodeObject, Const, ExceptionEntry, Instr, MakeFunctionFlags, Position,
};
use crate::syntax::ast::{self, Expr, Stmt};
use crate::syntax::{LineIndex, Ranged, TextRange};

use super::CompileError;
use super::scope::{self, ScopeId, ScopeKind, SymScope, SymbolTable};

pub(super) type CResult<T> = Result<T, CompileError>;

/// CPython's `CO_MAXBLOCKS`: the deepest nesting of loops, `try` and `with` blocks.
pub(super) const MAX_BLOCKS: usize = 20;

/// A jump target, resolved to an instruction index when the unit is assembled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Label(pub u32);

/// A frame block: a construct that `break`/`continue`/`return` must unwind.
#[derive(Clone, Debug)]
pub(super) enum FBlockKind<'a> {
    /// `while`: nothing on the stack.
    While { cont: Label, brk: Label },
    /// `for`: the iterator is on the stack.
    For { cont: Label, brk: Label },
    /// The body of a `try` with `except` handlers: nothing to undo.
    TryExcept,
    /// The body of a `try` with `finally`: unwinding runs the finally body.
    FinallyTry { body: &'a [Stmt] },
    /// The exceptional copy of a finally body: `[prev_exc, exc]` on the stack.
    FinallyEnd,
    /// A `with` body: `[exit]` on the stack.
    With,
    /// An `async with` body: `[exit]` on the stack; exiting awaits its result.
    AsyncWith,
    /// An `except` body: `[prev_exc]` on the stack; the bound name is cleared.
    HandlerCleanup { name: Option<&'a str> },
    /// An `except*` body: `break`, `continue` and `return` may not leave it.
    ExceptStar,
}

#[derive(Clone, Debug)]
pub(super) struct FBlock<'a> {
    pub kind: FBlockKind<'a>,
    /// Length of the handler stack outside this block (its unwinding code runs there).
    pub handler_len: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    Ellipsis,
    Bool(bool),
    Int(i64),
    Big(String),
    Float(u64),
    Imag(u64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<ConstKey>),
    FrozenSet(Vec<ConstKey>),
    Code(usize),
}

fn const_key(c: &Const) -> ConstKey {
    match c {
        Const::None => ConstKey::None,
        Const::Ellipsis => ConstKey::Ellipsis,
        Const::Bool(b) => ConstKey::Bool(*b),
        Const::Int(i) => ConstKey::Int(*i),
        Const::BigInt(b) => ConstKey::Big(b.to_string()),
        Const::Float(f) => ConstKey::Float(f.to_bits()),
        Const::Imag(f) => ConstKey::Imag(f.to_bits()),
        Const::Str(s) => ConstKey::Str(s.to_string()),
        Const::Bytes(b) => ConstKey::Bytes(b.to_vec()),
        Const::Tuple(t) => ConstKey::Tuple(t.iter().map(const_key).collect()),
        Const::FrozenSet(t) => ConstKey::FrozenSet(t.iter().map(const_key).collect()),
        Const::Code(c) => ConstKey::Code(Arc::as_ptr(c) as usize),
    }
}

pub(super) struct Unit<'a> {
    pub scope: ScopeId,
    pub kind: ScopeKind,
    pub name: String,
    pub qualname: String,
    pub first_line: u32,
    pub flags: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    instrs: Vec<Instr>,
    lines: Vec<u32>,
    positions: Vec<Position>,
    handlers: Vec<Option<(Label, u32)>>,
    consts: Vec<Const>,
    const_map: HashMap<ConstKey, u32>,
    names: Vec<Arc<str>>,
    name_map: HashMap<String, u32>,
    pub varnames: Vec<String>,
    var_map: HashMap<String, u32>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    /// (position, stack depth at the label).
    labels: Vec<(Option<u32>, Option<i32>)>,
    /// The position the last label was bound at (an instruction there can't be
    /// fused with the one before it).
    last_bound: Option<u32>,
    jumps: Vec<usize>,
    pub depth: i32,
    max_depth: i32,
    /// Active exception handlers, innermost last: (handler label, stack depth).
    pub handler_stack: Vec<(Label, u32)>,
    pub fblocks: Vec<FBlock<'a>>,
    pub line: u32,
    /// The span given to emitted instructions (with `line`).
    pub pos: Position,
    pub doc: Option<String>,
    pub private: Option<String>,
    /// Module/class bodies that store annotations in `__annotations__`.
    pub has_annotations: bool,
}

pub(super) struct Compiler<'a> {
    pub source: &'a str,
    pub filename: &'a str,
    pub index: &'a LineIndex,
    pub st: SymbolTable,
    pub units: Vec<Unit<'a>>,
    pub interactive: bool,
    pub future_annotations: bool,
    /// The statement being compiled (where "too many statically nested blocks" points).
    pub stmt_range: TextRange,
}

/// Stack effect of `instr`; `jump` selects the effect when the jump is taken.
pub fn stack_effect(instr: &Instr, jump: bool) -> i32 {
    use Instr::*;
    match *instr {
        Nop => 0,
        Pop => -1,
        Dup => 1,
        Dup2 => 2,
        Rot2 | Rot3 | Rot4 => 0,
        PushNull => 1,
        LoadConst(_)
        | LoadFast(_)
        | LoadGlobal(_)
        | LoadName(_)
        | LoadDeref(_)
        | LoadClassDeref { .. }
        | LoadClosure(_) => 1,
        StoreFast(_) | StoreGlobal(_) | StoreName(_) | StoreDeref(_) => -1,
        DeleteFast(_) | DeleteGlobal(_) | DeleteName(_) | DeleteDeref(_) => 0,
        LoadAttr(_) => 0,
        LoadFastAttr(..) => 1,
        StoreAttr(_) => -2,
        StoreFastAttr(..) => -1,
        DeleteAttr(_) => -1,
        LoadMethod(_) => 1,
        LoadFastMethod(..) => 2,
        BinarySubscr => -1,
        StoreSubscr => -3,
        DeleteSubscr => -2,
        BinaryOp(_) | InplaceOp(_) | CompareOp(_) | IsOp(_) | ContainsOp(_) => -1,
        BinaryOpConst(..) | InplaceOpConst(..) | CompareOpConst(..) => 0,
        UnaryOp(_) => 0,
        Jump(_) => 0,
        PopJumpIfFalse(_) | PopJumpIfTrue(_) | PopJumpIfNone(_) | PopJumpIfNotNone(_) => -1,
        JumpIfFalseOrPop(_) | JumpIfTrueOrPop(_) => {
            if jump {
                0
            } else {
                -1
            }
        }
        GetIter => 0,
        ForIter(_) => {
            if jump {
                -1
            } else {
                1
            }
        }
        ReturnValue => -1,
        KwNames(_) => 0,
        Call(n) => -(n as i32),
        CallMethod(n) => -(n as i32) - 1,
        CallEx(kw) => {
            if kw {
                -2
            } else {
                -1
            }
        }
        MakeFunction(f) => -((f & 7).count_ones() as i32),
        LoadBuildClass => 1,
        BuildTuple(n) | BuildList(n) | BuildSet(n) | BuildString(n) => 1 - n as i32,
        BuildMap(n) => 1 - 2 * n as i32,
        BuildSlice(step) => {
            if step {
                -2
            } else {
                -1
            }
        }
        FormatValue { has_spec, .. } => {
            if has_spec {
                -1
            } else {
                0
            }
        }
        ListAppend(_) | SetAdd(_) => -1,
        MapAdd(_) => -2,
        ListExtend(_) | SetUpdate(_) | DictUpdate(_) | DictMerge(_) => -1,
        ListToTuple => 0,
        UnpackSequence(n) => n as i32 - 1,
        UnpackEx { before, after } => before as i32 + after as i32,
        Raise(n) => -(n as i32),
        Reraise => -1,
        PushExcInfo => 1,
        PopExcept => -1,
        CheckExcMatch => 0,
        LoadCurrentExc => 1,
        ExcType => 0,
        BeforeWith | BeforeAsyncWith => 1,
        CheckEgMatch => 1,
        PrepReraiseStar => -1,
        GetAIter => 0,
        GetANext => 1,
        WithExceptStart(_) => 1,
        RaiseAssert(msg) => {
            if msg {
                -1
            } else {
                0
            }
        }
        YieldValue => 0,
        GetYieldFromIter => 0,
        Send(_) => {
            if jump {
                -1
            } else {
                0
            }
        }
        GetAwaitable => 0,
        ImportName(_) => -1,
        ImportFrom(_) => 1,
        ImportStar => -1,
        PrintExpr => -1,
        LoadLocals => 1,
        SetupAnnotations => 0,
    }
}

/// The jump target of `instr`, if it has one.
pub(super) fn jump_target(instr: &Instr) -> Option<u32> {
    use Instr::*;
    match *instr {
        Jump(t) | PopJumpIfFalse(t) | PopJumpIfTrue(t) | JumpIfFalseOrPop(t)
        | JumpIfTrueOrPop(t) | PopJumpIfNone(t) | PopJumpIfNotNone(t) | ForIter(t) | Send(t) => {
            Some(t)
        }
        _ => None,
    }
}

fn set_jump_target(instr: &mut Instr, target: u32) {
    use Instr::*;
    match instr {
        Jump(t) | PopJumpIfFalse(t) | PopJumpIfTrue(t) | JumpIfFalseOrPop(t)
        | JumpIfTrueOrPop(t) | PopJumpIfNone(t) | PopJumpIfNotNone(t) | ForIter(t) | Send(t) => {
            *t = target
        }
        _ => {}
    }
}

/// Whether execution never continues to the next instruction.
pub(super) fn is_terminator(instr: &Instr) -> bool {
    matches!(
        instr,
        Instr::Jump(_)
            | Instr::ReturnValue
            | Instr::Raise(_)
            | Instr::Reraise
            | Instr::RaiseAssert(_)
    )
}

pub(super) enum NameCtx {
    Load,
    Store,
    Del,
}

pub(super) fn compile_module<'a>(
    module: &'a ast::ModModule,
    st: SymbolTable,
    source: &'a str,
    filename: &'a str,
    index: &'a LineIndex,
    mode: super::Mode,
) -> CResult<Arc<CodeObject>> {
    let interactive = mode == super::Mode::Single;
    let mut c = Compiler {
        source,
        filename,
        index,
        st,
        units: Vec::new(),
        interactive,
        future_annotations: false,
        stmt_range: TextRange::default(),
    };
    c.future_annotations = has_future_annotations(&module.body);
    c.enter_unit(0, "<module>", "<module>".to_string(), 1);
    c.u().flags |= CodeFlags::MODULE;
    let mut body: &[Stmt] = &module.body;
    if let Some(first) = body.first() {
        c.set_line(first.range());
    }
    if mode == super::Mode::Eval {
        return match body {
            [Stmt::Expr(e)] => {
                c.compile_expr(&e.value)?;
                c.emit(Instr::ReturnValue);
                c.finish_unit()
            }
            [] => Err(CompileError::new("invalid syntax", TextRange::default())),
            [first, ..] => Err(CompileError::new("invalid syntax", first.range())),
        };
    }
    if scope::has_annotations(body) {
        c.u().has_annotations = true;
        c.emit(Instr::SetupAnnotations);
    }
    if !interactive && let Some(doc) = docstring(body) {
        c.u().doc = Some(doc.clone());
        c.load_const(Const::Str(doc.into()));
        c.store_name_op("__doc__");
        body = &body[1..];
    }
    c.compile_body(body)?;
    c.load_const(Const::None);
    c.emit(Instr::ReturnValue);
    c.finish_unit()
}

fn has_future_annotations(body: &[Stmt]) -> bool {
    for s in body {
        match s {
            Stmt::ImportFrom(i)
                if i.module
                    .as_ref()
                    .is_some_and(|m| m.id.as_str() == "__future__") =>
            {
                if i.names.iter().any(|a| a.name.id.as_str() == "annotations") {
                    return true;
                }
            }
            Stmt::Expr(e) if matches!(&*e.value, Expr::StringLiteral(_)) => {}
            _ => return false,
        }
    }
    false
}

/// The docstring of a body: its first statement, if a plain string literal.
pub(super) fn docstring(body: &[Stmt]) -> Option<String> {
    if let Some(Stmt::Expr(e)) = body.first()
        && let Expr::StringLiteral(s) = &*e.value
    {
        return Some(s.value.to_str().to_string());
    }
    None
}

impl<'a> Compiler<'a> {
    pub fn u(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("no compilation unit")
    }

    pub fn ur(&self) -> &Unit<'a> {
        self.units.last().expect("no compilation unit")
    }

    pub fn line_of(&self, range: TextRange) -> u32 {
        self.index.line(range.start().to_u32() as usize)
    }

    pub fn set_line(&mut self, range: TextRange) {
        let line = self.line_of(range);
        let pos = self.position_of(range, line);
        let u = self.u();
        u.line = line;
        u.pos = pos;
    }

    /// The span of `range` (which starts on `line`).
    pub fn position_of(&self, range: TextRange, line: u32) -> Position {
        let start = range.start().to_u32() as usize;
        let end = range.end().to_u32() as usize;
        let end_line = self.index.line(end.max(start));
        Position {
            end_line,
            col: (start - self.index.line_start(line).min(start)) as u32,
            end_col: (end - self.index.line_start(end_line).min(end)) as u32,
        }
    }

    /// The current (line, span), to restore with [`restore_loc`](Self::restore_loc).
    pub fn loc(&mut self) -> (u32, Position) {
        let u = self.ur();
        (u.line, u.pos)
    }

    /// Restores a location saved by [`loc`](Self::loc).
    pub fn restore_loc(&mut self, loc: (u32, Position)) {
        let u = self.u();
        u.line = loc.0;
        u.pos = loc.1;
    }

    pub fn error<T>(&self, msg: impl Into<String>, range: TextRange) -> CResult<T> {
        Err(CompileError::new(msg, range))
    }

    /// Opens a compilation unit for scope `sid`.
    pub fn enter_unit(&mut self, sid: ScopeId, name: &str, qualname: String, first_line: u32) {
        let scope = &self.st.scopes[sid];
        let kind = scope.kind;
        let mut varnames: Vec<String> = Vec::new();
        if kind.is_function() {
            varnames.extend(scope.params.iter().cloned());
            for n in scope.local_names() {
                if !varnames.contains(n) {
                    varnames.push(n.clone());
                }
            }
        }
        let var_map = varnames
            .iter()
            .enumerate()
            .map(|(i, n)| (n.clone(), i as u32))
            .collect();
        let mut flags = 0;
        if kind.is_function() {
            match (scope.is_coroutine, scope.is_generator) {
                (true, true) => flags |= CodeFlags::ASYNC_GENERATOR,
                (true, false) => flags |= CodeFlags::COROUTINE,
                (false, true) => flags |= CodeFlags::GENERATOR,
                (false, false) => {}
            }
        }
        if kind == ScopeKind::Class {
            flags |= CodeFlags::CLASS_BODY;
        }
        let unit = Unit {
            scope: sid,
            kind,
            name: name.to_string(),
            qualname,
            first_line,
            flags,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            instrs: Vec::new(),
            lines: Vec::new(),
            positions: Vec::new(),
            handlers: Vec::new(),
            consts: Vec::new(),
            const_map: HashMap::new(),
            names: Vec::new(),
            name_map: HashMap::new(),
            varnames,
            var_map,
            cellvars: scope.cellvars.clone(),
            freevars: scope.freevars.clone(),
            labels: Vec::new(),
            last_bound: None,
            jumps: Vec::new(),
            depth: 0,
            max_depth: 0,
            handler_stack: Vec::new(),
            fblocks: Vec::new(),
            line: first_line,
            pos: Position::NONE,
            doc: None,
            private: scope.private.clone(),
            has_annotations: false,
        };
        self.units.push(unit);
    }

    /// Whether the current unit is a generator/coroutine (its frame starts with the
    /// first sent value on the stack).
    pub fn unit_is_generator(&self) -> bool {
        self.ur().flags & (CodeFlags::GENERATOR | CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR)
            != 0
    }

    /// The qualified name of a new scope named `name` opened in the current unit.
    pub fn qualname_for(&self, name: &str, kind: ScopeKind) -> String {
        let Some(parent) = self.units.last() else {
            return name.to_string();
        };
        if parent.kind == ScopeKind::Module {
            return name.to_string();
        }
        if matches!(kind, ScopeKind::Function | ScopeKind::Class) {
            let mangled = scope::mangle(parent.private.as_deref(), name);
            if self.st.scopes[parent.scope].lookup(&mangled) == SymScope::GlobalExplicit {
                return name.to_string();
            }
        }
        if matches!(parent.kind, ScopeKind::Function | ScopeKind::Lambda) {
            format!("{}.<locals>.{}", parent.qualname, name)
        } else {
            format!("{}.{}", parent.qualname, name)
        }
    }

    // ---- emission ---------------------------------------------------------------

    pub fn emit(&mut self, instr: Instr) -> usize {
        if let Some(at) = self.fuse_const_operand(instr) {
            return at;
        }
        let u = self.u();
        let handler = u.handler_stack.last().copied();
        u.instrs.push(instr);
        u.lines.push(u.line);
        u.positions.push(u.pos);
        u.handlers.push(handler);
        u.depth += stack_effect(&instr, false);
        if u.depth > u.max_depth {
            u.max_depth = u.depth;
        }
        u.instrs.len() - 1
    }

    /// An operator whose right operand is the constant just loaded
    /// (`i + 1`, `x < 0`, `n -= 2`) takes the place of the `LoadConst`: one
    /// instruction instead of two. Only when no jump lands between them and both
    /// are covered by the same exception handler; the fused instruction has the
    /// operator's location (loading a constant can't fail). Returns where it is.
    fn fuse_const_operand(&mut self, instr: Instr) -> Option<usize> {
        let u = self.u();
        let n = u.instrs.len();
        let Some(&Instr::LoadConst(c)) = u.instrs.last() else {
            return None;
        };
        let fused = match instr {
            Instr::BinaryOp(op) => Instr::BinaryOpConst(op, c),
            Instr::InplaceOp(op) => Instr::InplaceOpConst(op, c),
            Instr::CompareOp(op) => Instr::CompareOpConst(op, c),
            _ => return None,
        };
        if u.last_bound == Some(n as u32) || u.handlers[n - 1] != u.handler_stack.last().copied() {
            return None;
        }
        u.instrs[n - 1] = fused;
        u.lines[n - 1] = u.line;
        u.positions[n - 1] = u.pos;
        u.depth -= 1;
        Some(n - 1)
    }

    /// Takes back the `LoadFast` just emitted, so that the instruction about to be
    /// emitted can read the local itself (`LoadFastAttr`, `StoreFastAttr`,
    /// `LoadFastMethod`): only
    /// when it is the last instruction, on the current line, and no jump lands
    /// between the two. Returns the local's index.
    pub fn take_local_receiver(&mut self) -> Option<u16> {
        let u = self.u();
        let n = u.instrs.len();
        let Some(&Instr::LoadFast(i)) = u.instrs.last() else {
            return None;
        };
        let i = u16::try_from(i).ok()?;
        if u.lines[n - 1] != u.line || u.last_bound == Some(n as u32) {
            return None;
        }
        u.instrs.pop();
        u.lines.pop();
        u.positions.pop();
        u.handlers.pop();
        u.depth -= 1;
        Some(i)
    }

    pub fn new_label(&mut self) -> Label {
        let u = self.u();
        u.labels.push((None, None));
        Label(u.labels.len() as u32 - 1)
    }

    /// Emits a jump instruction `mk(label)`, recording the stack depth at the target.
    pub fn emit_jump(&mut self, mk: fn(u32) -> Instr, label: Label) {
        let instr = mk(label.0);
        let u = self.u();
        let target_depth = u.depth + stack_effect(&instr, true);
        let slot = &mut u.labels[label.0 as usize].1;
        if slot.is_none() {
            *slot = Some(target_depth);
        }
        let at = self.emit(instr);
        self.u().jumps.push(at);
    }

    /// Places `label` here; the stack depth becomes the one recorded by jumps to it.
    pub fn bind(&mut self, label: Label) {
        let u = self.u();
        let pos = u.instrs.len() as u32;
        u.last_bound = Some(pos);
        let entry = &mut u.labels[label.0 as usize];
        entry.0 = Some(pos);
        if let Some(d) = entry.1 {
            u.depth = d;
        } else {
            entry.1 = Some(u.depth);
        }
    }

    /// Makes `label` the handler of the instructions emitted from now on: on an
    /// exception the stack is cut to `depth` items and the exception pushed, so the
    /// handler code starts at depth `depth + 1`.
    pub fn push_handler(&mut self, label: Label, depth: i32) {
        let u = self.u();
        u.labels[label.0 as usize].1 = Some(depth + 1);
        u.handler_stack.push((label, depth.max(0) as u32));
    }

    pub fn pop_handler(&mut self) {
        self.u().handler_stack.pop();
    }

    /// Enters a block that `break`/`continue`/`return` must unwind (at most
    /// [`MAX_BLOCKS`] nested in one function, as in CPython).
    pub fn push_fblock(&mut self, kind: FBlockKind<'a>, handler_len: usize) -> CResult<()> {
        if self.u().fblocks.len() >= MAX_BLOCKS {
            return self.error("too many statically nested blocks", self.stmt_range);
        }
        self.u().fblocks.push(FBlock { kind, handler_len });
        Ok(())
    }

    pub fn pop_fblock(&mut self) {
        self.u().fblocks.pop();
    }

    pub fn add_const(&mut self, c: Const) -> u32 {
        let u = self.u();
        let key = const_key(&c);
        if let Some(&i) = u.const_map.get(&key) {
            return i;
        }
        u.consts.push(c);
        let i = u.consts.len() as u32 - 1;
        u.const_map.insert(key, i);
        i
    }

    pub fn load_const(&mut self, c: Const) {
        let i = self.add_const(c);
        self.emit(Instr::LoadConst(i));
    }

    pub fn name_index(&mut self, name: &str) -> u32 {
        let u = self.u();
        if let Some(&i) = u.name_map.get(name) {
            return i;
        }
        u.names.push(name.into());
        let i = u.names.len() as u32 - 1;
        u.name_map.insert(name.to_string(), i);
        i
    }

    pub fn mangle(&self, name: &str) -> String {
        scope::mangle(self.ur().private.as_deref(), name)
    }

    /// Index of cell `name` (cellvars then freevars).
    pub fn cell_index(&self, name: &str) -> Option<u32> {
        let u = self.ur();
        if let Some(i) = u.cellvars.iter().position(|n| n == name) {
            return Some(i as u32);
        }
        u.freevars
            .iter()
            .position(|n| n == name)
            .map(|i| (i + u.cellvars.len()) as u32)
    }

    fn var_index(&mut self, name: &str) -> u32 {
        let u = self.u();
        if let Some(&i) = u.var_map.get(name) {
            return i;
        }
        u.varnames.push(name.to_string());
        let i = u.varnames.len() as u32 - 1;
        u.var_map.insert(name.to_string(), i);
        i
    }

    /// Emits the load/store/delete of variable `name` (not yet mangled).
    pub fn compile_name(&mut self, name: &str, ctx: NameCtx) -> CResult<()> {
        let mangled = self.mangle(name);
        self.name_op_mangled(&mangled, ctx)
    }

    pub fn store_name_op(&mut self, name: &str) {
        let i = self.name_index(name);
        self.emit(Instr::StoreName(i));
    }

    pub fn name_op_mangled(&mut self, name: &str, ctx: NameCtx) -> CResult<()> {
        let (kind, sc) = {
            let u = self.ur();
            (u.kind, self.st.scopes[u.scope].lookup(name))
        };
        enum Op {
            Fast,
            Deref,
            ClassDeref,
            Global,
            Name,
        }
        let op = match kind {
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension => match sc {
                SymScope::Local => Op::Fast,
                SymScope::Cell | SymScope::Free => Op::Deref,
                SymScope::GlobalExplicit | SymScope::GlobalImplicit => Op::Global,
            },
            ScopeKind::Class => match sc {
                SymScope::Local | SymScope::GlobalImplicit => Op::Name,
                SymScope::GlobalExplicit => Op::Global,
                SymScope::Free => match ctx {
                    NameCtx::Load => Op::ClassDeref,
                    _ => Op::Deref,
                },
                SymScope::Cell => Op::Deref,
            },
            ScopeKind::Module => match sc {
                SymScope::GlobalExplicit => Op::Global,
                _ => Op::Name,
            },
        };
        let instr = match op {
            Op::Fast => {
                let i = self.var_index(name);
                match ctx {
                    NameCtx::Load => Instr::LoadFast(i),
                    NameCtx::Store => Instr::StoreFast(i),
                    NameCtx::Del => Instr::DeleteFast(i),
                }
            }
            Op::Deref | Op::ClassDeref => {
                let Some(cell) = self.cell_index(name) else {
                    return self.error(
                        format!("internal compiler error: no cell for '{name}'"),
                        TextRange::default(),
                    );
                };
                match (ctx, op) {
                    (NameCtx::Load, Op::ClassDeref) => {
                        let n = self.name_index(name);
                        Instr::LoadClassDeref {
                            name: n as u16,
                            cell: cell as u16,
                        }
                    }
                    (NameCtx::Load, _) => Instr::LoadDeref(cell),
                    (NameCtx::Store, _) => Instr::StoreDeref(cell),
                    (NameCtx::Del, _) => Instr::DeleteDeref(cell),
                }
            }
            Op::Global => {
                let i = self.name_index(name);
                match ctx {
                    NameCtx::Load => Instr::LoadGlobal(i),
                    NameCtx::Store => Instr::StoreGlobal(i),
                    NameCtx::Del => Instr::DeleteGlobal(i),
                }
            }
            Op::Name => {
                let i = self.name_index(name);
                match ctx {
                    NameCtx::Load => Instr::LoadName(i),
                    NameCtx::Store => Instr::StoreName(i),
                    NameCtx::Del => Instr::DeleteName(i),
                }
            }
        };
        self.emit(instr);
        Ok(())
    }

    /// Pushes the function made from `code`: closure cells (if any) and `MakeFunction`.
    /// The defaults / kwdefaults named by `flags` must already be on the stack.
    pub fn make_closure(&mut self, code: Arc<CodeObject>, mut flags: u8) -> CResult<()> {
        if !code.freevars.is_empty() {
            for name in code.freevars.iter() {
                let Some(i) = self.cell_index(name) else {
                    return self.error(
                        format!("internal compiler error: cannot close over '{name}'"),
                        TextRange::default(),
                    );
                };
                self.emit(Instr::LoadClosure(i));
            }
            self.emit(Instr::BuildTuple(code.freevars.len() as u32));
            flags |= MakeFunctionFlags::CLOSURE;
        }
        self.load_const(Const::Code(code));
        self.emit(Instr::MakeFunction(flags));
        Ok(())
    }

    // ---- assembly -----------------------------------------------------------------

    /// Closes the current unit and assembles its code object.
    pub fn finish_unit(&mut self) -> CResult<Arc<CodeObject>> {
        let mut u = self.units.pop().expect("no unit");
        let n = u.instrs.len() as u32;
        let pos = |u: &Unit, l: u32| u.labels[l as usize].0;
        for &j in &u.jumps {
            let l = jump_target(&u.instrs[j]).unwrap_or(0);
            let Some(p) = pos(&u, l) else {
                return self.error(
                    "internal compiler error: unbound label",
                    TextRange::default(),
                );
            };
            set_jump_target(&mut u.instrs[j], p);
        }
        thread_jumps(&mut u.instrs);
        let mut table: Vec<ExceptionEntry> = Vec::new();
        let mut i = 0;
        while i < u.instrs.len() {
            let Some((label, depth)) = u.handlers[i] else {
                i += 1;
                continue;
            };
            let start = i;
            while i < u.instrs.len() && u.handlers[i] == Some((label, depth)) {
                i += 1;
            }
            let Some(target) = pos(&u, label.0) else {
                return self.error(
                    "internal compiler error: unbound handler",
                    TextRange::default(),
                );
            };
            table.push(ExceptionEntry {
                start: start as u32,
                end: i as u32,
                target,
                depth,
            });
        }
        let start_depth = if u.flags
            & (CodeFlags::GENERATOR | CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR)
            != 0
        {
            1
        } else {
            0
        };
        let flow_max = max_stack_depth(&u.instrs, &table, start_depth);
        let max_stack = flow_max.max(u.max_depth).max(0) as u32;
        debug_assert!(n as usize == u.lines.len());
        let code = CodeObject {
            name: u.name.as_str().into(),
            qualname: u.qualname.as_str().into(),
            filename: self.filename.into(),
            first_line: u.first_line,
            flags: CodeFlags(u.flags),
            argcount: u.argcount,
            posonlyargcount: u.posonlyargcount,
            kwonlyargcount: u.kwonlyargcount,
            instrs: u.instrs.into_boxed_slice(),
            lines: u.lines.into_boxed_slice(),
            positions: u.positions.into_boxed_slice(),
            consts: u.consts.into_boxed_slice(),
            names: u.names.into_boxed_slice(),
            varnames: u.varnames.iter().map(|s| Arc::from(s.as_str())).collect(),
            cellvars: u.cellvars.iter().map(|s| Arc::from(s.as_str())).collect(),
            freevars: u.freevars.iter().map(|s| Arc::from(s.as_str())).collect(),
            exception_table: table.into_boxed_slice(),
            max_stack,
            doc: u.doc.map(|d| Arc::from(d.as_str())),
        };
        Ok(Arc::new(code))
    }
}

/// Peephole pass over resolved jumps: an unconditional jump to another
/// unconditional jump goes straight to the final target, and one that lands on
/// a `ReturnValue` returns itself (both leave the stack as the target expects;
/// neither instruction can raise, so exception handlers are unaffected).
fn thread_jumps(instrs: &mut [Instr]) {
    for i in 0..instrs.len() {
        let Instr::Jump(mut t) = instrs[i] else {
            continue;
        };
        // bounded, so a cycle of jumps (an empty infinite loop) is left alone
        for _ in 0..8 {
            match instrs.get(t as usize) {
                Some(&Instr::Jump(next)) if next != t => t = next,
                _ => break,
            }
        }
        instrs[i] = match instrs.get(t as usize) {
            Some(Instr::ReturnValue) => Instr::ReturnValue,
            _ => Instr::Jump(t),
        };
    }
}

/// The maximum stack depth reached along any path (following jumps and handlers).
pub(super) fn max_stack_depth(instrs: &[Instr], table: &[ExceptionEntry], start: i32) -> i32 {
    let n = instrs.len();
    let mut seen: Vec<Option<i32>> = vec![None; n];
    let mut work: Vec<(usize, i32)> = vec![(0, start)];
    for e in table {
        work.push((e.target as usize, e.depth as i32 + 1));
    }
    let mut max = start;
    while let Some((mut ip, mut d)) = work.pop() {
        while ip < n {
            if let Some(prev) = seen[ip]
                && prev >= d
            {
                break;
            }
            seen[ip] = Some(d);
            max = max.max(d);
            let instr = &instrs[ip];
            if let Some(t) = jump_target(instr) {
                work.push((t as usize, d + stack_effect(instr, true)));
            }
            if is_terminator(instr) {
                break;
            }
            d += stack_effect(instr, false);
            max = max.max(d);
            ip += 1;
        }
    }
    max
}
