//! The instruction set: one flat list of opcodes, each documenting its stack effect.
//!
//! The machine is a stack machine with *fast locals* (a frame's `varnames`, indexed),
//! *cells* (the frame's `cellvars` followed by its `freevars`, indexed), and name tables
//! (`names`) for globals, attributes and imports. Jump targets are absolute instruction
//! indices. Stack effects are written `[before] -> [after]`, top of stack on the right.
//!
//! Exceptions use a zero-cost *exception table* (see [`ExceptionEntry`]) rather than a
//! block stack: an exception raised by the instruction at index `i` is handled by the
//! first table entry whose range contains `i`; the stack is cut back to the entry's
//! depth, the exception object is pushed, and execution jumps to the entry's handler.

/// Binary operators, shared by [`Instr::BinaryOp`] and [`Instr::InplaceOp`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

/// Unary operators for [`Instr::UnaryOp`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum UnOp {
    /// `-x`
    Neg,
    /// `+x`
    Pos,
    /// `~x`
    Invert,
    /// `not x` (always a bool)
    Not,
}

/// Rich comparisons for [`Instr::CompareOp`]; `is`, `in` have their own instructions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

/// Conversion applied by [`Instr::FormatValue`] before formatting (`!s`, `!r`, `!a`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Conversion {
    None,
    Str,
    Repr,
    Ascii,
}

