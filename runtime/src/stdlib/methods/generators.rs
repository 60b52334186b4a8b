//! Methods of generators and coroutines (`send`, `throw`, `close`, `__await__`) and of
//! the built-in iterators.

use std::rc::Rc;

use crate::object::{Generator, Value};
use crate::vm::eval::Exit;
use crate::vm::{Args, PyErr, PyResult, Vm};

use super::method;

/// `coroutine.__await__()`: an iterator driving the coroutine.
pub struct CoroWrapper(pub Rc<Generator>);

/// Installs the methods of generators, coroutines and iterators.
pub fn install(vm: &mut Vm) {
    let t = &vm.ctx.types;
    let shared: &[(&'static str, crate::object::BuiltinFn)] =
        &[("send", send), ("throw", throw), ("close", close)];
    method(&t.generator, shared);
    method(&t.generator, &[("__next__", next), ("__iter__", identity)]);
    method(&t.coroutine, shared);
    method(&t.coroutine, &[("__await__", await_)]);
    method(
        &t.async_generator,
        &[
            ("__aiter__", identity),
            ("__anext__", anext),
            ("asend", asend),
            ("athrow", athrow),
            ("aclose", aclose),
        ],
    );
    for ty in [
        &t.iterator,
        &t.list_iterator,
        &t.tuple_iterator,
        &t.str_ascii_iterator,
        &t.str_iterator,
        &t.range_iterator,
        &t.dict_keyiterator,
        &t.dict_valueiterator,
        &t.dict_itemiterator,
        &t.dict_reverseiterator,
        &t.set_iterator,
        &t.bytes_iterator,
        &t.bytearray_iterator,
        &t.enumerate,
        &t.zip,
        &t.map,
        &t.filter,
        &t.reversed,
        &t.list_reverseiterator,
        &t.callable_iterator,
    ] {
        method(
            ty,
            &[
                ("__next__", iter_next),
                ("__iter__", identity),
                ("__length_hint__", length_hint),
            ],
        );
    }
}

fn identity(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "generator.__iter__", 1, 1)?;
    Ok(a[0].clone())
}

fn iter_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "generator.__next__", 1, 1)?;
    match vm.next(&a[0])? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::None)),
    }
}

fn length_hint(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.check_method(vm, "generator.__length_hint__", 1, 1)?;
    Ok(Value::Int(0))
}

/// The generator (or the coroutine behind an `__await__` wrapper) of a method call.
fn gen_of(vm: &mut Vm, v: &Value) -> PyResult<Rc<Generator>> {
    match v {
        Value::Generator(g) => Ok(g.clone()),
        Value::Native(n) => match n.get::<CoroWrapper>() {
            Some(w) => Ok(w.0.clone()),
            None => Err(vm.type_error("expected a generator")),
        },
        other => Err(vm.type_error(format!(
            "descriptor requires a 'generator' object but received a '{}'",
            vm.type_name(other)
        ))),
    }
}

fn next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "generator.__next__", 1, 1)?;
    let g = gen_of(vm, &a[0])?;
    match vm.gen_resume(&g, Value::None)? {
        Exit::Yield(v) => Ok(v),
        Exit::Return(r) => Err(vm.stop_iteration(r)),
    }
}

fn send(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "generator.send", 2, 2)?;
    let g = gen_of(vm, &a[0])?;
    let started = g.frame.borrow().as_ref().map(|f| f.ip > 0).unwrap_or(true);
    if !started && !a[1].is_none() {
        let what = if g.coroutine {
            "coroutine"
        } else {
            "generator"
        };
        return Err(vm.type_error(format!(
            "can't send non-None value to a just-started {what}"
        )));
    }
    match vm.gen_resume(&g, a[1].clone())? {
        Exit::Yield(v) => Ok(v),
        Exit::Return(r) => Err(vm.stop_iteration(r)),
    }
}

