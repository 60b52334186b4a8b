//! The symbol-table pass (like CPython's `symtable.c`): finds every scope, the names
//! bound and used in each, and resolves each name to local / global / free / cell.

use std::collections::{HashMap, HashSet};

use crate::syntax::ast::{self, Expr, Stmt};
use crate::syntax::{Ranged, TextRange};

use super::CompileError;

pub type ScopeId = usize;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

impl ScopeKind {
    /// Function-like scopes have fast locals.
    pub fn is_function(self) -> bool {
        matches!(
            self,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
        )
    }
}

pub const DEF_LOCAL: u32 = 1;
pub const DEF_GLOBAL: u32 = 2;
pub const DEF_NONLOCAL: u32 = 4;
pub const DEF_PARAM: u32 = 8;
pub const USE: u32 = 16;
pub const DEF_IMPORT: u32 = 32;
pub const DEF_COMP_ITER: u32 = 64;
pub const DEF_FREE_CLASS: u32 = 128;
const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

/// Where a name lives, after analysis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymScope {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Clone, Debug)]
pub struct Symbol {
    pub flags: u32,
    pub scope: SymScope,
    /// Where the name was declared `nonlocal` (for error positions).
    pub decl_range: TextRange,
}

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    pub parent: Option<ScopeId>,
    pub symbols: HashMap<String, Symbol>,
    /// Symbol names in order of first appearance.
    pub order: Vec<String>,
    /// Parameter names in varnames order.
    pub params: Vec<String>,
    pub children: Vec<ScopeId>,
    pub is_generator: bool,
    pub is_coroutine: bool,
    /// Class scope: a method uses `super` / `__class__`, so the body has a `__class__` cell.
    pub needs_class_cell: bool,
    /// The class name used for private name mangling, if inside a class.
    pub private: Option<String>,
    /// Sorted cell names (own cells), computed by analysis.
    pub cellvars: Vec<String>,
    /// Sorted free names, computed by analysis.
    pub freevars: Vec<String>,
    /// Names of comprehension iteration variables (for `:=` checks).
    pub comp_iter_names: HashSet<String>,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, parent: Option<ScopeId>, private: Option<String>) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            parent,
            symbols: HashMap::new(),
            order: Vec::new(),
            params: Vec::new(),
            children: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            needs_class_cell: false,
            private,
            cellvars: Vec::new(),
            freevars: Vec::new(),
            comp_iter_names: HashSet::new(),
        }
    }

    /// The resolved scope of `name` (already mangled); unknown names are implicit globals.
    pub fn lookup(&self, name: &str) -> SymScope {
        self.symbols
            .get(name)
            .map(|s| s.scope)
            .unwrap_or(SymScope::GlobalImplicit)
    }

    /// Fast locals after the parameters, in order of first appearance.
    pub fn local_names(&self) -> impl Iterator<Item = &String> {
        self.order
            .iter()
            .filter(|n| self.symbols[*n].scope == SymScope::Local)
    }
}

/// Key of a scope-creating AST node: its address and a kind tag.
pub type NodeKey = (usize, u8);

pub fn node_key<T>(node: &T, tag: u8) -> NodeKey {
    (node as *const T as usize, tag)
}

pub const TAG_FUNC: u8 = 1;
pub const TAG_CLASS: u8 = 2;
pub const TAG_LAMBDA: u8 = 3;
pub const TAG_COMP: u8 = 4;

#[derive(Debug)]
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    pub by_node: HashMap<NodeKey, ScopeId>,
}

