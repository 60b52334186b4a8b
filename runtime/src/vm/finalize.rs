//! Finalizing generators: a generator dropped while suspended inside a `try` block is
//! closed (its `finally` blocks and `except GeneratorExit` handlers run), as CPython
//! closes a generator when its last reference goes away.
//!
//! `Drop` can't run Python code, so the dropped generator's frame is queued on its
//! thread and the eval breaker's `PENDING_CALLS` bit is set; the VM closes queued
//! generators at its next breaker check (before the next call or backward jump).

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use crate::gil::EvalBreaker;
use crate::object::{Generator, PyStr};
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

impl Vm {
    /// Closes the generators queued on this thread (called from the breaker check).
    pub(crate) fn run_pending_closes(&mut self) {
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

    /// Whether this thread has generators waiting to be closed.
    pub(crate) fn has_pending_closes() -> bool {
        PENDING.with(|p| !p.borrow().is_empty())
    }
}
