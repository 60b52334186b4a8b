//! `operator.itemgetter`, `operator.attrgetter` and `operator.methodcaller`:
//! native callables (the usual `key=` functions of `sorted`, `min`, `max`).

use std::rc::Rc;

use crate::object::{BuiltinFn, Module, PyStr, Value};
use crate::vm::{Args, PyResult, Vm};

use super::modsupport::{module_class, new_native, register_class, registered_class};
use super::{add_methods, func};

/// `itemgetter(*items)`.
struct ItemGetter {
    items: Vec<Value>,
}

/// `attrgetter(*attrs)`: each dotted name split into its parts.
struct AttrGetter {
    names: Vec<Value>,
    paths: Vec<Vec<Rc<PyStr>>>,
}

/// `methodcaller(name, /, *args, **kwargs)`.
struct MethodCaller {
    name: Rc<PyStr>,
    args: Vec<Value>,
    kwnames: Vec<Value>,
    kwvalues: Vec<Value>,
}

/// A class of the module: name, constructor, methods.
type ClassSpec = (
    &'static str,
    BuiltinFn,
    &'static [(&'static str, BuiltinFn)],
);

/// Adds the three classes to `_operator`.
pub(crate) fn install(vm: &mut Vm, m: &Module) {
    let classes: [ClassSpec; 3] = [
        (
            "itemgetter",
            itemgetter_new,
            &[
                ("__call__", itemgetter_call),
                ("__repr__", itemgetter_repr),
                ("__reduce__", itemgetter_reduce),
            ],
        ),
        (
            "attrgetter",
            attrgetter_new,
            &[
                ("__call__", attrgetter_call),
                ("__repr__", attrgetter_repr),
                ("__reduce__", attrgetter_reduce),
            ],
        ),
        (
            "methodcaller",
            methodcaller_new,
            &[
                ("__call__", methodcaller_call),
                ("__repr__", methodcaller_repr),
                ("__reduce__", methodcaller_reduce),
            ],
        ),
    ];
    for (name, new, methods) in classes {
        let cls = module_class(vm, name, "operator");
        add_methods(&cls, methods);
        cls.dict.set_str("__new__", func("__new__", new));
        register_class(vm, class_key(name), &cls);
        m.dict.set_str(name, Value::Type(cls));
    }
}

fn class_key(name: &str) -> &'static str {
    match name {
        "itemgetter" => "operator.itemgetter",
        "attrgetter" => "operator.attrgetter",
        _ => "operator.methodcaller",
    }
}

/// The data of a getter object.
fn data<'a, T: 'static>(vm: &Vm, v: &'a Value, name: &str) -> PyResult<&'a T> {
    if let Value::Native(n) = v
        && let Some(d) = n.get::<T>()
    {
        return Ok(d);
    }
    Err(vm.type_error(format!(
        "descriptor requires a 'operator.{name}' object but received a '{}'",
        vm.type_name(v)
    )))
}

/// The one argument of a getter's call (`itemgetter expected 1 argument, got 2`).
fn call_arg<'a>(vm: &mut Vm, args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    match args.all {
        [_, obj] => Ok(obj),
        other => Err(vm.type_error(format!(
            "{name} expected 1 argument, got {}",
            other.len().saturating_sub(1)
        ))),
    }
}

/// The constructor arguments (after the class) of itemgetter/attrgetter.
fn ctor_args<'a>(vm: &mut Vm, args: &Args<'a>, name: &str) -> PyResult<&'a [Value]> {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let pos = &args.all[1..];
    if pos.is_empty() {
        return Err(vm.type_error(format!("{name} expected 1 argument, got 0")));
    }
    Ok(pos)
}

fn class_of(vm: &Vm, cls: &Value, name: &str) -> Rc<crate::object::PyType> {
    match cls {
        Value::Type(t) => t.clone(),
        _ => registered_class(vm, class_key(name)),
    }
}

/// `repr` of `operator.name(a, b, ...)` from the argument reprs.
fn call_repr(vm: &mut Vm, this: &Value, parts: Vec<String>) -> Value {
    let cls = vm.type_of(this);
    let name = cls.name();
    Value::string(format!("operator.{name}({})", parts.join(", ")))
}

// ---- itemgetter ---------------------------------------------------------------------------

fn itemgetter_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let items = ctor_args(vm, &args, "itemgetter")?.to_vec();
    let cls = class_of(vm, &args.all[0], "itemgetter");
    Ok(new_native(cls, ItemGetter { items }))
}

/// `obj[key]`, directly for a list or tuple indexed by an int in range.
fn item(vm: &mut Vm, obj: &Value, key: &Value) -> PyResult<Value> {
    if let Value::Int(i) = key {
        let i = *i;
        let got = match obj {
            Value::List(l) => {
                let l = l.0.borrow();
                let n = l.len() as i64;
                let j = if i < 0 { i + n } else { i };
                (0..n).contains(&j).then(|| l[j as usize].clone())
            }
            Value::Tuple(t) => {
                let n = t.0.len() as i64;
                let j = if i < 0 { i + n } else { i };
                (0..n).contains(&j).then(|| t.0[j as usize].clone())
            }
            _ => None,
        };
        if let Some(v) = got {
            return Ok(v);
        }
    }
    vm.get_item(obj, key)
}

fn itemgetter_call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let obj = call_arg(vm, &args, "itemgetter")?;
    let g: &ItemGetter = data(vm, &args.all[0], "itemgetter")?;
    if let [key] = &g.items[..] {
        return item(vm, obj, key);
    }
    let mut out = Vec::with_capacity(g.items.len());
    for key in &g.items {
        out.push(item(vm, obj, key)?);
    }
    Ok(Value::tuple(out))
}