/// One instruction. Every variant is at most 8 bytes.
///
/// ```
/// use atoll_runtime::bytecode::Instr;
/// assert!(std::mem::size_of::<Instr>() <= 8);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Instr {
    // ---- stack manipulation -------------------------------------------------------
    /// Does nothing.
    Nop,
    /// `[a] -> []`
    Pop,
    /// `[a] -> [a, a]`
    Dup,
    /// `[a, b] -> [a, b, a, b]`
    Dup2,
    /// `[a, b] -> [b, a]`
    Rot2,
    /// `[a, b, c] -> [c, a, b]` (top moves down two)
    Rot3,
    /// `[a, b, c, d] -> [d, a, b, c]` (top moves down three)
    Rot4,
    /// Pushes the internal *null* marker (used before a callable that is not a method,
    /// see [`Instr::CallMethod`]). `[] -> [null]`
    PushNull,

    // ---- constants and names ------------------------------------------------------
    /// `[] -> [consts[i]]`
    LoadConst(u32),
    /// `[] -> [varnames[i]]`; raises `UnboundLocalError` if unbound.
    LoadFast(u32),
    /// `[v] -> []`, binds `varnames[i]`.
    StoreFast(u32),
    /// Unbinds `varnames[i]`; `UnboundLocalError` if unbound.
    DeleteFast(u32),
    /// `[] -> [v]`: looks `names[i]` up in globals, then builtins; `NameError` if absent.
    LoadGlobal(u32),
    /// `[v] -> []`: binds `names[i]` in globals.
    StoreGlobal(u32),
    /// Unbinds `names[i]` in globals; `NameError` if absent.
    DeleteGlobal(u32),
    /// `[] -> [v]`: looks `names[i]` up in the frame's locals mapping (class bodies),
    /// then globals, then builtins. Where the frame has no locals mapping (module level),
    /// it is the same as `LoadGlobal`.
    LoadName(u32),
    /// `[v] -> []`: binds `names[i]` in the locals mapping (globals at module level).
    StoreName(u32),
    /// Unbinds `names[i]` in the locals mapping (globals at module level).
    DeleteName(u32),
    /// `[] -> [cell_contents]` for cell `i` (cellvars then freevars); `NameError`
    /// (free variable) or `UnboundLocalError` (own cell) if empty.
    LoadDeref(u32),
    /// `[v] -> []`: stores into cell `i`.
    StoreDeref(u32),
    /// Empties cell `i`.
    DeleteDeref(u32),
    /// In a class body: looks `names[name]` up in the locals mapping first, and falls
    /// back to cell `cell`'s contents. `[] -> [v]`
    LoadClassDeref { name: u16, cell: u16 },
    /// `[] -> [cell]`: pushes cell `i` itself (to build a closure tuple).
    LoadClosure(u32),

    // ---- attributes and items -----------------------------------------------------
    /// `[obj] -> [obj.names[i]]`
    LoadAttr(u32),
    /// `[] -> [local.names[name]]`: `LoadFast(local)` and `LoadAttr(name)` in one
    /// instruction, without putting the local on the stack.
    LoadFastAttr(u16, u32),
    /// `[v, obj] -> []`: `obj.names[i] = v`
    StoreAttr(u32),
    /// `[v] -> []`: `local.names[name] = v` (`LoadFast(local)` and
    /// `StoreAttr(name)` in one instruction).
    StoreFastAttr(u16, u32),
    /// `[obj] -> []`: `del obj.names[i]`
    DeleteAttr(u32),
    /// `[obj] -> [meth, obj]` when `names[i]` is a plain function found on the type
    /// (an unbound method call is then cheap), otherwise `[obj] -> [attr, null]`.
    /// Followed, after the arguments, by [`Instr::CallMethod`].
    LoadMethod(u32),
    /// `LoadFast(local)` and `LoadMethod(name)` in one instruction.
    LoadFastMethod(u16, u32),
    /// `[obj, key] -> [obj[key]]`
    BinarySubscr,
    /// `[v, obj, key] -> []`: `obj[key] = v`
    StoreSubscr,
    /// `[obj, key] -> []`: `del obj[key]`
    DeleteSubscr,

    // ---- operators ----------------------------------------------------------------
    /// `[a, b] -> [a op b]`
    BinaryOp(BinOp),
    /// `[a] -> [a op consts[c]]`: `LoadConst(c)` and `BinaryOp(op)` in one.
    BinaryOpConst(BinOp, u32),
    /// `[a, b] -> [a op= b]` (tries `__iop__` first, then the binary operator)
    InplaceOp(BinOp),
    /// `[a] -> [a op= consts[c]]`: `LoadConst(c)` and `InplaceOp(op)` in one.
    InplaceOpConst(BinOp, u32),
    /// `[a] -> [op a]`
    UnaryOp(UnOp),
    /// `[a, b] -> [a op b]`
    CompareOp(CmpOp),
    /// `[a] -> [a op consts[c]]`: `LoadConst(c)` and `CompareOp(op)` in one.
    CompareOpConst(CmpOp, u32),
    /// `[a, b] -> [a is b]`, or `a is not b` when the flag is true.
    IsOp(bool),
    /// `[a, b] -> [a in b]`, or `a not in b` when the flag is true.
    ContainsOp(bool),

    // ---- control flow -------------------------------------------------------------
    /// Jumps to the target. A backward jump checks the eval breaker.
    Jump(u32),
    /// `[v] -> []`, jumps if `v` is false.
    PopJumpIfFalse(u32),
    /// `[v] -> []`, jumps if `v` is true.
    PopJumpIfTrue(u32),
    /// `[v] -> [v]` and jumps if false, else `[v] -> []` (for `and`).
    JumpIfFalseOrPop(u32),
    /// `[v] -> [v]` and jumps if true, else `[v] -> []` (for `or`).
    JumpIfTrueOrPop(u32),
    /// `[v] -> []`, jumps if `v is None`.
    PopJumpIfNone(u32),
    /// `[v] -> []`, jumps if `v is not None`.
    PopJumpIfNotNone(u32),
    /// `[obj] -> [iter(obj)]`
    GetIter,
    /// `[it] -> [it, next(it)]`; when exhausted: `[it] -> []` and jumps to the target.
    ForIter(u32),
    /// `[v] -> ` returns `v` from the frame.
    ReturnValue,

    // ---- calls and functions ------------------------------------------------------
    /// Names the keyword arguments of the next `Call`/`CallMethod`: `consts[i]` is a
    /// tuple of str. The last `len(names)` arguments are then keyword arguments.
    KwNames(u32),
    /// `[f, a1..an] -> [f(a1..an)]` (n counts keyword values too, see `KwNames`).
    Call(u32),
    /// `[m, self_or_null, a1..an] -> [result]`: calls `m(self, a1..an)` when the second
    /// slot is an object, `m(a1..an)` when it is null. Pairs with [`Instr::LoadMethod`].
    CallMethod(u32),
    /// `[f, args_tuple] -> [f(*args)]`, or with the flag
    /// `[f, args_tuple, kwargs_dict] -> [f(*args, **kwargs)]`.
    CallEx(bool),
    /// Makes a function from the code object on top of the stack.
    /// `[defaults?, kwdefaults?, closure?, code] -> [function]`; which of the optional
    /// items are present is given by [`MakeFunctionFlags`] bits: defaults is a tuple,
    /// kwdefaults a dict, closure a tuple of cells (from `LoadClosure`). The function's
    /// name and qualname come from the code object.
    MakeFunction(u8),
    /// `[] -> [__build_class__]`; called as `__build_class__(body_fn, name, *bases, **kw)`.
    LoadBuildClass,

    // ---- building -----------------------------------------------------------------
    /// `[a1..an] -> [(a1..an)]`
    BuildTuple(u32),
    /// `[a1..an] -> [[a1..an]]`
    BuildList(u32),
    /// `[a1..an] -> [{a1..an}]`
    BuildSet(u32),
    /// `[k1, v1 .. kn, vn] -> [{k1: v1 .. kn: vn}]`
    BuildMap(u32),
    /// `[lo, hi] -> [slice(lo, hi)]`, with the flag `[lo, hi, step] -> [slice(...)]`.
    BuildSlice(bool),
    /// `[s1..sn] -> ["".join(s1..sn)]` (all str)
    BuildString(u32),
    /// `[v] -> [format(conv(v), "")]`, or when `has_spec`
    /// `[v, spec] -> [format(conv(v), spec)]`.
    FormatValue { conv: Conversion, has_spec: bool },
    /// `[list, .. (i-1 items) .., v] -> [list, ..]`: appends `v` to the list found `i`
    /// slots below the top *after* popping `v` (comprehensions).
    ListAppend(u32),
    /// As `ListAppend` for a set.
    SetAdd(u32),
    /// `[dict, .., k, v] -> [dict, ..]`, the dict found `i` slots below after popping.
    MapAdd(u32),
    /// `[list, .., iterable] -> [list, ..]`: `list.extend(iterable)`; `i` as above.
    ListExtend(u32),
    /// `[set, .., iterable] -> [set, ..]`: `set.update(iterable)`.
    SetUpdate(u32),
    /// `[dict, .., mapping] -> [dict, ..]`: `dict.update(mapping)`.
    DictUpdate(u32),
    /// As `DictUpdate` but a repeated key raises `TypeError` (for `f(**a, **b)`).
    DictMerge(u32),
    /// `[list] -> [tuple(list)]`
    ListToTuple,
    /// `[seq] -> [vn .. v1]` (v1 on top), `ValueError` unless exactly n items.
    UnpackSequence(u32),
    /// Starred unpacking: `[seq] -> [after.. , list, before..]` with `before` items
    /// first on top, then a list of the rest, then `after` items.
    UnpackEx { before: u16, after: u16 },

    // ---- exceptions ---------------------------------------------------------------
    /// `raise`: with 0 re-raises the exception being handled; 1: `[exc] -> `;
    /// 2: `[exc, cause] -> ` (`raise exc from cause`).
    Raise(u8),
    /// `[exc] -> ` re-raises `exc` keeping its traceback (end of a handler).
    Reraise,
    /// `[exc] -> [prev_exc, exc]`: makes `exc` the exception being handled
    /// (`sys.exc_info()`), saving the previous one (None if none) below it.
    PushExcInfo,
    /// `[prev_exc] -> []`: restores `prev_exc` as the exception being handled.
    PopExcept,
    /// `[exc, type] -> [exc, bool]`: whether `exc` matches `type` (a class or a tuple of
    /// classes), as in `except type:`.
    CheckExcMatch,
    /// `[] -> [exc]`: pushes the exception being handled (for `raise` in handlers).
    LoadCurrentExc,
    /// `[exc] -> [exc.__class__]` (cheap `type(exc)` for `with` exits).
    ExcType,
    /// `[ctx] -> [bound __exit__, ctx.__enter__()]`
    BeforeWith,
    /// `except* T`: `[rest, T] -> [rest', match, matched]`, splitting the unhandled
    /// part of an exception (group) by `T`.
    CheckEgMatch,
    /// End of `except*`: `[orig, raised_list] -> [exception or None]`, combining what
    /// the handlers raised with what is left unhandled.
    PrepReraiseStar,
    /// `[ctx] -> [bound __aexit__, ctx.__aenter__()]` (the result is then awaited).
    BeforeAsyncWith,
    /// `[obj] -> [obj.__aiter__()]` for `async for`.
    GetAIter,
    /// `[aiter] -> [aiter, aiter.__anext__()]` (the result is then awaited).
    GetANext,
    /// `[exit, .., exc] -> [exit, .., exc, exit(type(exc), exc, tb)]`; `i` is the
    /// distance from the top to `exit` *before* the push (exc at depth 0).
    WithExceptStart(u32),
    /// Raises `AssertionError` with the message on the stack if the flag is set:
    /// `[msg?] -> `.
    RaiseAssert(bool),

    // ---- generators ---------------------------------------------------------------
    /// `[v] -> ` suspends the frame yielding `v`; on resume the sent value is pushed.
    /// (A generator frame's first instruction is `Pop`: the VM pushes the first sent
    /// value, which is always None, too.)
    YieldValue,
    /// `[obj] -> [iter]`: `iter(obj)` unless `obj` is a generator or coroutine.
    GetYieldFromIter,
    /// `[iter, v] -> [iter, y]` when `iter.send(v)` (or `next(iter)` for None) yields
    /// `y` (followed by `YieldValue` and a jump back); `[iter, v] -> [r]` and jumps to
    /// the target when it returns `r`.
    Send(u32),
    /// `[obj] -> [awaitable iterator]` (coroutines: `__await__`).
    GetAwaitable,

    // ---- imports ------------------------------------------------------------------
    /// `[level, fromlist] -> [module]`: imports `names[i]`.
    ImportName(u32),
    /// `[module] -> [module, module.names[i]]`; `ImportError` if absent.
    ImportFrom(u32),
    /// `[module] -> []`: binds every public name of the module in the locals mapping.
    ImportStar,

    // ---- misc ---------------------------------------------------------------------
    /// `[v] -> []`: prints `repr(v)` if not None (interactive prompt) and sets `_`.
    PrintExpr,
    /// `[] -> [locals mapping]` (class bodies: the namespace dict).
    LoadLocals,
    /// Setup annotations dict in the locals mapping (`__annotations__`).
    SetupAnnotations,
}

/// Bits of [`Instr::MakeFunction`]'s argument.
pub struct MakeFunctionFlags;

impl MakeFunctionFlags {
    /// A tuple of positional defaults is on the stack.
    pub const DEFAULTS: u8 = 1;
    /// A dict of keyword-only defaults is on the stack.
    pub const KWDEFAULTS: u8 = 2;
    /// A tuple of cells (the closure) is on the stack.
    pub const CLOSURE: u8 = 4;
}

/// One entry of a code object's exception table.
///
/// An exception raised by an instruction at index `i` with `start <= i < end` is
/// handled by the *first* entry (in table order) that contains `i`, so the compiler
/// emits inner ranges before outer ones. Handling: the value stack is truncated to
/// `depth` items, the exception object is pushed, and execution continues at `target`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
}
