//! Finalizers: a generator dropped while suspended inside a `try` block is closed (its
//! `finally` blocks and `except GeneratorExit` handlers run), and an instance of a
//! class with `__del__` has it called, as CPython does when the last reference goes
//! away.
//!
//! `Drop` can't run Python code, so the dropped generator's frame (or the dropped
//! instance's contents, moved into a new instance) is queued on its thread and the
//! eval breaker's `PENDING_CALLS` bit is set; the VM runs the queue at its next
//! breaker check (before the next call or backward jump). At interpreter shutdown
//! [`Vm::finalize_modules`] clears the module namespaces first so that these run.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use crate::gil::EvalBreaker;
use crate::object::{Generator, Instance, PyDict, PyStr, Value};
use crate::vm::{Frame, Vm};

/// A suspended generator frame waiting to be closed.
pub struct PendingClose {
    pub frame: Box<Frame>,
    pub name: Rc<PyStr>,
    pub qualname: Rc<PyStr>,
    pub coroutine: bool,
}

thread_local! {
    static PENDING: RefCell<Vec<PendingClose>> = const { RefCell::new(Vec::new()) };
    static PENDING_DEL: RefCell<std::collections::VecDeque<Rc<Instance>>> =
        const { RefCell::new(std::collections::VecDeque::new()) };
    static BREAKER: RefCell<Option<Arc<EvalBreaker>>> = const { RefCell::new(None) };
}

/// Records the eval breaker of the interpreter running on this thread.
pub fn register_breaker(b: Arc<EvalBreaker>) {
    BREAKER.with(|x| *x.borrow_mut() = Some(b));
}

/// Queues a dropped generator's frame for closing, if it is suspended where closing
/// runs code (inside a `try` block).
pub fn queue_close(g: &mut Generator) {
    let Some(frame) = g.frame.get_mut().take() else {
        return;
    };
    if frame.ip == 0 || frame.code.code.handler_for(frame.lasti).is_none() {
        // nothing to run: drop the frame normally
        drop(frame);
        return;
    }
    let pending = PendingClose {
        frame,
        name: g.name.clone(),
        qualname: g.qualname.clone(),
        coroutine: g.coroutine,
    };
    let queued = PENDING.try_with(|p| p.borrow_mut().push(pending)).is_ok();
    if queued {
        let _ = BREAKER.try_with(|b| {
            if let Some(b) = &*b.borrow() {
                b.set(EvalBreaker::PENDING_CALLS);
            }
        });
    }
}

/// Queues a dropped instance whose class defines `__del__`: its contents move into a
/// new instance (marked finalized) on which `__del__` is called.
pub fn queue_del(inst: &mut Instance) {
    let moved = Instance {
        class: inst.class.clone(),
        dict: std::mem::replace(&mut inst.dict, Rc::new(PyDict::new())),
        exc: inst.exc.take(),
        base: inst.base.take(),
        slot_values: RefCell::new(std::mem::take(inst.slot_values.get_mut())),
        finalized: std::cell::Cell::new(true),
    };
    let queued = PENDING_DEL
        .try_with(|p| p.borrow_mut().push_back(Rc::new(moved)))
        .is_ok();
    if queued {
        let _ = BREAKER.try_with(|b| {
            if let Some(b) = &*b.borrow() {
                b.set(EvalBreaker::PENDING_CALLS);
            }
        });
    }
}

/// Drops whatever is still queued on this thread without running it (the
/// interpreter is being freed).
pub fn discard_pending() {
    let dels = PENDING_DEL.try_with(|p| std::mem::take(&mut *p.borrow_mut()));
    drop(dels);
    let closes = PENDING.try_with(|p| std::mem::take(&mut *p.borrow_mut()));
    drop(closes);
}

