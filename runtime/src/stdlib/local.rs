//! `_thread._local` (`threading.local`): objects whose attributes are per thread.
//!
//! A local is an ordinary instance (so it can be subclassed) of a class of kind
//! [`TypeKind::Local`]. Its instance dict holds the attributes of one thread, the
//! *owner*; the other threads' attribute maps wait in a side table. Every attribute
//! access on a local goes through [`local_switch`] first (the VM calls it when the
//! class is of kind `Local`): if the calling thread is not the owner, the dict's
//! contents are swapped for the caller's (a thread seen for the first time gets an
//! empty map, and then the class's `__init__` is called again with the arguments
//! the local was created with, as CPython does). All of this happens under the
//! GIL, so no other thread can see the dict mid-swap.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use crate::object::{DictMap, Instance, Native, PyType, TypeKind, Value};
use crate::vm::{Args, PyResult, Vm};

use super::func;

const TABLE: &str = "_thread.locals";

/// The per-thread state of one local.
struct LocalEntry {
    instance: Weak<Instance>,
    /// The ident of the thread whose attributes are in the instance dict.
    owner: u64,
    /// The attributes of the other threads that used it.
    others: HashMap<u64, DictMap>,
    /// What the local was created with, for the `__init__` of other threads.
    args: Value,
    kwargs: Value,
}

/// The locals of one interpreter, by instance address.
#[derive(Default)]
struct LocalTable(RefCell<HashMap<usize, LocalEntry>>);

/// Creates the `_local` class.
pub fn make_class(vm: &mut Vm) -> Rc<PyType> {
    let t = PyType::new_builtin("_local", Some(&vm.ctx.types.object), TypeKind::Local);
    t.dict.set_str("__module__", Value::str("_thread"));
    t.dict.set_str("__new__", func("__new__", local_new));
    t.dict.set_str(
        "__doc__",
        Value::str("Thread-local data: each thread sees its own attributes."),
    );
    t
}

fn table(vm: &mut Vm) -> Value {
    if let Some(t) = vm.ctx.native.borrow().get(TABLE) {
        return t.clone();
    }
    let t = Value::Native(Rc::new(Native {
        class: vm.ctx.types.object.clone(),
        data: Box::new(LocalTable::default()),
        dict: None,
    }));
    vm.ctx.native.borrow_mut().insert(TABLE, t.clone());
    t
}

fn with_table<R>(t: &Value, f: impl FnOnce(&mut HashMap<usize, LocalEntry>) -> R) -> Option<R> {
    match t {
        Value::Native(n) => n.get::<LocalTable>().map(|x| f(&mut x.0.borrow_mut())),
        _ => None,
    }
}

/// `_local.__new__(cls, *args, **kwargs)`
fn local_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(Value::Type(cls)) = args.all.first() else {
        return Err(vm.type_error("_local.__new__(X): X is not a type object"));
    };
    let cls = cls.clone();
    let pos = &args.pos()[1..];
    let has_args = !pos.is_empty() || !args.kwnames.is_empty();
    let own_init = matches!(cls.lookup("__init__"), Some(Value::Function(_)));
    if has_args && !own_init {
        return Err(vm.type_error("Initialization arguments are not supported"));
    }
    let kwargs = if args.kwnames.is_empty() {
        Value::None
    } else {
        let d = Rc::new(crate::object::PyDict::new());
        for (k, v) in args.kw() {
            d.set_str(k, v.clone());
        }
        Value::Dict(d)
    };
    let inst = Rc::new(Instance::new(cls));
    let entry = LocalEntry {
        instance: Rc::downgrade(&inst),
        owner: vm.ident,
        others: HashMap::new(),
        args: Value::tuple(pos.to_vec()),
        kwargs,
    };
    let t = table(vm);
    with_table(&t, |m| {
        // forget locals that are gone (their address may be reused)
        if m.len() >= 64 {
            m.retain(|_, e| e.instance.strong_count() > 0);
        }
        m.insert(Rc::as_ptr(&inst) as usize, entry);
    });
    Ok(Value::Instance(inst))
}

/// Makes `inst`'s dict hold the calling thread's attributes (see the module doc).
/// Called by the VM before any attribute access on an instance of a `Local` class.
pub fn local_switch(vm: &mut Vm, inst: &Rc<Instance>) -> PyResult<()> {
    let ident = vm.ident;
    let key = Rc::as_ptr(inst) as usize;
    let t = table(vm);
    // Some((args, kwargs)) when this thread is new and __init__ must run.
    let init = with_table(&t, |m| {
        let entry = match m.get_mut(&key) {
            Some(e) if std::ptr::eq(e.instance.as_ptr(), Rc::as_ptr(inst)) => e,
            _ => return None,
        };
        if entry.owner == ident {
            return None;
        }
        let mine = entry.others.remove(&ident);
        let fresh = mine.is_none();
        let previous = std::mem::replace(&mut *inst.dict.0.borrow_mut(), mine.unwrap_or_default());
        entry.others.insert(entry.owner, previous);
        entry.owner = ident;
        fresh.then(|| (entry.args.clone(), entry.kwargs.clone()))
    })
    .flatten();
    if let Some((args, kwargs)) = init {
        sweep_dead_threads(vm, &t, key);
        let cls = inst.class.clone();
        if let Some(f @ Value::Function(_)) = cls.lookup("__init__") {
            let mut all = vec![Value::Instance(inst.clone())];
            all.extend(vm.collect(&args)?);
            let all = Value::tuple(all);
            let kw = if kwargs.is_none() { None } else { Some(kwargs) };
            vm.call_ex(&f, &all, kw.as_ref())?;
        }
    }
    Ok(())
}

/// Drops the attributes of threads that have ended.
fn sweep_dead_threads(vm: &mut Vm, t: &Value, key: usize) {
    let many = with_table(t, |m| m.get(&key).map(|e| e.others.len()).unwrap_or(0)).unwrap_or(0);
    if many < 16 {
        return;
    }
    let live: std::collections::HashSet<u64> =
        vm.interp.threads().iter().map(|e| e.ident).collect();
    let dropped = with_table(t, |m| {
        m.get_mut(&key).map(|e| {
            let dead: Vec<u64> = e
                .others
                .keys()
                .filter(|i| !live.contains(i))
                .copied()
                .collect();
            dead.into_iter()
                .filter_map(|i| e.others.remove(&i))
                .collect::<Vec<_>>()
        })
    });
    drop(dropped);
}