/// CPython's private name mangling (`__x` inside class `C` -> `_C__x`).
pub fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class) = private else {
        return name.to_string();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

type R<T> = Result<T, CompileError>;

fn err<T>(msg: impl Into<String>, range: TextRange) -> R<T> {
    Err(CompileError::new(msg, range))
}

/// Maximum nesting of statements and expressions (deeper sources are rejected, as
/// CPython rejects them with a RecursionError, to keep the recursive passes safe).
pub const MAX_NESTING: u32 = 3000;

/// Nesting up to which the passes run on the caller's stack; deeper sources are
/// compiled on a thread with a large stack (see `compiler::compile_mode`).
pub const INLINE_NESTING: u32 = 100;

/// The error of [`build`] when `INLINE_NESTING` is exceeded (never shown to users).
pub const NEEDS_BIG_STACK: &str = "<needs a big stack>";

pub const TOO_DEEP: &str =
    "too many nested expressions: maximum recursion depth exceeded during compilation";

struct Builder {
    scopes: Vec<Scope>,
    by_node: HashMap<NodeKey, ScopeId>,
    cur: ScopeId,
    nesting: u32,
    limit: u32,
    /// Start offsets of the `from __future__` imports at the top of the module.
    leading_futures: Vec<u32>,
}

/// The `from __future__` imports at the top of a module (after its docstring).
fn leading_futures(body: &[Stmt]) -> Vec<u32> {
    let mut out = Vec::new();
    for (n, s) in body.iter().enumerate() {
        match s {
            Stmt::ImportFrom(i)
                if i.level == 0
                    && i.module
                        .as_ref()
                        .is_some_and(|m| m.id.as_str() == "__future__") =>
            {
                out.push(i.range.start().to_u32());
            }
            Stmt::Expr(e) if n == 0 && matches!(&*e.value, Expr::StringLiteral(_)) => {}
            _ => break,
        }
    }
    out
}

/// Builds and analyzes the symbol table; `limit` bounds statement/expression nesting
/// ([`TOO_DEEP`] beyond [`MAX_NESTING`], [`NEEDS_BIG_STACK`] beyond a lower limit).
pub fn build(module: &ast::ModModule, limit: u32) -> R<SymbolTable> {
    let mut b = Builder {
        scopes: vec![Scope::new(ScopeKind::Module, "<module>", None, None)],
        by_node: HashMap::new(),
        cur: 0,
        nesting: 0,
        limit,
        leading_futures: leading_futures(&module.body),
    };
    b.visit_body(&module.body)?;
    let mut st = SymbolTable {
        scopes: b.scopes,
        by_node: b.by_node,
    };
    analyze(&mut st)?;
    Ok(st)
}

impl Builder {
    fn scope(&mut self) -> &mut Scope {
        &mut self.scopes[self.cur]
    }

    fn mangle(&self, name: &str) -> String {
        mangle(self.scopes[self.cur].private.as_deref(), name)
    }

    fn add_def_in(&mut self, sid: ScopeId, name: &str, flag: u32, range: TextRange) -> R<()> {
        let scope = &mut self.scopes[sid];
        if let Some(sym) = scope.symbols.get_mut(name) {
            if flag & DEF_PARAM != 0 && sym.flags & DEF_PARAM != 0 {
                return err(
                    format!("duplicate argument '{name}' in function definition"),
                    range,
                );
            }
            if flag & (DEF_NONLOCAL | DEF_GLOBAL) != 0
                && sym.flags & (DEF_NONLOCAL | DEF_GLOBAL) == 0
            {
                sym.decl_range = range;
            }
            sym.flags |= flag;
        } else {
            scope.symbols.insert(
                name.to_string(),
                Symbol {
                    flags: flag,
                    scope: SymScope::GlobalImplicit,
                    decl_range: range,
                },
            );
            scope.order.push(name.to_string());
        }
        if flag & DEF_PARAM != 0 {
            scope.params.push(name.to_string());
        }
        Ok(())
    }

    fn add_def(&mut self, name: &str, flag: u32, range: TextRange) -> R<()> {
        if name == "__debug__" && flag & (DEF_LOCAL | DEF_PARAM) != 0 {
            return err("cannot assign to __debug__", range);
        }
        let mangled = self.mangle(name);
        self.add_def_in(self.cur, &mangled, flag, range)
    }

    fn enter(&mut self, kind: ScopeKind, name: &str, key: NodeKey) -> ScopeId {
        let private = if kind == ScopeKind::Class {
            Some(name.to_string())
        } else {
            self.scopes[self.cur].private.clone()
        };
        let id = self.scopes.len();
        self.scopes
            .push(Scope::new(kind, name, Some(self.cur), private));
        self.scopes[self.cur].children.push(id);
        self.by_node.insert(key, id);
        self.cur = id;
        id
    }

    fn leave(&mut self) {
        self.cur = self.scopes[self.cur].parent.unwrap_or(0);
    }

    fn visit_body(&mut self, body: &[Stmt]) -> R<()> {
        for s in body {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    fn visit_params_defaults(&mut self, p: &ast::Parameters) -> R<()> {
        for a in p.posonlyargs.iter().chain(&p.args).chain(&p.kwonlyargs) {
            if let Some(d) = &a.default {
                self.visit_expr(d)?;
            }
        }
        Ok(())
    }

    fn add_params(&mut self, p: &ast::Parameters) -> R<()> {
        for a in p.posonlyargs.iter().chain(&p.args).chain(&p.kwonlyargs) {
            self.add_def(&a.parameter.name.id, DEF_PARAM, a.parameter.range)?;
        }
        if let Some(v) = &p.vararg {
            self.add_def(&v.name.id, DEF_PARAM, v.range)?;
        }
        if let Some(k) = &p.kwarg {
            self.add_def(&k.name.id, DEF_PARAM, k.range)?;
        }
        Ok(())
    }

    fn visit_stmt(&mut self, s: &Stmt) -> R<()> {
        self.nesting += 1;
        if self.nesting > self.limit {
            let msg = if self.limit >= MAX_NESTING {
                TOO_DEEP
            } else {
                NEEDS_BIG_STACK
            };
            return err(msg, s.range());
        }
        let r = self.visit_stmt_inner(s);
        self.nesting -= 1;
        r
    }

    fn visit_stmt_inner(&mut self, s: &Stmt) -> R<()> {
        match s {
            Stmt::FunctionDef(f) => {
                if f.type_params.is_some() {
                    return err("type parameters are not supported", f.range);
                }
                for d in &f.decorator_list {
                    self.visit_expr(&d.expression)?;
                }
                self.visit_params_defaults(&f.parameters)?;
                self.add_def(&f.name.id, DEF_LOCAL, f.name.range)?;
                self.enter(ScopeKind::Function, &f.name.id, node_key(f, TAG_FUNC));
                self.scope().is_coroutine = f.is_async;
                self.add_params(&f.parameters)?;
                self.visit_body(&f.body)?;
                self.leave();
            }
            Stmt::ClassDef(c) => {
                if c.type_params.is_some() {
                    return err("type parameters are not supported", c.range);
                }
                for d in &c.decorator_list {
                    self.visit_expr(&d.expression)?;
                }
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.visit_expr(a)?;
                    }
                    for k in args.keywords.iter() {
                        self.visit_expr(&k.value)?;
                    }
                }
                self.add_def(&c.name.id, DEF_LOCAL, c.name.range)?;
                self.enter(ScopeKind::Class, &c.name.id, node_key(c, TAG_CLASS));
                self.visit_body(&c.body)?;
                self.leave();
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.visit_expr(v)?;
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.visit_expr(t)?;
                }
            }
            Stmt::TypeAlias(t) => return err("'type' statement is not supported", t.range),
            Stmt::Assign(a) => {
                self.visit_expr(&a.value)?;
                for t in &a.targets {
                    self.visit_expr(t)?;
                }
            }
            Stmt::AugAssign(a) => {
                self.visit_expr(&a.value)?;
                if let Expr::Name(n) = &*a.target {
                    self.add_def(&n.id, DEF_LOCAL | USE, n.range)?;
                } else {
                    self.visit_expr(&a.target)?;
                }
            }
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.visit_expr(v)?;
                }
                if let Expr::Name(n) = &*a.target {
                    let mangled = self.mangle(&n.id);
                    if let Some(sym) = self.scopes[self.cur].symbols.get(&mangled)
                        && sym.flags & (DEF_GLOBAL | DEF_NONLOCAL) != 0
                        && a.simple
                    {
                        let what = if sym.flags & DEF_GLOBAL != 0 {
                            "global"
                        } else {
                            "nonlocal"
                        };
                        return err(
                            format!("annotated name '{}' can't be {what}", n.id),
                            n.range,
                        );
                    }
                    self.add_def(&n.id, DEF_LOCAL, n.range)?;
                } else {
                    self.visit_expr(&a.target)?;
                }
                if !self.scopes[self.cur].kind.is_function() {
                    self.visit_expr(&a.annotation)?;
                }
            }
            Stmt::For(f) => {
                if f.is_async && !self.scopes[self.cur].is_coroutine {
                    return err("'async for' outside async function", f.range);
                }
                self.visit_expr(&f.target)?;
                self.visit_expr(&f.iter)?;
                self.visit_body(&f.body)?;
                self.visit_body(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.visit_expr(&w.test)?;
                self.visit_body(&w.body)?;
                self.visit_body(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_body(&i.body)?;
                // CPython nests each `elif` in the previous `if`'s else branch
                let base = self.nesting;
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.nesting += 1;
                        if self.nesting > self.limit {
                            self.nesting = base;
                            let msg = if self.limit >= MAX_NESTING {
                                TOO_DEEP
                            } else {
                                NEEDS_BIG_STACK
                            };
                            return err(msg, c.range);
                        }
                        self.visit_expr(t)?;
                    }
                    self.visit_body(&c.body)?;
                }
                self.nesting = base;
            }
            Stmt::With(w) => {
                if w.is_async && !self.scopes[self.cur].is_coroutine {
                    return err("'async with' outside async function", w.range);
                }
                for item in &w.items {
                    self.visit_expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.visit_expr(v)?;
                    }
                }
                self.visit_body(&w.body)?;
            }
            Stmt::Match(m) => return err("'match' statement is not supported", m.range),
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.visit_expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.visit_expr(c)?;
                }
            }
            Stmt::Try(t) => {
                self.visit_body(&t.body)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.visit_expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(&n.id, DEF_LOCAL, n.range)?;
                    }
                    self.visit_body(&h.body)?;
                }
                self.visit_body(&t.orelse)?;
                self.visit_body(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.visit_expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.visit_expr(m)?;
                }
            }
            Stmt::Import(i) => {
                if i.is_lazy {
                    return err("lazy imports are not supported", i.range);
                }
                for a in &i.names {
                    let bound = match &a.asname {
                        Some(n) => n.id.to_string(),
                        None => a.name.id.split('.').next().unwrap_or("").to_string(),
                    };
                    self.add_def(&bound, DEF_IMPORT, a.range)?;
                }
            }
            Stmt::ImportFrom(i) => {
                if i.is_lazy {
                    return err("lazy imports are not supported", i.range);
                }
                if i.level == 0
                    && i.module
                        .as_ref()
                        .is_some_and(|m| m.id.as_str() == "__future__")
                {
                    self.check_future(i)?;
                }
                for a in &i.names {
                    if a.name.id.as_str() == "*" {
                        if self.scopes[self.cur].kind != ScopeKind::Module {
                            return err("import * only allowed at module level", a.range);
                        }
                        continue;
                    }
                    let bound = a.asname.as_ref().unwrap_or(&a.name);
                    self.add_def(&bound.id, DEF_IMPORT, a.range)?;
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    self.declare(n, DEF_GLOBAL, s.range())?;
                }
            }
            Stmt::Nonlocal(g) => {
                for n in &g.names {
                    self.declare(n, DEF_NONLOCAL, s.range())?;
                }
            }
            Stmt::Expr(e) => self.visit_expr(&e.value)?,
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
            Stmt::IpyEscapeCommand(c) => return err("invalid syntax", c.range),
        }
        Ok(())
    }

    /// `from __future__ import ...`: only at the top of a module, known features only.
    fn check_future(&mut self, i: &ast::StmtImportFrom) -> R<()> {
        if !self.leading_futures.contains(&i.range.start().to_u32()) {
            return err(
                "from __future__ imports must occur at the beginning of the file",
                i.range,
            );
        }
        for a in &i.names {
            match a.name.id.as_str() {
                "nested_scopes" | "generators" | "division" | "absolute_import"
                | "with_statement" | "print_function" | "unicode_literals" | "barry_as_FLUFL"
                | "generator_stop" | "annotations" => {}
                "braces" => return err("not a chance", a.range),
                other => {
                    return err(format!("future feature {other} is not defined"), a.range);
                }
            }
        }
        Ok(())
    }

    fn declare(&mut self, n: &ast::Identifier, flag: u32, range: TextRange) -> R<()> {
        let name = self.mangle(&n.id);
        let kw = if flag == DEF_GLOBAL {
            "global"
        } else {
            "nonlocal"
        };
        if let Some(sym) = self.scopes[self.cur].symbols.get(&name) {
            let f = sym.flags;
            if f & DEF_PARAM != 0 {
                return err(format!("name '{}' is parameter and {kw}", n.id), range);
            }
            // reported at the first of the two declarations, as CPython does
            if (flag == DEF_GLOBAL && f & DEF_NONLOCAL != 0)
                || (flag == DEF_NONLOCAL && f & DEF_GLOBAL != 0)
            {
                let first = sym.decl_range;
                return err(format!("name '{}' is nonlocal and global", n.id), first);
            }
            if f & USE != 0 && f & (DEF_GLOBAL | DEF_NONLOCAL) == 0 {
                return err(
                    format!("name '{}' is used prior to {kw} declaration", n.id),
                    range,
                );
            }
            if f & (DEF_LOCAL | DEF_IMPORT) != 0 && f & (DEF_GLOBAL | DEF_NONLOCAL) == 0 {
                return err(
                    format!("name '{}' is assigned to before {kw} declaration", n.id),
                    range,
                );
            }
        }
        if flag == DEF_NONLOCAL && self.scopes[self.cur].kind == ScopeKind::Module {
            return err("nonlocal declaration not allowed at module level", range);
        }
        self.add_def_in(self.cur, &name, flag, range)
    }

    fn visit_exprs(&mut self, es: &[Expr]) -> R<()> {
        for e in es {
            self.visit_expr(e)?;
        }
        Ok(())
    }

    fn check_generator_context(&mut self, what: &str, range: TextRange) -> R<()> {
        let scope = &self.scopes[self.cur];
        match scope.kind {
            ScopeKind::Module | ScopeKind::Class => {
                err(format!("'{what}' outside function"), range)
            }
            ScopeKind::Comprehension => {
                let kind = match scope.name.as_str() {
                    "<listcomp>" => "list comprehension",
                    "<setcomp>" => "set comprehension",
                    "<dictcomp>" => "dict comprehension",
                    _ => "generator expression",
                };
                err(format!("'{what}' inside {kind}"), range)
            }
            _ => Ok(()),
        }
    }

    fn visit_expr(&mut self, e: &Expr) -> R<()> {
        self.nesting += 1;
        if self.nesting > self.limit {
            let msg = if self.limit >= MAX_NESTING {
                TOO_DEEP
            } else {
                NEEDS_BIG_STACK
            };
            return err(msg, e.range());
        }
        let r = self.visit_expr_inner(e);
        self.nesting -= 1;
        r
    }

    fn visit_expr_inner(&mut self, e: &Expr) -> R<()> {
        match e {
            Expr::BoolOp(b) => self.visit_exprs(&b.values)?,
            Expr::Named(n) => {
                self.visit_expr(&n.value)?;
                self.visit_named_target(&n.target)?;
            }
            Expr::BinOp(b) => {
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)?;
            }
            Expr::UnaryOp(u) => self.visit_expr(&u.operand)?,
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.visit_params_defaults(p)?;
                }
                self.enter(ScopeKind::Lambda, "<lambda>", node_key(l, TAG_LAMBDA));
                if let Some(p) = &l.parameters {
                    self.add_params(p)?;
                }
                self.visit_expr(&l.body)?;
                self.leave();
            }
            Expr::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_expr(&i.body)?;
                self.visit_expr(&i.orelse)?;
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    if let Some(k) = &item.key {
                        self.visit_expr(k)?;
                    }
                    self.visit_expr(&item.value)?;
                }
            }
            Expr::Set(s) => self.visit_exprs(&s.elts)?,
            Expr::ListComp(c) => self.visit_comp(
                "<listcomp>",
                node_key(c, TAG_COMP),
                &c.generators,
                &[&c.elt],
                false,
            )?,
            Expr::SetComp(c) => self.visit_comp(
                "<setcomp>",
                node_key(c, TAG_COMP),
                &c.generators,
                &[&c.elt],
                false,
            )?,
            Expr::DictComp(c) => {
                let Some(k) = &c.key else {
                    return err(
                        "dict unpacking cannot be used in dict comprehension",
                        c.range,
                    );
                };
                self.visit_comp(
                    "<dictcomp>",
                    node_key(c, TAG_COMP),
                    &c.generators,
                    &[k, &c.value],
                    false,
                )?
            }
            Expr::Generator(g) => self.visit_comp(
                "<genexpr>",
                node_key(g, TAG_COMP),
                &g.generators,
                &[&g.elt],
                true,
            )?,
            Expr::Await(a) => {
                let scope = &self.scopes[self.cur];
                match scope.kind {
                    ScopeKind::Module | ScopeKind::Class => {
                        return err("'await' outside function", a.range);
                    }
                    ScopeKind::Comprehension => {
                        return err("'await' in comprehensions is not supported yet", a.range);
                    }
                    _ if !scope.is_coroutine => {
                        return err("'await' outside async function", a.range);
                    }
                    _ => {}
                }
                self.visit_expr(&a.value)?;
            }
            Expr::Yield(y) => {
                self.check_generator_context("yield", y.range)?;
                self.scope().is_generator = true;
                if let Some(v) = &y.value {
                    self.visit_expr(v)?;
                }
            }
            Expr::YieldFrom(y) => {
                self.check_generator_context("yield", y.range)?;
                if self.scopes[self.cur].is_coroutine {
                    return err("'yield from' inside async function", y.range);
                }
                self.scope().is_generator = true;
                self.visit_expr(&y.value)?;
            }
            Expr::Compare(c) => {
                self.visit_expr(&c.left)?;
                self.visit_exprs(&c.comparators)?;
            }
            Expr::Call(c) => {
                self.visit_expr(&c.func)?;
                self.visit_exprs(&c.arguments.args)?;
                for k in c.arguments.keywords.iter() {
                    self.visit_expr(&k.value)?;
                }
            }
            Expr::FString(f) => {
                for part in f.value.iter() {
                    if let ast::FStringPart::FString(fs) = part {
                        self.visit_fstring_elements(&fs.elements)?;
                    }
                }
            }
            Expr::TString(t) => return err("t-strings are not supported", t.range),
            Expr::NumberLiteral(n) if matches!(n.value, ast::Number::Complex { .. }) => {
                return err("complex numbers are not supported", n.range);
            }
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {}
            Expr::Attribute(a) => self.visit_expr(&a.value)?,
            Expr::Subscript(s) => {
                self.visit_expr(&s.value)?;
                self.visit_expr(&s.slice)?;
            }
            Expr::Starred(s) => self.visit_expr(&s.value)?,
            Expr::Name(n) => {
                let flag = match n.ctx {
                    ast::ExprContext::Load => USE,
                    _ => DEF_LOCAL,
                };
                self.add_def(&n.id, flag, n.range)?;
                if n.ctx == ast::ExprContext::Load
                    && self.scopes[self.cur].kind.is_function()
                    && n.id.as_str() == "super"
                {
                    self.add_def_in(self.cur, "__class__", USE, n.range)?;
                }
            }
            Expr::List(l) => self.visit_exprs(&l.elts)?,
            Expr::Tuple(t) => self.visit_exprs(&t.elts)?,
            Expr::Slice(s) => {
                for x in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.visit_expr(x)?;
                }
            }
            Expr::IpyEscapeCommand(c) => return err("invalid syntax", c.range),
        }
        Ok(())
    }

    fn visit_fstring_elements(&mut self, elements: &ast::InterpolatedStringElements) -> R<()> {
        for el in elements.iter() {
            if let ast::InterpolatedStringElement::Interpolation(i) = el {
                self.visit_expr(&i.expression)?;
                if let Some(spec) = &i.format_spec {
                    self.visit_fstring_elements(&spec.elements)?;
                }
            }
        }
        Ok(())
    }

    fn visit_named_target(&mut self, target: &Expr) -> R<()> {
        let Expr::Name(n) = target else {
            return self.visit_expr(target);
        };
        if self.scopes[self.cur].kind != ScopeKind::Comprehension {
            return self.add_def(&n.id, DEF_LOCAL, n.range);
        }
        let name = self.mangle(&n.id);
        // Walk out of the comprehensions to the scope the name binds in.
        let mut sid = self.cur;
        loop {
            let scope = &self.scopes[sid];
            match scope.kind {
                ScopeKind::Comprehension => {
                    if scope.comp_iter_names.contains(&name) {
                        return err(
                            format!(
                                "assignment expression cannot rebind comprehension iteration variable '{}'",
                                n.id
                            ),
                            n.range,
                        );
                    }
                    sid = scope.parent.unwrap_or(0);
                }
                ScopeKind::Class => {
                    return err(
                        "assignment expression within a comprehension cannot be used in a class body",
                        n.range,
                    );
                }
                ScopeKind::Module => {
                    self.add_def_in(sid, &name, DEF_LOCAL, n.range)?;
                    return self.add_def_in(self.cur, &name, DEF_GLOBAL, n.range);
                }
                ScopeKind::Function | ScopeKind::Lambda => {
                    self.add_def_in(sid, &name, DEF_LOCAL, n.range)?;
                    // Intermediate comprehensions see it as free via normal propagation.
                    return self.add_def_in(self.cur, &name, DEF_NONLOCAL, n.range);
                }
            }
        }
    }

    fn visit_comp(
        &mut self,
        name: &str,
        key: NodeKey,
        gens: &[ast::Comprehension],
        elts: &[&Expr],
        is_gen: bool,
    ) -> R<()> {
        let Some(first) = gens.first() else {
            return Ok(());
        };
        for g in gens {
            if g.is_async {
                return err("asynchronous comprehensions are not supported yet", g.range);
            }
        }
        self.visit_expr(&first.iter)?;
        self.enter(ScopeKind::Comprehension, name, key);
        self.scope().is_generator = is_gen;
        self.add_def_in(self.cur, ".0", DEF_PARAM, first.range)?;
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.visit_expr(&g.iter)?;
            }
            self.visit_comp_target(&g.target)?;
            self.visit_exprs(&g.ifs)?;
        }
        for e in elts {
            self.visit_expr(e)?;
        }
        self.leave();
        Ok(())
    }

    fn visit_comp_target(&mut self, t: &Expr) -> R<()> {
        match t {
            Expr::Name(n) => {
                let name = self.mangle(&n.id);
                self.scope().comp_iter_names.insert(name);
                self.add_def(&n.id, DEF_LOCAL | DEF_COMP_ITER, n.range)
            }
            Expr::Tuple(tu) => {
                for e in &tu.elts {
                    self.visit_comp_target(e)?;
                }
                Ok(())
            }
            Expr::List(l) => {
                for e in &l.elts {
                    self.visit_comp_target(e)?;
                }
                Ok(())
            }
            Expr::Starred(s) => self.visit_comp_target(&s.value),
            other => self.visit_expr(other),
        }
    }
}

