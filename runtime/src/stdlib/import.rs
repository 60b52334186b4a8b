//! The import system: `sys.modules`, built-in modules, modules written in Python that
//! ship inside atoll, and `.py` files found on `sys.path`.

use crate::object::BoolWord;
use std::rc::Rc;
use std::sync::Arc;

use crate::bytecode::{CodeObject, Const};
use crate::object::{CodeHandle, PyDict, PyStr, Value};
use crate::vm::{Frame, PyResult, Vm};

use super::new_module;

thread_local! {
    /// The dicts (by address) of the modules whose code is running on this thread:
    /// attribute errors on them mention a circular import.
    static INITIALIZING: std::cell::RefCell<Vec<usize>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Whether the module with this dict is still running its code (a circular import).
pub(crate) fn module_initializing(d: &Rc<PyDict>) -> bool {
    let key = Rc::as_ptr(d) as usize;
    INITIALIZING.with(|s| s.borrow().contains(&key))
}

/// Python-source modules shipped with atoll: (name, source, is a package).
const PY_MODULES: &[(&str, &str, bool)] = &[
    ("threading", include_str!("py/threading.py"), false),
    ("queue", include_str!("py/queue.py"), false),
    (
        "concurrent",
        include_str!("py/concurrent/__init__.py"),
        true,
    ),
    (
        "concurrent.futures",
        include_str!("py/concurrent/futures/__init__.py"),
        true,
    ),
    (
        "concurrent.futures._base",
        include_str!("py/concurrent/futures/_base.py"),
        false,
    ),
    (
        "concurrent.futures.thread",
        include_str!("py/concurrent/futures/thread.py"),
        false,
    ),
    (
        "concurrent.futures.interpreter",
        include_str!("py/concurrent/futures/interpreter.py"),
        false,
    ),
    (
        "concurrent.interpreters",
        include_str!("py/concurrent/interpreters/__init__.py"),
        true,
    ),
    (
        "concurrent.interpreters._queues",
        include_str!("py/concurrent/interpreters/_queues.py"),
        false,
    ),
    (
        "interpreters",
        include_str!("py/interpreters_alias.py"),
        false,
    ),
];

/// Turns a shared code object into this interpreter's handle (constants and names
/// become its own objects). Prefer [`materialize_in`], which interns names.
pub fn materialize(code: &Arc<CodeObject>) -> Rc<CodeHandle> {
    materialize_with(code, &|n| Rc::new(PyStr::new(n)))
}

/// [`materialize`] with names, local names and identifier-like string
/// constants interned in `ctx` (CPython interns them too), so that attribute
/// and global lookups find their keys by pointer.
pub fn materialize_in(ctx: &crate::interp::InterpCtx, code: &Arc<CodeObject>) -> Rc<CodeHandle> {
    materialize_with(code, &|n| ctx.intern(n))
}

fn materialize_with(code: &Arc<CodeObject>, name: &dyn Fn(&str) -> Rc<PyStr>) -> Rc<CodeHandle> {
    let consts = code
        .consts
        .iter()
        .map(|c| const_value_with(c, name))
        .collect();
    let names = code.names.iter().map(|n| name(n)).collect();
    let varnames = code.varnames.iter().map(|n| name(n)).collect();
    let global_cache = (0..code.names.len()).map(|_| Default::default()).collect();
    Rc::new(CodeHandle {
        code: code.clone(),
        consts,
        names,
        varnames,
        global_cache,
        attr_cache: crate::vm::attr_cache::AttrCaches::for_code(&code.instrs),
    })
}

fn const_value_with(c: &Const, name: &dyn Fn(&str) -> Rc<PyStr>) -> Value {
    match c {
        Const::Str(s) if is_identifier(s) => Value::Str(name(s)),
        Const::Tuple(t) => Value::tuple(t.iter().map(|c| const_value_with(c, name)).collect()),
        Const::Code(c) => Value::Code(materialize_with(c, name)),
        other => const_value(other),
    }
}

/// Whether `s` looks like an identifier (the string constants CPython interns).
fn is_identifier(s: &str) -> bool {
    s.len() <= 64 && !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

fn const_value(c: &Const) -> Value {
    match c {
        Const::None => Value::None,
        Const::Ellipsis => Value::Ellipsis,
        Const::Bool(b) => Value::Bool(*b),
        Const::Int(i) => Value::Int(*i),
        Const::BigInt(b) => Value::from_big((**b).clone()),
        Const::Float(f) => Value::Float(*f),
        Const::Imag(f) => Value::Float(*f),
        Const::Str(s) => Value::str(s),
        Const::Bytes(b) => Value::bytes(b.to_vec()),
        Const::Tuple(t) => Value::tuple(t.iter().map(const_value).collect()),
        Const::FrozenSet(t) => {
            // CPython builds the frozenset from the items, then rebuilds it from its own
            // iteration order when it merges the code object's constants.
            let mut first = crate::object::SetMap::new();
            for c in t.iter() {
                let _ = first.insert(const_value(c), Value::None);
            }
            let mut m = crate::object::SetMap::new();
            for k in first.keys() {
                let _ = m.insert(k, Value::None);
            }
            Value::Set(Rc::new(crate::object::PySet {
                map: std::cell::RefCell::new(m),
                frozen: true,
            }))
        }
        Const::Code(c) => Value::Code(materialize(c)),
    }
}

impl Vm {
    /// Compiles `source` and runs it in `__main__`.
    pub fn run_main_source(&mut self, source: &str, filename: &str) -> PyResult<()> {
        let main = self.ctx.main.dict.clone();
        // Like CPython, the script's `__file__` (and so its tracebacks) and its
        // `sys.path` entry are absolute.
        let absolute;
        let filename = if filename.starts_with('<') {
            filename
        } else {
            absolute = std::path::absolute(filename)
                .map(|p| p.display().to_string())
                .unwrap_or_else(|_| filename.to_owned());
            &absolute
        };
        if !filename.starts_with('<') {
            main.set_str("__file__", Value::str(filename));
            if let Value::List(p) = &self.ctx.path {
                let dir = std::path::Path::new(filename)
                    .parent()
                    .map(|d| d.display().to_string())
                    .unwrap_or_default();
                let dir = if dir.is_empty() { ".".to_owned() } else { dir };
                if !p.0.borrow().iter().any(|x| x.as_str() == Some(&dir)) {
                    p.0.borrow_mut().insert(0, Value::string(dir));
                }
            }
        }
        self.exec_source(source, filename, &main).map(|_| ())
    }

    /// Compiles `source` in interactive mode and runs it in `__main__`.
    pub fn run_interactive(&mut self, source: &str, filename: &str) -> PyResult<()> {
        let code = match crate::compiler::compile_interactive(source, filename) {
            Ok(c) => c,
            Err(e) => return Err(self.syntax_error(&e)),
        };
        let main = self.ctx.main.dict.clone();
        let handle = materialize_in(&self.ctx, &code);
        let mut frame = Frame::new(handle, main, self.ctx.builtins.clone(), &[]);
        self.run_new_frame(&mut frame).map(|_| ())
    }

    /// Compiles and runs `source` with `globals` as its namespace.
    pub fn exec_source(
        &mut self,
        source: &str,
        filename: &str,
        globals: &Rc<PyDict>,
    ) -> PyResult<Value> {
        let code = match crate::compiler::compile(source, filename) {
            Ok(c) => c,
            Err(e) => return Err(self.syntax_error(&e)),
        };
        let handle = materialize_in(&self.ctx, &code);
        let mut frame = Frame::new(handle, globals.clone(), self.ctx.builtins.clone(), &[]);
        self.run_new_frame(&mut frame)
    }

    /// A Python `SyntaxError` from a compile error.
    pub fn syntax_error(&mut self, e: &crate::syntax::SyntaxError) -> crate::vm::PyErr {
        let class = match e.kind {
            crate::syntax::SyntaxKind::Syntax => self.ctx.types.syntax_error.clone(),
            crate::syntax::SyntaxKind::Indentation => self.ctx.types.indentation_error.clone(),
            crate::syntax::SyntaxKind::Tab => self.ctx.types.tab_error.clone(),
        };
        let detail = Value::tuple_of([
            Value::str(&e.filename),
            Value::Int(e.line as i64),
            Value::Int(e.col as i64),
            e.text.as_deref().map(Value::str).unwrap_or(Value::None),
        ]);
        let err = self.new_exception_args(&class, vec![Value::str(&e.msg), detail]);
        let d = &err.dict;
        d.set_str("msg", Value::str(&e.msg));
        d.set_str("filename", Value::str(&e.filename));
        d.set_str("lineno", Value::Int(e.line as i64));
        d.set_str("offset", Value::Int(e.col as i64));
        d.set_str(
            "text",
            e.text.as_deref().map(Value::str).unwrap_or(Value::None),
        );
        d.set_str("end_lineno", Value::Int(e.end_line as i64));
        d.set_str("end_offset", Value::Int(e.end_col as i64));
        err
    }

    /// `import name` (returns the top-level package, or the module itself when a
    /// fromlist is given); `level` counts the leading dots of a relative import.
    pub fn import(
        &mut self,
        name: &str,
        fromlist: &Value,
        level: &Value,
        globals: &Rc<PyDict>,
    ) -> PyResult<Value> {
        let level = match level {
            Value::None | Value::BoolW(BoolWord::FALSE) => 0,
            Value::Int(n) if *n >= 0 => *n as usize,
            _ => return Err(self.value_error("level must be >= 0")),
        };
        let resolved = if level > 0 {
            self.resolve_relative(name, level, globals)?
        } else if name.is_empty() {
            return Err(self.value_error("Empty module name"));
        } else {
            name.to_owned()
        };
        let has_fromlist =
            !(fromlist.is_none() || matches!(fromlist, Value::Tuple(t) if t.0.is_empty()));
        let mut parts = resolved.split('.');
        let first = parts.next().unwrap_or("");
        let top = self.import_one(first)?;
        let mut m = top.clone();
        let mut full = first.to_owned();
        for p in parts {
            full.push('.');
            full.push_str(p);
            m = self.import_one(&full)?;
        }
        if has_fromlist {
            self.handle_fromlist(&m, fromlist)?;
            return Ok(m);
        }
        if level == 0 || name.is_empty() {
            return Ok(if level == 0 { top } else { m });
        }
        // `__import__("a.b", level=1)`: the module for the first part of `name`.
        let cut = name.len() - name.split('.').next().unwrap_or("").len();
        let want = &resolved[..resolved.len() - cut];
        Ok(self.ctx.modules.get_str(want).unwrap_or(m))
    }

    /// `from package import a, b`: imports the submodules named in the fromlist that
    /// the package does not define.
    fn handle_fromlist(&mut self, m: &Value, fromlist: &Value) -> PyResult<()> {
        let Value::Module(md) = m else {
            return Ok(());
        };
        if md.dict.get_str("__path__").is_none() {
            return Ok(());
        }
        for x in self.collect(fromlist)? {
            let Some(x) = x.as_str().map(str::to_owned) else {
                continue;
            };
            if x == "*" || md.dict.get_str(&x).is_some() {
                continue;
            }
            let full = format!("{}.{}", md.name.as_str(), x);
            if let Err(e) = self.import_one(&full) {
                let class = self.ctx.types.module_not_found_error.clone();
                let missing = e.class.is_subtype(&class)
                    && e.dict
                        .get_str("name")
                        .and_then(|n| n.as_str().map(str::to_owned))
                        == Some(full.clone());
                if !missing {
                    return Err(e);
                }
            }
        }
        Ok(())
    }

    /// The absolute name of a relative import (`from ..a import b` is level 2, name
    /// "a") made in the module whose globals are `globals`.
    fn resolve_relative(
        &mut self,
        name: &str,
        level: usize,
        globals: &Rc<PyDict>,
    ) -> PyResult<String> {
        let package = match globals.get_str("__package__") {
            Some(Value::Str(p)) => p.as_str().to_owned(),
            _ => match globals.get_str("__name__") {
                Some(Value::Str(n)) if globals.get_str("__path__").is_some() => {
                    n.as_str().to_owned()
                }
                Some(Value::Str(n)) => n
                    .as_str()
                    .rsplit_once('.')
                    .map(|(p, _)| p.to_owned())
                    .unwrap_or_default(),
                _ => String::new(),
            },
        };
        if package.is_empty() {
            return Err(self.import_error("attempted relative import with no known parent package"));
        }
        let mut base = package.as_str();
        for _ in 1..level {
            match base.rsplit_once('.') {
                Some((b, _)) => base = b,
                None => {
                    return Err(
                        self.import_error("attempted relative import beyond top-level package")
                    );
                }
            }
        }
        Ok(if name.is_empty() {
            base.to_owned()
        } else {
            format!("{base}.{name}")
        })
    }

    fn import_one(&mut self, name: &str) -> PyResult<Value> {
        if let Some(m) = self.ctx.modules.get_str(name) {
            if m.is_none() {
                let class = self.ctx.types.module_not_found_error.clone();
                let e = self.new_exception(
                    &class,
                    format!("import of {name} halted; None in sys.modules"),
                );
                e.dict.set_str("name", Value::str(name));
                return Err(e);
            }
            return Ok(m);
        }
        let m = self.load_module(name)?;
        // a submodule becomes an attribute of its package
        if let Some((parent, child)) = name.rsplit_once('.')
            && let Some(Value::Module(p)) = self.ctx.modules.get_str(parent)
        {
            p.dict.set_str(child, m.clone());
        }
        Ok(m)
    }

    fn load_module(&mut self, name: &str) -> PyResult<Value> {
        let native: Option<crate::interp::ModuleInit> = match name {
            "time" => Some(super::time::init),
            "_thread" => Some(super::thread::init),
            "_queue" => Some(super::queue::init),
            "_futures" => Some(super::futures::init),
            "os" => Some(super::os::init),
            "os.path" | "posixpath" => Some(super::os::init_path),
            _ => super::modules::native_init(name),
        };
        if let Some(init) = native {
            let m = Value::Module(init(self)?);
            self.ctx.modules.set_str(name, m.clone());
            return Ok(m);
        }
        if let Some((_, src, package)) = PY_MODULES.iter().find(|(n, _, _)| *n == name) {
            let file = format!("<atoll:{name}>");
            let dir = package.then_some(file.as_str());
            return self.exec_module(name, src, &file, dir);
        }
        if let Some((_, src)) = super::modules::PY_SOURCES.iter().find(|(n, _)| *n == name) {
            return self.exec_module(name, src, &format!("<atoll:{name}>"), None);
        }
        let (dirs, last) = match name.rsplit_once('.') {
            Some((parent, last)) => {
                let pm = self.ctx.modules.get_str(parent);
                let path = match &pm {
                    Some(Value::Module(pm)) => pm.dict.get_str("__path__"),
                    _ => None,
                };
                match path {
                    Some(p) => (self.collect(&p)?, last),
                    None => {
                        let msg = format!("No module named '{name}'; '{parent}' is not a package");
                        return Err(self.module_not_found(name, msg));
                    }
                }
            }
            None => (self.collect(&self.ctx.path.clone())?, name),
        };
        for dir in dirs {
            let Some(dir) = dir.as_str() else { continue };
            let dir = if dir.is_empty() { "." } else { dir };
            let pkg_dir = format!("{dir}/{last}");
            let init = format!("{pkg_dir}/__init__.py");
            if let Ok(src) = std::fs::read_to_string(&init) {
                return self.exec_module(name, &src, &init, Some(&pkg_dir));
            }
            let file = format!("{dir}/{last}.py");
            if let Ok(src) = std::fs::read_to_string(&file) {
                return self.exec_module(name, &src, &file, None);
            }
        }
        Err(self.module_not_found(name, format!("No module named '{name}'")))
    }

    /// A `ModuleNotFoundError` for module `name`.
    fn module_not_found(&mut self, name: &str, msg: String) -> crate::vm::PyErr {
        let class = self.ctx.types.module_not_found_error.clone();
        let e = self.new_exception(&class, msg);
        e.dict.set_str("name", Value::str(name));
        e
    }

    fn exec_module(
        &mut self,
        name: &str,
        src: &str,
        filename: &str,
        pkg_dir: Option<&str>,
    ) -> PyResult<Value> {
        if filename.starts_with('<') {
            self.ctx.cache_source(filename, src);
        }
        let m = new_module(name);
        let d = &m.dict;
        let package = match pkg_dir {
            Some(_) => name,
            None => name.rsplit_once('.').map(|(p, _)| p).unwrap_or(""),
        };
        d.set_str("__package__", Value::str(package));
        d.set_str("__loader__", Value::None);
        d.set_str("__spec__", Value::None);
        if let Some(dir) = pkg_dir {
            d.set_str("__path__", Value::list(vec![Value::str(dir)]));
        }
        d.set_str("__file__", Value::str(filename));
        d.set_str(
            "__builtins__",
            self.ctx.modules.get_str("builtins").unwrap_or(Value::None),
        );
        let mv = Value::Module(m.clone());
        self.ctx.modules.set_str(name, mv.clone());
        let key = Rc::as_ptr(&m.dict) as usize;
        INITIALIZING.with(|s| s.borrow_mut().push(key));
        let r = self.exec_source(src, filename, &m.dict);
        INITIALIZING.with(|s| {
            let mut s = s.borrow_mut();
            if let Some(i) = s.iter().rposition(|k| *k == key) {
                s.remove(i);
            }
        });
        if let Err(e) = r {
            let _ = self.ctx.modules.0.borrow_mut().remove(&Value::str(name));
            return Err(e);
        }
        // A module may replace itself in sys.modules while it runs.
        let mv = self.ctx.modules.get_str(name).unwrap_or(mv);
        if let Some((parent, last)) = name.rsplit_once('.')
            && let Some(Value::Module(pm)) = self.ctx.modules.get_str(parent)
        {
            pm.dict.set_str(last, mv.clone());
        }
        Ok(mv)
    }

    /// `from m import name`.
    pub fn import_from(&mut self, m: &Value, name: &str) -> PyResult<Value> {
        if let Some(v) = self.get_attr_opt(m, name)? {
            return Ok(v);
        }
        let Value::Module(md) = m else {
            return Err(self.import_error(format!("cannot import name '{name}'")));
        };
        let mname = md.name.as_str().to_owned();
        if let Some(v) = self.ctx.modules.get_str(&format!("{mname}.{name}")) {
            return Ok(v);
        }
        let file = md.dict.get_str("__file__").filter(|f| f.as_str().is_some());
        let location = file
            .as_ref()
            .and_then(|f| f.as_str().map(str::to_owned))
            .unwrap_or_else(|| "unknown location".into());
        let msg = if module_initializing(&md.dict) {
            format!(
                "cannot import name '{name}' from partially initialized module '{mname}' \
                 (most likely due to a circular import) ({location})"
            )
        } else {
            format!("cannot import name '{name}' from '{mname}' ({location})")
        };
        let e = self.import_error(msg);
        e.dict.set_str("name", Value::str(&mname));
        e.dict.set_str("path", file.unwrap_or(Value::None));
        Err(e)
    }

    /// `from m import *`.
    pub fn import_star(&mut self, m: &Value, ns: &Rc<PyDict>) -> PyResult<()> {
        let Value::Module(md) = m else {
            return Err(self.type_error("import * from a non-module"));
        };
        let all = md.dict.get_str("__all__");
        let names: Vec<Value> = match &all {
            Some(all) => self.collect(all)?,
            None => md
                .dict
                .0
                .borrow()
                .keys()
                .filter(|k| !k.as_str().unwrap_or("_").starts_with('_'))
                .collect(),
        };
        for n in names {
            // Names listed in __all__ are looked up as attributes, so that a
            // module-level __getattr__ (PEP 562) can supply them.
            let v = match (&all, n.as_str()) {
                (Some(_), Some(name)) => self.get_attr_str(m, name)?,
                _ => self.get_item(&Value::Dict(md.dict.clone()), &n)?,
            };
            ns.set_item(n, v).map_err(|_| self.type_error("bad name"))?;
        }
        Ok(())
    }
}