/// Builds the exception of `throw(typ[, val[, tb]])`.
pub fn throw_exception(vm: &mut Vm, a: &[Value]) -> PyResult<PyErr> {
    let typ = a[0].clone();
    let val = a.get(1).cloned().unwrap_or(Value::None);
    match &typ {
        Value::Type(t) if t.kind == crate::object::TypeKind::Exception => match &val {
            Value::Instance(i) if i.exc.is_some() && i.class.is_subtype(t) => Ok(i.clone()),
            Value::None => vm.make_raisable(typ.clone()),
            Value::Tuple(args) => {
                let r = vm.call0(&typ, &args.0)?;
                vm.make_raisable(r)
            }
            other => {
                let r = vm.call0(&typ, std::slice::from_ref(other))?;
                vm.make_raisable(r)
            }
        },
        Value::Instance(i) if i.exc.is_some() => {
            if !val.is_none() {
                return Err(vm.type_error("instance exception may not have a separate value"));
            }
            Ok(i.clone())
        }
        other => Err(vm.type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            vm.type_name(other)
        ))),
    }
}

fn throw(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "generator.throw", 2, 4)?;
    let g = gen_of(vm, &a[0])?;
    let exc = throw_exception(vm, &a[1..])?;
    match vm.gen_throw(&g, exc)? {
        Exit::Yield(v) => Ok(v),
        Exit::Return(r) => Err(vm.stop_iteration(r)),
    }
}

fn close(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "generator.close", 1, 1)?;
    let g = gen_of(vm, &a[0])?;
    vm.gen_close(&g)?;
    Ok(Value::None)
}

fn await_(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "generator.__await__", 1, 1)?;
    let g = gen_of(vm, &a[0])?;
    let class = coro_wrapper_class(vm);
    Ok(vm.native_value(&class, CoroWrapper(g)))
}

/// The class of `coroutine.__await__()` iterators (created once per interpreter).
fn coro_wrapper_class(vm: &mut Vm) -> Rc<crate::object::PyType> {
    if let Some(Value::Type(t)) = vm.ctx.native.borrow().get("coroutine_wrapper") {
        return t.clone();
    }
    let t = crate::object::PyType::new_builtin(
        "coroutine_wrapper",
        Some(&vm.ctx.types.object),
        crate::object::TypeKind::Builtin,
    );
    method(
        &t,
        &[
            ("__next__", next),
            ("__iter__", identity),
            ("send", send),
            ("throw", throw),
            ("close", close),
        ],
    );
    vm.ctx
        .native
        .borrow_mut()
        .insert("coroutine_wrapper", Value::Type(t.clone()));
    t
}

/// What an async generator step does when first driven.
enum Action {
    Send(Value),
    Throw(PyErr),
    Close,
}

/// The awaitable of `agen.__anext__()`, `asend(v)`, `athrow(...)` and `aclose()`.
pub struct AsyncGenStep {
    generator: Rc<Generator>,
    first: std::cell::RefCell<Option<Action>>,
    done: std::cell::Cell<bool>,
    closing: bool,
}

fn agen_of(vm: &mut Vm, v: &Value) -> PyResult<Rc<Generator>> {
    match v {
        Value::Generator(g) if g.is_async_gen => Ok(g.clone()),
        other => Err(vm.type_error(format!(
            "descriptor requires an 'async_generator' object but received a '{}'",
            vm.type_name(other)
        ))),
    }
}

fn step_value(vm: &mut Vm, g: Rc<Generator>, action: Action) -> Value {
    let closing = matches!(action, Action::Close);
    let class = agen_step_class(vm);
    vm.native_value(
        &class,
        AsyncGenStep {
            generator: g,
            first: std::cell::RefCell::new(Some(action)),
            done: std::cell::Cell::new(false),
            closing,
        },
    )
}

fn anext(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "generator.__anext__", 1, 1)?;
    let g = agen_of(vm, &a[0])?;
    Ok(step_value(vm, g, Action::Send(Value::None)))
}

fn asend(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "generator.asend", 2, 2)?;
    let g = agen_of(vm, &a[0])?;
    Ok(step_value(vm, g, Action::Send(a[1].clone())))
}

fn athrow(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "generator.athrow", 2, 4)?;
    let g = agen_of(vm, &a[0])?;
    let exc = throw_exception(vm, &a[1..])?;
    Ok(step_value(vm, g, Action::Throw(exc)))
}

fn aclose(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "generator.aclose", 1, 1)?;
    let g = agen_of(vm, &a[0])?;
    Ok(step_value(vm, g, Action::Close))
}

