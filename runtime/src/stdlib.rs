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
pub(crate) fn add_funcs(d: &PyDict, funcs: &[(&'static str, BuiltinFn)]) {
    for (name, f) in funcs {
        d.set_str(name, func(name, *f));
    }
}

/// Adds methods to a built-in class.
pub(crate) fn add_methods(t: &Rc<PyType>, funcs: &[(&'static str, BuiltinFn)]) {
    add_funcs(&t.dict, funcs);
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
