//! Expression code generation.

use crate::bytecode::{BinOp, CmpOp, Const, Conversion, Instr, MakeFunctionFlags, UnOp};
use crate::syntax::Ranged;
use crate::syntax::ast::{self, Expr, ExprContext};

use super::codegen::{CResult, Compiler, NameCtx};
use super::fold;
use super::scope::{self, ScopeKind, SymScope};

pub(super) fn binop(op: ast::Operator) -> BinOp {
    use ast::Operator as O;
    match op {
        O::Add => BinOp::Add,
        O::Sub => BinOp::Sub,
        O::Mult => BinOp::Mul,
        O::MatMult => BinOp::MatMul,
        O::Div => BinOp::TrueDiv,
        O::Mod => BinOp::Mod,
        O::Pow => BinOp::Pow,
        O::LShift => BinOp::LShift,
        O::RShift => BinOp::RShift,
        O::BitOr => BinOp::Or,
        O::BitXor => BinOp::Xor,
        O::BitAnd => BinOp::And,
        O::FloorDiv => BinOp::FloorDiv,
    }
}

fn cmp_instr(op: ast::CmpOp) -> Instr {
    use ast::CmpOp as C;
    match op {
        C::Eq => Instr::CompareOp(CmpOp::Eq),
        C::NotEq => Instr::CompareOp(CmpOp::Ne),
        C::Lt => Instr::CompareOp(CmpOp::Lt),
        C::LtE => Instr::CompareOp(CmpOp::Le),
        C::Gt => Instr::CompareOp(CmpOp::Gt),
        C::GtE => Instr::CompareOp(CmpOp::Ge),
        C::Is => Instr::IsOp(false),
        C::IsNot => Instr::IsOp(true),
        C::In => Instr::ContainsOp(false),
        C::NotIn => Instr::ContainsOp(true),
    }
}

