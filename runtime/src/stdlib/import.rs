//! The import system: `sys.modules`, built-in modules, modules written in Python that
//! ship inside atoll, and `.py` files found on `sys.path`.

use std::rc::Rc;
use std::sync::Arc;

use crate::bytecode::{CodeObject, Const};
use crate::object::{CodeHandle, PyDict, PyStr, Value};
use crate::vm::{Frame, PyResult, Vm};

use super::new_module;

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
        let class = self.ctx.types.syntax_error.clone();
        let detail = Value::tuple(vec![
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
    /// fromlist is given).
    pub fn import(
        &mut self,
        name: &str,
        fromlist: &Value,
        level: &Value,
        globals: &Rc<PyDict>,
    ) -> PyResult<Value> {
        let level = match level {
            Value::Int(n) if *n > 0 => *n as usize,
            _ => 0,
        };
        let resolved;
        let name = if level > 0 {
            resolved = self.resolve_relative(name, level, globals)?;
            resolved.as_str()
        } else {
            name
        };
        let has_fromlist =
            !(fromlist.is_none() || matches!(fromlist, Value::Tuple(t) if t.0.is_empty()));
        let mut parts = name.split('.');
        let first = parts.next().unwrap_or("");
        let top = self.import_one(first)?;
        let mut m = top.clone();
        let mut full = first.to_owned();
        for p in parts {
            full.push('.');
            full.push_str(p);
            m = self.import_one(&full)?;
        }
        Ok(if has_fromlist { m } else { top })
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
            return self.exec_module_as(name, src, &format!("<atoll:{name}>"), *package);
        }
        if let Some((_, src)) = super::modules::PY_SOURCES.iter().find(|(n, _)| *n == name) {
            return self.exec_module_as(name, src, &format!("<atoll:{name}>"), false);
        }
        let paths: Vec<String> = match &self.ctx.path {
            Value::List(l) => {
                l.0.borrow()
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            }
            _ => vec![],
        };
        let rel = name.replace('.', "/");
        for dir in paths {
            for cand in [
                format!("{dir}/{rel}.py"),
                format!("{dir}/{rel}/__init__.py"),
            ] {
                if let Ok(src) = std::fs::read_to_string(&cand) {
                    let package = cand.ends_with("__init__.py");
                    return self.exec_module_as(name, &src, &cand, package);
                }
            }
        }
        let class = self.ctx.types.module_not_found_error.clone();
        let e = self.new_exception(&class, format!("No module named '{name}'"));
        e.dict.set_str("name", Value::str(name));
        Err(e)
    }

    fn exec_module_as(
        &mut self,
        name: &str,
        src: &str,
        filename: &str,
        package: bool,
    ) -> PyResult<Value> {
        if filename.starts_with('<') {
            self.ctx.cache_source(filename, src);
        }
        let m = new_module(name);
        m.dict.set_str("__file__", Value::str(filename));
        if package {
            m.dict.set_str("__package__", Value::str(name));
            let dir = std::path::Path::new(filename)
                .parent()
                .map(|d| d.display().to_string())
                .unwrap_or_default();
            m.dict
                .set_str("__path__", Value::list(vec![Value::string(dir)]));
        } else {
            let parent = name.rsplit_once('.').map(|(p, _)| p).unwrap_or("");
            m.dict.set_str("__package__", Value::str(parent));
        }
        m.dict.set_str(
            "__builtins__",
            self.ctx.modules.get_str("builtins").unwrap_or(Value::None),
        );
        let mv = Value::Module(m.clone());
        self.ctx.modules.set_str(name, mv.clone());
        if let Err(e) = self.exec_source(src, filename, &m.dict) {
            let _ = self.ctx.modules.0.borrow_mut().remove(&Value::str(name));
            return Err(e);
        }
        Ok(mv)
    }

    /// `from m import name`.
    pub fn import_from(&mut self, m: &Value, name: &str) -> PyResult<Value> {
        match self.get_attr_opt(m, name)? {
            Some(v) => Ok(v),
            None => {
                if let Value::Module(md) = m {
                    let full = format!("{}.{}", md.name.as_str(), name);
                    if let Ok(v) = self.import_one(&full) {
                        return Ok(v);
                    }
                }
                let mname = match m {
                    Value::Module(md) => md.name.as_str().to_owned(),
                    _ => "?".into(),
                };
                Err(self.import_error(format!(
                    "cannot import name '{name}' from '{mname}' (unknown location)"
                )))
            }
        }
    }

    /// `from m import *`.
    pub fn import_star(&mut self, m: &Value, ns: &Rc<PyDict>) -> PyResult<()> {
        let Value::Module(md) = m else {
            return Err(self.type_error("import * from a non-module"));
        };
        let names: Vec<Value> = match md.dict.get_str("__all__") {
            Some(all) => self.collect(&all)?,
            None => md
                .dict
                .0
                .borrow()
                .keys()
                .filter(|k| !k.as_str().unwrap_or("_").starts_with('_'))
                .collect(),
        };
        for n in names {
            let v = self.get_item(&Value::Dict(md.dict.clone()), &n)?;
            ns.set_item(n, v).map_err(|_| self.type_error("bad name"))?;
        }
        Ok(())
    }
}