impl Vm {
    /// Calls `__del__` of the instances queued on this thread, oldest first.
    fn run_pending_dels(&mut self) {
        loop {
            let next = PENDING_DEL.with(|p| p.borrow_mut().pop_front());
            let Some(inst) = next else { break };
            let Some(del) = inst.class.lookup("__del__") else {
                continue;
            };
            let saved = std::mem::replace(&mut self.handled, Value::None);
            let obj = Value::Instance(inst);
            if let Err(e) = self.call0(&del, std::slice::from_ref(&obj)) {
                let what = match &del {
                    Value::Function(f) => format!(
                        "<function {} at {:#x}>",
                        f.qualname.borrow().as_str(),
                        del.id()
                    ),
                    _ => self.repr(&del).unwrap_or_default(),
                };
                let tb = crate::vm::format_exception(self, &e);
                crate::stdlib::io::raw_write(true, &format!("Exception ignored in: {what}\n{tb}"));
            }
            self.handled = saved;
        }
    }

    /// Interpreter shutdown: the namespace of `__main__`, then of the other modules
    /// (last imported first), is released in order, as CPython frees a module's
    /// dict, running the finalizers (`__del__`, generator `finally` blocks) of what
    /// that frees. Classes and modules stay bound, for the interpreter's own cleanup.
    pub fn finalize_modules(&mut self) {
        let mut dicts = vec![self.ctx.main.dict.clone()];
        let mods: Vec<Value> = self
            .ctx
            .modules
            .0
            .borrow()
            .iter()
            .map(|(_, v)| v.clone())
            .collect();
        for m in mods.iter().rev() {
            if let Value::Module(m) = m
                && !Rc::ptr_eq(&m.dict, &self.ctx.main.dict)
                && !matches!(m.name.as_str(), "sys" | "builtins")
            {
                dicts.push(m.dict.clone());
            }
        }
        for d in dicts {
            let keys: Vec<Value> = d.0.borrow().keys().collect();
            for k in keys {
                let Some(name) = k.as_str() else { continue };
                if name == "__builtins__" {
                    continue;
                }
                let bound = d.get_str(name);
                if matches!(bound, None | Some(Value::Type(_) | Value::Module(_))) {
                    continue;
                }
                d.set_str(name, Value::None);
                drop(bound);
                self.run_finalizers_now();
            }
        }
    }

    /// Runs the queued finalizers if there are any (after a frame ends or a `del`, so
    /// `__del__` runs about when CPython would run it).
    #[inline]
    pub(crate) fn run_finalizers_now(&mut self) {
        if self.interp.breaker.has(EvalBreaker::PENDING_CALLS) && Vm::has_pending_closes() {
            self.interp.breaker.clear(EvalBreaker::PENDING_CALLS);
            self.run_pending_closes();
        }
    }

    /// Closes the generators queued on this thread (called from the breaker check).
    pub(crate) fn run_pending_closes(&mut self) {
        self.run_pending_dels();
        loop {
            let next = PENDING.with(|p| p.borrow_mut().pop());
            let Some(p) = next else { break };
            let g = Rc::new(Generator {
                frame: RefCell::new(Some(p.frame)),
                running: std::cell::Cell::new(false),
                name: p.name,
                qualname: p.qualname,
                coroutine: p.coroutine,
                is_async_gen: false,
                iterable_coroutine: std::cell::Cell::new(false),
            });
            let saved = std::mem::replace(&mut self.handled, crate::object::Value::None);
            if let Err(e) = self.gen_close(&g) {
                let what = format!(
                    "Exception ignored in: <generator object {} at {:#x}>\n",
                    g.qualname.as_str(),
                    crate::object::Value::Generator(g.clone()).id()
                );
                let tb = crate::vm::format_exception(self, &e);
                crate::stdlib::io::raw_write(true, &format!("{what}{tb}"));
            }
            self.handled = saved;
            // a generator that ignored the close stays suspended: drop its frame
            // without queueing it again
            let frame = g.frame.borrow_mut().take();
            drop(frame);
        }
    }

    /// Whether this thread has generators waiting to be closed or instances waiting
    /// for `__del__`.
    pub(crate) fn has_pending_closes() -> bool {
        PENDING.with(|p| !p.borrow().is_empty()) || PENDING_DEL.with(|p| !p.borrow().is_empty())
    }
}