fn itemgetter_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__repr__", 1, 1)?;
    let g: &ItemGetter = data(vm, &a[0], "itemgetter")?;
    let mut parts = Vec::new();
    for v in &g.items {
        parts.push(vm.repr(v)?);
    }
    Ok(call_repr(vm, &a[0], parts))
}

fn itemgetter_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__reduce__", 1, 1)?;
    let g: &ItemGetter = data(vm, &a[0], "itemgetter")?;
    let cls = Value::Type(vm.type_of(&a[0]));
    Ok(Value::tuple_of([cls, Value::tuple(g.items.clone())]))
}

// ---- attrgetter ---------------------------------------------------------------------------

fn attrgetter_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let names = ctor_args(vm, &args, "attrgetter")?.to_vec();
    let mut paths = Vec::with_capacity(names.len());
    for n in &names {
        let Value::Str(s) = n else {
            return Err(vm.type_error("attribute name must be a string"));
        };
        paths.push(
            s.as_str()
                .split('.')
                .map(|p| Rc::new(PyStr::new(p)))
                .collect(),
        );
    }
    let cls = class_of(vm, &args.all[0], "attrgetter");
    Ok(new_native(cls, AttrGetter { names, paths }))
}

fn dotted(vm: &mut Vm, obj: &Value, path: &[Rc<PyStr>]) -> PyResult<Value> {
    let mut v = obj.clone();
    for name in path {
        v = vm.get_attr(&v, name)?;
    }
    Ok(v)
}

fn attrgetter_call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let obj = call_arg(vm, &args, "attrgetter")?;
    let g: &AttrGetter = data(vm, &args.all[0], "attrgetter")?;
    if let [path] = &g.paths[..] {
        return dotted(vm, obj, path);
    }
    let mut out = Vec::with_capacity(g.paths.len());
    for path in &g.paths {
        out.push(dotted(vm, obj, path)?);
    }
    Ok(Value::tuple(out))
}

fn attrgetter_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__repr__", 1, 1)?;
    let g: &AttrGetter = data(vm, &a[0], "attrgetter")?;
    let mut parts = Vec::new();
    for v in &g.names {
        parts.push(vm.repr(v)?);
    }
    Ok(call_repr(vm, &a[0], parts))
}

fn attrgetter_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__reduce__", 1, 1)?;
    let g: &AttrGetter = data(vm, &a[0], "attrgetter")?;
    let cls = Value::Type(vm.type_of(&a[0]));
    Ok(Value::tuple_of([cls, Value::tuple(g.names.clone())]))
}

// ---- methodcaller -------------------------------------------------------------------------

fn methodcaller_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    if pos.len() < 2 {
        return Err(vm.type_error("methodcaller needs at least one argument, the method name"));
    }
    let Value::Str(name) = &pos[1] else {
        return Err(vm.type_error("method name must be a string"));
    };
    let (kwnames, kwvalues) = args.kw().map(|(k, v)| (Value::str(k), v.clone())).unzip();
    let mc = MethodCaller {
        name: name.clone(),
        args: pos[2..].to_vec(),
        kwnames,
        kwvalues,
    };
    let cls = class_of(vm, &args.all[0], "methodcaller");
    Ok(new_native(cls, mc))
}

fn methodcaller_call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let obj = call_arg(vm, &args, "methodcaller")?;
    let mc: &MethodCaller = data(vm, &args.all[0], "methodcaller")?;
    let method = vm.get_attr(obj, &mc.name)?;
    if mc.kwnames.is_empty() {
        return vm.call0(&method, &mc.args);
    }
    let mut all = mc.args.clone();
    all.extend(mc.kwvalues.iter().cloned());
    vm.call(
        &method,
        Args {
            all: &all,
            kwnames: &mc.kwnames,
        },
    )
}

fn methodcaller_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__repr__", 1, 1)?;
    let mc: &MethodCaller = data(vm, &a[0], "methodcaller")?;
    let mut parts = vec![vm.repr(&Value::Str(mc.name.clone()))?];
    for v in &mc.args {
        parts.push(vm.repr(v)?);
    }
    for (k, v) in mc.kwnames.iter().zip(&mc.kwvalues) {
        let r = vm.repr(v)?;
        parts.push(format!("{}={r}", k.as_str().unwrap_or("")));
    }
    Ok(call_repr(vm, &a[0], parts))
}

/// `(cls, (name, *args))`, or with keywords `(partial(cls, name, **kwargs), args)`.
fn methodcaller_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__reduce__", 1, 1)?;
    let mc: &MethodCaller = data(vm, &a[0], "methodcaller")?;
    let cls = Value::Type(vm.type_of(&a[0]));
    let name = Value::Str(mc.name.clone());
    if mc.kwnames.is_empty() {
        let mut items = vec![name];
        items.extend(mc.args.iter().cloned());
        return Ok(Value::tuple_of([cls, Value::tuple(items)]));
    }
    let globals = Rc::new(crate::object::PyDict::new());
    let functools = vm.import("functools", &Value::None, &Value::Int(0), &globals)?;
    let partial = vm.get_attr_str(&functools, "partial")?;
    let mut all = vec![cls, name];
    all.extend(mc.kwvalues.iter().cloned());
    let p = vm.call(
        &partial,
        Args {
            all: &all,
            kwnames: &mc.kwnames,
        },
    )?;
    Ok(Value::tuple_of([p, Value::tuple(mc.args.clone())]))
}
