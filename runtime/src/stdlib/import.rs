//! The import system: `sys.modules`, built-in modules, modules written in Python that
//! ship inside atoll, and `.py` files found on `sys.path`.

use std::rc::Rc;
use std::sync::Arc;

use crate::bytecode::{CodeObject, Const};
use crate::object::{CodeHandle, PyDict, PyStr, Value};
use crate::vm::{Frame, PyResult, Vm};

use super::new_module;

/// Python-source modules shipped with atoll.
const PY_MODULES: &[(&str, &str)] = &[("threading", include_str!("py/threading.py"))];

/// Turns a shared code object into this interpreter's handle (constants and names
/// become its own objects).
pub fn materialize(code: &Arc<CodeObject>) -> Rc<CodeHandle> {
    let consts = code.consts.iter().map(const_value).collect();
    let names = code.names.iter().map(|n| Rc::new(PyStr::new(n))).collect();
    let varnames = code
        .varnames
        .iter()
        .map(|n| Rc::new(PyStr::new(n)))
        .collect();
    Rc::new(CodeHandle {
        code: code.clone(),
        consts,
        names,
        varnames,
    })
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
        let handle = materialize(&code);
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
        _globals: &Rc<PyDict>,
    ) -> PyResult<Value> {
        if !matches!(level, Value::Int(0) | Value::None) {
            return Err(self.import_error("relative imports are not supported yet"));
        }
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

    fn import_one(&mut self, name: &str) -> PyResult<Value> {
        if let Some(m) = self.ctx.modules.get_str(name) {
            return Ok(m);
        }
        let native: Option<crate::interp::ModuleInit> = match name {
            "time" => Some(super::time::init),
            "_thread" => Some(super::thread::init),
            _ => None,
        };
        if let Some(init) = native {
            let m = Value::Module(init(self)?);
            self.ctx.modules.set_str(name, m.clone());
            return Ok(m);
        }
        if let Some((_, src)) = PY_MODULES.iter().find(|(n, _)| *n == name) {
            return self.exec_module(name, src, &format!("<atoll:{name}>"));
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
                    return self.exec_module(name, &src, &cand);
                }
            }
        }
        let class = self.ctx.types.module_not_found_error.clone();
        let e = self.new_exception(&class, format!("No module named '{name}'"));
        e.dict.set_str("name", Value::str(name));
        Err(e)
    }

    fn exec_module(&mut self, name: &str, src: &str, filename: &str) -> PyResult<Value> {
        if filename.starts_with('<') {
            self.ctx.cache_source(filename, src);
        }
        let m = new_module(name);
        m.dict.set_str("__file__", Value::str(filename));
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
