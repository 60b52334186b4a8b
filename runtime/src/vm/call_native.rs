//! Cheap calls of built-ins and bound methods (CPython's vectorcall conventions).
//!
//! A call site's arguments already lie on the caller's value stack, and the slot just
//! before them is free once the callee has been taken out of it (`Call`: the callee's
//! own slot; `CallMethod` without a self: the NULL slot). A bound method or a bound
//! built-in writes its `self` into that slot and calls its function with the
//! arguments starting there, so no argument vector is allocated (CPython's
//! `PY_VECTORCALL_ARGUMENTS_OFFSET`). Calls that don't come from the value stack
//! ([`Vm::call`] on a bound callable) put `self` and a few arguments in a small
//! array on the Rust stack instead of a heap vector.

use std::rc::Rc;

use crate::object::{BoundMethod, Value};
use crate::vm::{Args, PyResult, Vm};

/// Calls with at most this many arguments after a prepended `self` use an array on
/// the Rust stack; longer ones a vector.
const SMALL_ARGS: usize = 6;

impl Vm {
    /// Calls the callable at `stack[callee_at]` with the arguments `stack[start..]`
    /// (the last `kwnames.len()` of them keywords), then truncates the stack to
    /// `callee_at`. `stack[start - 1]` must be free to overwrite: it is either the
    /// callee's own slot (`callee_at == start - 1`) or an empty NULL slot.
    #[inline]
    pub(crate) fn call_on_stack(
        &mut self,
        stack: &mut Vec<Value>,
        callee_at: usize,
        start: usize,
        kwnames: &[Value],
    ) -> PyResult<Value> {
        let callee = std::mem::take(&mut stack[callee_at]);
        let r = match &callee {
            Value::Builtin(b) => match &b.bound {
                None => (b.func)(
                    self,
                    Args {
                        all: &stack[start..],
                        kwnames,
                    },
                ),
                Some(s) => {
                    stack[start - 1] = s.clone();
                    (b.func)(
                        self,
                        Args {
                            all: &stack[start - 1..],
                            kwnames,
                        },
                    )
                }
            },
            Value::Method(m) => {
                stack[start - 1] = m.self_.clone();
                let args = Args {
                    all: &stack[start - 1..],
                    kwnames,
                };
                match &m.func {
                    Value::Function(f) => self.call_function(f, args),
                    Value::Builtin(b) if b.bound.is_none() => (b.func)(self, args),
                    func => self.call(func, args),
                }
            }
            _ => self.call(
                &callee,
                Args {
                    all: &stack[start..],
                    kwnames,
                },
            ),
        };
        stack.truncate(callee_at);
        r
    }

    /// Runs `f` with `first` prepended to `args` (a bound method's or bound
    /// built-in's `self`, or a callable instance for its `__call__`), without a heap
    /// allocation when there are few arguments.
    #[inline]
    pub(crate) fn with_self<R>(
        &mut self,
        first: &Value,
        args: Args<'_>,
        f: impl FnOnce(&mut Vm, Args<'_>) -> R,
    ) -> R {
        let n = args.all.len();
        if n < SMALL_ARGS {
            let mut buf: [Value; SMALL_ARGS] = Default::default();
            buf[0] = first.clone();
            buf[1..=n].clone_from_slice(args.all);
            f(
                self,
                Args {
                    all: &buf[..=n],
                    kwnames: args.kwnames,
                },
            )
        } else {
            let all = crate::vm::class::prepend(first, args.all);
            f(
                self,
                Args {
                    all: &all,
                    kwnames: args.kwnames,
                },
            )
        }
    }

    /// Calls `func` with `first` prepended to `args` (see [`Vm::with_self`]).
    #[inline]
    pub(crate) fn call_with_self(
        &mut self,
        func: &Value,
        first: &Value,
        args: Args<'_>,
    ) -> PyResult<Value> {
        if let Value::Function(f) = func {
            return self.call_function_with_self(f, first, args);
        }
        self.with_self(first, args, |vm, args| match func {
            Value::Builtin(b) if b.bound.is_none() => (b.func)(vm, args),
            Value::Function(f) => vm.call_function(f, args),
            _ => vm.call(func, args),
        })
    }

    /// Calls a bound method object.
    #[inline]
    pub(crate) fn call_bound_method(
        &mut self,
        m: &Rc<BoundMethod>,
        args: Args<'_>,
    ) -> PyResult<Value> {
        self.call_with_self(&m.func, &m.self_, args)
    }

    /// Calls the method `attr` found on `obj`'s class `cls` with no arguments
    /// (`__enter__`): a plain function or built-in gets `obj` as its argument without
    /// a bound method being made; anything else is bound as attribute access would.
    pub(crate) fn call_special_method(
        &mut self,
        attr: Value,
        obj: &Value,
        cls: &Rc<crate::object::PyType>,
    ) -> PyResult<Value> {
        let one = std::slice::from_ref(obj);
        match &attr {
            Value::Builtin(b) if b.bound.is_none() => (b.func)(self, Args::new(one)),
            Value::Function(f) => self.call_function(f, Args::new(one)),
            _ => {
                let bound = self.bind_class_attr(attr, obj, cls)?;
                self.call(&bound, Args::new(&[]))
            }
        }
    }
}
