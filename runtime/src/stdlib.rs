//! The standard library: builtins, the methods of built-in types, and the built-in
//! modules (`sys`, `time`, `_thread`, `threading` ...), plus the import system.

mod array;
mod bisect;
mod builtins;
mod crossinterp;
mod deque;
mod functools;
mod futures;
mod heapq;
mod import;
mod interpqueues;
mod interpreters;
pub mod io;
pub(crate) mod itertools;
mod itertools_comb;
mod itertools_group;
mod lehmer;
mod local;
mod math;
pub mod methods;
mod modsupport;
mod modules;
mod operator;
mod operator_getters;
mod os;
mod queue;
mod queue_deque;
mod random;
mod static_names;
mod stdin_line;
mod struct_;
mod sys;
mod thread;
mod thread_cond;
mod thread_lock;
mod thread_sem;
mod time;
mod traceback_native;
mod util;

use std::rc::Rc;

use crate::object::{Builtin, BuiltinFn, Module, PyDict, PyStr, PyType, Value};
use crate::vm::Vm;

pub(crate) use builtins::{callable_value, is_instance};
pub use crossinterp::{
    CallOutcome, CallTarget, ExcInfo, MAX_DEPTH, NotShareable, from_shareable, to_shareable,
};
pub use import::materialize;
pub(crate) use import::module_initializing;
pub use local::local_switch;

/// Fills a new interpreter's builtins, type methods and `sys`.
pub fn init_interpreter(vm: &mut Vm) {
    builtins::install(vm);
    methods::install(vm);
    if let Ok(sys) = sys::init(vm) {
        vm.ctx.modules.set_str("sys", Value::Module(sys));
    }
    let b = Rc::new(Module {
        name: Rc::new(PyStr::new("builtins")),
        dict: vm.ctx.builtins.clone(),
    });
    vm.ctx.modules.set_str("builtins", Value::Module(b));
    vm.ctx.main.dict.set_str(
        "__builtins__",
        vm.ctx.modules.get_str("builtins").unwrap_or(Value::None),
    );
}

/// A built-in function value.
pub(crate) fn func(name: &'static str, f: BuiltinFn) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name,
        func: f,
        bound: None,
    }))
}

/// Adds built-in functions to a namespace.
///
/// Every interpreter fills its built-in types and modules from the same
/// static tables, so the hashes of their names are computed once per process
/// and kept by table (hashing was a sixth of creating an interpreter).
pub(crate) fn add_funcs(d: &PyDict, funcs: &[(&'static str, BuiltinFn)]) {
    let hashes = table_hashes(funcs);
    d.reserve(funcs.len());
    for ((name, f), (_, h)) in funcs.iter().zip(hashes.iter()) {
        d.set_str_hashed(name, *h, func(name, *f));
    }
}

/// Adds methods to a built-in class.
pub(crate) fn add_methods(t: &Rc<PyType>, funcs: &[(&'static str, BuiltinFn)]) {
    add_funcs(&t.dict, funcs);
}

/// The hashes of the names of a function table, computed on its first use in
/// the process. Tables are told apart by address; since the names are
/// `&'static str`, a hit is checked name by name (by address and length), so a
/// table built at run time at an address another one used gets its own hashes.
fn table_hashes(funcs: &[(&'static str, BuiltinFn)]) -> std::sync::Arc<[(usize, i64)]> {
    type Tables = Vec<(usize, std::sync::Arc<[(usize, i64)]>)>;
    static TABLES: parking_lot::Mutex<Tables> = parking_lot::Mutex::new(Vec::new());
    let names = |funcs: &[(&'static str, BuiltinFn)]| {
        funcs
            .iter()
            .map(|(name, _)| (name.as_ptr() as usize, crate::object::hash_str(name)))
            .collect::<std::sync::Arc<[(usize, i64)]>>()
    };
    let key = funcs.as_ptr() as usize;
    let mut tables = TABLES.lock();
    let same = |h: &[(usize, i64)]| {
        h.len() == funcs.len()
            && h.iter()
                .zip(funcs)
                .all(|((p, _), (name, _))| *p == name.as_ptr() as usize)
    };
    match tables.iter_mut().find(|(k, _)| *k == key) {
        Some((_, h)) if same(h) => h.clone(),
        Some((_, h)) => {
            *h = names(funcs);
            h.clone()
        }
        None => {
            let h = names(funcs);
            tables.push((key, h.clone()));
            h
        }
    }
}

/// A new module object.
pub(crate) fn new_module(name: &str) -> Rc<Module> {
    let d = Rc::new(PyDict::new());
    d.set_str("__name__", Value::str(name));
    d.set_str("__doc__", Value::None);
    Rc::new(Module {
        name: Rc::new(PyStr::new(name)),
        dict: d,
    })
}

/// A new native class (for objects of built-in modules such as locks).
pub(crate) fn native_class(vm: &Vm, name: &str, module: &str) -> Rc<PyType> {
    let t = PyType::new_builtin(
        name,
        Some(&vm.ctx.types.object),
        crate::object::TypeKind::Builtin,
    );
    t.dict.set_str("__module__", Value::str(module));
    t
}