fn is_starred(e: &Expr) -> bool {
    matches!(e, Expr::Starred(_))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

impl<'a> Compiler<'a> {
    pub fn compile_expr(&mut self, e: &'a Expr) -> CResult<()> {
        let saved = self.loc();
        self.set_line(e.range());
        let r = self.compile_expr_inner(e);
        self.restore_loc(saved);
        r
    }

    fn compile_expr_inner(&mut self, e: &'a Expr) -> CResult<()> {
        if matches!(
            e,
            Expr::NumberLiteral(_)
                | Expr::StringLiteral(_)
                | Expr::BytesLiteral(_)
                | Expr::BooleanLiteral(_)
                | Expr::NoneLiteral(_)
                | Expr::EllipsisLiteral(_)
                | Expr::Tuple(_)
                | Expr::UnaryOp(_)
                | Expr::BinOp(_)
        ) && let Some(c) = fold::fold(e)
        {
            self.load_const(c);
            return Ok(());
        }
        match e {
            Expr::BoolOp(b) => {
                let end = self.new_label();
                let n = b.values.len();
                for (i, v) in b.values.iter().enumerate() {
                    self.compile_expr(v)?;
                    if i + 1 < n {
                        match b.op {
                            ast::BoolOp::And => self.emit_jump(Instr::JumpIfFalseOrPop, end),
                            ast::BoolOp::Or => self.emit_jump(Instr::JumpIfTrueOrPop, end),
                        }
                    }
                }
                self.bind(end);
            }
            Expr::Named(n) => {
                self.compile_expr(&n.value)?;
                self.emit(Instr::Dup);
                self.compile_store(&n.target)?;
            }
            Expr::BinOp(b) => {
                self.compile_expr(&b.left)?;
                self.compile_expr(&b.right)?;
                self.emit(Instr::BinaryOp(binop(b.op)));
            }
            Expr::UnaryOp(u) => {
                self.compile_expr(&u.operand)?;
                let op = match u.op {
                    ast::UnaryOp::Invert => UnOp::Invert,
                    ast::UnaryOp::Not => UnOp::Not,
                    ast::UnaryOp::UAdd => UnOp::Pos,
                    ast::UnaryOp::USub => UnOp::Neg,
                };
                self.emit(Instr::UnaryOp(op));
            }
            Expr::Lambda(l) => self.compile_lambda(l)?,
            Expr::If(i) => {
                let orelse = self.new_label();
                let end = self.new_label();
                self.jump_if(&i.test, false, orelse)?;
                self.compile_expr(&i.body)?;
                self.emit_jump(Instr::Jump, end);
                self.bind(orelse);
                self.compile_expr(&i.orelse)?;
                self.bind(end);
            }
            Expr::Dict(d) => self.compile_dict(d)?,
            Expr::Set(s) => self.compile_sequence(&s.elts, SeqKind::Set)?,
            Expr::List(l) => {
                if l.ctx != ExprContext::Load {
                    return self.error("invalid list target", l.range);
                }
                self.compile_sequence(&l.elts, SeqKind::List)?
            }
            Expr::Tuple(t) => {
                if t.ctx != ExprContext::Load {
                    return self.error("invalid tuple target", t.range);
                }
                self.compile_sequence(&t.elts, SeqKind::Tuple)?
            }
            Expr::ListComp(c) => self.compile_comprehension(
                c,
                "<listcomp>",
                &c.generators,
                CompKind::List,
                &c.elt,
                None,
            )?,
            Expr::SetComp(c) => self.compile_comprehension(
                c,
                "<setcomp>",
                &c.generators,
                CompKind::Set,
                &c.elt,
                None,
            )?,
            Expr::DictComp(c) => {
                let Some(k) = &c.key else {
                    return self.error(
                        "dict unpacking cannot be used in dict comprehension",
                        c.range,
                    );
                };
                self.compile_comprehension(
                    c,
                    "<dictcomp>",
                    &c.generators,
                    CompKind::Dict,
                    k,
                    Some(&c.value),
                )?
            }
            Expr::Generator(g) => self.compile_comprehension(
                g,
                "<genexpr>",
                &g.generators,
                CompKind::Gen,
                &g.elt,
                None,
            )?,
            Expr::Await(a) => {
                self.compile_expr(&a.value)?;
                self.emit(Instr::GetAwaitable);
                self.load_const(Const::None);
                self.yield_from_loop();
            }
            Expr::Yield(y) => {
                if !self.ur().kind.is_function() {
                    return self.error("'yield' outside function", y.range);
                }
                match &y.value {
                    Some(v) => self.compile_expr(v)?,
                    None => self.load_const(Const::None),
                }
                self.emit(Instr::YieldValue);
            }
            Expr::YieldFrom(y) => {
                if !self.ur().kind.is_function() {
                    return self.error("'yield' outside function", y.range);
                }
                self.compile_expr(&y.value)?;
                self.emit(Instr::GetYieldFromIter);
                self.load_const(Const::None);
                self.yield_from_loop();
            }
            Expr::Compare(c) => self.compile_compare(c)?,
            Expr::Call(c) => self.compile_call(c)?,
            Expr::FString(f) => self.compile_fstring(f)?,
            Expr::TString(t) => return self.error("t-strings are not supported", t.range),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => match fold::literal(e) {
                Some(c) => self.load_const(c),
                None => return self.error("invalid literal", e.range()),
            },
            Expr::Attribute(a) => {
                self.compile_expr(&a.value)?;
                let name = self.mangle(&a.attr.id);
                let i = self.name_index(&name);
                self.set_line(a.range);
                match self.take_local_receiver() {
                    Some(local) => self.emit(Instr::LoadFastAttr(local, i)),
                    None => self.emit(Instr::LoadAttr(i)),
                };
            }
            Expr::Subscript(s) => {
                self.compile_expr(&s.value)?;
                self.compile_expr(&s.slice)?;
                self.emit(Instr::BinarySubscr);
            }
            Expr::Starred(s) => {
                return self.error("can't use starred expression here", s.range);
            }
            Expr::Name(n) => self.compile_name(&n.id, NameCtx::Load)?,
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper] {
                    match part {
                        Some(p) => self.compile_expr(p)?,
                        None => self.load_const(Const::None),
                    }
                }
                if let Some(step) = &s.step {
                    self.compile_expr(step)?;
                }
                self.emit(Instr::BuildSlice(s.step.is_some()));
            }
            Expr::IpyEscapeCommand(c) => return self.error("invalid syntax", c.range),
        }
        Ok(())
    }

    /// `[iter, v]` -> `[result]`: the `yield from` / `await` delegation loop.
    pub(super) fn yield_from_loop_pub(&mut self) {
        self.yield_from_loop();
    }

    /// `[iter, v]` -> `[result]`: the `yield from` / `await` delegation loop.
    fn yield_from_loop(&mut self) {
        let start = self.new_label();
        let exit = self.new_label();
        self.bind(start);
        self.emit_jump(Instr::Send, exit);
        self.emit(Instr::YieldValue);
        self.emit_jump(Instr::Jump, start);
        self.bind(exit);
    }

    /// Jumps to `target` if the truth of `e` equals `cond`; falls through otherwise.
    pub fn jump_if(
        &mut self,
        e: &'a Expr,
        cond: bool,
        target: super::codegen::Label,
    ) -> CResult<()> {
        match e {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => {
                return self.jump_if(&u.operand, !cond, target);
            }
            Expr::BoolOp(b) => {
                let is_and = b.op == ast::BoolOp::And;
                let n = b.values.len();
                if is_and != cond {
                    // and/false or or/true: any operand deciding jumps to target.
                    for v in &b.values {
                        self.jump_if(v, cond, target)?;
                    }
                } else {
                    let skip = self.new_label();
                    for v in &b.values[..n - 1] {
                        self.jump_if(v, !cond, skip)?;
                    }
                    self.jump_if(&b.values[n - 1], cond, target)?;
                    self.bind(skip);
                }
                return Ok(());
            }
            Expr::Compare(c)
                if c.ops.len() == 1
                    && matches!(c.ops[0], ast::CmpOp::Is | ast::CmpOp::IsNot)
                    && matches!(c.comparators[0], Expr::NoneLiteral(_)) =>
            {
                // `x is None` / `x is not None` test and jump in one instruction
                let saved = self.loc();
                self.set_line(c.range);
                self.compile_expr(&c.left)?;
                self.restore_loc(saved);
                let jump_if_none = (c.ops[0] == ast::CmpOp::Is) == cond;
                self.emit_jump(
                    if jump_if_none {
                        Instr::PopJumpIfNone
                    } else {
                        Instr::PopJumpIfNotNone
                    },
                    target,
                );
                return Ok(());
            }
            Expr::Compare(c) if c.ops.len() == 1 => {
                let saved = self.loc();
                self.set_line(c.range);
                self.compile_expr(&c.left)?;
                self.compile_expr(&c.comparators[0])?;
                self.set_line(c.range);
                self.emit(cmp_instr(c.ops[0]));
                self.restore_loc(saved);
                self.emit_jump(
                    if cond {
                        Instr::PopJumpIfTrue
                    } else {
                        Instr::PopJumpIfFalse
                    },
                    target,
                );
                return Ok(());
            }
            _ => {}
        }
        if let Some(c) = fold::fold(e)
            && let Some(t) = fold::truthy(&c)
        {
            if t == cond {
                self.emit_jump(Instr::Jump, target);
            }
            return Ok(());
        }
        self.compile_expr(e)?;
        self.emit_jump(
            if cond {
                Instr::PopJumpIfTrue
            } else {
                Instr::PopJumpIfFalse
            },
            target,
        );
        Ok(())
    }

    fn compile_compare(&mut self, c: &'a ast::ExprCompare) -> CResult<()> {
        self.compile_expr(&c.left)?;
        let n = c.ops.len();
        if n == 1 {
            self.compile_expr(&c.comparators[0])?;
            self.emit(cmp_instr(c.ops[0]));
            return Ok(());
        }
        let cleanup = self.new_label();
        let end = self.new_label();
        for i in 0..n - 1 {
            self.compile_expr(&c.comparators[i])?;
            self.emit(Instr::Dup);
            self.emit(Instr::Rot3);
            self.emit(cmp_instr(c.ops[i]));
            self.emit_jump(Instr::JumpIfFalseOrPop, cleanup);
        }
        self.compile_expr(&c.comparators[n - 1])?;
        self.emit(cmp_instr(c.ops[n - 1]));
        self.emit_jump(Instr::Jump, end);
        self.bind(cleanup);
        self.emit(Instr::Rot2);
        self.emit(Instr::Pop);
        self.bind(end);
        Ok(())
    }

    // ---- displays -------------------------------------------------------------------

    fn compile_sequence(&mut self, elts: &'a [Expr], kind: SeqKind) -> CResult<()> {
        let leading = elts.iter().take_while(|e| !is_starred(e)).count();
        if kind == SeqKind::Set && leading == elts.len() && elts.len() > 2 {
            let items: Option<Vec<Const>> = elts.iter().map(fold::fold).collect();
            if let Some(items) = items {
                self.emit(Instr::BuildSet(0));
                self.load_const(Const::FrozenSet(items.into()));
                self.emit(Instr::SetUpdate(1));
                return Ok(());
            }
        }
        if leading == elts.len() {
            for e in elts {
                self.compile_expr(e)?;
            }
            let n = elts.len() as u32;
            self.emit(match kind {
                SeqKind::List => Instr::BuildList(n),
                SeqKind::Tuple => Instr::BuildTuple(n),
                SeqKind::Set => Instr::BuildSet(n),
            });
            return Ok(());
        }
        for e in &elts[..leading] {
            self.compile_expr(e)?;
        }
        let set = kind == SeqKind::Set;
        self.emit(if set {
            Instr::BuildSet(leading as u32)
        } else {
            Instr::BuildList(leading as u32)
        });
        for e in &elts[leading..] {
            if let Expr::Starred(s) = e {
                self.compile_expr(&s.value)?;
                self.emit(if set {
                    Instr::SetUpdate(1)
                } else {
                    Instr::ListExtend(1)
                });
            } else {
                self.compile_expr(e)?;
                self.emit(if set {
                    Instr::SetAdd(1)
                } else {
                    Instr::ListAppend(1)
                });
            }
        }
        if kind == SeqKind::Tuple {
            self.emit(Instr::ListToTuple);
        }
        Ok(())
    }

    fn compile_dict(&mut self, d: &'a ast::ExprDict) -> CResult<()> {
        let mut have_dict = false;
        let mut run = 0u32;
        for item in &d.items {
            match &item.key {
                Some(k) => {
                    self.compile_expr(k)?;
                    self.compile_expr(&item.value)?;
                    run += 1;
                }
                None => {
                    if run > 0 || !have_dict {
                        self.emit(Instr::BuildMap(run));
                        if have_dict {
                            self.emit(Instr::DictUpdate(1));
                        }
                        have_dict = true;
                        run = 0;
                    }
                    self.compile_expr(&item.value)?;
                    self.emit(Instr::DictUpdate(1));
                }
            }
        }
        if run > 0 || !have_dict {
            self.emit(Instr::BuildMap(run));
            if have_dict {
                self.emit(Instr::DictUpdate(1));
            }
        }
        Ok(())
    }

    // ---- f-strings ------------------------------------------------------------------

    fn compile_fstring(&mut self, f: &'a ast::ExprFString) -> CResult<()> {
        let mut pieces = 0u32;
        let mut pending = String::new();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(s) => pending.push_str(&s.value),
                ast::FStringPart::FString(fs) => {
                    self.fstring_elements(&fs.elements, &mut pieces, &mut pending)?
                }
            }
        }
        if !pending.is_empty() || pieces == 0 {
            self.load_const(Const::Str(pending.as_str().into()));
            pieces += 1;
        }
        if pieces > 1 {
            self.emit(Instr::BuildString(pieces));
        }
        Ok(())
    }

    fn fstring_elements(
        &mut self,
        elements: &'a ast::InterpolatedStringElements,
        pieces: &mut u32,
        pending: &mut String,
    ) -> CResult<()> {
        for el in elements.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => pending.push_str(&l.value),
                ast::InterpolatedStringElement::Interpolation(i) => {
                    if let Some(dbg) = &i.debug_text {
                        pending.push_str(dbg.leading());
                        pending.push_str(dbg.expression());
                        pending.push_str(dbg.trailing());
                    }
                    if !pending.is_empty() {
                        let s = std::mem::take(pending);
                        self.load_const(Const::Str(s.as_str().into()));
                        *pieces += 1;
                    }
                    self.compile_expr(&i.expression)?;
                    let mut conv = match i.conversion {
                        ast::ConversionFlag::None => Conversion::None,
                        ast::ConversionFlag::Str => Conversion::Str,
                        ast::ConversionFlag::Repr => Conversion::Repr,
                        ast::ConversionFlag::Ascii => Conversion::Ascii,
                    };
                    if i.debug_text.is_some() && conv == Conversion::None && i.format_spec.is_none()
                    {
                        conv = Conversion::Repr;
                    }
                    let has_spec = i.format_spec.is_some();
                    if let Some(spec) = &i.format_spec {
                        let mut n = 0u32;
                        let mut p = String::new();
                        self.fstring_elements(&spec.elements, &mut n, &mut p)?;
                        if !p.is_empty() || n == 0 {
                            self.load_const(Const::Str(p.as_str().into()));
                            n += 1;
                        }
                        if n > 1 {
                            self.emit(Instr::BuildString(n));
                        }
                    }
                    self.emit(Instr::FormatValue { conv, has_spec });
                    *pieces += 1;
                }
            }
        }
        Ok(())
    }

    // ---- calls ----------------------------------------------------------------------

    fn check_keywords(&self, kws: &[ast::Keyword]) -> CResult<()> {
        for (i, k) in kws.iter().enumerate() {
            if let Some(name) = &k.arg
                && kws[..i]
                    .iter()
                    .any(|o| o.arg.as_ref().is_some_and(|n| n.id == name.id))
            {
                return self.error(format!("keyword argument repeated: {}", name.id), k.range);
            }
        }
        Ok(())
    }

    fn compile_call(&mut self, c: &'a ast::ExprCall) -> CResult<()> {
        let args = &c.arguments;
        self.check_keywords(&args.keywords)?;
        if self.try_super_call(c)? {
            return Ok(());
        }
        if self.try_locals_call(c)? {
            return Ok(());
        }
        let has_star =
            args.args.iter().any(is_starred) || args.keywords.iter().any(|k| k.arg.is_none());
        if let Expr::Attribute(a) = &*c.func
            && a.ctx == ExprContext::Load
            && !has_star
        {
            self.compile_expr(&a.value)?;
            let name = self.mangle(&a.attr.id);
            let i = self.name_index(&name);
            self.set_line(a.range);
            match self.take_local_receiver() {
                Some(local) => self.emit(Instr::LoadFastMethod(local, i)),
                None => self.emit(Instr::LoadMethod(i)),
            };
            for arg in args.args.iter() {
                self.compile_expr(arg)?;
            }
            for k in args.keywords.iter() {
                self.compile_expr(&k.value)?;
            }
            self.kwnames(&args.keywords);
            self.set_line(c.range());
            let n = (args.args.len() + args.keywords.len()) as u32;
            self.emit(Instr::CallMethod(n));
            return Ok(());
        }
        self.compile_expr(&c.func)?;
        self.call_helper(0, &args.args, &args.keywords, c.range())
    }

    fn kwnames(&mut self, kws: &[ast::Keyword]) {
        if kws.is_empty() {
            return;
        }
        let names: Vec<Const> = kws
            .iter()
            .map(|k| Const::Str(k.arg.as_ref().map(|a| a.id.as_str()).unwrap_or("").into()))
            .collect();
        let i = self.add_const(Const::Tuple(names.into()));
        self.emit(Instr::KwNames(i));
    }

    /// Emits the arguments and the call; `prefix` positional arguments are already
    /// on the stack above the callable.
    pub fn call_helper(
        &mut self,
        prefix: u32,
        args: &'a [Expr],
        kws: &'a [ast::Keyword],
        range: crate::syntax::TextRange,
    ) -> CResult<()> {
        let has_star = args.iter().any(is_starred) || kws.iter().any(|k| k.arg.is_none());
        if !has_star {
            for a in args {
                self.compile_expr(a)?;
            }
            for k in kws {
                self.compile_expr(&k.value)?;
            }
            self.kwnames(kws);
            self.set_line(range);
            self.emit(Instr::Call(prefix + (args.len() + kws.len()) as u32));
            return Ok(());
        }
        let leading = args.iter().take_while(|a| !is_starred(a)).count();
        for a in &args[..leading] {
            self.compile_expr(a)?;
        }
        self.emit(Instr::BuildList(prefix + leading as u32));
        for a in &args[leading..] {
            if let Expr::Starred(s) = a {
                self.compile_expr(&s.value)?;
                self.emit(Instr::ListExtend(1));
            } else {
                self.compile_expr(a)?;
                self.emit(Instr::ListAppend(1));
            }
        }
        self.emit(Instr::ListToTuple);
        if kws.is_empty() {
            self.set_line(range);
            self.emit(Instr::CallEx(false));
            return Ok(());
        }
        let mut have_dict = false;
        let mut run = 0u32;
        for k in kws {
            match &k.arg {
                Some(name) => {
                    self.load_const(Const::Str(name.id.as_str().into()));
                    self.compile_expr(&k.value)?;
                    run += 1;
                }
                None => {
                    if run > 0 || !have_dict {
                        self.emit(Instr::BuildMap(run));
                        if have_dict {
                            self.emit(Instr::DictMerge(1));
                        }
                        have_dict = true;
                        run = 0;
                    }
                    self.compile_expr(&k.value)?;
                    self.emit(Instr::DictMerge(1));
                }
            }
        }
        if run > 0 {
            self.emit(Instr::BuildMap(run));
            if have_dict {
                self.emit(Instr::DictMerge(1));
            }
        }
        self.set_line(range);
        self.emit(Instr::CallEx(true));
        Ok(())
    }

    /// Zero-argument `super()` in a method: `super(__class__, <first argument>)`.
    /// `locals()` / `vars()` (no arguments) read the frame's variables: compiled to
    /// `LoadLocals`. In a function, `eval(src)` / `exec(src)` get the function's
    /// variables as their locals: compiled as `eval(src, None, locals())`.
    fn try_locals_call(&mut self, c: &'a ast::ExprCall) -> CResult<bool> {
        let Expr::Name(n) = &*c.func else {
            return Ok(false);
        };
        let name = n.id.as_str();
        let args = &c.arguments;
        if !args.keywords.is_empty() || args.args.iter().any(is_starred) {
            return Ok(false);
        }
        let sid = self.ur().scope;
        if matches!(
            self.st.scopes[sid].lookup(name),
            SymScope::Local | SymScope::Cell | SymScope::Free
        ) {
            return Ok(false);
        }
        match (name, args.args.len()) {
            ("locals" | "vars", 0) => {
                self.set_line(c.range());
                self.emit(Instr::LoadLocals);
                Ok(true)
            }
            ("eval" | "exec", 1) if self.ur().kind.is_function() => {
                self.compile_name(name, NameCtx::Load)?;
                self.compile_expr(&args.args[0])?;
                self.load_const(Const::None);
                self.emit(Instr::LoadLocals);
                self.set_line(c.range());
                self.emit(Instr::Call(3));
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    fn try_super_call(&mut self, c: &'a ast::ExprCall) -> CResult<bool> {
        let Expr::Name(n) = &*c.func else {
            return Ok(false);
        };
        if n.id.as_str() != "super"
            || !c.arguments.args.is_empty()
            || !c.arguments.keywords.is_empty()
        {
            return Ok(false);
        }
        let (kind, sid, argcount) = {
            let u = self.ur();
            (u.kind, u.scope, u.argcount)
        };
        if !kind.is_function() || argcount == 0 {
            return Ok(false);
        }
        let scope = &self.st.scopes[sid];
        if matches!(
            scope.lookup("super"),
            SymScope::Local | SymScope::Cell | SymScope::Free
        ) {
            return Ok(false);
        }
        if scope.lookup("__class__") != SymScope::Free {
            return Ok(false);
        }
        let Some(class_cell) = self.cell_index("__class__") else {
            return Ok(false);
        };
        let first = self.ur().varnames[0].clone();
        self.compile_name("super", NameCtx::Load)?;
        self.emit(Instr::LoadDeref(class_cell));
        if self.st.scopes[sid].lookup(&first) == SymScope::Cell {
            let Some(i) = self.cell_index(&first) else {
                return Ok(false);
            };
            self.emit(Instr::LoadDeref(i));
        } else {
            self.emit(Instr::LoadFast(0));
        }
        self.set_line(c.range());
        self.emit(Instr::Call(2));
        Ok(true)
    }

    // ---- functions ------------------------------------------------------------------

    /// Pushes defaults / kwdefaults of `params`; returns the MakeFunction flags.
    pub fn compile_defaults(&mut self, params: &'a ast::Parameters) -> CResult<u8> {
        let mut flags = 0;
        let defaults: Vec<&Expr> = params
            .posonlyargs
            .iter()
            .chain(&params.args)
            .filter_map(|p| p.default.as_deref())
            .collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.compile_expr(d)?;
            }
            self.emit(Instr::BuildTuple(defaults.len() as u32));
            flags |= MakeFunctionFlags::DEFAULTS;
        }
        let mut nkw = 0;
        for p in &params.kwonlyargs {
            if let Some(d) = &p.default {
                let name = self.mangle(&p.parameter.name.id);
                self.load_const(Const::Str(name.as_str().into()));
                self.compile_expr(d)?;
                nkw += 1;
            }
        }
        if nkw > 0 {
            self.emit(Instr::BuildMap(nkw));
            flags |= MakeFunctionFlags::KWDEFAULTS;
        }
        Ok(flags)
    }

    /// Sets argument counts and flags of the current unit from `params`, and copies
    /// captured parameters into their cells.
    pub fn setup_params(&mut self, params: Option<&'a ast::Parameters>) {
        if let Some(p) = params {
            let u = self.u();
            u.posonlyargcount = p.posonlyargs.len() as u32;
            u.argcount = (p.posonlyargs.len() + p.args.len()) as u32;
            u.kwonlyargcount = p.kwonlyargs.len() as u32;
            if p.vararg.is_some() {
                u.flags |= crate::bytecode::CodeFlags::VARARGS;
            }
            if p.kwarg.is_some() {
                u.flags |= crate::bytecode::CodeFlags::VARKEYWORDS;
            }
        }
        if self.unit_is_generator() {
            self.u().depth = 1;
            self.emit(Instr::Pop);
        }
        let sid = self.ur().scope;
        let params: Vec<String> = self.st.scopes[sid].params.clone();
        for (i, name) in params.iter().enumerate() {
            if self.st.scopes[sid].lookup(name) == SymScope::Cell
                && let Some(c) = self.cell_index(name)
            {
                self.emit(Instr::LoadFast(i as u32));
                self.emit(Instr::StoreDeref(c));
            }
        }
    }

    fn compile_lambda(&mut self, l: &'a ast::ExprLambda) -> CResult<()> {
        let key = scope::node_key(l, scope::TAG_LAMBDA);
        let Some(&sid) = self.st.by_node.get(&key) else {
            return self.error("internal compiler error: lambda scope", l.range);
        };
        let flags = match &l.parameters {
            Some(p) => self.compile_defaults(p)?,
            None => 0,
        };
        let qualname = self.qualname_for("<lambda>", ScopeKind::Lambda);
        let line = self.line_of(l.range);
        self.enter_unit(sid, "<lambda>", qualname, line);
        self.setup_params(l.parameters.as_deref());
        self.compile_expr(&l.body)?;
        if self.ur().flags & crate::bytecode::CodeFlags::GENERATOR != 0 {
            self.emit(Instr::Pop);
            self.load_const(Const::None);
        }
        self.emit(Instr::ReturnValue);
        let code = self.finish_unit()?;
        self.make_closure(code, flags)
    }

    fn compile_comprehension<T>(
        &mut self,
        node: &'a T,
        name: &str,
        gens: &'a [ast::Comprehension],
        kind: CompKind,
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> CResult<()> {
        let key = scope::node_key(node, scope::TAG_COMP);
        let Some(&sid) = self.st.by_node.get(&key) else {
            return self.error("internal compiler error: comprehension scope", elt.range());
        };
        let Some(first) = gens.first() else {
            return self.error("comprehension without generators", elt.range());
        };
        let qualname = self.qualname_for(name, ScopeKind::Comprehension);
        let line = self.ur().line;
        self.enter_unit(sid, name, qualname, line);
        self.u().argcount = 1;
        self.setup_params(None);
        match kind {
            CompKind::List => {
                self.emit(Instr::BuildList(0));
            }
            CompKind::Set => {
                self.emit(Instr::BuildSet(0));
            }
            CompKind::Dict => {
                self.emit(Instr::BuildMap(0));
            }
            CompKind::Gen => {}
        }
        let mut loops = Vec::new();
        for (i, g) in gens.iter().enumerate() {
            if i == 0 {
                self.emit(Instr::LoadFast(0));
            } else {
                self.compile_expr(&g.iter)?;
                self.emit(Instr::GetIter);
            }
            let start = self.new_label();
            let end = self.new_label();
            self.bind(start);
            self.emit_jump(Instr::ForIter, end);
            self.compile_store(&g.target)?;
            for cond in &g.ifs {
                self.jump_if(cond, false, start)?;
            }
            loops.push((start, end));
        }
        let depth = gens.len() as u32 + 1;
        match kind {
            CompKind::List => {
                self.compile_expr(elt)?;
                self.emit(Instr::ListAppend(depth));
            }
            CompKind::Set => {
                self.compile_expr(elt)?;
                self.emit(Instr::SetAdd(depth));
            }
            CompKind::Dict => {
                self.compile_expr(elt)?;
                if let Some(v) = value {
                    self.compile_expr(v)?;
                }
                self.emit(Instr::MapAdd(depth));
            }
            CompKind::Gen => {
                self.compile_expr(elt)?;
                self.emit(Instr::YieldValue);
                self.emit(Instr::Pop);
            }
        }
        for (start, end) in loops.into_iter().rev() {
            self.emit_jump(Instr::Jump, start);
            self.bind(end);
        }
        if kind == CompKind::Gen {
            self.load_const(Const::None);
        }
        self.emit(Instr::ReturnValue);
        let code = self.finish_unit()?;
        self.make_closure(code, 0)?;
        self.compile_expr(&first.iter)?;
        self.emit(Instr::GetIter);
        self.emit(Instr::Call(1));
        Ok(())
    }

    // ---- targets --------------------------------------------------------------------

    /// Stores the value on top of the stack into `target`.
    /// Stores the top of the stack into `target` (instructions located at the target,
    /// as CPython does).
    pub fn compile_store(&mut self, target: &'a Expr) -> CResult<()> {
        if let Expr::Name(n) = target {
            return self.compile_name(&n.id, NameCtx::Store);
        }
        let saved = self.loc();
        self.set_line(target.range());
        let r = self.compile_store_inner(target);
        self.restore_loc(saved);
        r
    }

    fn compile_store_inner(&mut self, target: &'a Expr) -> CResult<()> {
        match target {
            Expr::Name(n) => self.compile_name(&n.id, NameCtx::Store),
            Expr::Attribute(a) => {
                self.compile_expr(&a.value)?;
                let name = self.mangle(&a.attr.id);
                let i = self.name_index(&name);
                match self.take_local_receiver() {
                    Some(local) => self.emit(Instr::StoreFastAttr(local, i)),
                    None => self.emit(Instr::StoreAttr(i)),
                };
                Ok(())
            }
            Expr::Subscript(s) => {
                self.compile_expr(&s.value)?;
                self.compile_expr(&s.slice)?;
                self.emit(Instr::StoreSubscr);
                Ok(())
            }
            Expr::Tuple(t) => self.compile_unpack(&t.elts, t.range),
            Expr::List(l) => self.compile_unpack(&l.elts, l.range),
            Expr::Starred(s) => self.error(
                "starred assignment target must be in a list or tuple",
                s.range,
            ),
            other => self.error("cannot assign to expression", other.range()),
        }
    }

    fn compile_unpack(&mut self, elts: &'a [Expr], range: crate::syntax::TextRange) -> CResult<()> {
        let stars: Vec<usize> = elts
            .iter()
            .enumerate()
            .filter(|(_, e)| is_starred(e))
            .map(|(i, _)| i)
            .collect();
        match stars.as_slice() {
            [] => {
                self.emit(Instr::UnpackSequence(elts.len() as u32));
            }
            [i] => {
                let before = *i;
                let after = elts.len() - i - 1;
                if before >= 1 << 8 || after >= 1 << 16 {
                    return self.error("too many expressions in star-unpacking assignment", range);
                }
                self.emit(Instr::UnpackEx {
                    before: before as u16,
                    after: after as u16,
                });
            }
            _ => return self.error("multiple starred expressions in assignment", range),
        }
        for e in elts {
            match e {
                Expr::Starred(s) => self.compile_store(&s.value)?,
                _ => self.compile_store(e)?,
            }
        }
        Ok(())
    }

    /// `del target`.
    pub fn compile_delete(&mut self, target: &'a Expr) -> CResult<()> {
        let saved = self.loc();
        self.set_line(target.range());
        let r = self.compile_delete_inner(target);
        self.restore_loc(saved);
        r
    }

    fn compile_delete_inner(&mut self, target: &'a Expr) -> CResult<()> {
        match target {
            Expr::Name(n) => self.compile_name(&n.id, NameCtx::Del),
            Expr::Attribute(a) => {
                self.compile_expr(&a.value)?;
                let name = self.mangle(&a.attr.id);
                let i = self.name_index(&name);
                self.emit(Instr::DeleteAttr(i));
                Ok(())
            }
            Expr::Subscript(s) => {
                self.compile_expr(&s.value)?;
                self.compile_expr(&s.slice)?;
                self.emit(Instr::DeleteSubscr);
                Ok(())
            }
            Expr::Tuple(t) => {
                for e in &t.elts {
                    self.compile_delete(e)?;
                }
                Ok(())
            }
            Expr::List(l) => {
                for e in &l.elts {
                    self.compile_delete(e)?;
                }
                Ok(())
            }
            other => self.error("cannot delete expression", other.range()),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum SeqKind {
    List,
    Tuple,
    Set,
}
