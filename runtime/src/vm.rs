//! The virtual machine: one [`Vm`] per thread state, the eval loop, calls, operators.
//!
//! A `Vm` exists only on the OS thread it belongs to and only touches objects while
//! its interpreter's GIL is held; [`Vm::allow_threads`] releases the GIL around a
//! blocking call whose closure must be `Send` (so it can't touch objects).

mod args;
mod arith;
pub mod attr;
pub mod attr_cache;
mod call;
mod call_native;
pub mod class;
pub mod compare;
mod errors;
pub mod eval;
pub mod finalize;
pub mod format;
mod frame;
mod items;
mod iter;
mod mapping;
mod ops;
pub(crate) mod traceback;

use std::rc::Rc;
use std::sync::Arc;

pub use args::{Args, arg_count_message};
pub(crate) use arith::INT_MAX_STR_DIGITS;
pub use arith::big_true_div as arith_big_true_div;
pub use frame::Frame;
pub use traceback::format_exception;

use crate::interp::{InterpCtx, InterpShared};
use crate::object::{Instance, PyDict, Value};

/// An exception being raised: the exception instance.
pub type PyErr = Rc<Instance>;

/// The result of anything that can raise.
pub type PyResult<T> = Result<T, PyErr>;

/// One thread's execution state inside one interpreter (CPython's `PyThreadState`,
/// the GIL-side half).
pub struct Vm {
    /// The interpreter's shared, thread-safe part (GIL, registry, config).
    pub interp: Arc<InterpShared>,
    /// The interpreter's objects (builtins, modules, classes).
    pub ctx: Rc<InterpCtx>,
    /// This thread state's id (unique in the process), used as the GIL holder id.
    pub thread_id: u64,
    /// `threading.get_ident()` of the OS thread.
    pub ident: u64,
    /// Current Python call depth.
    pub depth: usize,
    /// The exception currently being handled (`sys.exc_info()`), or None.
    pub handled: Value,
    /// Whether this is a daemon thread (stopped, not waited for, at shutdown).
    pub daemon: bool,
    /// Set when the interpreter is stopping this (daemon) thread: exceptions then
    /// unwind without running handlers.
    pub killed: bool,
    /// Set while re-raising, so the traceback gets no duplicate entry.
    pub(crate) reraising: bool,
    /// Objects whose repr is being computed (to print `[...]` for cycles).
    pub(crate) repr_stack: Vec<i64>,
    /// Empty vectors of finished frames, reused for new frames' locals and stacks
    /// so a call allocates nothing in the common case.
    pub(crate) frame_pool: Vec<(Vec<Value>, Vec<Value>)>,
    /// The globals of the innermost running frame (for `globals()`, `eval`, `dir()`).
    pub(crate) cur_globals: Option<Rc<PyDict>>,
    /// The running Python frames, outermost first: each frame's code and, for every
    /// frame but the innermost, the instruction it is calling from. Read only to
    /// capture the stack for a thread dump or a deadlock report
    /// ([`crate::threads::stack`]).
    pub(crate) frames: Vec<FrameMark>,
    /// The instruction the innermost frame is executing (the eval loop stores it
    /// beside the frame's own `lasti`).
    pub(crate) cur_lasti: usize,
    /// The native stack range `(low, high]` in which a new Python frame may run
    /// without asking `stacker` for room: addresses above `low` have more than
    /// the red zone left (see `Vm::run_frame_on_stack`). Empty until the first
    /// frame runs.
    pub(crate) stack_window: (usize, usize),
}

/// One running frame in [`Vm::frames`].
pub(crate) struct FrameMark {
    pub(crate) code: Rc<crate::object::CodeHandle>,
    /// For a frame that called another: the instruction it called from.
    pub(crate) lasti: usize,
}

/// How many spare pairs of frame vectors (locals, stack) a thread keeps.
const FRAME_POOL_MAX: usize = 32;

impl Vm {
    /// A VM for thread state `thread_id` (the caller holds the GIL).
    pub fn new(interp: Arc<InterpShared>, ctx: Rc<InterpCtx>, thread_id: u64, ident: u64) -> Vm {
        finalize::register_breaker(interp.breaker.clone());
        Vm {
            interp,
            ctx,
            thread_id,
            ident,
            depth: 0,
            handled: Value::None,
            daemon: false,
            killed: false,
            reraising: false,
            repr_stack: Vec::new(),
            cur_globals: None,
            frame_pool: Vec::new(),
            frames: Vec::new(),
            cur_lasti: 0,
            stack_window: (usize::MAX, 0),
        }
    }

    /// A frame for `func`'s code, its vectors taken from the pool.
    pub(crate) fn frame_for(&mut self, func: &crate::object::Function) -> Frame {
        let (fast, stack) = self.frame_pool.pop().unwrap_or_default();
        Frame::with_locals(
            func.code.clone(),
            func.globals.clone(),
            func.builtins.clone(),
            &func.closure,
            fast,
            stack,
        )
    }

    /// Gives a finished frame's vectors back to the pool (the frame keeps empty
    /// ones).
    #[inline]
    pub(crate) fn recycle(&mut self, frame: &mut Frame) {
        let bufs = frame.take_buffers();
        if self.frame_pool.len() < FRAME_POOL_MAX {
            self.frame_pool.push(bufs);
        }
    }

    /// Runs `f` with the GIL released (for blocking calls), then takes it back.
    ///
    /// `f` must be `Send`, so it can't capture a reference to any object.
    pub fn allow_threads<R, F: FnOnce() -> R + Send>(&mut self, f: F) -> R {
        self.interp.gil.release(self.thread_id);
        let r = f();
        self.interp.gil.take(self.thread_id);
        r
    }

    /// The globals of the running frame (`__main__`'s when none runs).
    pub fn current_globals(&self) -> Rc<PyDict> {
        self.cur_globals
            .clone()
            .unwrap_or_else(|| self.ctx.main.dict.clone())
    }

    /// Handles a set eval-breaker bit: GIL drop requests, stack dumps, daemon
    /// shutdown, `KeyboardInterrupt`.
    #[cold]
    pub fn handle_breaker(&mut self) -> PyResult<()> {
        use crate::gil::EvalBreaker;
        let bits = self.interp.breaker.get();
        if bits & EvalBreaker::DUMP_STACKS != 0 {
            crate::threads::dump::answer_request(self);
        }
        if bits & EvalBreaker::GIL_DROP_REQUEST != 0 {
            self.interp.gil.yield_now(self.thread_id);
        }
        if bits & EvalBreaker::PENDING_SIGNALS != 0
            && let Some(e) = crate::threads::interrupt::take_pending(self)
        {
            return Err(e);
        }
        if bits & EvalBreaker::PENDING_CALLS != 0 && Vm::has_pending_closes() {
            self.interp.breaker.clear(EvalBreaker::PENDING_CALLS);
            self.run_pending_closes();
        }
        if bits & EvalBreaker::ASYNC_EXC != 0 && self.interp.should_stop(self.thread_id) {
            self.killed = true;
            return Err(self.new_exception(
                &self.ctx.types.system_exit.clone(),
                "interpreter shutting down: daemon thread stopped",
            ));
        }
        Ok(())
    }
}
