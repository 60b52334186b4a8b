//! Statement code generation: control flow, exceptions, definitions, imports.

use crate::bytecode::{Const, Instr};
use crate::syntax::Ranged;
use crate::syntax::ast::{self, Expr, Stmt};

use super::codegen::{CResult, Compiler, FBlockKind, NameCtx, docstring};
use super::expr::binop;
use super::fold;
use super::scope::{self, ScopeKind};

impl<'a> Compiler<'a> {
    pub fn compile_body(&mut self, body: &'a [Stmt]) -> CResult<()> {
        for s in body {
            self.compile_stmt(s)?;
        }
        Ok(())
    }

    fn compile_stmt(&mut self, s: &'a Stmt) -> CResult<()> {
        self.set_line(s.range());
        self.stmt_range = s.range();
        match s {
            Stmt::FunctionDef(f) => self.compile_function_def(f)?,
            Stmt::ClassDef(c) => self.compile_class_def(c)?,
            Stmt::Return(r) => self.compile_return(r)?,
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.compile_delete(t)?;
                }
            }
            Stmt::TypeAlias(t) => return self.error("'type' statement is not supported", t.range),
            Stmt::Assign(a) => {
                if a.targets.len() == 1
                    && let (Expr::Tuple(t), Expr::Tuple(v)) = (&a.targets[0], &*a.value)
                    && t.elts.len() == 2
                    && v.elts.len() == 2
                    && !t
                        .elts
                        .iter()
                        .chain(&v.elts)
                        .any(|e| matches!(e, Expr::Starred(_)))
                {
                    // a, b = x, y
                    self.compile_expr(&v.elts[0])?;
                    self.compile_expr(&v.elts[1])?;
                    self.emit(Instr::Rot2);
                    self.compile_store(&t.elts[0])?;
                    self.compile_store(&t.elts[1])?;
                    return Ok(());
                }
                self.compile_expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Instr::Dup);
                    }
                    self.compile_store(t)?;
                }
            }
            Stmt::AugAssign(a) => self.compile_aug_assign(a)?,
            Stmt::AnnAssign(a) => self.compile_ann_assign(a)?,
            Stmt::For(f) => self.compile_for(f)?,
            Stmt::While(w) => self.compile_while(w)?,
            Stmt::If(i) => self.compile_if(i)?,
            Stmt::With(w) => {
                if w.is_async {
                    self.compile_async_with(&w.items, &w.body)?
                } else {
                    self.compile_with(&w.items, &w.body)?
                }
            }
            Stmt::Match(m) => return self.error("'match' statement is not supported", m.range),
            Stmt::Raise(r) => match (&r.exc, &r.cause) {
                (None, _) => {
                    self.emit(Instr::Raise(0));
                }
                (Some(e), None) => {
                    self.compile_expr(e)?;
                    self.emit(Instr::Raise(1));
                }
                (Some(e), Some(c)) => {
                    self.compile_expr(e)?;
                    self.compile_expr(c)?;
                    self.emit(Instr::Raise(2));
                }
            },
            Stmt::Try(t) => {
                if t.finalbody.is_empty() {
                    self.compile_try_except(t)?;
                } else {
                    self.compile_try_finally(t)?;
                }
            }
            Stmt::Assert(a) => {
                let end = self.new_label();
                self.jump_if(&a.test, true, end)?;
                if let Some(m) = &a.msg {
                    self.compile_expr(m)?;
                }
                self.set_line(a.test.range());
                self.emit(Instr::RaiseAssert(a.msg.is_some()));
                self.bind(end);
            }
            Stmt::Import(i) => self.compile_import(i)?,
            Stmt::ImportFrom(i) => self.compile_import_from(i)?,
            Stmt::Global(_) | Stmt::Nonlocal(_) | Stmt::Pass(_) => {}
            Stmt::Expr(e) => {
                if self.interactive && self.units.len() == 1 {
                    self.compile_expr(&e.value)?;
                    self.emit(Instr::PrintExpr);
                } else if fold::literal(&e.value).is_some() {
                    // A bare constant (e.g. a string used as a comment) does nothing.
                } else {
                    self.compile_expr(&e.value)?;
                    self.emit(Instr::Pop);
                }
            }
            Stmt::Break(b) => self.compile_break_continue(true, b.range)?,
            Stmt::Continue(c) => self.compile_break_continue(false, c.range)?,
            Stmt::IpyEscapeCommand(c) => return self.error("invalid syntax", c.range),
        }
        Ok(())
    }

    // ---- definitions ------------------------------------------------------------------

    fn compile_function_def(&mut self, f: &'a ast::StmtFunctionDef) -> CResult<()> {
        let key = scope::node_key(f, scope::TAG_FUNC);
        let Some(&sid) = self.st.by_node.get(&key) else {
            return self.error("internal compiler error: function scope", f.range);
        };
        for d in &f.decorator_list {
            self.compile_expr(&d.expression)?;
        }
        let first_line = match f.decorator_list.first() {
            Some(d) => self.line_of(d.range),
            None => self.line_of(f.range),
        };
        self.set_line(f.name.range);
        let flags = self.compile_defaults(&f.parameters)?;
        let qualname = self.qualname_for(&f.name.id, ScopeKind::Function);
        self.enter_unit(sid, &f.name.id, qualname, first_line);
        self.u().line = self.line_of(f.name.range);
        self.u().pos = crate::bytecode::Position::NONE;
        self.setup_params(Some(&f.parameters));
        let mut body: &[Stmt] = &f.body;
        if let Some(doc) = docstring(body) {
            self.u().doc = Some(doc);
            body = &body[1..];
        }
        self.compile_body(body)?;
        if self.ur().flags & crate::bytecode::CodeFlags::ASYNC_GENERATOR != 0 {
            // Checked here because the flag is only known once the body was scanned.
            if let Some(r) = find_return_value(body) {
                return self.error("'return' with value in async generator", r);
            }
        }
        self.load_const(Const::None);
        self.emit(Instr::ReturnValue);
        let code = self.finish_unit()?;
        self.set_line(f.name.range);
        self.make_closure(code, flags)?;
        self.compile_function_annotations(f)?;
        // each decorator call is located at its decorator, innermost first
        for d in f.decorator_list.iter().rev() {
            self.set_line(d.expression.range());
            self.emit(Instr::Call(1));
        }
        self.compile_name(&f.name.id, NameCtx::Store)
    }

    /// `[func] -> [func]`: sets `func.__annotations__` when the definition has any.
    fn compile_function_annotations(&mut self, f: &'a ast::StmtFunctionDef) -> CResult<()> {
        let p = &f.parameters;
        let mut items: Vec<(String, &'a Expr)> = Vec::new();
        for a in p.posonlyargs.iter().chain(&p.args) {
            if let Some(ann) = &a.parameter.annotation {
                items.push((a.parameter.name.id.to_string(), ann));
            }
        }
        if let Some(v) = &p.vararg
            && let Some(ann) = &v.annotation
        {
            items.push((v.name.id.to_string(), ann));
        }
        for a in &p.kwonlyargs {
            if let Some(ann) = &a.parameter.annotation {
                items.push((a.parameter.name.id.to_string(), ann));
            }
        }
        if let Some(v) = &p.kwarg
            && let Some(ann) = &v.annotation
        {
            items.push((v.name.id.to_string(), ann));
        }
        if let Some(r) = &f.returns {
            items.push(("return".to_owned(), r));
        }
        if items.is_empty() {
            return Ok(());
        }
        self.emit(Instr::Dup);
        let n = items.len() as u32;
        for (name, ann) in items {
            let key = self.mangle(&name);
            self.load_const(Const::Str(key.as_str().into()));
            if self.future_annotations {
                let text =
                    &self.source[ann.range().start().to_usize()..ann.range().end().to_usize()];
                self.load_const(Const::Str(text.into()));
            } else {
                self.compile_expr(ann)?;
            }
        }
        self.emit(Instr::BuildMap(n));
        self.emit(Instr::Rot2);
        let ai = self.name_index("__annotations__");
        self.emit(Instr::StoreAttr(ai));
        Ok(())
    }

    fn compile_class_def(&mut self, c: &'a ast::StmtClassDef) -> CResult<()> {
        let key = scope::node_key(c, scope::TAG_CLASS);
        let Some(&sid) = self.st.by_node.get(&key) else {
            return self.error("internal compiler error: class scope", c.range);
        };
        for d in &c.decorator_list {
            self.compile_expr(&d.expression)?;
        }
        let first_line = match c.decorator_list.first() {
            Some(d) => self.line_of(d.range),
            None => self.line_of(c.range),
        };
        self.set_line(c.name.range);
        self.emit(Instr::LoadBuildClass);
        let qualname = self.qualname_for(&c.name.id, ScopeKind::Class);
        self.enter_unit(sid, &c.name.id, qualname.clone(), first_line);
        self.u().line = self.line_of(c.name.range);
        self.u().pos = crate::bytecode::Position::NONE;
        self.compile_name("__name__", NameCtx::Load)?;
        self.store_name_op("__module__");
        self.load_const(Const::Str(qualname.as_str().into()));
        self.store_name_op("__qualname__");
        let mut body: &[Stmt] = &c.body;
        if scope::has_annotations(body) {
            self.u().has_annotations = true;
            self.emit(Instr::SetupAnnotations);
        }
        if let Some(doc) = docstring(body) {
            self.u().doc = Some(doc.clone());
            self.load_const(Const::Str(doc.as_str().into()));
            self.store_name_op("__doc__");
            body = &body[1..];
        }
        self.compile_body(body)?;
        if self.st.scopes[sid].needs_class_cell {
            let Some(i) = self.cell_index("__class__") else {
                return self.error("internal compiler error: __class__ cell", c.range);
            };
            self.emit(Instr::LoadClosure(i));
        } else {
            self.load_const(Const::None);
        }
        self.emit(Instr::ReturnValue);
        let code = self.finish_unit()?;
        self.set_line(c.name.range);
        // the class statement spans its whole header: no markers under it
        self.u().pos = crate::bytecode::Position::NONE;
        self.make_closure(code, 0)?;
        self.load_const(Const::Str(c.name.id.as_str().into()));
        match &c.arguments {
            Some(args) => {
                self.check_keywords_pub(&args.keywords)?;
                self.call_helper(2, &args.args, &args.keywords, c.range)?
            }
            None => {
                self.emit(Instr::Call(2));
            }
        }
        for d in c.decorator_list.iter().rev() {
            self.set_line(d.expression.range());
            self.emit(Instr::Call(1));
        }
        self.compile_name(&c.name.id, NameCtx::Store)
    }

    fn check_keywords_pub(&self, kws: &[ast::Keyword]) -> CResult<()> {
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

    // ---- assignments ------------------------------------------------------------------

    fn compile_aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> CResult<()> {
        let op = Instr::InplaceOp(binop(a.op));
        match &*a.target {
            Expr::Name(n) => {
                self.compile_name(&n.id, NameCtx::Load)?;
                self.compile_expr(&a.value)?;
                self.set_line(a.range);
                self.emit(op);
                self.compile_name(&n.id, NameCtx::Store)?;
            }
            Expr::Attribute(at) => {
                self.compile_expr(&at.value)?;
                self.emit(Instr::Dup);
                let name = self.mangle(&at.attr.id);
                let i = self.name_index(&name);
                self.emit(Instr::LoadAttr(i));
                self.compile_expr(&a.value)?;
                self.set_line(a.range);
                self.emit(op);
                self.emit(Instr::Rot2);
                self.emit(Instr::StoreAttr(i));
            }
            Expr::Subscript(s) => {
                self.compile_expr(&s.value)?;
                self.compile_expr(&s.slice)?;
                self.emit(Instr::Dup2);
                self.emit(Instr::BinarySubscr);
                self.compile_expr(&a.value)?;
                self.set_line(a.range);
                self.emit(op);
                self.emit(Instr::Rot3);
                self.emit(Instr::StoreSubscr);
            }
            other => {
                return self.error(
                    "'expression' is an illegal expression for augmented assignment",
                    other.range(),
                );
            }
        }
        Ok(())
    }

    fn compile_ann_assign(&mut self, a: &'a ast::StmtAnnAssign) -> CResult<()> {
        if let Some(v) = &a.value {
            self.compile_expr(v)?;
            self.compile_store(&a.target)?;
        }
        let at_top = !self.ur().kind.is_function() && self.ur().has_annotations;
        if !at_top {
            return Ok(());
        }
        match &*a.target {
            Expr::Name(n) if a.simple => {
                if self.future_annotations {
                    let text = &self.source[a.annotation.range().start().to_usize()
                        ..a.annotation.range().end().to_usize()];
                    self.load_const(Const::Str(text.into()));
                } else {
                    self.compile_expr(&a.annotation)?;
                }
                let ann = self.name_index("__annotations__");
                self.emit(Instr::LoadName(ann));
                let name = self.mangle(&n.id);
                self.load_const(Const::Str(name.as_str().into()));
                self.emit(Instr::StoreSubscr);
            }
            _ => {
                if !self.future_annotations {
                    self.compile_expr(&a.annotation)?;
                    self.emit(Instr::Pop);
                }
            }
        }
        Ok(())
    }

    // ---- control flow -----------------------------------------------------------------

    fn compile_if(&mut self, i: &'a ast::StmtIf) -> CResult<()> {
        let end = self.new_label();
        let mut next = self.new_label();
        self.jump_if(&i.test, false, next)?;
        self.compile_body(&i.body)?;
        for clause in &i.elif_else_clauses {
            self.emit_jump(Instr::Jump, end);
            self.bind(next);
            next = self.new_label();
            self.set_line(clause.range);
            if let Some(test) = &clause.test {
                self.jump_if(test, false, next)?;
            }
            self.compile_body(&clause.body)?;
        }
        self.bind(next);
        self.bind(end);
        Ok(())
    }

    fn compile_while(&mut self, w: &'a ast::StmtWhile) -> CResult<()> {
        let start = self.new_label();
        let orelse = self.new_label();
        let after = self.new_label();
        self.bind(start);
        self.jump_if(&w.test, false, orelse)?;
        let hl = self.ur().handler_stack.len();
        self.push_fblock(
            FBlockKind::While {
                cont: start,
                brk: after,
            },
            hl,
        )?;
        self.compile_body(&w.body)?;
        self.pop_fblock();
        self.set_line(w.range);
        self.emit_jump(Instr::Jump, start);
        self.bind(orelse);
        self.compile_body(&w.orelse)?;
        self.bind(after);
        Ok(())
    }

    fn compile_for(&mut self, f: &'a ast::StmtFor) -> CResult<()> {
        if f.is_async {
            return self.compile_async_for(f);
        }
        let start = self.new_label();
        let end = self.new_label();
        let after = self.new_label();
        self.compile_expr(&f.iter)?;
        self.emit(Instr::GetIter);
        self.bind(start);
        self.set_line(f.range);
        self.emit_jump(Instr::ForIter, end);
        self.compile_store(&f.target)?;
        let hl = self.ur().handler_stack.len();
        self.push_fblock(
            FBlockKind::For {
                cont: start,
                brk: after,
            },
            hl,
        )?;
        self.compile_body(&f.body)?;
        self.pop_fblock();
        self.set_line(f.range);
        self.emit_jump(Instr::Jump, start);
        self.bind(end);
        self.compile_body(&f.orelse)?;
        self.bind(after);
        Ok(())
    }

    /// Emits the unwinding of fblock `idx` (the fblock stack is cut to `idx` while its
    /// code is emitted). With `preserve_tos`, a value on top of the stack is kept.
    fn unwind_fblock(&mut self, idx: usize, preserve_tos: bool) -> CResult<()> {
        let fb = self.ur().fblocks[idx].clone();
        self.u().fblocks.truncate(idx);
        self.u().handler_stack.truncate(fb.handler_len);
        match fb.kind {
            FBlockKind::ExceptStar => {
                return self.error(
                    "'break', 'continue' and 'return' cannot appear in an except* block",
                    self.stmt_range,
                );
            }
            FBlockKind::While { .. } | FBlockKind::TryExcept => {}
            FBlockKind::For { .. } => {
                if preserve_tos {
                    self.emit(Instr::Rot2);
                }
                self.emit(Instr::Pop);
            }
            FBlockKind::FinallyTry { body } => {
                self.compile_body(body)?;
            }
            FBlockKind::FinallyEnd => {
                if preserve_tos {
                    self.emit(Instr::Rot3);
                }
                self.emit(Instr::Pop);
                self.emit(Instr::PopExcept);
            }
            FBlockKind::With => {
                if preserve_tos {
                    self.emit(Instr::Rot2);
                }
                self.emit_exit_call();
            }
            FBlockKind::AsyncWith => {
                if preserve_tos {
                    self.emit(Instr::Rot2);
                }
                self.emit_async_exit_call();
            }
            FBlockKind::HandlerCleanup { name } => {
                if preserve_tos {
                    self.emit(Instr::Rot2);
                }
                self.emit(Instr::PopExcept);
                if let Some(n) = name {
                    self.clear_handler_name(n)?;
                }
            }
        }
        Ok(())
    }

    /// `[exit] -> []`: calls `exit(None, None, None)` and drops the result.
    fn emit_exit_call(&mut self) {
        self.load_const(Const::None);
        self.load_const(Const::None);
        self.load_const(Const::None);
        self.emit(Instr::Call(3));
        self.emit(Instr::Pop);
    }

    /// `[exit] -> []`: awaits `exit(None, None, None)` and drops the result.
    fn emit_async_exit_call(&mut self) {
        self.load_const(Const::None);
        self.load_const(Const::None);
        self.load_const(Const::None);
        self.emit(Instr::Call(3));
        self.emit_await();
        self.emit(Instr::Pop);
    }

    /// `[awaitable] -> [result]`: `await`.
    fn emit_await(&mut self) {
        self.emit(Instr::GetAwaitable);
        self.load_const(Const::None);
        self.yield_from_loop_pub();
    }

    /// `async for target in iter: body [else: orelse]`.
    fn compile_async_for(&mut self, f: &'a ast::StmtFor) -> CResult<()> {
        let start = self.new_label();
        let handler = self.new_label();
        let reraise = self.new_label();
        let end = self.new_label();
        let after = self.new_label();
        self.compile_expr(&f.iter)?;
        self.set_line(f.range);
        self.emit(Instr::GetAIter); // [ait]
        let d = self.ur().depth;
        self.bind(start);
        self.set_line(f.range);
        self.push_handler(handler, d);
        self.emit(Instr::GetANext);
        self.emit_await(); // [ait, value]
        self.pop_handler();
        self.compile_store(&f.target)?;
        let hl = self.ur().handler_stack.len();
        self.push_fblock(
            FBlockKind::For {
                cont: start,
                brk: after,
            },
            hl,
        )?;
        self.compile_body(&f.body)?;
        self.pop_fblock();
        self.set_line(f.range);
        self.emit_jump(Instr::Jump, start);
        // [ait, exc]: StopAsyncIteration ends the loop
        self.bind(handler);
        self.u().depth = d + 1;
        self.compile_name("StopAsyncIteration", NameCtx::Load)?;
        self.emit(Instr::CheckExcMatch);
        self.emit_jump(Instr::PopJumpIfFalse, reraise);
        self.emit(Instr::Pop);
        self.emit(Instr::Pop);
        self.emit_jump(Instr::Jump, end);
        self.bind(reraise);
        self.emit(Instr::Reraise);
        self.u().depth = d;
        self.bind(end);
        self.compile_body(&f.orelse)?;
        self.bind(after);
        Ok(())
    }

    /// `async with a as x, b: body`.
    fn compile_async_with(&mut self, items: &'a [ast::WithItem], body: &'a [Stmt]) -> CResult<()> {
        let Some((item, rest)) = items.split_first() else {
            return self.compile_body(body);
        };
        let d = self.ur().depth;
        let handler = self.new_label();
        let cleanup = self.new_label();
        let suppress = self.new_label();
        let end = self.new_label();
        let outer_len = self.ur().handler_stack.len();

        self.compile_expr(&item.context_expr)?;
        self.set_line(item.range);
        self.emit(Instr::BeforeAsyncWith); // [exit, awaitable]
        self.emit_await(); // [exit, value]
        self.push_handler(handler, d + 1);
        self.push_fblock(FBlockKind::AsyncWith, outer_len)?;
        match &item.optional_vars {
            Some(target) => self.compile_store(target)?,
            None => {
                self.emit(Instr::Pop);
            }
        }
        self.compile_async_with(rest, body)?;
        self.pop_fblock();
        self.pop_handler();
        self.set_line(item.range);
        self.emit_async_exit_call();
        self.emit_jump(Instr::Jump, end);

        // [exit, exc]
        self.bind(handler);
        self.emit(Instr::PushExcInfo); // [exit, prev, exc]
        self.push_handler(cleanup, d + 2);
        self.emit(Instr::WithExceptStart(2)); // [exit, prev, exc, res]
        self.emit_await();
        self.emit_jump(Instr::PopJumpIfTrue, suppress);
        self.emit(Instr::Reraise);
        self.pop_handler();
        self.bind(suppress); // [exit, prev, exc]
        self.emit(Instr::Pop);
        self.emit(Instr::PopExcept);
        self.emit(Instr::Pop);
        self.emit_jump(Instr::Jump, end);
        self.bind(cleanup); // [exit, prev, exc2]
        self.emit(Instr::Rot2);
        self.emit(Instr::PopExcept);
        self.emit(Instr::Reraise);
        self.bind(end);
        Ok(())
    }

    fn clear_handler_name(&mut self, name: &str) -> CResult<()> {
        self.load_const(Const::None);
        self.compile_name(name, NameCtx::Store)?;
        self.compile_name(name, NameCtx::Del)
    }

    fn compile_break_continue(
        &mut self,
        is_break: bool,
        range: crate::syntax::TextRange,
    ) -> CResult<()> {
        let saved_fblocks = self.ur().fblocks.clone();
        let saved_handlers = self.ur().handler_stack.clone();
        let saved_depth = self.ur().depth;
        let mut target = None;
        let mut i = saved_fblocks.len();
        while i > 0 {
            i -= 1;
            match &saved_fblocks[i].kind {
                FBlockKind::While { cont, brk } => {
                    target = Some(if is_break { *brk } else { *cont });
                    break;
                }
                FBlockKind::For { cont, brk } => {
                    if is_break {
                        self.u()
                            .handler_stack
                            .truncate(saved_fblocks[i].handler_len);
                        self.emit(Instr::Pop);
                        target = Some(*brk);
                    } else {
                        target = Some(*cont);
                    }
                    break;
                }
                _ => self.unwind_fblock(i, false)?,
            }
        }
        let Some(target) = target else {
            let u = self.u();
            u.fblocks = saved_fblocks;
            u.handler_stack = saved_handlers;
            return if is_break {
                self.error("'break' outside loop", range)
            } else {
                self.error("'continue' not properly in loop", range)
            };
        };
        self.set_line(range);
        self.emit_jump(Instr::Jump, target);
        let u = self.u();
        u.fblocks = saved_fblocks;
        u.handler_stack = saved_handlers;
        u.depth = saved_depth;
        Ok(())
    }

    fn compile_return(&mut self, r: &'a ast::StmtReturn) -> CResult<()> {
        if !self.ur().kind.is_function() {
            return self.error("'return' outside function", r.range);
        }
        let saved_fblocks = self.ur().fblocks.clone();
        let saved_handlers = self.ur().handler_stack.clone();
        let saved_depth = self.ur().depth;
        match &r.value {
            Some(v) => self.compile_expr(v)?,
            None => self.load_const(Const::None),
        }
        let mut i = saved_fblocks.len();
        while i > 0 {
            i -= 1;
            self.unwind_fblock(i, true)?;
        }
        self.set_line(r.range);
        self.emit(Instr::ReturnValue);
        let u = self.u();
        u.fblocks = saved_fblocks;
        u.handler_stack = saved_handlers;
        u.depth = saved_depth;
        Ok(())
    }

    // ---- exceptions -------------------------------------------------------------------

    fn compile_try_except(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        if t.is_star {
            return self.compile_try_except_star(t);
        }
        let d = self.ur().depth;
        let handler = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        let outer_len = self.ur().handler_stack.len();

        self.push_handler(handler, d);
        self.push_fblock(FBlockKind::TryExcept, outer_len)?;
        self.compile_body(&t.body)?;
        self.pop_fblock();
        self.pop_handler();
        self.compile_body(&t.orelse)?;
        self.emit_jump(Instr::Jump, end);

        // [exc]
        self.bind(handler);
        self.set_line(t.range);
        self.emit(Instr::PushExcInfo); // [prev, exc]
        self.push_handler(cleanup, d + 1);
        let n = t.handlers.len();
        for (idx, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_line(h.range);
            let next = self.new_label();
            match &h.type_ {
                Some(ty) => {
                    self.compile_expr(ty)?;
                    self.emit(Instr::CheckExcMatch);
                    self.emit_jump(Instr::PopJumpIfFalse, next);
                }
                None => {
                    if idx + 1 != n {
                        return self.error("default 'except:' must be last", h.range);
                    }
                }
            }
            match &h.name {
                Some(name) => {
                    self.compile_name(&name.id, NameCtx::Store)?; // [prev]
                    let cleanup_body = self.new_label();
                    self.push_handler(cleanup_body, d + 1);
                    self.push_fblock(
                        FBlockKind::HandlerCleanup {
                            name: Some(name.id.as_str()),
                        },
                        outer_len,
                    )?;
                    self.compile_body(&h.body)?;
                    self.pop_fblock();
                    self.pop_handler();
                    let saved = self.ur().handler_stack.clone();
                    self.u().handler_stack.truncate(outer_len);
                    self.emit(Instr::PopExcept); // []
                    self.clear_handler_name(&name.id)?;
                    self.emit_jump(Instr::Jump, end);
                    self.u().handler_stack = saved;
                    // [prev, exc2]: clear the name, then the common cleanup.
                    self.bind(cleanup_body);
                    self.clear_handler_name(&name.id)?;
                    self.emit_jump(Instr::Jump, cleanup);
                }
                None => {
                    self.emit(Instr::Pop); // [prev]
                    self.push_fblock(FBlockKind::HandlerCleanup { name: None }, outer_len)?;
                    self.compile_body(&h.body)?;
                    self.pop_fblock();
                    let saved = self.ur().handler_stack.clone();
                    self.u().handler_stack.truncate(outer_len);
                    self.emit(Instr::PopExcept); // []
                    self.emit_jump(Instr::Jump, end);
                    self.u().handler_stack = saved;
                }
            }
            self.bind(next); // [prev, exc]
        }
        // No handler matched: re-raise (into the cleanup handler).
        self.emit(Instr::Reraise);
        self.pop_handler();
        // [prev, exc]: restore the previous exception and propagate.
        self.bind(cleanup);
        self.emit(Instr::Rot2);
        self.emit(Instr::PopExcept);
        self.emit(Instr::Reraise);
        self.bind(end);
        Ok(())
    }

    /// `try: ... except* T as e: ...`: each clause takes the part of the exception
    /// (group) its types match; what the handlers raise and what no clause matched
    /// is raised again at the end (see `exc_group::prep_reraise_star`).
    fn compile_try_except_star(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        let d = self.ur().depth;
        let handler = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        let outer_len = self.ur().handler_stack.len();

        self.push_handler(handler, d);
        self.push_fblock(FBlockKind::TryExcept, outer_len)?;
        self.compile_body(&t.body)?;
        self.pop_fblock();
        self.pop_handler();
        self.compile_body(&t.orelse)?;
        self.emit_jump(Instr::Jump, end);

        // [orig]
        self.bind(handler);
        self.set_line(t.range);
        self.emit(Instr::PushExcInfo); // [prev, orig]
        self.push_handler(cleanup, d + 1);
        self.emit(Instr::Dup); // [prev, orig, rest]
        self.emit(Instr::BuildList(0)); // [prev, orig, rest, raised]
        for h in &t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_line(h.range);
            let Some(ty) = &h.type_ else {
                return self.error("expected one or more exception types", h.range);
            };
            let no_match = self.new_label();
            let failed = self.new_label();
            let after = self.new_label();
            self.emit(Instr::Rot2); // [prev, orig, raised, rest]
            self.compile_expr(ty)?;
            self.emit(Instr::CheckEgMatch); // [.., raised, rest', match, hit]
            self.emit_jump(Instr::PopJumpIfFalse, no_match);
            // the handler runs with the matched group as the exception being handled
            self.emit(Instr::PushExcInfo); // [.., raised, rest', prev2, match]
            self.push_handler(failed, d + 5);
            self.push_fblock(FBlockKind::ExceptStar, outer_len)?;
            match &h.name {
                Some(name) => self.compile_name(&name.id, NameCtx::Store)?,
                None => {
                    self.emit(Instr::Pop);
                }
            }
            self.compile_body(&h.body)?;
            self.pop_fblock();
            self.pop_handler();
            if let Some(name) = &h.name {
                self.clear_handler_name(&name.id)?;
            }
            self.emit(Instr::PopExcept); // [prev, orig, raised, rest']
            self.emit(Instr::Rot2); // [prev, orig, rest', raised]
            self.emit_jump(Instr::Jump, after);
            // the handler raised: [.., raised, rest', prev2, exc]
            self.bind(failed);
            if let Some(name) = &h.name {
                self.clear_handler_name(&name.id)?;
            }
            self.emit(Instr::Rot2);
            self.emit(Instr::PopExcept); // [.., raised, rest', exc]
            self.emit(Instr::ListAppend(2)); // [prev, orig, raised, rest']
            self.emit(Instr::Rot2);
            self.emit_jump(Instr::Jump, after);
            // no match: [.., raised, rest', None]
            self.bind(no_match);
            self.u().depth = d + 5;
            self.emit(Instr::Pop);
            self.emit(Instr::Rot2); // [prev, orig, rest', raised]
            self.bind(after);
        }
        let done = self.new_label();
        self.emit(Instr::Rot2); // [prev, orig, raised, rest]
        self.emit(Instr::ListAppend(1)); // [prev, orig, raised]
        self.emit(Instr::PrepReraiseStar); // [prev, result]
        self.emit(Instr::Dup);
        self.emit_jump(Instr::PopJumpIfNone, done);
        self.emit(Instr::Reraise);
        self.pop_handler();
        // everything was handled: [prev, None]
        self.bind(done);
        self.emit(Instr::Pop);
        let saved = self.ur().handler_stack.clone();
        self.u().handler_stack.truncate(outer_len);
        self.emit(Instr::PopExcept);
        self.emit_jump(Instr::Jump, end);
        self.u().handler_stack = saved;
        // [prev, exc]: restore the previous exception and propagate.
        self.bind(cleanup);
        self.emit(Instr::Rot2);
        self.emit(Instr::PopExcept);
        self.emit(Instr::Reraise);
        self.bind(end);
        Ok(())
    }

    fn compile_try_finally(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        let d = self.ur().depth;
        let handler = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        let outer_len = self.ur().handler_stack.len();

        self.push_handler(handler, d);
        self.push_fblock(FBlockKind::FinallyTry { body: &t.finalbody }, outer_len)?;
        if t.handlers.is_empty() {
            self.compile_body(&t.body)?;
            self.compile_body(&t.orelse)?;
        } else {
            self.compile_try_except(t)?;
        }
        self.pop_fblock();
        self.pop_handler();
        self.compile_body(&t.finalbody)?;
        self.emit_jump(Instr::Jump, end);

        // [exc]
        self.bind(handler);
        self.set_line(t.range);
        self.emit(Instr::PushExcInfo); // [prev, exc]
        self.push_handler(cleanup, d + 1);
        self.push_fblock(FBlockKind::FinallyEnd, outer_len)?;
        self.compile_body(&t.finalbody)?;
        self.pop_fblock();
        self.emit(Instr::Reraise);
        self.pop_handler();
        self.bind(cleanup); // [prev, exc2]
        self.emit(Instr::Rot2);
        self.emit(Instr::PopExcept);
        self.emit(Instr::Reraise);
        self.bind(end);
        Ok(())
    }

    fn compile_with(&mut self, items: &'a [ast::WithItem], body: &'a [Stmt]) -> CResult<()> {
        let Some((item, rest)) = items.split_first() else {
            return self.compile_body(body);
        };
        let d = self.ur().depth;
        let handler = self.new_label();
        let cleanup = self.new_label();
        let suppress = self.new_label();
        let end = self.new_label();
        let outer_len = self.ur().handler_stack.len();

        self.compile_expr(&item.context_expr)?;
        self.set_line(item.range);
        self.u().pos = crate::bytecode::Position::NONE;
        self.emit(Instr::BeforeWith); // [exit, value]
        self.push_handler(handler, d + 1);
        self.push_fblock(FBlockKind::With, outer_len)?;
        match &item.optional_vars {
            Some(target) => self.compile_store(target)?,
            None => {
                self.emit(Instr::Pop);
            }
        }
        self.compile_with(rest, body)?;
        self.pop_fblock();
        self.pop_handler();
        self.set_line(item.range);
        self.emit_exit_call();
        self.emit_jump(Instr::Jump, end);

        // [exit, exc]
        self.bind(handler);
        self.emit(Instr::PushExcInfo); // [exit, prev, exc]
        self.push_handler(cleanup, d + 2);
        self.emit(Instr::WithExceptStart(2)); // [exit, prev, exc, res]
        self.emit_jump(Instr::PopJumpIfTrue, suppress);
        self.emit(Instr::Reraise);
        self.pop_handler();
        self.bind(suppress); // [exit, prev, exc]
        self.emit(Instr::Pop);
        self.emit(Instr::PopExcept);
        self.emit(Instr::Pop);
        self.emit_jump(Instr::Jump, end);
        self.bind(cleanup); // [exit, prev, exc2]
        self.emit(Instr::Rot2);
        self.emit(Instr::PopExcept);
        self.emit(Instr::Reraise);
        self.bind(end);
        Ok(())
    }

    // ---- imports ------------------------------------------------------------------------

    fn compile_import(&mut self, i: &'a ast::StmtImport) -> CResult<()> {
        for alias in &i.names {
            self.set_line(alias.range);
            self.load_const(Const::Int(0));
            self.load_const(Const::None);
            let full = alias.name.id.as_str();
            let ni = self.name_index(full);
            self.emit(Instr::ImportName(ni));
            match &alias.asname {
                Some(asname) => {
                    let parts: Vec<&str> = full.split('.').collect();
                    if parts.len() > 1 {
                        for (k, part) in parts[1..].iter().enumerate() {
                            let pi = self.name_index(part);
                            self.emit(Instr::ImportFrom(pi));
                            if k + 2 < parts.len() {
                                self.emit(Instr::Rot2);
                                self.emit(Instr::Pop);
                            }
                        }
                        self.compile_name(&asname.id, NameCtx::Store)?;
                        self.emit(Instr::Pop);
                    } else {
                        self.compile_name(&asname.id, NameCtx::Store)?;
                    }
                }
                None => {
                    let top = full.split('.').next().unwrap_or(full);
                    self.compile_name(top, NameCtx::Store)?;
                }
            }
        }
        Ok(())
    }

    fn compile_import_from(&mut self, i: &'a ast::StmtImportFrom) -> CResult<()> {
        let module = i.module.as_ref().map(|m| m.id.as_str()).unwrap_or("");
        self.load_const(Const::Int(i.level as i64));
        let star = i.names.len() == 1 && i.names[0].name.id.as_str() == "*";
        let names: Vec<Const> = i
            .names
            .iter()
            .map(|a| Const::Str(a.name.id.as_str().into()))
            .collect();
        self.load_const(Const::Tuple(names.into()));
        let mi = self.name_index(module);
        self.emit(Instr::ImportName(mi));
        if star {
            if self.ur().kind != ScopeKind::Module {
                return self.error("import * only allowed at module level", i.range);
            }
            self.emit(Instr::ImportStar);
            return Ok(());
        }
        for alias in &i.names {
            self.set_line(alias.range);
            let ni = self.name_index(alias.name.id.as_str());
            self.emit(Instr::ImportFrom(ni));
            let bound = alias.asname.as_ref().unwrap_or(&alias.name);
            self.compile_name(&bound.id, NameCtx::Store)?;
        }
        self.emit(Instr::Pop);
        Ok(())
    }
}

/// The range of a `return <value>` directly in `body` (not in nested scopes).
fn find_return_value(body: &[Stmt]) -> Option<crate::syntax::TextRange> {
    for s in body {
        let found = match s {
            Stmt::Return(r) if r.value.is_some() => Some(r.range),
            Stmt::For(f) => find_return_value(&f.body).or_else(|| find_return_value(&f.orelse)),
            Stmt::While(w) => find_return_value(&w.body).or_else(|| find_return_value(&w.orelse)),
            Stmt::If(i) => find_return_value(&i.body).or_else(|| {
                i.elif_else_clauses
                    .iter()
                    .find_map(|c| find_return_value(&c.body))
            }),
            Stmt::With(w) => find_return_value(&w.body),
            Stmt::Try(t) => find_return_value(&t.body)
                .or_else(|| {
                    t.handlers.iter().find_map(|h| {
                        let ast::ExceptHandler::ExceptHandler(h) = h;
                        find_return_value(&h.body)
                    })
                })
                .or_else(|| find_return_value(&t.orelse))
                .or_else(|| find_return_value(&t.finalbody)),
            _ => None,
        };
        if found.is_some() {
            return found;
        }
    }
    None
}