fn step_of(vm: &mut Vm, v: &Value) -> PyResult<Rc<crate::object::Native>> {
    match v {
        Value::Native(n) if n.get::<AsyncGenStep>().is_some() => Ok(n.clone()),
        _ => Err(vm.type_error("expected an async generator awaitable")),
    }
}

/// Whether a suspended generator is waiting inside an `await` (not at its own
/// `yield`).
fn at_await(g: &Generator) -> bool {
    match &*g.frame.borrow() {
        Some(f) => {
            let li = f.lasti;
            li > 0
                && matches!(
                    f.code.code.instrs.get(li - 1),
                    Some(crate::bytecode::Instr::Send(_))
                )
        }
        None => false,
    }
}

/// Drives an async generator step with `action` (the first time, the step's own).
fn step_drive(vm: &mut Vm, n: &crate::object::Native, action: Action) -> PyResult<Value> {
    let Some(st) = n.get::<AsyncGenStep>() else {
        return Err(vm.type_error("expected an async generator awaitable"));
    };
    if st.done.get() {
        return Err(vm.runtime_error("cannot reuse already awaited __anext__()/asend()"));
    }
    let action = match st.first.borrow_mut().take() {
        Some(first) => match (first, action) {
            (first, Action::Send(Value::None)) => first,
            (_, other) => other,
        },
        None => action,
    };
    let g = st.generator.clone();
    let r = match action {
        Action::Send(v) => vm.gen_resume(&g, v),
        Action::Throw(e) => vm.gen_throw(&g, e),
        Action::Close => {
            if g.frame.borrow().is_none() {
                st.done.set(true);
                return Err(vm.stop_iteration(Value::None));
            }
            let e = vm.new_exception_args(&vm.ctx.types.generator_exit.clone(), vec![]);
            vm.gen_throw(&g, e)
        }
    };
    match r {
        Ok(Exit::Yield(y)) => {
            if at_await(&g) {
                return Ok(y);
            }
            st.done.set(true);
            if st.closing {
                return Err(vm.runtime_error("async generator ignored GeneratorExit"));
            }
            Err(vm.stop_iteration(y))
        }
        Ok(Exit::Return(_)) => {
            st.done.set(true);
            if st.closing {
                return Err(vm.stop_iteration(Value::None));
            }
            Err(vm.new_exception_args(&vm.ctx.types.stop_async_iteration.clone(), vec![]))
        }
        Err(e) => {
            st.done.set(true);
            if st.closing
                && (vm.err_is(&e, &vm.ctx.types.generator_exit.clone())
                    || vm.err_is(&e, &vm.ctx.types.stop_async_iteration.clone()))
            {
                return Err(vm.stop_iteration(Value::None));
            }
            Err(e)
        }
    }
}

fn step_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "generator.__next__", 1, 1)?;
    let n = step_of(vm, &a[0])?;
    step_drive(vm, &n, Action::Send(Value::None))
}

fn step_send(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "generator.send", 2, 2)?;
    let n = step_of(vm, &a[0])?;
    step_drive(vm, &n, Action::Send(a[1].clone()))
}

fn step_throw(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "generator.throw", 2, 4)?;
    let n = step_of(vm, &a[0])?;
    let exc = throw_exception(vm, &a[1..])?;
    step_drive(vm, &n, Action::Throw(exc))
}

fn step_close(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check_method(vm, "generator.close", 1, 1)?;
    let n = step_of(vm, &a[0])?;
    if let Some(st) = n.get::<AsyncGenStep>() {
        st.done.set(true);
    }
    Ok(Value::None)
}

/// The class of async generator step awaitables (created once per interpreter).
fn agen_step_class(vm: &mut Vm) -> Rc<crate::object::PyType> {
    if let Some(Value::Type(t)) = vm.ctx.native.borrow().get("async_generator_asend") {
        return t.clone();
    }
    let t = crate::object::PyType::new_builtin(
        "async_generator_asend",
        Some(&vm.ctx.types.object),
        crate::object::TypeKind::Builtin,
    );
    method(
        &t,
        &[
            ("__await__", identity),
            ("__iter__", identity),
            ("__next__", step_next),
            ("send", step_send),
            ("throw", step_throw),
            ("close", step_close),
        ],
    );
    vm.ctx
        .native
        .borrow_mut()
        .insert("async_generator_asend", Value::Type(t.clone()));
    t
}
