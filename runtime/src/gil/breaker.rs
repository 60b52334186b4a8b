//! The eval-breaker word: one atomic the eval loop polls cheaply.

use std::sync::atomic::{AtomicU32, Ordering};

/// An interpreter's *eval breaker*: a word of request bits that the eval loop
/// polls with a single `Relaxed` load at backward jumps and calls.
///
/// When the word is zero (the common case) the loop carries on; when any bit
/// is set it takes its slow path and looks at the individual bits:
///
/// * [`GIL_DROP_REQUEST`](Self::GIL_DROP_REQUEST): another thread has waited
///   a whole switch interval for the GIL; call
///   [`Gil::yield_now`](crate::gil::Gil::yield_now).
/// * [`PENDING_SIGNALS`](Self::PENDING_SIGNALS): a signal arrived.
/// * [`ASYNC_EXC`](Self::ASYNC_EXC): an exception must be raised in some
///   thread (e.g. daemon threads at shutdown).
/// * [`PENDING_CALLS`](Self::PENDING_CALLS): calls were scheduled to run on an
///   interpreter thread.
/// * [`DUMP_STACKS`](Self::DUMP_STACKS): a thread dump asks each running thread
///   to record its Python stack.
///
/// All accesses are `Relaxed`: the breaker is only a hint to look; whatever
/// data a request refers to is published under its own lock (for the GIL,
/// the GIL's mutex), so a stale read only delays the reaction by one check.
///
/// # Example
///
/// ```
/// use atoll_runtime::gil::EvalBreaker;
///
/// let breaker = EvalBreaker::new();
/// assert!(!breaker.is_set());
///
/// breaker.set(EvalBreaker::PENDING_CALLS);
/// breaker.set(EvalBreaker::GIL_DROP_REQUEST);
/// assert!(breaker.is_set());
/// assert!(breaker.has(EvalBreaker::GIL_DROP_REQUEST));
/// assert_eq!(
///     breaker.get(),
///     EvalBreaker::PENDING_CALLS | EvalBreaker::GIL_DROP_REQUEST
/// );
///
/// breaker.clear(EvalBreaker::GIL_DROP_REQUEST);
/// assert!(!breaker.has(EvalBreaker::GIL_DROP_REQUEST));
/// assert!(breaker.is_set()); // PENDING_CALLS is still there
/// ```
#[derive(Debug, Default)]
pub struct EvalBreaker(AtomicU32);

impl EvalBreaker {
    /// Another thread asks the GIL holder to drop the GIL (set by a waiter
    /// after one switch interval without a switch).
    pub const GIL_DROP_REQUEST: u32 = 1;
    /// A signal was received and its Python-level handler must run.
    pub const PENDING_SIGNALS: u32 = 2;
    /// An asynchronous exception must be raised in some thread (for example
    /// daemon threads being stopped at interpreter shutdown).
    pub const ASYNC_EXC: u32 = 4;
    /// Calls were scheduled (from any thread) to run in the interpreter.
    pub const PENDING_CALLS: u32 = 8;
    /// A thread dump ([`crate::Runtime::dump_threads`]) waits for the running
    /// threads to record their Python stacks.
    pub const DUMP_STACKS: u32 = 16;

    /// A breaker with no bits set.
    pub const fn new() -> Self {
        Self(AtomicU32::new(0))
    }

    /// Whether any bit is set: the eval loop's single fast-path check.
    #[inline]
    pub fn is_set(&self) -> bool {
        self.0.load(Ordering::Relaxed) != 0
    }

    /// All the bits currently set.
    #[inline]
    pub fn get(&self) -> u32 {
        self.0.load(Ordering::Relaxed)
    }

    /// Sets `bit` (or several bits OR-ed together).
    #[inline]
    pub fn set(&self, bit: u32) {
        self.0.fetch_or(bit, Ordering::Relaxed);
    }

    /// Clears `bit` (or several bits OR-ed together), leaving the others.
    #[inline]
    pub fn clear(&self, bit: u32) {
        self.0.fetch_and(!bit, Ordering::Relaxed);
    }

    /// Whether any of the bits in `bit` is set.
    #[inline]
    pub fn has(&self, bit: u32) -> bool {
        self.0.load(Ordering::Relaxed) & bit != 0
    }
}