// ---- analysis ----------------------------------------------------------------------

fn analyze(st: &mut SymbolTable) -> R<()> {
    let mut free = HashSet::new();
    analyze_block(st, 0, &HashSet::new(), &mut free, &HashSet::new())?;
    Ok(())
}

fn analyze_block(
    st: &mut SymbolTable,
    id: ScopeId,
    bound_in: &HashSet<String>,
    free_out: &mut HashSet<String>,
    global_in: &HashSet<String>,
) -> R<()> {
    let kind = st.scopes[id].kind;
    let mut bound = bound_in.clone();
    let mut global = global_in.clone();
    let mut local: HashSet<String> = HashSet::new();
    let mut scopes: HashMap<String, SymScope> = HashMap::new();
    let mut free_here: HashSet<String> = HashSet::new();

    let names = st.scopes[id].order.clone();
    for name in &names {
        let flags = st.scopes[id].symbols[name].flags;
        let sc = if flags & DEF_GLOBAL != 0 {
            global.insert(name.clone());
            bound.remove(name);
            SymScope::GlobalExplicit
        } else if flags & DEF_NONLOCAL != 0 {
            if !bound.contains(name) {
                return Err(CompileError::new(
                    format!("no binding for nonlocal '{name}' found"),
                    st.scopes[id].symbols[name].decl_range,
                ));
            }
            free_here.insert(name.clone());
            SymScope::Free
        } else if flags & DEF_BOUND != 0 {
            local.insert(name.clone());
            global.remove(name);
            SymScope::Local
        } else if bound.contains(name) {
            free_here.insert(name.clone());
            SymScope::Free
        } else {
            SymScope::GlobalImplicit
        };
        scopes.insert(name.clone(), sc);
    }

    let mut newbound: HashSet<String> = HashSet::new();
    let mut newglobal: HashSet<String> = HashSet::new();
    if kind != ScopeKind::Class {
        if kind.is_function() {
            newbound.extend(local.iter().cloned());
        }
        newbound.extend(bound.iter().cloned());
        newglobal.extend(global.iter().cloned());
    } else {
        newbound.extend(bound.iter().cloned());
        newglobal.extend(global.iter().cloned());
        newbound.insert("__class__".to_string());
    }

    let mut newfree: HashSet<String> = HashSet::new();
    let children = st.scopes[id].children.clone();
    for child in children {
        let mut child_free = HashSet::new();
        analyze_block(st, child, &newbound, &mut child_free, &newglobal)?;
        newfree.extend(child_free);
    }

    if kind.is_function() {
        // Names local here and free in a child become cells.
        let cells: Vec<String> = newfree
            .iter()
            .filter(|n| scopes.get(*n) == Some(&SymScope::Local))
            .cloned()
            .collect();
        for c in cells {
            scopes.insert(c.clone(), SymScope::Cell);
            newfree.remove(&c);
        }
    } else if kind == ScopeKind::Class && newfree.remove("__class__") {
        st.scopes[id].needs_class_cell = true;
    }

    // Update the symbols.
    let scope = &mut st.scopes[id];
    for (name, sc) in &scopes {
        if let Some(sym) = scope.symbols.get_mut(name) {
            sym.scope = *sc;
        }
    }
    let is_class = kind == ScopeKind::Class;
    let mut sorted_free: Vec<String> = newfree.iter().cloned().collect();
    sorted_free.sort();
    for name in sorted_free {
        if let Some(sym) = scope.symbols.get_mut(&name) {
            if is_class && sym.flags & (DEF_BOUND | DEF_GLOBAL) != 0 {
                sym.flags |= DEF_FREE_CLASS;
            }
            continue;
        }
        if !bound.contains(&name) {
            continue; // a global
        }
        scope.symbols.insert(
            name.clone(),
            Symbol {
                flags: 0,
                scope: SymScope::Free,
                decl_range: TextRange::default(),
            },
        );
        scope.order.push(name.clone());
    }
    free_out.extend(free_here);
    free_out.extend(newfree);

    // Cell and free variable lists of the code object.
    let mut cellvars: Vec<String> = scope
        .symbols
        .iter()
        .filter(|(_, s)| s.scope == SymScope::Cell)
        .map(|(n, _)| n.clone())
        .collect();
    cellvars.sort();
    if scope.needs_class_cell {
        cellvars.push("__class__".to_string());
    }
    let mut freevars: Vec<String> = scope
        .symbols
        .iter()
        .filter(|(_, s)| s.scope == SymScope::Free || s.flags & DEF_FREE_CLASS != 0)
        .map(|(n, _)| n.clone())
        .collect();
    freevars.sort();
    scope.cellvars = cellvars;
    scope.freevars = freevars;
    Ok(())
}

/// Whether `body` (not descending into nested scopes) has annotated assignments.
pub fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => has_annotations(&f.body) || has_annotations(&f.orelse),
        Stmt::While(w) => has_annotations(&w.body) || has_annotations(&w.orelse),
        Stmt::If(i) => {
            has_annotations(&i.body) || i.elif_else_clauses.iter().any(|c| has_annotations(&c.body))
        }
        Stmt::With(w) => has_annotations(&w.body),
        Stmt::Try(t) => {
            has_annotations(&t.body)
                || has_annotations(&t.orelse)
                || has_annotations(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    has_annotations(&h.body)
                })
        }
        _ => false,
    })
}
